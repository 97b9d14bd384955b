import Foundation
import SolexCore
import Testing
@testable import SolexStore

@Suite("Similar-entry warning")
struct DuplicateTests {
    /// Every probe of the fixture is warned about exactly its known duplicates: precision and recall are both 1 on the
    /// fixture's 12 duplicates and 12 near misses. The scores are printed to show the margin around the threshold.
    @Test func fixtureDuplicatesAreFlaggedAndNearMissesAreNot() throws {
        let (catalogue, fixture) = try DuplicateFixture.catalogue()
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        for probe in fixture.probes {
            let expected = Set(probe.duplicates ?? [])
            let all = try catalogue.similarEntries(probe.query, actor: .commandLine, limit: 3, threshold: 0)
            let flagged = Set(try catalogue.similarEntries(probe.query, actor: .commandLine).map(\.ref))
            let scores = all.map { "\($0.ref) \(String(format: "%.3f", $0.similarity.score))" }.joined(separator: ", ")
            print("duplicate screen: \(probe.id ?? "?"): expected \(expected.sorted()), closest: \(scores)")
            truePositives += flagged.intersection(expected).count
            falsePositives += flagged.subtracting(expected).count
            falseNegatives += expected.subtracting(flagged).count
            #expect(flagged == expected, "\(probe.id ?? "?"): flagged \(flagged.sorted()), expected \(expected.sorted()); closest: \(scores)")
        }
        #expect(truePositives == 12)
        #expect(falsePositives == 0)
        #expect(falseNegatives == 0)
    }

    @Test("The worked example of docs/duplicates.md")
    func workedExample() throws {
        let (catalogue, fixture) = try DuplicateFixture.catalogue()
        let probe = try #require(fixture.probes.first { $0.id == "dup-birth-registration" })
        let found = try #require(try catalogue.similarEntries(probe.query, actor: .commandLine).first)
        #expect(found.ref == "INN-BGD-101")
        #expect(String(format: "%.3f", found.similarity.title) == "0.933")
        #expect(String(format: "%.3f", found.similarity.text) == "0.732")
        #expect(String(format: "%.3f", found.similarity.score) == "0.833")
    }

    @Test("Only entries of the same country and with a shared theme are compared")
    func rulesOfComparison() throws {
        let (catalogue, _) = try DuplicateFixture.catalogue()
        let title = "Online birth and death registration at Union Digital Centres"
        let same = DuplicateQuery(kind: .innovation, country: "bgd", themes: ["civil-registration"], title: title, text: "")
        #expect(try catalogue.similarEntries(same, actor: .commandLine).map(\.ref) == ["INN-BGD-101"])
        let noThemesYet = DuplicateQuery(kind: .innovation, country: "BGD", themes: [], title: title, text: "")
        #expect(try catalogue.similarEntries(noThemesYet, actor: .commandLine).map(\.ref) == ["INN-BGD-101"])
        let otherTheme = DuplicateQuery(kind: .innovation, country: "BGD", themes: ["health"], title: title, text: "")
        #expect(try catalogue.similarEntries(otherTheme, actor: .commandLine).isEmpty)
        let needs = DuplicateQuery(kind: .need, country: "BGD", themes: [], title: title, text: "")
        #expect(try catalogue.similarEntries(needs, actor: .commandLine).isEmpty)
        let editing = DuplicateQuery(kind: .innovation, country: "BGD", themes: [], title: title, text: "", excluding: "INN-BGD-101")
        #expect(try catalogue.similarEntries(editing, actor: .commandLine).isEmpty)
        let untitled = DuplicateQuery(kind: .innovation, country: "BGD", themes: [], title: "  ", text: title)
        #expect(try catalogue.similarEntries(untitled, actor: .commandLine).isEmpty)
    }

    @Test("Hidden entries are never shown: another country's draft stays unseen")
    func visibility() throws {
        let catalogue = try makeCatalogue()
        let title = "Mobile birth registration camps on char islands"
        try catalogue.create(.innovation, input: Input.innovation("INN-BGD-201", title: title, themes: ["civil-registration"]),
                             status: .draft, actor: .commandLine)
        let query = DuplicateQuery(kind: .innovation, country: "BGD", themes: ["civil-registration"], title: title, text: "")
        let bangladesh = Actor(name: "fp@bgd.example", channel: .web, role: .focalPoint, country: "BGD")
        let benin = Actor(name: "fp@ben.example", channel: .web, role: .focalPoint, country: "BEN")
        #expect(try catalogue.similarEntries(query, actor: bangladesh).map(\.ref) == ["INN-BGD-201"])
        #expect(try catalogue.similarEntries(query, actor: benin).isEmpty)
    }
}
