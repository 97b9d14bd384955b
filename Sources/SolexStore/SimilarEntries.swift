import Foundation
import GRDB
import SolexCore
import SolexText

/// An existing entry that looks like the one being registered, with how close it is.
public struct SimilarEntry: Sendable, Hashable {
    public var kind: EntryKind
    public var ref: String
    public var title: String
    public var country: String
    public var status: EntryStatus
    public var similarity: DuplicateSimilarity
}

/// What is known of an entry while it is registered: any field may still be missing or invalid, so the raw input is
/// read leniently (a list may also arrive as text separated by commas).
public struct DuplicateQuery: Sendable, Hashable {
    public var kind: EntryKind
    public var country: String
    public var themes: [String]
    public var title: String
    /// The summary of an innovation, the description of a need.
    public var text: String
    /// An entry to leave out (the entry being edited).
    public var excluding: String?

    /// A query from explicit values.
    public init(kind: EntryKind, country: String, themes: [String], title: String, text: String, excluding: String? = nil) {
        self.kind = kind
        self.country = country.trimmingCharacters(in: .whitespaces).uppercased()
        self.themes = themes.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        self.title = String(title.prefix(FieldLimits.title * 2))
        self.text = String(text.prefix(4000))
        self.excluding = excluding
    }

    /// A query from raw form or JSON input of `kind`.
    public init(kind: EntryKind, input: FieldValues, excluding: String? = nil) {
        func text(_ name: String) -> String {
            switch input[name] {
            case .text(let value)?: value
            case .list(let items)?: items.joined(separator: " ")
            default: ""
            }
        }
        let themes: [String] = switch input["themes"] {
        case .list(let items)?: items
        case .text(let value)?: value.split(separator: ",").map(String.init)
        default: []
        }
        self.init(kind: kind, country: text(kind.countryField), themes: themes, title: text("title"),
                  text: text(kind == .innovation ? "summary" : "description"), excluding: excluding)
    }
}

extension Catalogue {
    /// Entries of the query's kind and country that `actor` may see and that look like the same entry (see
    /// `DuplicateScreen`), best first; empty without a country or a title. Archived entries are left out.
    public func similarEntries(_ query: DuplicateQuery, actor: Actor, limit: Int = 5,
                               threshold: Double = DuplicateScreen.threshold) throws -> [SimilarEntry] {
        guard !query.country.isEmpty, !query.title.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        let thesaurus = self.thesaurus
        func profile(ref: String, country: String, themes: [String], title: String, text: String) -> DuplicateProfile {
            let titleWords = WordTokenizer.tokens(title), textWords = WordTokenizer.tokens(text)
            return DuplicateProfile(ref: ref, country: country, themes: themes, titleWords: titleWords, textWords: textWords,
                                    concepts: thesaurus.tokens(in: titleWords + [""] + textWords))
        }
        let textField = query.kind == .innovation ? "summary" : "description"
        let entries = try database.read { db in
            try query.kind.recordType.fetchEntries(db, country: query.kind.countryField, equals: query.country)
        }.filter { $0.metadata.status != .archived && $0.ref != query.excluding && Self.visible($0, to: actor) }
        let byRef = Dictionary(entries.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        let probe = profile(ref: "", country: query.country, themes: query.themes, title: query.title, text: query.text)
        let others = entries.map {
            profile(ref: $0.ref, country: $0.country, themes: $0.list("themes"), title: $0.title,
                    text: String(($0.values[textField]?.textValue ?? "").prefix(4000)))
        }
        return DuplicateScreen.likelyDuplicates(of: probe, among: others, threshold: threshold, limit: limit).compactMap { found in
            guard let entry = byRef[found.ref] else { return nil }
            return SimilarEntry(kind: entry.kind, ref: entry.ref, title: entry.title, country: entry.country,
                                status: entry.metadata.status, similarity: found.similarity)
        }
    }
}

extension EntryRecord {
    /// The entries whose `column` equals `value`, ordered by reference.
    static func fetchEntries(_ db: Database, country column: String, equals value: String) throws -> [StoredEntry] {
        try Self.filter(Column(column) == value).order(Column("ref")).fetchAll(db).map(\.entry)
    }
}
