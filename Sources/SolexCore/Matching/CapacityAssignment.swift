import Foundation

/// Chooses, among the matcher's candidate pairs, the set of pairs of greatest total score such that no innovation
/// supports more than `perInnovation` needs and no need receives more than `perNeed` proposals, and says why each
/// other pair was left out. The optimum is exact (a min-cost flow, see `docs/matching.md`).
public enum CapacityAssignment {
    /// One proposed pair: a need, an innovation and the matcher's score.
    public struct Candidate: Sendable, Hashable, Codable {
        /// The need's ref.
        public var need: String
        /// The innovation's ref.
        public var innovation: String
        /// The pair's score; only pairs scoring more than 0 can be chosen.
        public var score: Double

        /// Creates a candidate pair.
        public init(need: String, innovation: String, score: Double) {
            self.need = need
            self.innovation = innovation
            self.score = score
        }
    }

    /// How many pairs each side may take.
    public struct Capacities: Sendable, Hashable, Codable {
        /// How many adopting countries (needs) one innovation's champion can support. Negative values count as 0.
        public var perInnovation: Int
        /// How many proposals one need wants at most. Negative values count as 0.
        public var perNeed: Int

        /// Creates the capacities.
        public init(perInnovation: Int, perNeed: Int) {
            self.perInnovation = perInnovation
            self.perNeed = perNeed
        }

        private enum CodingKeys: String, CodingKey {
            case perInnovation = "per_innovation", perNeed = "per_need"
        }
    }

    /// Why a candidate pair was not chosen.
    public enum Reason: String, Codable, Sendable {
        /// The innovation already supports as many needs as it can, with pairs that together score at least as much.
        case innovationFull = "innovation_full"
        /// The need already has as many proposals as it wants, with pairs that together score at least as much.
        case needFull = "need_full"
        /// Both the innovation and the need are at capacity.
        case bothFull = "both_full"
        /// The score is 0, negative or not a finite number, so the pair is never proposed.
        case notPositive = "not_positive"
    }

    /// A candidate pair that was not chosen, with the reason and a plain English sentence.
    public struct LeftOut: Sendable, Hashable, Codable {
        /// The pair.
        public var candidate: Candidate
        /// Which side was at capacity, or that the score was not positive.
        public var reason: Reason
        /// One sentence naming the capacity and the weakest chosen score on the full side.
        public var explanation: String

        /// Creates a left-out entry.
        public init(candidate: Candidate, reason: Reason, explanation: String) {
            self.candidate = candidate
            self.reason = reason
            self.explanation = explanation
        }
    }

    /// The chosen pairs, the pairs left out and the total score.
    public struct Result: Sendable, Hashable, Codable {
        /// Chosen pairs, by need, then score (highest first), then innovation.
        public var chosen: [Candidate]
        /// Every other distinct pair, by score (highest first), then need, then innovation.
        public var leftOut: [LeftOut]
        /// The sum of the chosen pairs' scores.
        public var totalScore: Double

        /// Creates a result.
        public init(chosen: [Candidate], leftOut: [LeftOut], totalScore: Double) {
            self.chosen = chosen
            self.leftOut = leftOut
            self.totalScore = totalScore
        }

        private enum CodingKeys: String, CodingKey {
            case chosen, leftOut = "left_out", totalScore = "total_score"
        }
    }

    /// Scores are rounded to multiples of (highest score / 2^36) for the exact integer solver.
    static let scoreResolution = Double(Int64(1) << 36)

    /// Chooses the pairs of greatest total score within the capacities.
    ///
    /// A pair given more than once counts once, with its highest score. Pairs scoring 0 or less are left out as
    /// `notPositive`. Among assignments of equal total score, pairs that come first in (need, innovation) order are
    /// preferred. The result depends only on the set of candidates, not on their order.
    public static func assign(_ candidates: [Candidate], capacities: Capacities) -> Result {
        var best: [PairKey: Candidate] = [:]
        for candidate in candidates {
            let key = PairKey(need: candidate.need, innovation: candidate.innovation)
            if let kept = best[key], !ranksAbove(candidate.score, kept.score) { continue }
            best[key] = candidate
        }
        let positive = best.values.filter(isUsable).sorted { ($0.need, $0.innovation) < ($1.need, $1.innovation) }
        let picked = solve(positive, capacities: capacities)
        var chosen: [Candidate] = []
        var notChosen: [Candidate] = []
        for (index, candidate) in positive.enumerated() {
            if picked[index] { chosen.append(candidate) } else { notChosen.append(candidate) }
        }
        chosen.sort { lhs, rhs in
            if lhs.need != rhs.need { return lhs.need < rhs.need }
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            return lhs.innovation < rhs.innovation
        }
        var leftOut = explainLeftOut(notChosen, chosen: chosen, capacities: capacities)
        leftOut += best.values.filter { !isUsable($0) }.map(notPositive)
        leftOut.sort { lhs, rhs in
            let left = lhs.candidate, right = rhs.candidate
            if ranksAbove(left.score, right.score) { return true }
            if ranksAbove(right.score, left.score) { return false }
            return (left.need, left.innovation) < (right.need, right.innovation)
        }
        return Result(chosen: chosen, leftOut: leftOut, totalScore: chosen.reduce(0) { $0 + $1.score })
    }

    /// Gives each pair that was not chosen its reason: the side or sides at capacity with the chosen pairs.
    static func explainLeftOut(_ pairs: [Candidate], chosen: [Candidate], capacities: Capacities) -> [LeftOut] {
        let perNeed = max(0, capacities.perNeed), perInnovation = max(0, capacities.perInnovation)
        var needScores: [String: [Double]] = [:], innovationScores: [String: [Double]] = [:]
        for pair in chosen {
            needScores[pair.need, default: []].append(pair.score)
            innovationScores[pair.innovation, default: []].append(pair.score)
        }
        return pairs.map { pair in
            let needs = innovationScores[pair.innovation] ?? [], proposals = needScores[pair.need] ?? []
            let innovationFull = needs.count >= perInnovation, needFull = proposals.count >= perNeed
            // With positive scores and an optimal choice, a pair left out always meets a full side.
            assert(innovationFull || needFull, "an optimal assignment leaves out a positive pair only at capacity")
            let innovationSide = { sentence(innovation: pair.innovation, capacity: perInnovation, weakest: needs.min()) }
            let needSide = { sentence(need: pair.need, capacity: perNeed, weakest: proposals.min()) }
            switch (innovationFull, needFull) {
            case (true, true):
                return LeftOut(candidate: pair, reason: .bothFull, explanation: "Both sides are at capacity: \(innovationSide()), and "
                               + "\(needSide()); taking this pair would mean dropping a chosen pair on each side, which would not "
                               + "raise the total score.")
            case (false, true):
                return LeftOut(candidate: pair, reason: .needFull, explanation: needSide() + ".")
            default:
                return LeftOut(candidate: pair, reason: .innovationFull, explanation: innovationSide() + ".")
            }
        }
    }

    private static func sentence(innovation: String, capacity: Int, weakest: Double?) -> String {
        guard let weakest, capacity > 0 else { return "\(innovation) can support no adopting country (capacity 0)" }
        let countries = capacity == 1 ? "1 adopting country" : "\(capacity) adopting countries"
        return "\(innovation) already supports \(countries), its capacity, with pairs scoring at least \(atLeast(weakest))"
    }

    private static func sentence(need: String, capacity: Int, weakest: Double?) -> String {
        guard let weakest, capacity > 0 else { return "\(need) takes no proposal (capacity 0)" }
        let proposals = capacity == 1 ? "1 proposal" : "\(capacity) proposals"
        return "\(need) already has \(proposals), its capacity, scoring at least \(atLeast(weakest))"
    }

    private static func notPositive(_ pair: Candidate) -> LeftOut {
        let what = pair.score.isFinite || pair.score.isNaN ? "not positive" : "not a finite number"
        return LeftOut(candidate: pair, reason: .notPositive,
                       explanation: "Its score, \(pair.score), is \(what), so the pair is never proposed.")
    }

    /// A score rounded down to two decimals (more for scores under 0.1), so "at least" stays true.
    static func atLeast(_ score: Double) -> String {
        var decimals = 2
        while decimals < 6, score < pow(10, Double(1 - decimals)) { decimals += 1 }
        let scale = pow(10, Double(decimals))
        return String(format: "%.\(decimals)f", ((score * scale) + 1e-9).rounded(.down) / scale)
    }

    private struct PairKey: Hashable {
        var need: String
        var innovation: String
    }

    private static func isUsable(_ candidate: Candidate) -> Bool { candidate.score > 0 && candidate.score.isFinite }

    /// A total order on scores for duplicates and sorting: NaN lowest, then numeric order, -0 below +0.
    private static func ranksAbove(_ lhs: Double, _ rhs: Double) -> Bool {
        if lhs.isNaN || rhs.isNaN { return !lhs.isNaN && rhs.isNaN }
        return lhs != rhs ? lhs > rhs : !lhs.isTotallyOrdered(belowOrEqualTo: rhs)
    }
}
