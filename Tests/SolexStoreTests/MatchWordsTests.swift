import Foundation
import GRDB
import SolexCore
@testable import SolexStore
import SolexText
import Testing

/// Each entry keeps its words for the matcher in its row; matching reads them instead of tokenizing again, and
/// tokenizes again whatever is missing, stale or damaged.
@Suite struct MatchWordsTests {
    static let samples: [(String, [[String]])] = [
        ("three text fields, no tag", [["birth", "registration"], [], ["digital", "centres"]]),
        ("tags after the text fields", [["état", "civil"], ["a"], ["b", "c"], ["mobile", "money"], ["ict"]]),
        ("Bangla, Thai and Arabic words", [["ডিজিটাল", "সেন্টার"], ["บริการ", "ประชาชน"], ["خدمات", "رقمية"]]),
        ("every field empty", [[], [], [], []]),
    ]

    static let thesaurus = Seeds.reference.thesaurus

    @Test("words are read back as they were kept", arguments: samples)
    func roundTrip(_ name: String, _ fields: [[String]]) throws {
        let stored = try #require(MatchWords.encode(fields), "\(name)")
        #expect(stored.hasPrefix(MatchWords.mark))
        #expect(MatchWords.decode(stored, fixedFields: 3, thesaurus: Self.thesaurus) == .init(fields: fields, concepts: nil), "\(name)")
        let withConcepts = try #require(MatchWords.encode(fields, concepts: (Self.thesaurus.fingerprint, [2, 0])))
        #expect(MatchWords.decode(withConcepts, fixedFields: 3, thesaurus: Self.thesaurus) == .init(fields: fields, concepts: [2, 0]))
        let none = try #require(MatchWords.encode(fields, concepts: (Self.thesaurus.fingerprint, [])))
        #expect(MatchWords.decode(none, fixedFields: 3, thesaurus: Self.thesaurus) == .init(fields: fields, concepts: []))
    }

    @Test("concepts found with another thesaurus, or that it does not have, are not read; the words still are")
    func conceptsOfAnotherThesaurus() throws {
        let fields = [["birth", "registration"], [], []]
        let other = ConceptThesaurus(concepts: Array(Self.thesaurus.concepts.prefix(3)))
        #expect(other.fingerprint != Self.thesaurus.fingerprint)
        let stored = try #require(MatchWords.encode(fields, concepts: (other.fingerprint, [1])))
        #expect(MatchWords.decode(stored, fixedFields: 3, thesaurus: Self.thesaurus) == .init(fields: fields, concepts: nil))
        #expect(MatchWords.decode(stored, fixedFields: 3, thesaurus: other) == .init(fields: fields, concepts: [1]))
        let outside = try #require(MatchWords.encode(fields, concepts: (other.fingerprint, [7])))
        #expect(MatchWords.decode(outside, fixedFields: 3, thesaurus: other) == .init(fields: fields, concepts: nil))
        #expect(ConceptThesaurus(concepts: Self.thesaurus.concepts).fingerprint == Self.thesaurus.fingerprint, "stable")
    }

    @Test("what is kept equals the tokenizer's words and the thesaurus's concepts", arguments: [EntryKind.innovation, .need])
    func keptWordsAreTheTokenizersWords(_ kind: EntryKind) throws {
        var values: FieldValues = kind == .innovation
            ? Input.innovation("INN-X", title: "Birth registration, état civil")
            : Input.need("NEED-X", title: "Registro civil en línea")
        values["tags"] = .list(["Mobile money", "ডিজিটাল সেন্টার"])
        let stored = try #require(MatchWords.stored(kind, values, thesaurus: Self.thesaurus))
        let kept = try #require(MatchWords.decode(stored, fixedFields: MatchWords.textFields(kind).count, thesaurus: Self.thesaurus))
        let texts = MatchWords.textFields(kind).map { values[$0]?.textValue ?? "" } + ["Mobile money", "ডিজিটাল সেন্টার"]
        let fields = texts.map(WordTokenizer.tokens)
        #expect(kept.fields == fields)
        let concepts = try #require(kept.concepts)
        #expect(concepts == MatchWords.concepts(in: fields, Self.thesaurus))
        #expect(concepts.contains { Self.thesaurus.concepts[$0].id == "mobile-money" })
    }

    static let unreadable: [(String, String)] = [
        ("empty", ""),
        ("another version", "w0\u{1E}birth\u{1E}\u{1E}"),
        ("no field at all", MatchWords.mark),
        ("fewer fields than the kind has", MatchWords.mark + "\u{1E}birth\u{1E}registration"),
    ]

    @Test("words from another version, or damaged, are not read", arguments: unreadable)
    func unreadableWords(_ name: String, _ stored: String) {
        #expect(MatchWords.decode(stored, fixedFields: 3, thesaurus: Self.thesaurus) == nil, "\(name)")
    }

    @Test("a word holding a control character is not kept")
    func controlCharacters() {
        #expect(MatchWords.encode([["a\u{1F}b"], [], []]) == nil)
        #expect(MatchWords.encode([["a\nb"], [], []]) == nil)
    }

    /// The kept words of every entry, and what the catalogue's thesaurus and tokenizer give for the entry now.
    private func keptAndCurrent(_ catalogue: Catalogue) throws -> [(ref: String, kept: String?, current: String?)] {
        var result: [(ref: String, kept: String?, current: String?)] = []
        for kind in EntryKind.allCases {
            let rows = try catalogue.database.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT ref, match_words FROM \(kind.tableName) ORDER BY ref")
            }
            for row in rows {
                let entry = try #require(try catalogue.entry(kind, ref: row["ref"]))
                result.append((entry.ref, row["match_words"], MatchWords.stored(kind, entry.values, thesaurus: catalogue.thesaurus)))
            }
        }
        return result
    }

    @Test("import, create, edit and merge keep every entry's current words and concepts")
    func everyWriteKeepsWords() throws {
        let catalogue = try Bootstrap.prepare(try AppDatabase.inMemory(), seeds: Seeds.directory)
        try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory)
        try catalogue.create(.innovation, input: Input.innovation("INN-BGD-901", title: "Birth registration at the post office"),
                             status: .published, actor: .commandLine)
        var changed = Input.innovation("INN-BGD-901", title: "Registro civil en la oficina de correos")
        changed["tags"] = .list(["post office"])
        try catalogue.update(.innovation, ref: "INN-BGD-901", input: changed, actor: .commandLine)
        try catalogue.create(.innovation, input: Input.innovation("INN-BGD-902", title: "Birth registration at the post office"),
                             status: .published, actor: .commandLine)
        _ = try catalogue.merge(.innovation, keep: "INN-BGD-902", duplicate: "INN-BGD-901", actor: .commandLine)
        let entries = try keptAndCurrent(catalogue)
        #expect(entries.count > 20)
        for entry in entries {
            #expect(entry.kept != nil && entry.kept == entry.current, "\(entry.ref)")
        }
        let merged = try #require(entries.first { $0.ref == "INN-BGD-902" }?.kept)
        #expect(merged.contains("office"))
    }

    @Test("entries with missing, stale or damaged words, or concepts of another thesaurus, are matched exactly as with current ones")
    func staleWordsAreTokenizedAgain() throws {
        let catalogue = try Bootstrap.prepare(try AppDatabase.inMemory(), seeds: Seeds.directory)
        try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory)
        let (fresh, freshNeeds) = try catalogue.matcherAndNeeds()
        let expected = fresh.matches(for: freshNeeds, top: 5)
        try catalogue.database.writer.write { db in
            try db.execute(sql: "UPDATE innovation SET match_words = NULL WHERE id % 4 = 0")
            try db.execute(sql: "UPDATE innovation SET match_words = 'w0' || substr(match_words, 3) WHERE id % 4 = 1")
            try db.execute(sql: """
                UPDATE innovation SET match_words = substr(match_words, 1, instr(match_words, char(29))) || 'deadbeef' || char(29) || '0'
                WHERE id % 4 = 2 AND instr(match_words, char(29)) > 0
                """)
            try db.execute(sql: "UPDATE need SET match_words = ? WHERE id % 2 = 0", arguments: [MatchWords.mark + "\u{1E}x"])
        }
        let stale = try catalogue.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM innovation WHERE match_words IS NULL OR match_words LIKE 'w0%' OR match_words LIKE '%deadbeef%'")
        }
        #expect((stale ?? 0) > 10)
        let (matcher, needs) = try catalogue.matcherAndNeeds()
        let actual = matcher.matches(for: needs, top: 5)
        #expect(!expected.joined().isEmpty)
        #expect(needs.map(\.words) == freshNeeds.map(\.words))
        #expect(actual == expected)
    }

    @Test("the matcher reads from the row's columns and kept words exactly what it reads from the whole entry")
    func rowsReadAsWholeEntries() throws {
        let catalogue = try Bootstrap.prepare(try AppDatabase.inMemory(), seeds: Seeds.directory)
        try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory)
        let corpus = try catalogue.matchCorpus()
        #expect(corpus.innovations.count > 20 && corpus.needs.count > 10)
        for read in corpus.innovations {
            let entry = try #require(try catalogue.entry(.innovation, ref: read.ref))
            let whole = ConceptMatching.innovation(Innovation(validated: entry.values), thesaurus: catalogue.thesaurus)
            #expect(read.country == whole.country && read.themes == whole.themes && read.sdgTargets == whole.sdgTargets
                    && read.tags == whole.tags && read.languages == whole.languages && read.evidence == whole.evidence
                    && read.scale == whole.scale, "\(read.ref)")
            #expect(read.titleWords == whole.titleWords && read.summaryWords == whole.summaryWords
                    && read.descriptionWords == whole.descriptionWords && read.tagWords == whole.tagWords, "\(read.ref)")
            #expect(read.expansions == whole.expansions, "\(read.ref)")
        }
        #expect(corpus.innovations.contains { !$0.expansions.isEmpty })
        for read in corpus.needs {
            let entry = try #require(try catalogue.entry(.need, ref: read.ref))
            let whole = ConceptMatching.need(Need(validated: entry.values), thesaurus: catalogue.thesaurus)
            #expect(read.country == whole.country && read.words == whole.words && read.themes == whole.themes
                    && read.sdgTargets == whole.sdgTargets && read.tags == whole.tags && read.languages == whole.languages,
                    "\(read.ref)")
        }
    }

    @Test("entries stored before words were kept, or under another thesaurus, get them when the catalogue is opened")
    func refreshFillsWords() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("solex.sqlite").path
        let queue = try DatabaseQueue(path: path, configuration: AppDatabase.configuration())
        try Migrations.migrator.migrate(queue, upTo: "v10-entry-language")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO country (alpha3, alpha2, numeric, name_en, name_fr, name_es, region_code, region, subregion_code, subregion, global_south, global_south_basis) VALUES ('BEN', 'BJ', '204', 'Benin', 'Bénin', 'Benín', 2, 'Africa', 202, 'Sub-Saharan Africa', 1, 'test')")
            try db.execute(sql: """
                INSERT INTO need (ref, title, description, country, themes, sdg_targets, tags, support_types, languages, created,
                                  status, created_at, updated_at, created_by, updated_by)
                VALUES ('NEED-BEN-1', 'Registre d''état civil', 'Des actes de naissance', 'BEN', '[]', '[]', '["mobile money"]',
                        '[]', '["fr"]', '2025-01-01', 'published', 0, 0, 'cli', 'cli')
                """)
        }
        try queue.close()
        let catalogue = try Bootstrap.open(databaseAt: path, seeds: Seeds.directory)
        let generation = try catalogue.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT n FROM search_generation") }
        let kept = try #require(try keptAndCurrent(catalogue).first)
        #expect(kept.ref == "NEED-BEN-1")
        #expect(kept.kept != nil && kept.kept == kept.current)
        // Opening again with the same thesaurus writes nothing; another thesaurus writes every entry again.
        #expect(try catalogue.refreshMatchWords() == 0)
        let other = Catalogue(database: catalogue.database, reference: ReferenceData(
            countries: catalogue.reference.countries, goals: catalogue.reference.goals, targets: catalogue.reference.targets,
            themes: catalogue.reference.themes, languages: catalogue.reference.languages))
        #expect(try other.refreshMatchWords() == 1)
        try catalogue.database.writer.read { db in
            // The search index was not rebuilt for these words, and its update trigger is back.
            #expect(try Int.fetchOne(db, sql: "SELECT n FROM search_generation") == generation)
            let triggers = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_search_update'")
            #expect(Set(triggers) == ["innovation_search_update", "need_search_update"])
        }
    }
}

/// List fields are kept as JSON arrays of strings; most are read without a JSON decoder.
@Suite struct ListColumnTests {
    static let valid = [
        #"[]"#, #"["a"]"#, #"["mobile money","ict"]"#, #"[ "x" , "y" ]"#, #"["ডিজিটাল সেন্টার","บริการ"]"#, #"["a\"b","c\\d"]"#,
        #"["line\nbreak"]"#, #"[""]"#,
    ]

    @Test("lists read back as a JSON decoder reads them", arguments: valid)
    func readsAsJSON(_ text: String) throws {
        let expected = try JSONDecoder().decode([String].self, from: Data(text.utf8))
        #expect(try ListColumn.decode(text) == expected)
        #expect(try ListColumn.decode(ListColumn.encode(expected)) == expected)
    }

    @Test("what is not an array of strings is refused", arguments: [#"[1]"#, #"["a" "b"]"#, #"[,]"#, "[\"a\nb\"]", #"{"a": 1}"#])
    func refuses(_ text: String) {
        #expect(throws: (any Error).self) { try ListColumn.decode(text) }
    }
}
