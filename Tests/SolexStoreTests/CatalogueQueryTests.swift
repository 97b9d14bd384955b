import Foundation
import SolexCore
@testable import SolexStore
import Testing

/// Six innovations and three needs, counted by hand:
///
/// | ref  | title         | country | themes                                 | targets         | status    |
/// |------|---------------|---------|----------------------------------------|-----------------|-----------|
/// | I-01 | Zeta portal   | BGD     | digital-government                     | 16.9            | published |
/// | I-02 | alpha clinic  | KEN     | health                                 | 3.8             | submitted |
/// | I-03 | Beta registry | BGD     | civil-registration, digital-government | 16.9, 17.8      | published |
/// | I-04 | Alpha clinic  | THA     | health                                 | 3.8, 3.c        | draft     |
/// | I-05 | Gamma         | BEN     | digital-government                     | 16.9            | archived  |
/// | I-06 | Delta         | BGD     | education                              | 4.1, 4.2, 1.3   | published |
///
/// Needs: N-1 (BGD, health, 3.8), N-2 (BEN, education, 4.1), N-3 (NPL, archived).
private func fixture(clock: TestClock = TestClock()) throws -> Catalogue {
    let catalogue = try makeCatalogue(clock: clock)
    let innovations: [(String, String, String, [String], [String], EntryStatus)] = [
        ("I-03", "Beta registry", "BGD", ["civil-registration", "digital-government"], ["16.9", "17.8"], .published),
        ("I-01", "Zeta portal", "BGD", ["digital-government"], ["16.9"], .published),
        ("I-06", "Delta", "BGD", ["education"], ["4.1", "4.2", "1.3"], .published),
        ("I-02", "alpha clinic", "KEN", ["health"], ["3.8"], .submitted),
        ("I-05", "Gamma", "BEN", ["digital-government"], ["16.9"], .archived),
        ("I-04", "Alpha clinic", "THA", ["health"], ["3.8", "3.c"], .draft),
    ]
    for (ref, title, country, themes, targets, status) in innovations {
        try catalogue.create(.innovation, input: Input.innovation(ref, title: title, country: country, themes: themes, targets: targets),
                             status: status, actor: .system)
    }
    try catalogue.create(.need, input: Input.need("N-1", country: "BGD", themes: ["health"], targets: ["3.8"]), status: .published, actor: .system)
    try catalogue.create(.need, input: Input.need("N-2", country: "BEN", themes: ["education"], targets: ["4.1"]), status: .submitted, actor: .system)
    try catalogue.create(.need, input: Input.need("N-3", country: "NPL", themes: ["health"]), status: .archived, actor: .system)
    return catalogue
}

private func refs(_ catalogue: Catalogue, _ query: EntryQuery) throws -> [String] {
    try catalogue.list(query).entries.map(\.ref)
}

@Suite("Catalogue: lists, filters and counts")
struct CatalogueQueryTests {
    @Test("Sorting, ties broken by ref", arguments: [
        (EntrySort.ref, false, ["I-01", "I-02", "I-03", "I-04", "I-06"]),
        (.ref, true, ["I-06", "I-04", "I-03", "I-02", "I-01"]),
        (.title, false, ["I-02", "I-04", "I-03", "I-06", "I-01"]),
        (.title, true, ["I-01", "I-06", "I-03", "I-02", "I-04"]),
        (.country, false, ["I-01", "I-03", "I-06", "I-02", "I-04"]),
        (.country, true, ["I-04", "I-02", "I-01", "I-03", "I-06"]),
        // Every entry was written at the same instant: only the ref orders them.
        (.updated, false, ["I-01", "I-02", "I-03", "I-04", "I-06"]),
        (.updated, true, ["I-01", "I-02", "I-03", "I-04", "I-06"]),
    ])
    func sorting(_ sort: EntrySort, _ descending: Bool, _ expected: [String]) throws {
        let catalogue = try fixture()
        #expect(try refs(catalogue, EntryQuery(kind: .innovation, sort: sort, descending: descending)) == expected)
    }

    @Test("Sorting by update time")
    func sortByUpdate() throws {
        let clock = TestClock()
        let catalogue = try fixture(clock: clock)
        clock.advance()
        try catalogue.update(.innovation, ref: "I-03", input: Input.innovation("I-03", title: "Beta registry", themes: ["justice"]), actor: .commandLine)
        clock.advance()
        try catalogue.update(.innovation, ref: "I-02", input: Input.innovation("I-02", country: "KEN", themes: ["health"]), actor: .commandLine)
        #expect(try refs(catalogue, EntryQuery(kind: .innovation, sort: .updated)) == ["I-01", "I-04", "I-06", "I-03", "I-02"])
        #expect(try refs(catalogue, EntryQuery(kind: .innovation, sort: .updated, descending: true)) == ["I-02", "I-03", "I-01", "I-04", "I-06"])
    }

    @Test("Paging")
    func paging() throws {
        let catalogue = try fixture()
        let pages = try (1...4).map { try catalogue.list(EntryQuery(kind: .innovation, page: $0, perPage: 2)) }
        #expect(pages.map { $0.entries.map(\.ref) } == [["I-01", "I-02"], ["I-03", "I-04"], ["I-06"], []])
        #expect(pages.allSatisfy { $0.total == 5 && $0.pageCount == 3 && $0.perPage == 2 })
        #expect(pages.map(\.page) == [1, 2, 3, 4])
        let one = try catalogue.list(EntryQuery(kind: .innovation, perPage: 5))
        #expect(one.pageCount == 1)
        #expect(one.entries.count == 5)
    }

    @Test("Page and page size are clamped")
    func clamping() throws {
        #expect(EntryQuery(kind: .need, page: 0).page == 1)
        #expect(EntryQuery(kind: .need, page: -3).page == 1)
        #expect(EntryQuery(kind: .need, perPage: 0).perPage == 1)
        #expect(EntryQuery(kind: .need, perPage: 1000).perPage == 100)
        let empty = try makeCatalogue().list(EntryQuery(kind: .need))
        #expect(empty.total == 0)
        #expect(empty.entries.isEmpty)
        #expect(empty.pageCount == 1)
    }

    @Test("Filters", arguments: [
        (EntryQuery(kind: .innovation, country: "BGD"), ["I-01", "I-03", "I-06"]),
        (EntryQuery(kind: .innovation, country: "BEN"), []),  // only an archived one
        (EntryQuery(kind: .innovation, country: "FRA"), []),
        (EntryQuery(kind: .innovation, theme: "digital-government"), ["I-01", "I-03"]),
        (EntryQuery(kind: .innovation, theme: "health"), ["I-02", "I-04"]),
        (EntryQuery(kind: .innovation, theme: "justice"), []),
        (EntryQuery(kind: .innovation, sdgGoal: 16), ["I-01", "I-03"]),
        (EntryQuery(kind: .innovation, sdgGoal: 17), ["I-03"]),
        (EntryQuery(kind: .innovation, sdgGoal: 1), ["I-06"]),  // not 16.9 nor 17.8
        (EntryQuery(kind: .innovation, sdgGoal: 3), ["I-02", "I-04"]),
        (EntryQuery(kind: .innovation, sdgGoal: 4), ["I-06"]),
        (EntryQuery(kind: .innovation, sdgGoal: 5), []),
        (EntryQuery(kind: .innovation, country: "BGD", theme: "digital-government", sdgGoal: 17), ["I-03"]),
        (EntryQuery(kind: .innovation, statuses: [.archived]), ["I-05"]),
        (EntryQuery(kind: .innovation, statuses: [.published]), ["I-01", "I-03", "I-06"]),
        (EntryQuery(kind: .innovation, statuses: [.draft, .submitted]), ["I-02", "I-04"]),
        (EntryQuery(kind: .innovation, country: "BEN", statuses: EntryStatus.allCases), ["I-05"]),
        (EntryQuery(kind: .need), ["N-1", "N-2"]),
        (EntryQuery(kind: .need, country: "BEN"), ["N-2"]),
        (EntryQuery(kind: .need, theme: "health"), ["N-1"]),
        (EntryQuery(kind: .need, sdgGoal: 4), ["N-2"]),
        (EntryQuery(kind: .need, statuses: EntryStatus.allCases), ["N-1", "N-2", "N-3"]),
    ])
    func filters(_ query: EntryQuery, _ expected: [String]) throws {
        let catalogue = try fixture()
        let page = try catalogue.list(query)
        #expect(page.entries.map(\.ref) == expected)
        #expect(page.total == expected.count)
    }

    @Test("Counts leave archived entries out")
    func counts() throws {
        let catalogue = try fixture()
        #expect(try catalogue.counts() == CatalogueCounts(innovations: 5, needs: 2, countries: 4))
        #expect(try catalogue.storedCount(.innovation) == 6)
        #expect(try catalogue.storedCount(.need) == 3)
        #expect(try makeCatalogue().counts() == CatalogueCounts(innovations: 0, needs: 0, countries: 0))
    }

    @Test("Reference counts by country, theme and goal (once per goal)")
    func referenceCounts() throws {
        let catalogue = try fixture()
        let innovations = try catalogue.referenceCounts(.innovation)
        #expect(innovations.byCountry == ["BGD": 3, "KEN": 1, "THA": 1])
        #expect(innovations.byTheme == ["digital-government": 2, "health": 2, "civil-registration": 1, "education": 1])
        #expect(innovations.byGoal == [1: 1, 3: 2, 4: 1, 16: 2, 17: 1])
        let needs = try catalogue.referenceCounts(.need)
        #expect(needs.byCountry == ["BGD": 1, "BEN": 1])
        #expect(needs.byTheme == ["health": 1, "education": 1])
        #expect(needs.byGoal == [3: 1, 4: 1])
    }
}
