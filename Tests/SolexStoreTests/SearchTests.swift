import Foundation
import GRDB
import SolexCore
@testable import SolexStore
import Testing

/// The refs of the hits, in order.
private func hitRefs(_ result: SearchResult) -> [String] { result.hits.map(\.ref) }

/// The facet counts as (value, count) pairs, in order.
private func counts(_ result: SearchResult, _ facet: SearchFacet) -> [Pair] {
    (result.facets[facet] ?? []).map { Pair($0.value, $0.count) }
}

/// A facet value and its count, comparable in expectations.
struct Pair: Hashable, Sendable, CustomStringConvertible {
    let value: String
    let count: Int
    init(_ value: String, _ count: Int) { self.value = value; self.count = count }
    var description: String { "\(value): \(count)" }
}

/// One text search over the fixture and the refs it must find (in any order).
struct MatchCase: Sendable, CustomTestStringConvertible {
    let text: String
    let refs: Set<String>
    init(_ text: String, _ refs: Set<String>) { self.text = text; self.refs = refs }
    var testDescription: String { text.debugDescription }
}

@Suite("Search: matching, ranking, facets, index")
struct SearchTests {
    let actor = Actor(name: "editor@example.org", channel: .web, role: .secretariat)

    // MARK: Matching

    static let matching: [MatchCase] = [
        // Thai written without spaces, Bangla, Arabic with and without tatweel.
        MatchCase("ลงทะเบียน", ["INN-THA-01"]),
        MatchCase("โรงพยาบาล", ["INN-THA-01"]),
        MatchCase("การเกิด", ["INN-THA-01"]),
        MatchCase("নিবন্ধন", ["INN-BGD-01"]),
        MatchCase("\"জন্ম নিবন্ধন\"", ["INN-BGD-01"]),
        MatchCase("المدني", ["INN-MAR-01", "NEED-EGY-01"]),
        MatchCase("المدنـــي", ["INN-MAR-01", "NEED-EGY-01"]),
        MatchCase("السجل المدني", ["INN-MAR-01", "NEED-EGY-01"]),
        MatchCase("المَدَنِي", ["INN-MAR-01", "NEED-EGY-01"]),
        // Accents and case, both ways.
        MatchCase("état civil", ["INN-BEN-01", "NEED-SEN-01"]),
        MatchCase("etat civil", ["INN-BEN-01", "NEED-SEN-01"]),
        MatchCase("ÉTAT CIVIL", ["INN-BEN-01", "NEED-SEN-01"]),
        MatchCase("São Tomé", ["INN-STP-01"]),
        MatchCase("sao tome", ["INN-STP-01"]),
        MatchCase("SAO TOMÉ", ["INN-STP-01"]),
        MatchCase("BÉNIN", ["INN-BEN-01"]),
        MatchCase("benin", ["INN-BEN-01"]),
        MatchCase("Bénin", ["INN-BEN-01"]),
        MatchCase("ＢＥＮＩＮ", ["INN-BEN-01"]),
        // Every indexed column: tags, champion, evidence.
        MatchCase("shop", ["INN-BGD-01"]),
        MatchCase("cofopri", ["INN-PER-01"]),
        MatchCase("randomised", ["INN-PER-01"]),
        MatchCase("births", ["INN-BEN-01"]),
        // Words, prefixes, phrases, exclusions, OR.
        MatchCase("registration", ["INN-BEN-01", "INN-MAR-01", "INN-PER-01", "NEED-EGY-01"]),
        MatchCase("registry", ["INN-BGD-01", "INN-PER-01"]),
        MatchCase("regist*", ["INN-BEN-01", "INN-BGD-01", "INN-MAR-01", "INN-PER-01", "NEED-EGY-01", "NEED-SEN-01"]),
        MatchCase("registr*", ["INN-BEN-01", "INN-BGD-01", "INN-MAR-01", "INN-PER-01", "NEED-EGY-01", "NEED-SEN-01"]),
        MatchCase("registra*", ["INN-BEN-01", "INN-MAR-01", "INN-PER-01", "NEED-EGY-01"]),
        MatchCase("RÉGISTRATI*", ["INN-BEN-01", "INN-MAR-01", "INN-PER-01", "NEED-EGY-01"]),
        MatchCase("birth registration", ["INN-BEN-01", "INN-MAR-01", "NEED-EGY-01"]),
        MatchCase("\"birth registration\"", ["INN-BEN-01", "NEED-EGY-01"]),
        MatchCase("\"registration of birth\"", ["INN-MAR-01"]),
        MatchCase("registration -land", ["INN-BEN-01", "INN-MAR-01", "NEED-EGY-01"]),
        MatchCase("regist* -\"land registry\" -naissances", ["INN-BEN-01", "INN-MAR-01", "NEED-EGY-01"]),
        MatchCase("-land -regist*", ["INN-STP-01", "INN-THA-01", "NEED-BGD-01"]),
        MatchCase("helpline OR hospitals", ["INN-BGD-01", "INN-STP-01", "INN-THA-01", "NEED-EGY-01"]),
        MatchCase("helpline OR hospitals -insurance", ["INN-BGD-01", "INN-THA-01", "NEED-EGY-01"]),
        MatchCase("birth OR naissances registration", ["INN-BEN-01", "INN-MAR-01", "NEED-EGY-01"]),
        MatchCase("one-stop", ["INN-BGD-01"]),
        MatchCase("kiosk", ["NEED-BGD-01"]),
        MatchCase("zanzibar", []),
    ]

    @Test("finds words in every script, folded, with prefixes, phrases, exclusions and OR", arguments: matching)
    func matches(_ line: MatchCase) throws {
        let catalogue = try SearchFixture.catalogue()
        let result = try catalogue.search(SearchQuery(text: line.text))
        #expect(Set(hitRefs(result)) == line.refs)
        #expect(result.total == line.refs.count)
        #expect(result.hits.count == line.refs.count)
        #expect(!result.matchedAnyWord)
    }

    @Test("French words after an elided article are found", arguments: [
        "état", "etat civil", "\"état civil\"", "enfant", "ÉTAT", "etat*",
    ])
    func elisions(text: String) throws {
        let catalogue = try makeCatalogue()
        var input = Input.need("NEED-FR-1", title: "Registres de l'état civil")
        input["description"] = .text("Les actes d’état civil de l'enfant sont perdus.")
        try catalogue.create(.need, input: input, actor: actor)
        let result = try catalogue.search(SearchQuery(text: text))
        #expect(hitRefs(result) == ["NEED-FR-1"])
        #expect(!result.matchedAnyWord)
    }

    @Test("all words must match, else any word does and the result says so", arguments: [
        ("helpline registration", ["INN-BEN-01", "INN-BGD-01", "INN-MAR-01", "INN-PER-01", "INN-STP-01", "NEED-EGY-01"], true),
        ("kiosk zanzibar", ["NEED-BGD-01"], true),
        ("\"birth registration\" insurance", ["INN-BEN-01", "INN-STP-01", "NEED-EGY-01"], true),
        ("helpline registration -insurance", ["INN-BEN-01", "INN-BGD-01", "INN-MAR-01", "INN-PER-01", "NEED-EGY-01"], true),
        ("zanzibar quokka", [], false),
        ("birth registration", ["INN-BEN-01", "INN-MAR-01", "NEED-EGY-01"], false),
        ("zanzibar", [], false),
    ])
    func anyWordFallback(text: String, refs: [String], matchedAnyWord: Bool) throws {
        let catalogue = try SearchFixture.catalogue()
        if matchedAnyWord {
            // With a filter the fallback applies to the filtered results only.
            let asia = try catalogue.search(SearchQuery(text: text, filters: [.region: ["142"]]))
            #expect(Set(hitRefs(asia)) == Set(refs).intersection(["INN-BGD-01", "INN-THA-01", "NEED-BGD-01"]))
            #expect(asia.matchedAnyWord == !asia.hits.isEmpty)
        }
        let result = try catalogue.search(SearchQuery(text: text))
        #expect(Set(hitRefs(result)) == Set(refs))
        #expect(result.total == refs.count)
        #expect(result.matchedAnyWord == matchedAnyWord)
    }

    // MARK: Ranking

    @Test("a title match ranks above a description-only match", arguments: [
        ("helpline", ["INN-STP-01", "INN-BGD-01"]),
        ("hospitals", ["INN-THA-01", "NEED-EGY-01"]),
        ("registry", ["INN-PER-01", "INN-BGD-01"]),
    ])
    func titleFirst(text: String, refs: [String]) throws {
        let catalogue = try SearchFixture.catalogue()
        let result = try catalogue.search(SearchQuery(text: text))
        #expect(hitRefs(result) == refs)
        let scores = result.hits.map(\.score)
        #expect(scores.count == 2 && scores[0] > scores[1] && scores[1] > 0)
    }

    @Test("equal scores are ordered by ref, across pages")
    func tiesByRef() throws {
        let catalogue = try makeCatalogue()
        for ref in ["T-3", "T-1", "T-4", "T-2"] {
            var input = Input.innovation(ref, title: "Solar kiosks")
            input["summary"] = .text("Solar kiosks in every village.")
            try catalogue.create(.innovation, input: input, actor: actor)
        }
        let all = try catalogue.search(SearchQuery(text: "solar"))
        #expect(hitRefs(all) == ["T-1", "T-2", "T-3", "T-4"])
        #expect(Set(all.hits.map(\.score)).count == 1)
        let second = try catalogue.search(SearchQuery(text: "solar", page: 2, perPage: 3))
        #expect(hitRefs(second) == ["T-4"])
        #expect(second.total == 4)
    }

    // MARK: Facets

    static let allFacets: [SearchFacet: [Pair]] = [
        .type: [Pair("innovation", 6), Pair("need", 3)],
        .country: [Pair("BGD", 2), Pair("BEN", 1), Pair("EGY", 1), Pair("MAR", 1), Pair("PER", 1), Pair("SEN", 1), Pair("STP", 1),
                   Pair("THA", 1)],
        .region: [Pair("2", 5), Pair("142", 3), Pair("19", 1)],
        .theme: [Pair("civil-registration", 5), Pair("digital-government", 3), Pair("health", 2), Pair("justice", 1),
                 Pair("land-administration", 1), Pair("water-sanitation", 1)],
        .sdg: [Pair("16", 6), Pair("3", 2), Pair("1", 1), Pair("6", 1)],
        .sdgTarget: [Pair("16.9", 5), Pair("16.6", 2), Pair("3.8", 2), Pair("1.4", 1), Pair("6.1", 1)],
        .evidence: [Pair("anecdotal", 2), Pair("monitored", 2), Pair("evaluated", 1), Pair("experimental", 1)],
        .scale: [Pair("national", 3), Pair("pilot", 2), Pair("subnational", 1)],
    ]

    @Test("browsing counts every facet of the whole catalogue", arguments: SearchFacet.allCases)
    func browseFacets(_ facet: SearchFacet) throws {
        let catalogue = try SearchFixture.catalogue()
        let result = try catalogue.search(SearchQuery())
        #expect(counts(result, facet) == Self.allFacets[facet])
    }

    @Test("browsing with no text lists everything by ref, page by page")
    func browse() throws {
        let catalogue = try SearchFixture.catalogue()
        let result = try catalogue.search(SearchQuery())
        #expect(result.total == 9)
        #expect(hitRefs(result) == SearchFixture.allRefs)
        #expect(result.hits.allSatisfy { $0.score == 0 })
        #expect(!result.matchedAnyWord)
        #expect(result.hits.first?.kind == .innovation)
        #expect(result.hits.last?.kind == .need)
        #expect(result.hits.first { $0.ref == "INN-STP-01" }?.snippet == "A free helpline for São Tomé families.")
        #expect(result.hits.first { $0.ref == "NEED-BGD-01" }?.snippet == "Village kiosks break down often and repairs take weeks.")
        let pages = try (1...3).map { try catalogue.search(SearchQuery(page: $0, perPage: 4)) }
        #expect(pages.map(hitRefs) == [Array(SearchFixture.allRefs[0..<4]), Array(SearchFixture.allRefs[4..<8]), [SearchFixture.allRefs[8]]])
        #expect(pages.allSatisfy { $0.total == 9 && $0.perPage == 4 })
        #expect(try catalogue.search(SearchQuery(page: 4, perPage: 4)).hits.isEmpty)
        #expect(try catalogue.search(SearchQuery(text: "   ")).total == 9)
    }

    /// A search with filters and the refs and facet counts it must give.
    struct FilterCase: Sendable, CustomTestStringConvertible {
        let text: String
        let filters: [SearchFacet: [String]]
        let refs: Set<String>
        let facets: [SearchFacet: [Pair]]
        var testDescription: String { "\(text.debugDescription) \(filters.map { "\($0.key.rawValue)=\($0.value)" }.sorted())" }
    }

    static let filtering: [FilterCase] = [
        // Text and a filter: the region facet still counts every region of the text results.
        FilterCase(text: "regist*", filters: [.region: ["2"]], refs: ["INN-BEN-01", "INN-MAR-01", "NEED-EGY-01", "NEED-SEN-01"], facets: [
            .region: [Pair("2", 4), Pair("142", 1), Pair("19", 1)],
            .type: [Pair("innovation", 2), Pair("need", 2)],
            .theme: [Pair("civil-registration", 4), Pair("digital-government", 2), Pair("justice", 1)],
            .country: [Pair("BEN", 1), Pair("EGY", 1), Pair("MAR", 1), Pair("SEN", 1)],
        ]),
        // The theme facet ignores the theme filter but the region facet does not.
        FilterCase(text: "regist*", filters: [.theme: ["civil-registration"]], refs: ["INN-BEN-01", "INN-MAR-01", "NEED-EGY-01", "NEED-SEN-01"], facets: [
            .theme: [Pair("civil-registration", 4), Pair("digital-government", 3), Pair("justice", 1), Pair("land-administration", 1)],
            .region: [Pair("2", 4)],
            .sdg: [Pair("16", 4)],
            .sdgTarget: [Pair("16.9", 4), Pair("16.6", 1)],
            .evidence: [Pair("anecdotal", 1), Pair("monitored", 1)],
            .scale: [Pair("national", 1), Pair("subnational", 1)],
        ]),
        // Several values of one facet are alternatives; different facets must all match.
        FilterCase(text: "", filters: [.country: ["BGD", "PER"]], refs: ["INN-BGD-01", "INN-PER-01", "NEED-BGD-01"], facets: [
            .country: Self.allFacets[.country]!,
            .type: [Pair("innovation", 2), Pair("need", 1)],
            .region: [Pair("142", 2), Pair("19", 1)],
        ]),
        FilterCase(text: "", filters: [.country: ["BGD", "PER"], .type: ["need"]], refs: ["NEED-BGD-01"], facets: [
            .country: [Pair("BGD", 1), Pair("EGY", 1), Pair("SEN", 1)],
            .type: [Pair("innovation", 2), Pair("need", 1)],
            .evidence: [],
        ]),
        FilterCase(text: "registry", filters: [.country: ["BGD", "PER", "THA"]], refs: ["INN-BGD-01", "INN-PER-01"], facets: [
            .country: [Pair("BGD", 1), Pair("PER", 1)],
        ]),
        // Each facet as a filter.
        FilterCase(text: "", filters: [.sdg: ["3"]], refs: ["INN-STP-01", "INN-THA-01"], facets: [
            .sdg: Self.allFacets[.sdg]!, .sdgTarget: [Pair("3.8", 2), Pair("16.9", 1)],
        ]),
        FilterCase(text: "", filters: [.sdgTarget: ["16.6"]], refs: ["INN-BEN-01", "INN-BGD-01"], facets: [
            .sdg: [Pair("16", 2)], .sdgTarget: Self.allFacets[.sdgTarget]!,
        ]),
        FilterCase(text: "", filters: [.evidence: ["anecdotal", "evaluated"]], refs: ["INN-MAR-01", "INN-STP-01", "INN-THA-01"], facets: [
            .type: [Pair("innovation", 3)], .scale: [Pair("pilot", 2), Pair("subnational", 1)],
        ]),
        FilterCase(text: "", filters: [.scale: ["national"]], refs: ["INN-BEN-01", "INN-BGD-01", "INN-PER-01"], facets: [
            .evidence: [Pair("monitored", 2), Pair("experimental", 1)],
        ]),
        FilterCase(text: "", filters: [.region: ["142"]], refs: ["INN-BGD-01", "INN-THA-01", "NEED-BGD-01"], facets: [
            .country: [Pair("BGD", 2), Pair("THA", 1)],
        ]),
        FilterCase(text: "", filters: [.type: ["need"]], refs: ["NEED-BGD-01", "NEED-EGY-01", "NEED-SEN-01"], facets: [
            .type: Self.allFacets[.type]!,
        ]),
        FilterCase(text: "helpline", filters: [.theme: ["health"]], refs: ["INN-STP-01"], facets: [
            .theme: [Pair("digital-government", 1), Pair("health", 1)],
        ]),
        // Three facets at once: each counts under the two others.
        FilterCase(text: "regist*", filters: [.theme: ["civil-registration"], .type: ["innovation"], .region: ["2"]],
                   refs: ["INN-BEN-01", "INN-MAR-01"], facets: [
            .theme: [Pair("civil-registration", 2), Pair("digital-government", 1), Pair("justice", 1)],
            .type: [Pair("innovation", 2), Pair("need", 2)],
            .region: [Pair("2", 2)],
            .country: [Pair("BEN", 1), Pair("MAR", 1)],
            .scale: [Pair("national", 1), Pair("subnational", 1)],
        ]),
        // An unknown value matches nothing, and values are never read as SQL.
        FilterCase(text: "", filters: [.country: ["ZZZ"]], refs: [], facets: [.type: []]),
        FilterCase(text: "birth", filters: [.country: ["BEN') OR 1=1 --", "x\" OR \"1"]], refs: [], facets: [
            .type: [], .country: [Pair("BEN", 1), Pair("EGY", 1), Pair("MAR", 1), Pair("THA", 1)],
        ]),
    ]

    @Test("filters narrow the results; each facet counts under the other facets' filters", arguments: filtering)
    func filters(_ line: FilterCase) throws {
        let catalogue = try SearchFixture.catalogue()
        let result = try catalogue.search(SearchQuery(text: line.text, filters: line.filters))
        #expect(Set(hitRefs(result)) == line.refs)
        #expect(result.total == line.refs.count)
        for (facet, expected) in line.facets.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            #expect(counts(result, facet) == expected, "facet \(facet.rawValue)")
        }
        if line.text.isEmpty { #expect(hitRefs(result) == hitRefs(result).sorted()) }
    }

    // MARK: Snippets

    @Test("snippets mark the matched words", arguments: [
        ("helpline", "INN-STP-01", "helpline"),
        ("etat", "INN-BEN-01", "état"),
        ("BENIN", "INN-BEN-01", "BÉNIN"),
        ("المدني", "INN-MAR-01", "المدنـــي"),
        ("regist*", "INN-PER-01", "registration"),
        ("\"birth registration\"", "NEED-EGY-01", "birth registration"),
        ("kiosks", "NEED-BGD-01", "kiosks"),
    ])
    func snippets(text: String, ref: String, marked: String) throws {
        let catalogue = try SearchFixture.catalogue()
        let result = try catalogue.search(SearchQuery(text: text))
        let hit = try #require(result.hits.first { $0.ref == ref })
        #expect(hit.snippet.contains(SearchHit.markStart + marked + SearchHit.markEnd), "\(hit.snippet)")
        #expect(hit.snippet.components(separatedBy: SearchHit.markStart).count == hit.snippet.components(separatedBy: SearchHit.markEnd).count)
    }

    @Test("a word inside Thai text without spaces is marked in the snippet")
    func thaiSnippet() throws {
        let catalogue = try SearchFixture.catalogue()
        let hit = try #require(try catalogue.search(SearchQuery(text: "โรงพยาบาล")).hits.first)
        let plain = hit.snippet.replacingOccurrences(of: SearchHit.markStart, with: "").replacingOccurrences(of: SearchHit.markEnd, with: "")
        #expect(plain == "ระบบลงทะเบียนการเกิดออนไลน์สำหรับโรงพยาบาล")
        #expect(hit.snippet.hasPrefix("ระบบลงทะเบียนการเกิดออนไลน์สำหรับ" + SearchHit.markStart))
        #expect(hit.snippet.hasSuffix(SearchHit.markEnd))
    }

    @Test("entry text cannot contain the snippet markers", arguments: [SearchHit.markStart, SearchHit.markEnd])
    func markersRejected(marker: String) throws {
        let catalogue = try makeCatalogue()
        var input = Input.innovation("INN-MARK-1")
        input["description"] = .text("Fake \(marker)highlight")
        #expect(throws: CatalogueError.self) {
            try catalogue.create(.innovation, input: input, actor: actor)
        }
    }

    // MARK: The index follows every write

    @Test("creating, updating and deleting entries changes the results at once")
    func indexFollowsWrites() throws {
        let catalogue = try SearchFixture.catalogue()
        func refs(_ text: String) throws -> Set<String> { Set(hitRefs(try catalogue.search(SearchQuery(text: text)))) }

        try catalogue.create(.innovation, input: Input.innovation("INN-NEW-1", title: "Zanzibar ferry tickets", country: "THA"), actor: actor)
        #expect(try refs("zanzibar") == ["INN-NEW-1"])
        #expect(try catalogue.search(SearchQuery()).total == 10)
        #expect(counts(try catalogue.search(SearchQuery()), .region).first == Pair("2", 5))
        #expect(counts(try catalogue.search(SearchQuery()), .region)[1] == Pair("142", 4))

        try catalogue.update(.innovation, ref: "INN-NEW-1", input: Input.innovation("INN-NEW-1", title: "Pemba ferry tickets", country: "PER"), actor: actor)
        #expect(try refs("zanzibar").isEmpty)
        #expect(try refs("pemba") == ["INN-NEW-1"])
        #expect(counts(try catalogue.search(SearchQuery(filters: [.country: ["PER"]])), .country).first { $0.value == "PER" } == Pair("PER", 2))

        var need = SearchFixture.input(SearchFixture.needs[0])
        need["title"] = .text("Water pump maintenance")
        try catalogue.update(.need, ref: "NEED-BGD-01", input: need, actor: actor)
        #expect(try refs("kiosk").isEmpty)
        #expect(try refs("pump") == ["NEED-BGD-01"])

        try catalogue.delete(.innovation, ref: "INN-NEW-1", actor: actor)
        try catalogue.delete(.need, ref: "NEED-SEN-01", actor: actor)
        #expect(try refs("pemba").isEmpty)
        #expect(try refs("etat civil") == ["INN-BEN-01"])
        let browse = try catalogue.search(SearchQuery())
        #expect(browse.total == 8)
        #expect(counts(browse, .type) == [Pair("innovation", 6), Pair("need", 2)])
        #expect(counts(browse, .country).contains { $0.value == "SEN" } == false)
    }

    @Test("an import is searchable at once, and re-importing replaces the indexed text")
    func indexFollowsImports() throws {
        let catalogue = try SearchFixture.catalogue()
        let folder = try TemporaryFolder()
        func line(_ title: String) -> String {
            #"{"ref": "NEED-THA-09", "title": "\#(title)", "description": "Provincial offices want shared forms.", "country": "THA", "themes": ["justice"], "sdg_targets": ["16.3"], "tags": ["forms"], "support_types": [], "languages": ["th"], "created": "2025-01-02"}"#
        }
        let first = try folder.file("first.jsonl", line("แบบฟอร์มกลางสำหรับศาล") + "\n")
        #expect(try catalogue.importFile(.need, from: first, format: .jsonl, actor: actor).inserted == 1)
        #expect(hitRefs(try catalogue.search(SearchQuery(text: "ศาล"))) == ["NEED-THA-09"])
        #expect(counts(try catalogue.search(SearchQuery(text: "forms")), .sdgTarget) == [Pair("16.3", 1)])
        #expect(counts(try catalogue.search(SearchQuery(text: "forms")), .theme) == [Pair("justice", 1)])

        let second = try folder.file("second.jsonl", line("Court forms") + "\n")
        #expect(try catalogue.importFile(.need, from: second, format: .jsonl, actor: actor).updated == 1)
        #expect(try catalogue.search(SearchQuery(text: "ศาล")).total == 0)
        #expect(hitRefs(try catalogue.search(SearchQuery(text: "court"))) == ["NEED-THA-09"])
        #expect(try catalogue.search(SearchQuery(text: "forms")).facets[.theme] == [FacetCount(value: "justice", count: 1)])
        #expect(try catalogue.search(SearchQuery()).total == 10)
    }

    @Test("the index changes in the same transaction as the entry")
    func sameTransaction() throws {
        let catalogue = try SearchFixture.catalogue()
        struct Rollback: Error {}
        let entry = StoredEntry(kind: .innovation, values: try catalogue.validated(Input.innovation("INN-TX-1", title: "Quokka census"), .innovation),
                                metadata: EntryMetadata(status: .published, actor: actor, now: Date(timeIntervalSince1970: 0)))
        let seen = LockedValue(-1)
        #expect(throws: Rollback.self) {
            try catalogue.database.write { db in
                _ = try Catalogue.insert(entry, thesaurus: catalogue.thesaurus, db)
                seen.set(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_index WHERE search_index MATCH 'quokka'") ?? 0)
                throw Rollback()
            }
        }
        #expect(seen.value == 1)
        #expect(try catalogue.search(SearchQuery(text: "quokka")).total == 0)
        #expect(try catalogue.search(SearchQuery()).total == 9)
    }

    @Test("archived entries are hidden unless asked for, and counted nowhere")
    func archivedHidden() throws {
        let catalogue = try SearchFixture.catalogue()
        try catalogue.create(.innovation, input: Input.innovation("INN-OLD-1", title: "Retired helpline", country: "BGD"), status: .archived, actor: actor)
        try catalogue.create(.innovation, input: Input.innovation("INN-DRAFT-1", title: "Draft helpline", country: "BGD"), status: .draft, actor: actor)
        let helpline = try catalogue.search(SearchQuery(text: "helpline"))
        #expect(Set(hitRefs(helpline)) == ["INN-STP-01", "INN-BGD-01", "INN-DRAFT-1"])
        #expect(counts(helpline, .country) == [Pair("BGD", 2), Pair("STP", 1)])
        let browse = try catalogue.search(SearchQuery())
        #expect(browse.total == 10)
        #expect(!hitRefs(browse).contains("INN-OLD-1"))
        #expect(counts(browse, .type) == [Pair("innovation", 7), Pair("need", 3)])
        let everything = try catalogue.search(SearchQuery(text: "helpline", hiddenStatuses: []))
        #expect(Set(hitRefs(everything)) == ["INN-STP-01", "INN-BGD-01", "INN-DRAFT-1", "INN-OLD-1"])
        let noDrafts = try catalogue.search(SearchQuery(text: "helpline", hiddenStatuses: [.archived, .draft]))
        #expect(Set(hitRefs(noDrafts)) == ["INN-STP-01", "INN-BGD-01"])
    }

    @Test("reindex rebuilds the same index, even from an emptied one")
    func reindex() throws {
        let catalogue = try SearchFixture.catalogue()
        let queries = [SearchQuery(), SearchQuery(text: "regist*"), SearchQuery(text: "helpline", filters: [.region: ["2", "142"]]),
                       SearchQuery(text: "المدني"), SearchQuery(text: "ลงทะเบียน"), SearchQuery(text: "helpline registration")]
        func snapshot() throws -> [[String]] {
            try queries.map { query in
                let result = try catalogue.search(query)
                let facets = SearchFacet.allCases.map { facet in counts(result, facet).map(\.description).joined(separator: ",") }
                return ["\(result.total) \(result.matchedAnyWord)"] + result.hits.map { "\($0.ref) \($0.score) \($0.snippet)" } + facets
            }
        }
        let before = try snapshot()
        try catalogue.reindex()
        #expect(try snapshot() == before)
        // Empty the index behind the catalogue's back (moving the generation on, as every supported write does,
        // so that cached results are not served).
        try catalogue.database.write { db in
            try db.execute(sql: "DELETE FROM search_index; DELETE FROM search_facet; UPDATE search_generation SET n = n + 1")
        }
        #expect(try catalogue.search(SearchQuery(text: "regist*")).total == 0)
        try catalogue.reindex()
        #expect(try snapshot() == before)
        #expect(try catalogue.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_facet WHERE facet = 'type'") } == 9)
    }

    // MARK: Hostile input

    @Test("hostile queries never throw and give a consistent result", arguments: QueryText.hostile)
    func hostile(_ query: QueryText) throws {
        let catalogue = try SearchFixture.catalogue()
        let result = try catalogue.search(SearchQuery(text: query.text))
        #expect(result.total >= 0)
        #expect(result.hits.count <= min(result.total, 20))
        #expect(result.page == 1)
        let filtered = try catalogue.search(SearchQuery(text: query.text, filters: [.region: ["2"], .type: ["innovation", "need"]], page: 2, perPage: 1))
        #expect(filtered.total <= result.total)
        #expect(filtered.hits.count <= 1)
    }

    @Test("long but sensible queries still find what they ask for", arguments: [
        QueryText(String(repeating: "birth ", count: 1_700)),
        QueryText(String(repeating: "registration* OR ", count: 600) + "kiosk"),
        QueryText("helpline " + String(repeating: "-zanzibar ", count: 900)),
    ])
    func longQueries(_ query: QueryText) throws {
        let catalogue = try SearchFixture.catalogue()
        #expect(try catalogue.search(SearchQuery(text: query.text)).total > 0)
    }
}

/// A value written from a `@Sendable` closure and read afterwards.
final class LockedValue<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T { lock.withLock { stored } }
    func set(_ value: T) { lock.withLock { stored = value } }
}
