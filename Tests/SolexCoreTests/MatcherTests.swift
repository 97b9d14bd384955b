import Foundation
import SolexCore
import Testing

/// A tiny, hand-made corpus: words are given already tokenized.
enum MatchFixture {
    static func innovation(_ ref: String, _ country: String, title: String, description: String = "", themes: [String] = [],
                           targets: [String] = [], tags: [String] = [], evidence: EvidenceLevel = .monitored) -> MatchInnovation {
        MatchInnovation(ref: ref, country: country, titleWords: words(title), summaryWords: [], tagWords: tags.flatMap(words),
                        descriptionWords: words(description), themes: themes, sdgTargets: targets, tags: tags, languages: ["en"],
                        evidence: evidence, scale: .national)
    }

    static func need(_ ref: String, _ country: String, _ text: String, themes: [String] = [], targets: [String] = [],
                     tags: [String] = []) -> MatchNeed {
        MatchNeed(ref: ref, country: country, words: words(text), themes: themes, sdgTargets: targets, tags: tags, languages: ["en"])
    }

    static func words(_ text: String) -> [String] { text.lowercased().split(separator: " ").map(String.init) }

    static let geography = MatchGeography(
        regions: ["BGD": (34, 142), "NPL": (34, 142), "BEN": (202, 2), "EST": (154, 150), "THA": (35, 142)],
        globalSouth: ["BGD", "NPL", "BEN", "THA"])

    static let innovations = [
        innovation("INN-1", "BGD", title: "birth registration by mobile phone", description: "health workers register births",
                   themes: ["civil-registration"], targets: ["16.9"], tags: ["birth-registration"]),
        innovation("INN-2", "EST", title: "digital identity and birth registration", description: "registry interoperability",
                   themes: ["civil-registration", "digital-government"], targets: ["16.9", "16.6"], tags: ["e-id"]),
        innovation("INN-3", "THA", title: "universal health coverage", description: "health insurance for all",
                   themes: ["health"], targets: ["3.8"], tags: ["insurance"]),
        innovation("INN-4", "NPL", title: "land records online", description: "cadastre digitisation",
                   themes: ["land-administration"], targets: ["1.4"], tags: ["cadastre"]),
    ]
}

@Suite("Matcher")
struct MatcherTests {
    let matcher = Matcher(innovations: MatchFixture.innovations, geography: MatchFixture.geography)

    @Test("an innovation is never proposed to its own origin country")
    func ownCountry() {
        let need = MatchFixture.need("N-1", "BGD", "birth registration for rural families")
        let refs = matcher.matches(for: need, top: 10).map(\.innovation)
        #expect(!refs.contains("INN-1"))
        #expect(refs.first == "INN-2")
    }

    @Test("text similarity ranks the innovation with the need's words first, with its shared terms explained")
    func textRanking() {
        let need = MatchFixture.need("N-2", "BEN", "we need birth registration by phone")
        let matches = matcher.matches(for: need, top: 2)
        #expect(matches.map(\.innovation) == ["INN-1", "INN-2"])
        #expect(matches[0].score > matches[1].score)
        #expect(matches[0].explanation.sharedTerms.contains("birth"))
        #expect(matches[0].explanation.sharedTerms.allSatisfy { !StopWords.all.contains($0) })
    }

    @Test("each component alone", arguments: [
        ("themes", MatchWeights(text: 0, themes: 1, sdg: 0, tags: 0, evidence: 0, scale: 0, language: 0, proximity: 0), 1.0),
        ("sdg", MatchWeights(text: 0, themes: 0, sdg: 1, tags: 0, evidence: 0, scale: 0, language: 0, proximity: 0), 1.0),
        ("tags", MatchWeights(text: 0, themes: 0, sdg: 0, tags: 1, evidence: 0, scale: 0, language: 0, proximity: 0), 1.0),
        ("proximity", MatchWeights(text: 0, themes: 0, sdg: 0, tags: 0, evidence: 0, scale: 0, language: 0, proximity: 1), 1.0),
        ("evidence", MatchWeights(text: 0, themes: 0, sdg: 0, tags: 0, evidence: 1, scale: 0, language: 0, proximity: 0), 0.33),
    ])
    func component(name: String, weights: MatchWeights, expected: Double) throws {
        // NPL's need shares with INN-1 (BGD): theme, target, tag, sub-region (Southern Asia); INN-1 evidence is monitored.
        let need = MatchFixture.need("N-3", "NPL", "birth registration", themes: ["civil-registration"], targets: ["16.9"],
                                     tags: ["birth-registration"])
        let match = try #require(matcher.matches(for: need, top: 5, weights: weights).first { $0.innovation == "INN-1" })
        #expect(abs(match.score - expected) < 1e-9, "\(name)")
    }

    @Test("same SDG goal counts half of the same target")
    func sdgGoalOnly() throws {
        let need = MatchFixture.need("N-4", "BEN", "identity", targets: ["16.10"])
        let weights = MatchWeights(text: 0, themes: 0, sdg: 1, tags: 0, evidence: 0, scale: 0, language: 0, proximity: 0)
        let match = try #require(matcher.matches(for: need, top: 5, weights: weights).first { $0.innovation == "INN-2" })
        #expect(abs(match.score - 0.5) < 1e-9)
        #expect(match.explanation.sharedTargets == ["goal 16"])
    }

    @Test("a pair whose innovation comes from outside the Global South is triangular")
    func triangular() throws {
        let need = MatchFixture.need("N-5", "BEN", "digital identity")
        let match = try #require(matcher.matches(for: need, top: 5).first { $0.innovation == "INN-2" })
        #expect(match.explanation.cooperation == "triangular")
        let other = try #require(matcher.matches(for: MatchFixture.need("N-6", "BEN", "health insurance"), top: 5).first)
        #expect(other.explanation.cooperation == "south-south")
    }

    @Test("equal scores are ordered by ref; the same input gives the same output")
    func deterministic() {
        let twins = [MatchFixture.innovation("B", "THA", title: "water pumps"), MatchFixture.innovation("A", "THA", title: "water pumps")]
        let matcher = Matcher(innovations: twins, geography: MatchFixture.geography)
        let need = MatchFixture.need("N", "BEN", "water pumps")
        #expect(matcher.matches(for: need, top: 2).map(\.innovation) == ["A", "B"])
        #expect(matcher.matches(for: [need, need], top: 2).map { $0.map(\.innovation) } == [["A", "B"], ["A", "B"]])
    }

    @Test("weights as JSON: missing keys keep defaults, unknown keys and negative values are refused", arguments: [
        (#"{"text": 0.5}"#, true), (#"{}"#, true), (#"{"txt": 1}"#, false), (#"{"text": -1}"#, false), (#"[1]"#, false),
    ])
    func weightsJSON(json: String, valid: Bool) {
        let decoded = try? JSONDecoder().decode(MatchWeights.self, from: Data(json.utf8))
        #expect((decoded != nil) == valid)
        if json == #"{"text": 0.5}"# { #expect(decoded?.text == 0.5 && decoded?.themes == MatchWeights.defaults.themes) }
    }
}

@Test("each pair's contributions add up to its score, and are its component values times the weights")
func contributionsAddUp() {
    let matcher = Matcher(innovations: MatchFixture.innovations, geography: MatchFixture.geography)
    let need = MatchFixture.need("N-7", "NPL", "birth registration phone", themes: ["civil-registration"], targets: ["16.9"])
    let weights = MatchWeights(text: 0.5, themes: 0.2, sdg: 0.1, tags: 0.1, evidence: 0.04, scale: 0.03, language: 0.02, proximity: 0.01)
    let matches = matcher.matches(for: need, top: 5, weights: weights)
    #expect(!matches.isEmpty)
    for match in matches {
        #expect(abs(match.explanation.contributions.total - match.score) < 1e-9)
        #expect(match.explanation.contributions.language == 0.02)  // every fixture entry is in English
    }
}
