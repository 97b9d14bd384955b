import Foundation

extension CapacityAssignment {
    /// Runs the flow solver on each connected component of the candidate graph; returns the chosen flags.
    /// `positive` is sorted by (need, innovation) and every score is a positive finite number.
    static func solve(_ positive: [Candidate], capacities: Capacities) -> [Bool] {
        guard let highest = positive.map(\.score).max() else { return [] }
        var needIndex: [String: Int] = [:], innovationIndex: [String: Int] = [:]
        var pairNeed: [Int] = [], pairInnovation: [Int] = []
        for candidate in positive {
            if needIndex[candidate.need] == nil { needIndex[candidate.need] = needIndex.count }
            pairNeed.append(needIndex[candidate.need]!)
            if innovationIndex[candidate.innovation] == nil { innovationIndex[candidate.innovation] = innovationIndex.count }
            pairInnovation.append(innovationIndex[candidate.innovation]!)
        }
        // Connected components: needs are nodes 0..<needs, innovations follow.
        var components = UnionFind(count: needIndex.count + innovationIndex.count)
        for (need, innovation) in zip(pairNeed, pairInnovation) { components.union(need, needIndex.count + innovation) }
        var pairsOfComponent: [Int: [Int]] = [:]
        var componentOrder: [Int] = []
        for (pair, need) in pairNeed.enumerated() {
            let root = components.find(need)
            if pairsOfComponent[root] == nil { componentOrder.append(root) }
            pairsOfComponent[root, default: []].append(pair)
        }
        var picked = Array(repeating: false, count: positive.count)
        for root in componentOrder {
            let pairs = pairsOfComponent[root]!
            // Local indices, in first-seen order: needs come in sorted order because the pairs are sorted by need.
            var localNeed: [Int: Int32] = [:], localInnovation: [Int: Int32] = [:]
            var needs: [Int32] = [], innovations: [Int32] = [], gains: [FlowCost] = []
            for pair in pairs {
                if localNeed[pairNeed[pair]] == nil { localNeed[pairNeed[pair]] = Int32(localNeed.count) }
                if localInnovation[pairInnovation[pair]] == nil { localInnovation[pairInnovation[pair]] = Int32(localInnovation.count) }
                needs.append(localNeed[pairNeed[pair]]!)
                innovations.append(localInnovation[pairInnovation[pair]]!)
                // Tie-break bonus: larger for pairs earlier in (need, innovation) order, and always at least 1, so a
                // pair whose score rounds to 0 still gains.
                let rounded = (positive[pair].score / highest * scoreResolution).rounded()  // 0...2^36, even for tiny scores
                gains.append(FlowCost(primary: Int64(rounded), tie: Int64(positive.count - pair)))
            }
            var flow = BipartiteMatchingFlow(needCount: localNeed.count, innovationCount: localInnovation.count,
                                             perNeed: capacities.perNeed, perInnovation: capacities.perInnovation,
                                             pairNeed: needs, pairInnovation: innovations, gain: gains)
            flow.solve()
            for (slot, pair) in pairs.enumerated() where flow.chosen[slot] { picked[pair] = true }
        }
        return picked
    }
}

/// A cost compared lexicographically: first `primary` (the quantised score), then `tie` (the tie-break bonus).
/// Integers keep every sum exact, so the optimum found is exact for these costs.
struct FlowCost: Comparable, Sendable {
    var primary: Int64
    var tie: Int64

    static let zero = FlowCost(primary: 0, tie: 0)

    static func < (lhs: FlowCost, rhs: FlowCost) -> Bool {
        lhs.primary != rhs.primary ? lhs.primary < rhs.primary : lhs.tie < rhs.tie
    }

    static func + (lhs: FlowCost, rhs: FlowCost) -> FlowCost {
        FlowCost(primary: lhs.primary + rhs.primary, tie: lhs.tie + rhs.tie)
    }

    static func - (lhs: FlowCost, rhs: FlowCost) -> FlowCost {
        FlowCost(primary: lhs.primary - rhs.primary, tie: lhs.tie - rhs.tie)
    }
}

/// Maximum-weight b-matching on a bipartite graph (needs on one side, innovations on the other) as a min-cost
/// circulation, solved exactly by successive shortest paths with Dijkstra and node potentials.
///
/// The network: a hub node joined to every need (capacity `perNeed`, cost 0), every candidate pair as an arc from its
/// need to its innovation (capacity 1, cost minus its gain), and every innovation joined back to the hub (capacity
/// `perInnovation`, cost 0). A circulation of least cost is an assignment of greatest total gain.
///
/// Needs are added one at a time, in index order. Before a need is added the flow has no negative cycle. Adding it
/// can only create negative cycles that pass through its own arc from the hub, so it is enough to send flow from the
/// new need to the hub along shortest residual paths while they cost less than zero and the need has room left; each
/// such augmentation keeps the residual graph free of negative cycles. Dijkstra stops as soon as it reaches the hub
/// or no path can cost less than zero, so a search usually stays near the new need.
struct BipartiteMatchingFlow {
    let needCount: Int
    let innovationCount: Int
    let perNeed: Int32
    let perInnovation: Int32
    /// Need (0..<needCount) and innovation (0..<innovationCount) of each pair, and the pair's gain (positive).
    let pairNeed: [Int32]
    let pairInnovation: [Int32]
    let gain: [FlowCost]

    /// Pairs of each need and of each innovation, in compressed rows.
    private var needStart: [Int32] = []
    private var needPairs: [Int32] = []
    private var innovationStart: [Int32] = []
    private var innovationPairs: [Int32] = []

    /// The flow: which pairs are chosen, how many pairs each need and each innovation has.
    private(set) var chosen: [Bool]
    private var used: [Int32]
    private var load: [Int32]
    /// Node potentials: needs are nodes 0..<needCount, innovations follow, the hub is last.
    private var potential: [FlowCost]

    /// Dijkstra's scratch space, reused by every search; a node's entries are valid when its stamp is the search's.
    private var distance: [FlowCost]
    private var reachedStamp: [Int32]
    private var settledStamp: [Int32]
    private var parentPair: [Int32]
    private var stamp: Int32 = 0
    private var heap: [(cost: FlowCost, node: Int32)] = []
    private var settled: [Int32] = []

    private var hub: Int { needCount + innovationCount }

    /// Prepares the network; `solve()` then finds the flow.
    init(needCount: Int, innovationCount: Int, perNeed: Int, perInnovation: Int, pairNeed: [Int32], pairInnovation: [Int32],
         gain: [FlowCost]) {
        self.needCount = needCount
        self.innovationCount = innovationCount
        self.perNeed = Int32(clamping: max(0, perNeed))
        self.perInnovation = Int32(clamping: max(0, perInnovation))
        self.pairNeed = pairNeed
        self.pairInnovation = pairInnovation
        self.gain = gain
        let nodes = needCount + innovationCount + 1
        chosen = Array(repeating: false, count: pairNeed.count)
        used = Array(repeating: 0, count: needCount)
        load = Array(repeating: 0, count: innovationCount)
        potential = Array(repeating: .zero, count: nodes)
        distance = Array(repeating: .zero, count: nodes)
        reachedStamp = Array(repeating: 0, count: nodes)
        settledStamp = Array(repeating: 0, count: nodes)
        parentPair = Array(repeating: -1, count: nodes)
        (needStart, needPairs) = Self.rows(pairNeed, count: needCount)
        (innovationStart, innovationPairs) = Self.rows(pairInnovation, count: innovationCount)
    }

    /// Groups pair indices by owner (counting sort), keeping pair order within each row.
    private static func rows(_ owner: [Int32], count: Int) -> ([Int32], [Int32]) {
        var start = Array(repeating: Int32(0), count: count + 1)
        for node in owner { start[Int(node) + 1] += 1 }
        for index in 0..<count { start[index + 1] += start[index] }
        var next = start
        var items = Array(repeating: Int32(0), count: owner.count)
        for (pair, node) in owner.enumerated() {
            items[Int(next[Int(node)])] = Int32(pair)
            next[Int(node)] += 1
        }
        return (start, items)
    }

    /// Adds the needs one by one and augments from each while it pays.
    mutating func solve() {
        guard perNeed > 0, perInnovation > 0 else { return }
        for need in 0..<needCount {
            // A potential at least as high as every arc out of the new need requires: reduced costs stay >= 0.
            var highest: FlowCost?
            for slot in Int(needStart[need])..<Int(needStart[need + 1]) {
                let pair = Int(needPairs[slot])
                let candidate = potential[needCount + Int(pairInnovation[pair])] + gain[pair]
                if highest.map({ $0 < candidate }) ?? true { highest = candidate }
            }
            guard let highest else { continue }
            potential[need] = highest
            while used[need] < perNeed, augment(from: need) {}
        }
    }

    /// One Dijkstra search from `source` to the hub; augments one unit and returns true if the path gains.
    private mutating func augment(from source: Int) -> Bool {
        stamp += 1
        heap.removeAll(keepingCapacity: true)
        settled.removeAll(keepingCapacity: true)
        // A path of reduced length D has true cost D - potential[source] + potential[hub]: it gains while D < bound.
        let bound = potential[source] - potential[hub]
        distance[source] = .zero
        reachedStamp[source] = stamp
        push(.zero, Int32(source))
        var hubParent = -1
        while let (cost, node32) = pop() {
            let node = Int(node32)
            if settledStamp[node] == stamp { continue }
            if cost >= bound { return false }
            settledStamp[node] = stamp
            if node == hub { break }
            settled.append(node32)
            if node < needCount {
                for slot in Int(needStart[node])..<Int(needStart[node + 1]) {
                    let pair = Int(needPairs[slot])
                    guard !chosen[pair] else { continue }
                    let target = needCount + Int(pairInnovation[pair])
                    relax(node, target, cost, .zero - gain[pair], via: pair)
                }
                if used[node] > 0, node != source, relax(node, hub, cost, .zero, via: -1) { hubParent = node }
            } else {
                let innovation = node - needCount
                for slot in Int(innovationStart[innovation])..<Int(innovationStart[innovation + 1]) {
                    let pair = Int(innovationPairs[slot])
                    guard chosen[pair] else { continue }
                    relax(node, Int(pairNeed[pair]), cost, gain[pair], via: pair)
                }
                if load[innovation] < perInnovation, relax(node, hub, cost, .zero, via: -1) { hubParent = node }
            }
        }
        guard settledStamp[hub] == stamp else { return false }
        let length = distance[hub]
        // Flip the pairs along the path, from the hub back to the source.
        if hubParent < needCount { used[hubParent] -= 1 } else { load[hubParent - needCount] += 1 }
        var node = hubParent
        while node != source {
            let pair = Int(parentPair[node])
            chosen[pair].toggle()
            node = node < needCount ? needCount + Int(pairInnovation[pair]) : Int(pairNeed[pair])
        }
        used[source] += 1
        // Potentials: settled nodes move by (distance - length), the others keep theirs (the same shift, less a constant).
        for settledNode in settled {
            let index = Int(settledNode)
            potential[index] = potential[index] + distance[index] - length
        }
        return true
    }

    /// Relaxes the arc `from -> to` of cost `arcCost`; returns true if `to`'s distance improved.
    @discardableResult
    private mutating func relax(_ from: Int, _ to: Int, _ fromDistance: FlowCost, _ arcCost: FlowCost, via pair: Int) -> Bool {
        guard settledStamp[to] != stamp else { return false }
        let reduced = arcCost + potential[from] - potential[to]
        assert(reduced >= .zero, "reduced costs stay non-negative")
        let candidate = fromDistance + reduced
        if reachedStamp[to] == stamp, distance[to] <= candidate { return false }
        reachedStamp[to] = stamp
        distance[to] = candidate
        parentPair[to] = Int32(pair)
        push(candidate, Int32(to))
        return true
    }

    private static func before(_ lhs: (cost: FlowCost, node: Int32), _ rhs: (cost: FlowCost, node: Int32)) -> Bool {
        lhs.cost != rhs.cost ? lhs.cost < rhs.cost : lhs.node < rhs.node
    }

    private mutating func push(_ cost: FlowCost, _ node: Int32) {
        heap.append((cost, node))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func pop() -> (FlowCost, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, Self.before(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, Self.before(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}

/// Disjoint sets with path halving and union by size: the connected components of the candidate graph.
struct UnionFind {
    private var parent: [Int]
    private var size: [Int]

    init(count: Int) {
        parent = Array(0..<count)
        size = Array(repeating: 1, count: count)
    }

    mutating func find(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    mutating func union(_ lhs: Int, _ rhs: Int) {
        var left = find(lhs), right = find(rhs)
        guard left != right else { return }
        if size[left] < size[right] { swap(&left, &right) }
        parent[right] = left
        size[left] += size[right]
    }
}
