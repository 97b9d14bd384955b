import Foundation
import SolexCore
import Testing

/// `MatchJSON` writes by hand what `JSONEncoder` (sorted keys, slashes unescaped) would write.
@Suite("Match JSON writer")
struct MatchJSONTests {
    struct Line: Encodable {
        struct Item: Encodable {
            var innovation: String
            var score: Double
            var explanation: MatchExplanation
        }

        var need: String
        var matches: [Item]
    }

    static let matcher = Matcher(innovations: MatchFixture.innovations, geography: MatchFixture.geography)

    @Test("Same bytes as JSONEncoder", arguments: [
        MatchFixture.need("NEED/1", "NPL", "birth registration \"quoted\" for health workers", themes: ["civil-registration"],
                          targets: ["16.9"], tags: ["birth-registration"]),
        MatchFixture.need("NEED-2", "BEN", "universal health insurance"),
        MatchFixture.need("NEED-3", "BGD", "nothing in common zzz"),
    ])
    func sameBytes(need: MatchNeed) throws {
        let matches = Self.matcher.matches(for: need, top: 5)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Line(need: need.ref, matches: matches.map {
            Line.Item(innovation: $0.innovation, score: $0.score, explanation: $0.explanation)
        })), as: UTF8.self)
        #expect(MatchJSON.line(need: need.ref, matches: matches) == expected)
    }
}
