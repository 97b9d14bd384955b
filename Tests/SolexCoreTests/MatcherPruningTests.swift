@testable import SolexCore
import Testing

/// The matcher keeps only the best candidates by text and stops scoring once no candidate can reach the top K; these
/// checks compare that shortcut with the plain computation on random corpora.
@Suite("Matcher pruning")
struct MatcherPruningTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let vocabulary = (0..<40).map { "w\($0)" }
    static let countries = ["BGD", "NPL", "BEN", "EST", "THA"]
    static let themes = ["health", "education", "justice"]

    static func corpus(seed: UInt64) -> (innovations: [MatchInnovation], needs: [MatchNeed]) {
        var random = Generator(state: seed)
        func words(_ count: Int) -> String { (0..<count).map { _ in vocabulary[random.below(vocabulary.count)] }.joined(separator: " ") }
        let innovations = (0..<150).map { index in
            MatchFixture.innovation(String(format: "INN-%03d", index), countries[random.below(countries.count)],
                                    title: words(3), description: words(12), themes: [themes[random.below(themes.count)]],
                                    tags: [vocabulary[random.below(8)]])
        }
        let needs = (0..<25).map { index in
            MatchFixture.need("NEED-\(index)", countries[random.below(countries.count)], words(10),
                              themes: [themes[random.below(themes.count)]], tags: [vocabulary[random.below(8)]])
        }
        return (innovations, needs)
    }

    @Test("The best K are the first K of a longer list, for several weightings", arguments: [
        (UInt64(1), MatchWeights.defaults),
        (UInt64(2), MatchWeights(text: 0.5, themes: 0.3, sdg: 0, tags: 0.2, evidence: 0, scale: 0, language: 0, proximity: 0)),
        (UInt64(3), MatchWeights(text: 0.2, themes: 0.2, sdg: 0.1, tags: 0.2, evidence: 0.1, scale: 0.1, language: 0.05, proximity: 0.05)),
        (UInt64(4), MatchWeights(text: 0, themes: 1, sdg: 0, tags: 0, evidence: 0, scale: 0, language: 0, proximity: 0)),
    ])
    func topKIsPrefix(seed: UInt64, weights: MatchWeights) {
        let (innovations, needs) = Self.corpus(seed: seed)
        let matcher = Matcher(innovations: innovations, geography: MatchFixture.geography)
        let short = matcher.matches(for: needs, top: 5, weights: weights)
        let long = matcher.matches(for: needs, top: 150, weights: weights)
        #expect(short.count == needs.count)
        for (need, (few, many)) in zip(needs, zip(short, long)) {
            #expect(few.map(\.innovation) == Array(many.prefix(5)).map(\.innovation), "need \(need.ref)")
            #expect(zip(many, many.dropFirst()).allSatisfy { $0.score >= $1.score }, "need \(need.ref): not in score order")
        }
    }

    @Test("The text pool keeps the same candidates as sorting everything", arguments: [UInt64(7), 8, 9])
    func textPoolMatchesSort(seed: UInt64) {
        var random = Generator(state: seed)
        // Few distinct values, so that many ties are broken by rank.
        let entries = (0..<500).map { index in
            TextPool.Entry(text: Float(random.below(20)), rank: Int32(index * 7919 % 10_007), doc: Int32(index))
        }
        var pool = TextPool(capacity: 37)
        for entry in entries { pool.offer(entry) }
        let expected = entries.sorted { $0.isBetter(than: $1) }.prefix(37)
        #expect(pool.bestFirst().map(\.doc) == expected.map(\.doc))
    }

    @Test("Offering a whole array of text scores keeps what offering the positive ones of other countries one by one keeps",
          arguments: [(UInt64(3), 1), (4, 37), (5, 300), (6, 2_000)])
    func textPoolScan(seed: UInt64, capacity: Int) {
        var random = Generator(state: seed)
        let count = 1_000
        // Zeros (innovations that share no word), many ties, and three countries of which one is left out.
        let texts = (0..<count).map { _ in random.below(3) == 0 ? 0 : Float(random.below(25)) / 4 }
        let countries = (0..<count).map { _ in Int32(random.below(3)) }
        let ranks = (0..<count).map { Int32($0 * 7919 % 10_007) }
        var expected = TextPool(capacity: capacity)
        for doc in 0..<count where texts[doc] > 0 && countries[doc] != 1 {
            expected.offer(TextPool.Entry(text: texts[doc], rank: ranks[doc], doc: Int32(doc)))
        }
        var pool = TextPool(capacity: capacity)
        texts.withUnsafeBufferPointer { texts in
            countries.withUnsafeBufferPointer { countries in
                ranks.withUnsafeBufferPointer { ranks in pool.offer(texts, countries: countries, excluding: 1, ranks: ranks) }
            }
        }
        #expect(pool.bestFirst().map(\.doc) == expected.bestFirst().map(\.doc))
        #expect(pool.bestText == texts.indices.filter { countries[$0] != 1 }.map { texts[$0] }.max())
        #expect(pool.bestFirst().allSatisfy { texts[Int($0.doc)] > 0 && countries[Int($0.doc)] != 1 })
    }
}
