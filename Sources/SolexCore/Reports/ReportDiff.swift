import Foundation

/// What changed between two match reports: the pairs only the newer one proposes, the pairs it no longer proposes,
/// and the pairs both propose at a different rank. Pure: it compares two lists of pairs.
public struct ReportDiff: Sendable, Hashable {
    /// A proposed pair as a report holds it: the need, the innovation, the innovation's rank for that need (from 1)
    /// and the score.
    public struct Pair: Sendable, Hashable, Codable {
        public var need: String
        public var innovation: String
        public var rank: Int
        public var score: Double

        public init(need: String, innovation: String, rank: Int, score: Double) {
            self.need = need
            self.innovation = innovation
            self.rank = rank
            self.score = score
        }
    }

    /// A pair both reports propose, at a different rank.
    public struct Moved: Sendable, Hashable, Codable {
        public var need: String
        public var innovation: String
        public var oldRank: Int
        public var newRank: Int
        public var oldScore: Double
        public var newScore: Double

        public init(need: String, innovation: String, oldRank: Int, newRank: Int, oldScore: Double, newScore: Double) {
            self.need = need
            self.innovation = innovation
            self.oldRank = oldRank
            self.newRank = newRank
            self.oldScore = oldScore
            self.newScore = newScore
        }

        /// Positive when the pair moved up (to a better rank).
        public var rankChange: Int { oldRank - newRank }

        private enum CodingKeys: String, CodingKey {
            case need, innovation, oldRank = "old_rank", newRank = "new_rank", oldScore = "old_score", newScore = "new_score"
        }
    }

    /// Pairs only the newer report proposes, by need then rank.
    public var added: [Pair]
    /// Pairs only the older report proposes, by need then (old) rank.
    public var dropped: [Pair]
    /// Pairs of both reports whose rank differs, by need then new rank.
    public var moved: [Moved]
    /// Pairs of both reports at the same rank (their score may differ).
    public var unchanged: Int

    /// Compares the pairs of an older report with those of a newer one. A pair is known by its need and innovation;
    /// if a list names the same pair twice, its first occurrence counts.
    public init(old: [Pair], new: [Pair]) {
        func index(_ pairs: [Pair]) -> [PairKey: Pair] {
            var result: [PairKey: Pair] = [:]
            for pair in pairs where result[PairKey(pair)] == nil { result[PairKey(pair)] = pair }
            return result
        }
        let before = index(old), after = index(new)
        var added: [Pair] = [], dropped: [Pair] = [], moved: [Moved] = []
        var unchanged = 0
        for (key, pair) in after {
            guard let previous = before[key] else { added.append(pair); continue }
            if previous.rank == pair.rank { unchanged += 1 } else {
                moved.append(Moved(need: pair.need, innovation: pair.innovation, oldRank: previous.rank, newRank: pair.rank,
                                   oldScore: previous.score, newScore: pair.score))
            }
        }
        for (key, pair) in before where after[key] == nil { dropped.append(pair) }
        let byNeedAndRank = { (a: Pair, b: Pair) in (a.need, a.rank, a.innovation) < (b.need, b.rank, b.innovation) }
        self.added = added.sorted(by: byNeedAndRank)
        self.dropped = dropped.sorted(by: byNeedAndRank)
        self.moved = moved.sorted { ($0.need, $0.newRank, $0.innovation) < ($1.need, $1.newRank, $1.innovation) }
        self.unchanged = unchanged
    }

    /// Whether the two reports propose the same pairs at the same ranks.
    public var isEmpty: Bool { added.isEmpty && dropped.isEmpty && moved.isEmpty }

    private struct PairKey: Hashable {
        var need: String
        var innovation: String
        init(_ pair: Pair) {
            need = pair.need
            innovation = pair.innovation
        }
    }
}
