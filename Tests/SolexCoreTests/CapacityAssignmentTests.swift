import Foundation
import SolexCore
import Testing

private typealias Candidate = CapacityAssignment.Candidate
private typealias Capacities = CapacityAssignment.Capacities

/// SplitMix64: a small seeded generator, so every random instance is the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// A small instance worked out by hand: the pairs, the capacities, the pairs that must be chosen and their total.
struct HandCase: Sendable, CustomTestStringConvertible {
    let name: String
    let pairs: [String]
    let perInnovation: Int
    let perNeed: Int
    let chosen: Set<String>
    let total: Double
    var testDescription: String { name }

    /// Pairs are written "NEED-INNOVATION:score".
    fileprivate var candidates: [Candidate] {
        pairs.map { text in
            let parts = text.split(separator: ":"), ids = parts[0].split(separator: "-")
            return Candidate(need: String(ids[0]), innovation: String(ids[1]), score: Double(parts[1])!)
        }
    }
}

private func key(_ candidate: Candidate) -> String { "\(candidate.need)-\(candidate.innovation)" }

/// The greatest total score of any subset of `pairs` within the capacities, by trying every subset.
private func bruteForceOptimum(_ pairs: [Candidate], _ capacities: Capacities) -> Double {
    var best = 0.0
    for mask in 0..<(1 << pairs.count) {
        var needs: [String: Int] = [:], innovations: [String: Int] = [:], total = 0.0, fits = true
        for (index, pair) in pairs.enumerated() where mask & (1 << index) != 0 {
            needs[pair.need, default: 0] += 1
            innovations[pair.innovation, default: 0] += 1
            total += pair.score
            if needs[pair.need]! > capacities.perNeed || innovations[pair.innovation]! > capacities.perInnovation { fits = false }
        }
        if fits { best = max(best, total) }
    }
    return best
}

/// Checks everything that must hold of any result, whatever the instance: each distinct pair reported once with its
/// highest score, capacities respected, reasons true, outputs sorted, total the sum of the chosen scores.
private func checkInvariants(_ result: CapacityAssignment.Result, _ input: [Candidate], _ capacities: Capacities) {
    var highest: [String: Candidate] = [:]
    for pair in input where highest[key(pair)].map({ $0.score < pair.score || $0.score.isNaN }) ?? true { highest[key(pair)] = pair }
    let reported = result.chosen + result.leftOut.map(\.candidate)
    #expect(reported.count == highest.count)
    #expect(Set(reported.map(key)) == Set(highest.keys))
    for pair in result.chosen { #expect(pair.score == highest[key(pair)]?.score && pair.score > 0) }
    let needLoad = Dictionary(grouping: result.chosen, by: \.need).mapValues(\.count)
    let innovationLoad = Dictionary(grouping: result.chosen, by: \.innovation).mapValues(\.count)
    #expect(needLoad.values.allSatisfy { $0 <= capacities.perNeed })
    #expect(innovationLoad.values.allSatisfy { $0 <= capacities.perInnovation })
    for left in result.leftOut {
        let pair = left.candidate
        guard pair.score > 0, pair.score.isFinite else {
            #expect(left.reason == .notPositive)
            continue
        }
        let innovationFull = innovationLoad[pair.innovation, default: 0] >= capacities.perInnovation
        let needFull = needLoad[pair.need, default: 0] >= capacities.perNeed
        #expect(innovationFull || needFull, "a positive pair left out meets a full side: \(pair)")
        let expected: CapacityAssignment.Reason = innovationFull && needFull ? .bothFull : innovationFull ? .innovationFull : .needFull
        #expect(left.reason == expected, "\(pair)")
        if innovationFull { #expect(left.explanation.contains(pair.innovation)) }
        if needFull { #expect(left.explanation.contains(pair.need)) }
    }
    #expect(abs(result.totalScore - result.chosen.reduce(0) { $0 + $1.score }) < 1e-12)
    for (lhs, rhs) in zip(result.chosen, result.chosen.dropFirst()) {
        #expect(lhs.need < rhs.need || lhs.need == rhs.need && (lhs.score > rhs.score || lhs.score == rhs.score && lhs.innovation < rhs.innovation))
    }
    for (lhs, rhs) in zip(result.leftOut.map(\.candidate), result.leftOut.dropFirst().map(\.candidate)) where lhs.score.isFinite && rhs.score.isFinite {
        #expect(lhs.score > rhs.score || lhs.score == rhs.score && (lhs.need, lhs.innovation) < (rhs.need, rhs.innovation))
    }
}

/// A random instance: up to 4 needs and 4 innovations, up to `count` raw pairs (duplicates possible), scores either
/// continuous, on a coarse grid (many ties) or sometimes not positive.
private func randomInstance(seed: UInt64, needs: Int, innovations: Int, count: Int) -> ([Candidate], Capacities) {
    var random = SplitMix64(state: seed)
    let style = Int.random(in: 0..<3, using: &random)
    let pairs = (0..<Int.random(in: 1...count, using: &random)).map { _ in
        let score: Double = switch style {
        case 0: Double.random(in: 0.01...1, using: &random)
        case 1: Double(Int.random(in: 1...4, using: &random)) / 4
        default: Double(Int.random(in: -2...6, using: &random)) / 6
        }
        return Candidate(need: "N\(Int.random(in: 0..<needs, using: &random))",
                         innovation: "I\(Int.random(in: 0..<innovations, using: &random))", score: score)
    }
    return (pairs, Capacities(perInnovation: Int.random(in: 1...3, using: &random), perNeed: Int.random(in: 1...3, using: &random)))
}

/// A plain min-cost flow for comparison: successive shortest paths found with Bellman-Ford, no potentials, no components.
private func bellmanFordOptimum(_ pairs: [Candidate], _ capacities: Capacities) -> Double {
    let needs = Array(Set(pairs.map(\.need))).sorted(), innovations = Array(Set(pairs.map(\.innovation))).sorted()
    let source = needs.count + innovations.count, sink = source + 1
    var head: [Int] = [], capacity: [Int] = [], cost: [Double] = [], arcs = Array(repeating: [Int](), count: sink + 1)
    func add(_ from: Int, _ to: Int, _ units: Int, _ price: Double) {
        arcs[from].append(head.count); head.append(to); capacity.append(units); cost.append(price)
        arcs[to].append(head.count); head.append(from); capacity.append(0); cost.append(-price)
    }
    for need in needs.indices { add(source, need, capacities.perNeed, 0) }
    for innovation in innovations.indices { add(needs.count + innovation, sink, capacities.perInnovation, 0) }
    for pair in pairs {
        add(needs.firstIndex(of: pair.need)!, needs.count + innovations.firstIndex(of: pair.innovation)!, 1, -pair.score)
    }
    var total = 0.0
    while true {
        var distance = Array(repeating: Double.infinity, count: sink + 1), via = Array(repeating: -1, count: sink + 1)
        distance[source] = 0
        for _ in 0...sink {
            for node in 0...sink where distance[node] < .infinity {
                for arc in arcs[node] where capacity[arc] > 0 && distance[node] + cost[arc] < distance[head[arc]] - 1e-12 {
                    distance[head[arc]] = distance[node] + cost[arc]
                    via[head[arc]] = arc
                }
            }
        }
        guard distance[sink] < -1e-12 else { return total }
        var node = sink
        while node != source {
            capacity[via[node]] -= 1
            capacity[via[node] ^ 1] += 1
            node = head[via[node] ^ 1]
        }
        total -= distance[sink]
    }
}

@Suite("CapacityAssignment")
struct CapacityAssignmentTests {
    static let handCases: [HandCase] = [
        // Greedy takes A-X (0.9) first and is left with 0.9; A-Y and B-X together give 1.6.
        HandCase(name: "greedy by score is not optimal (1 and 1)", pairs: ["A-X:0.9", "A-Y:0.8", "B-X:0.8"],
                 perInnovation: 1, perNeed: 1, chosen: ["A-Y", "B-X"], total: 1.6),
        // Greedy takes A-X, A-Y, D-Y, B-X = 3.55. Giving A the weak Z frees Y for E: A-X, A-Z, B-X, D-Y, E-Y = 3.6.
        // B-X and C-X tie at 0.8; B comes first.
        HandCase(name: "greedy by score is not optimal (2 and 2)",
                 pairs: ["A-X:1.0", "A-Y:0.9", "A-Z:0.1", "B-X:0.8", "C-X:0.8", "D-Y:0.85", "E-Y:0.85"],
                 perInnovation: 2, perNeed: 2, chosen: ["A-X", "A-Z", "B-X", "D-Y", "E-Y"], total: 3.6),
        // Of the six permutations, A-X, B-Z, C-Y (0.9 + 0.6 + 0.75) is the best.
        HandCase(name: "assignment problem, 3 by 3",
                 pairs: ["A-X:0.9", "A-Y:0.8", "A-Z:0.3", "B-X:0.85", "B-Y:0.2", "B-Z:0.6", "C-X:0.7", "C-Y:0.75", "C-Z:0.1"],
                 perInnovation: 1, perNeed: 1, chosen: ["A-X", "B-Z", "C-Y"], total: 2.25),
        // A-X + B-Z = 0.8, A-Y + B-X = 1.0, A-Y + B-Z = 0.7.
        HandCase(name: "assignment problem, 2 needs and 3 innovations", pairs: ["A-X:0.5", "A-Y:0.4", "B-X:0.6", "B-Z:0.3"],
                 perInnovation: 1, perNeed: 1, chosen: ["A-Y", "B-X"], total: 1.0),
        HandCase(name: "a need keeps its best proposals", pairs: ["A-X:0.3", "A-Y:0.9", "A-Z:0.6"],
                 perInnovation: 5, perNeed: 2, chosen: ["A-Y", "A-Z"], total: 1.5),
        HandCase(name: "an innovation keeps its best needs", pairs: ["A-X:0.3", "B-X:0.9", "C-X:0.6"],
                 perInnovation: 2, perNeed: 5, chosen: ["B-X", "C-X"], total: 1.5),
        HandCase(name: "equal scores go to the need first in order", pairs: ["B-X:0.5", "A-X:0.5"],
                 perInnovation: 1, perNeed: 1, chosen: ["A-X"], total: 0.5),
        HandCase(name: "equal scores go to the innovation first in order", pairs: ["A-Y:0.5", "A-X:0.5"],
                 perInnovation: 1, perNeed: 1, chosen: ["A-X"], total: 0.5),
        HandCase(name: "separate components are solved each on its own", pairs: ["A-X:0.4", "B-Y:0.7", "C-Y:0.8"],
                 perInnovation: 1, perNeed: 1, chosen: ["A-X", "C-Y"], total: 1.2),
        HandCase(name: "room for every pair", pairs: ["A-X:0.4", "B-X:0.7", "A-Y:0.8"],
                 perInnovation: 3, perNeed: 3, chosen: ["A-X", "B-X", "A-Y"], total: 1.9),
        HandCase(name: "tiny scores still count, the larger first", pairs: ["A-X:5e-324", "B-X:1e-300", "B-Y:4e-300"],
                 perInnovation: 1, perNeed: 1, chosen: ["A-X", "B-Y"], total: 4e-300),
        HandCase(name: "capacity 0 takes nothing", pairs: ["A-X:0.4", "B-X:0.7"],
                 perInnovation: 0, perNeed: 3, chosen: [], total: 0),
    ]

    @Test("hand-worked instances", arguments: handCases)
    func handWorked(_ example: HandCase) {
        let capacities = Capacities(perInnovation: example.perInnovation, perNeed: example.perNeed)
        let result = CapacityAssignment.assign(example.candidates, capacities: capacities)
        #expect(Set(result.chosen.map(key)) == example.chosen)
        #expect(abs(result.totalScore - example.total) < 1e-9)
        checkInvariants(result, example.candidates, capacities)
    }

    @Test("a duplicated pair counts once, with its higher score", arguments: [false, true])
    func duplicates(reversed: Bool) {
        let pairs = [Candidate(need: "A", innovation: "X", score: 0.2), Candidate(need: "A", innovation: "X", score: 0.7),
                     Candidate(need: "A", innovation: "Y", score: 0.5)]
        let result = CapacityAssignment.assign(reversed ? pairs.reversed() : pairs, capacities: Capacities(perInnovation: 1, perNeed: 1))
        #expect(result.chosen == [Candidate(need: "A", innovation: "X", score: 0.7)])
        #expect(result.leftOut.map(\.candidate) == [Candidate(need: "A", innovation: "Y", score: 0.5)])
        #expect(result.leftOut.first?.reason == .needFull)
    }

    @Test("a pair whose score is not a positive number is never chosen", arguments: [0, -0.0, -0.3, .nan, .infinity, -.infinity])
    func notPositive(score: Double) {
        let pairs = [Candidate(need: "A", innovation: "X", score: score), Candidate(need: "A", innovation: "Y", score: 0.4)]
        let result = CapacityAssignment.assign(pairs, capacities: Capacities(perInnovation: 5, perNeed: 5))
        #expect(result.chosen.map(key) == ["A-Y"])
        #expect(result.totalScore == 0.4)
        #expect(result.leftOut.count == 1)
        #expect(result.leftOut.first?.candidate.innovation == "X")
        #expect(result.leftOut.first?.reason == .notPositive)
        #expect(result.leftOut.first?.explanation.hasSuffix("so the pair is never proposed.") == true)
    }

    @Test("each reason comes with a sentence naming the capacity and the weakest chosen score", arguments: [
        (["A-X:0.9", "B-X:0.71"], 1, 2, "B-X", CapacityAssignment.Reason.innovationFull,
         "X already supports 1 adopting country, its capacity, with pairs scoring at least 0.90."),
        (["A-X:0.9", "B-X:0.8", "C-X:0.7149", "D-X:0.5"], 3, 5, "D-X", .innovationFull,
         "X already supports 3 adopting countries, its capacity, with pairs scoring at least 0.71."),
        (["A-X:0.8", "A-Y:0.3"], 2, 1, "A-Y", .needFull, "A already has 1 proposal, its capacity, scoring at least 0.80."),
        (["A-X:0.9", "A-Y:0.8", "B-X:0.8"], 1, 1, "A-X", .bothFull,
         "Both sides are at capacity: X already supports 1 adopting country, its capacity, with pairs scoring at least 0.80, "
             + "and A already has 1 proposal, its capacity, scoring at least 0.80; taking this pair would mean dropping a "
             + "chosen pair on each side, which would not raise the total score."),
        (["A-X:0.04"], 1, 0, "A-X", .needFull, "A takes no proposal (capacity 0)."),
        (["A-X:0.04", "B-X:0.03"], 1, 2, "B-X", .innovationFull,
         "X already supports 1 adopting country, its capacity, with pairs scoring at least 0.040."),
    ])
    func explanations(pairs: [String], perInnovation: Int, perNeed: Int, pair: String, reason: CapacityAssignment.Reason,
                      sentence: String) throws {
        let example = HandCase(name: "", pairs: pairs, perInnovation: perInnovation, perNeed: perNeed, chosen: [], total: 0)
        let result = CapacityAssignment.assign(example.candidates, capacities: Capacities(perInnovation: perInnovation, perNeed: perNeed))
        let left = try #require(result.leftOut.first { key($0.candidate) == pair })
        #expect(left.reason == reason)
        #expect(left.explanation == sentence)
    }

    @Test("the same pairs in any order, with lower duplicates, give the same result", arguments: [1, 2, 3, 4] as [UInt64])
    func shuffled(seed: UInt64) {
        var random = SplitMix64(state: seed)
        var pairs: [Candidate] = []
        for need in 0..<60 {
            for innovation in Set((0..<6).map { _ in Int.random(in: 0..<40, using: &random) }).sorted() {
                pairs.append(Candidate(need: "N\(need)", innovation: "I\(innovation)", score: Double(Int.random(in: 1...5, using: &random)) / 5))
            }
        }
        let capacities = Capacities(perInnovation: 2, perNeed: 3)
        let first = CapacityAssignment.assign(pairs, capacities: capacities)
        checkInvariants(first, pairs, capacities)
        for _ in 0..<5 {
            let lower = pairs.prefix(20).map { Candidate(need: $0.need, innovation: $0.innovation, score: $0.score / 2) }
            #expect(CapacityAssignment.assign((pairs + lower).shuffled(using: &random), capacities: capacities) == first)
        }
    }

    @Test("small random instances: the optimum equals the best of every subset", arguments: 0..<400 as Range<UInt64>)
    func bruteForce(seed: UInt64) {
        let (pairs, capacities) = randomInstance(seed: seed, needs: 1 + Int(seed % 4), innovations: 1 + Int(seed / 4 % 4), count: 14)
        var distinct: [String: Candidate] = [:]
        for pair in pairs where pair.score > distinct[key(pair)]?.score ?? 0 { distinct[key(pair)] = pair }
        let result = CapacityAssignment.assign(pairs, capacities: capacities)
        #expect(abs(result.totalScore - bruteForceOptimum(Array(distinct.values), capacities)) < 1e-9)
        checkInvariants(result, pairs, capacities)
    }

    @Test("medium random instances agree with a plain Bellman-Ford min-cost flow", arguments: 0..<8 as Range<UInt64>)
    func againstBellmanFord(seed: UInt64) {
        var random = SplitMix64(state: seed &+ 9_000)
        var pairs: [Candidate] = []
        for need in 0..<40 {
            for innovation in Set((0..<5).map { _ in Int.random(in: 0..<30, using: &random) }) {
                pairs.append(Candidate(need: "N\(need)", innovation: "I\(innovation)", score: Double.random(in: 0.05...1, using: &random)))
            }
        }
        let capacities = Capacities(perInnovation: 1 + Int(seed % 3), perNeed: 1 + Int(seed / 3 % 3))
        let result = CapacityAssignment.assign(pairs, capacities: capacities)
        #expect(abs(result.totalScore - bellmanFordOptimum(pairs, capacities)) < 1e-9)
        checkInvariants(result, pairs, capacities)
    }

    @Test("capacities and results encode with snake_case keys")
    func coding() throws {
        let capacities = Capacities(perInnovation: 3, perNeed: 5)
        let json = String(decoding: try JSONEncoder().encode(capacities), as: UTF8.self)
        #expect(json.contains(#""per_innovation":3"#) && json.contains(#""per_need":5"#))
        #expect(try JSONDecoder().decode(Capacities.self, from: Data(json.utf8)) == capacities)
        let result = CapacityAssignment.assign([Candidate(need: "A", innovation: "X", score: 0.5)], capacities: capacities)
        let encoded = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(encoded.contains(#""left_out":[]"#) && encoded.contains(#""total_score":0.5"#))
        #expect(try JSONDecoder().decode(CapacityAssignment.Result.self, from: Data(encoded.utf8)) == result)
    }
}
