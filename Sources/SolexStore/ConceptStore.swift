import Foundation
import GRDB
import SolexCore
import SolexText

/// The concept thesaurus as the store keeps it: read from `Seeds/concepts.csv`, held in the table `concept`, and
/// turned into a `ConceptThesaurus` whose terms are cut into words and folded by the search tokenizer.
enum ConceptSeeds {
    /// The seed file.
    static let file = "concepts.csv"
    /// The languages of the terms, in column order.
    static let languages = ["en", "fr", "es", "pt"]
    /// Separator of the terms in one cell.
    static let termSeparator: Character = "|"
    /// Separator of the SDG target ids in one cell.
    static let targetSeparator: Character = ";"

    /// The cell's items, split on `separator`, trimmed, empty ones dropped.
    static func items(_ cell: String, _ separator: Character) -> [String] {
        cell.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether `id` is lower-case ASCII letters and digits in hyphen-separated groups.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A concept from its terms as written: each term is tokenized and folded.
    static func concept(id: String, theme: String, sdgTargets: [String], names: [String: [String]]) -> Concept {
        Concept(id: id, theme: theme, sdgTargets: sdgTargets, names: names,
                terms: names.mapValues { $0.map(WordTokenizer.tokens).filter { !$0.isEmpty } })
    }
}

extension SeedDirectory {
    /// Reads and checks `concepts.csv` against the themes and SDG targets just read. Every problem names the file,
    /// the line and the field: an id that is not a lower-case slug or is used twice, an unknown theme or target, a
    /// concept without any term, a term without any word.
    func thesaurus(themes: [Theme], targets: [SDGTarget]) throws -> ConceptThesaurus {
        let file = ConceptSeeds.file
        let knownThemes = Set(themes.map(\.slug))
        let knownTargets = Set(targets.map(\.id))
        var seen: [String: Int] = [:]
        let concepts = try rows(file, ["concept", "theme", "sdg_targets"] + ConceptSeeds.languages) { cell, fail -> Concept in
            let id = cell("concept").trimmingCharacters(in: .whitespaces)
            guard ConceptSeeds.isValidID(id) else {
                throw fail("concept: '\(id)' is not an id (lower-case letters, digits and single hyphens, e.g. birth-registration)")
            }
            let line = fail("").line
            if let first = seen[id] { throw fail("concept: '\(id)' is already defined on line \(first)") }
            seen[id] = line
            let theme = cell("theme").trimmingCharacters(in: .whitespaces)
            guard knownThemes.contains(theme) else { throw fail("theme: unknown theme '\(theme)' (see themes.csv)") }
            let targets = ConceptSeeds.items(cell("sdg_targets"), ConceptSeeds.targetSeparator)
            if let unknown = targets.first(where: { !knownTargets.contains($0) }) {
                throw fail("sdg_targets: unknown SDG target '\(unknown)' (see sdg_targets.csv)")
            }
            var names: [String: [String]] = [:]
            for language in ConceptSeeds.languages {
                let terms = ConceptSeeds.items(cell(language), ConceptSeeds.termSeparator)
                if let empty = terms.first(where: { WordTokenizer.tokens($0).isEmpty }) {
                    throw fail("\(language): the term '\(empty)' has no words")
                }
                if !terms.isEmpty { names[language] = terms }
            }
            guard !names.isEmpty else { throw fail("\(ConceptSeeds.languages.joined(separator: ", ")): the concept has no terms") }
            return ConceptSeeds.concept(id: id, theme: theme, sdgTargets: targets, names: names)
        }
        return ConceptThesaurus(concepts: concepts)
    }
}

/// A row of `concept`.
struct ConceptRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "concept"
    var id: String
    var position: Int
    var theme: String
    var sdg_targets: String
    var terms_en: String
    var terms_fr: String
    var terms_es: String
    var terms_pt: String

    init(_ concept: Concept, position: Int) {
        id = concept.id
        self.position = position
        theme = concept.theme
        sdg_targets = ListColumn.encode(concept.sdgTargets)
        terms_en = ListColumn.encode(concept.names["en"] ?? [])
        terms_fr = ListColumn.encode(concept.names["fr"] ?? [])
        terms_es = ListColumn.encode(concept.names["es"] ?? [])
        terms_pt = ListColumn.encode(concept.names["pt"] ?? [])
    }

    func concept() throws -> Concept {
        var names: [String: [String]] = [:]
        for (language, column) in zip(ConceptSeeds.languages, [terms_en, terms_fr, terms_es, terms_pt]) {
            let terms = try ListColumn.decode(column)
            if !terms.isEmpty { names[language] = terms }
        }
        return ConceptSeeds.concept(id: id, theme: theme, sdgTargets: try ListColumn.decode(sdg_targets), names: names)
    }

    /// Replaces every concept with those of `thesaurus` (nothing refers to concepts, so removed ones go).
    static func replaceAll(with thesaurus: ConceptThesaurus, _ db: Database) throws {
        try ConceptRecord.deleteAll(db)
        for (position, concept) in thesaurus.concepts.enumerated() { try ConceptRecord(concept, position: position).insert(db) }
    }

    /// The stored thesaurus, in seed order.
    static func thesaurus(_ db: Database) throws -> ConceptThesaurus {
        ConceptThesaurus(concepts: try ConceptRecord.order(Column("position")).fetchAll(db).map { try $0.concept() })
    }
}

/// The migration `v4-concepts`: the table of the concept thesaurus.
enum ConceptMigration {
    static func create(_ db: Database) throws {
        try db.create(table: "concept") { t in
            t.primaryKey("id", .text)
            t.column("position", .integer).notNull()
            t.column("theme", .text).notNull().indexed().references("theme")
            t.column("sdg_targets", .text).notNull()
            t.column("terms_en", .text).notNull()
            t.column("terms_fr", .text).notNull()
            t.column("terms_es", .text).notNull()
            t.column("terms_pt", .text).notNull()
        }
    }
}

extension ConceptThesaurus {
    /// Themes, SDG targets and concepts suggested by `texts` (the fields of an entry, in any language of the
    /// thesaurus), each cut into words by the search tokenizer; a term never runs from one text into the next.
    public func suggest(texts: [String]) -> ConceptSuggestions {
        suggest(words: Array(texts.map(WordTokenizer.tokens).joined(separator: [""])))
    }
}

extension Catalogue {
    /// The concept thesaurus of the reference data.
    public var thesaurus: ConceptThesaurus { reference.thesaurus }

    /// Themes, SDG targets and concepts suggested by `texts`, best first (see `ConceptThesaurus.suggest(texts:)`).
    public func suggestions(for texts: [String]) -> ConceptSuggestions {
        thesaurus.suggest(texts: texts)
    }
}
