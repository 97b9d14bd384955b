import ArgumentParser
import Foundation
import SolexCore
import SolexStore

/// `solex import innovations|needs FILE`
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import innovations or needs from a .jsonl or .csv file (upsert by ref; all or nothing).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "innovations or needs") var kind: EntryKind
    @Argument(help: "The file: .jsonl or .csv in the interchange format.") var file: String

    @Option(help: "Status of the imported entries.") var status: EntryStatus = .published

    func run() throws {
        guard let format = InterchangeFormat(path: file) else {
            throw ValidationError("\(file): the file name must end in .jsonl or .csv")
        }
        let catalogue = try options.openCatalogue()
        let started = Date()
        do {
            let summary = try catalogue.importFile(kind, from: URL(fileURLWithPath: file), format: format, status: status,
                                                   actor: .commandLine) { written in
                printError("\(file): \(written) \(kind.plural) written")
            }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            printError("\(file): imported \(summary.inserted + summary.updated) \(kind.plural) "
                       + "(\(summary.inserted) new, \(summary.updated) updated) in \(seconds) s")
        } catch let failure as ImportFailure {
            for problem in failure.problems { print("\(file):\(problem)") }
            printError("\(file): \(failure.problems.count) problem(s); nothing was imported")
            throw ExitCode(1)
        }
    }
}

/// `solex export innovations|needs [--format jsonl|csv]`
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every innovation or need to standard output, ordered by ref.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "innovations or needs") var kind: EntryKind
    @Option(help: "jsonl or csv") var format: InterchangeFormat = .jsonl

    func run() throws {
        let catalogue = try options.openCatalogue()
        let output = FileHandle.standardOutput
        try catalogue.export(kind, format: format) { data in output.write(data) }
    }
}

/// `solex migrate`
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or upgrade the database: schema, reference data, and the words the matcher keeps per entry (as every command does).")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let catalogue = try options.openCatalogue()
        print("\(options.db): schema up to date (\(try catalogue.database.appliedMigrations().joined(separator: ", ")))")
    }
}

/// `solex seed [--demo]`
struct Seed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the reference data (countries, SDGs, themes, languages) and, with --demo, the demo entries.")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Also load the demo innovations and needs (replacing entries with the same ref), and the network's demo members and adoptions.")
    var demo = false

    func run() throws {
        let catalogue = try options.openCatalogue()
        let reference = catalogue.reference
        print("\(options.db): \(reference.countries.count) countries, \(reference.goals.count) SDG goals, "
              + "\(reference.targets.count) targets, \(reference.themes.count) themes, \(reference.languages.count) languages")
        if demo {
            try Bootstrap.loadDemo(into: catalogue, seeds: options.seedDirectory, force: true, network: true)
            print("\(options.db): demo entries loaded")
        }
    }
}

/// `solex reindex`
struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Rebuild the search index from the stored entries.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let catalogue = try options.openCatalogue()
        let started = Date()
        try catalogue.reindex()
        let entries = try catalogue.storedCount(.innovation) + catalogue.storedCount(.need)
        print("\(options.db): indexed \(entries) entries in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
    }
}
