import ArgumentParser
import Foundation
import SolexCore
import SolexStore

/// `solex similar KIND --country C --title T [--text X] [--theme S ...]`: the entries that look like an entry about
/// to be registered (the warning the forms show), best first.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar", abstract: "List stored entries that look like an entry about to be registered.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "innovations or needs.") var kind: EntryKind
    @Option(help: "The country (alpha-3).") var country: String
    @Option(help: "The title.") var title: String
    @Option(help: "The summary of an innovation or the description of a need.") var text: String = ""
    @Option(name: .customLong("theme"), help: "A theme slug (repeatable).") var themes: [String] = []

    func run() throws {
        let catalogue = try options.openCatalogue()
        let query = DuplicateQuery(kind: kind, country: country, themes: themes, title: title, text: text)
        let found = try catalogue.similarEntries(query, actor: .commandLine)
        if found.isEmpty { print("no similar \(kind.plural)") }
        for entry in found {
            let s = entry.similarity
            print([entry.ref, String(format: "%.3f", s.score), String(format: "title %.3f", s.title),
                   String(format: "text %.3f", s.text), entry.status.rawValue, entry.title].joined(separator: "\t"))
        }
    }
}

/// `solex merge KIND KEEP DUPLICATE`: merges a duplicate entry into another (see `Catalogue.merge`).
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge a duplicate entry into another: the kept entry gains the duplicate's themes, SDG targets, tags and "
            + "languages; the duplicate's fields, history and pair statuses are kept and its address leads to the kept entry.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "innovations or needs.") var kind: EntryKind
    @Argument(help: "The ref of the entry to keep.") var keep: String
    @Argument(help: "The ref of the duplicate to merge into it.") var duplicate: String

    func run() throws {
        let catalogue = try options.openCatalogue()
        do {
            let kept = try catalogue.merge(kind, keep: keep, duplicate: duplicate, actor: .commandLine)
            print("\(duplicate) merged into \(kept.ref)")
        } catch CatalogueError.invalid(let failure) {
            throw ValidationError(failure.errors.map { "\($0.field): \($0.reason)" }.joined(separator: "\n"))
        } catch CatalogueError.notFound(let kind, let ref) {
            throw ValidationError("no \(kind.rawValue) has the ref '\(ref)'")
        }
    }
}
