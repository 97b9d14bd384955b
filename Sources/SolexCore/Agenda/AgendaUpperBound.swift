import Foundation

/// An upper bound on the number of meetings any schedule of a plan can hold, whatever the algorithm: the least of
///
/// 1. the requests that could be held at all: both delegations free (available, not in a session) at a common slot
///    where a table seats them (for a pinned request, at its pinned slot and table);
/// 2. half the maximum flow through a network where each delegation can take part in at most `cap(d)` meetings, the
///    sum over days of the daily limit or of its usable slots that day, whichever is smaller (a slot is usable if
///    one of its possible meetings could be held there). Each request links its two delegations both ways, so a
///    schedule with `m` meetings is a flow of `2m`;
/// 3. the sum over slots of the fewest of: the free tables, half the delegations that could meet there, and the
///    requests that could be held there.
enum AgendaUpperBound {
    static func compute(_ plan: AgendaPlan) -> Int {
        let slotCount = plan.slots.count, delegationCount = plan.delegations.count, tables = plan.workshop.tables
        var possible: [[Int]] = []  // per request: the slots where it could be held
        for r in plan.input.requests.indices {
            let a = plan.index.requester[r], b = plan.index.champion[r], seats = plan.index.seats[r]
            let candidates = plan.index.pinSlot[r] >= 0 ? [plan.index.pinSlot[r]] : Array(0..<slotCount)
            possible.append(candidates.filter { s in
                guard plan.index.isFree(a, s) && plan.index.isFree(b, s) else { return false }
                let choices = plan.index.pinTable[r] >= 0 ? [plan.index.pinTable[r]] : Array(tables.indices)
                return choices.contains { plan.index.tableSession[$0 * slotCount + s] < 0 && tables[$0].capacity >= seats }
            })
        }
        let feasible = plan.input.requests.indices.filter { !possible[$0].isEmpty }
        var usable = [Bool](repeating: false, count: delegationCount * slotCount)
        var perSlot = [Int](repeating: 0, count: slotCount)
        for r in feasible {
            for s in possible[r] {
                usable[plan.index.requester[r] * slotCount + s] = true
                usable[plan.index.champion[r] * slotCount + s] = true
                perSlot[s] += 1
            }
        }
        var capacity = [Int](repeating: 0, count: delegationCount)
        for d in 0..<delegationCount {
            for day in plan.days {
                capacity[d] += min(plan.index.maxPerDay, day.slots.filter { usable[d * slotCount + $0] }.count)
            }
        }
        var slotBound = 0
        for s in 0..<slotCount {
            let freeTables = tables.indices.filter { plan.index.tableSession[$0 * slotCount + s] < 0 }.count
            let delegations = (0..<delegationCount).filter { usable[$0 * slotCount + s] }.count
            slotBound += min(freeTables, delegations / 2, perSlot[s])
        }
        var network = FlowNetwork(nodes: 2 * delegationCount + 2)
        let source = 2 * delegationCount, sink = source + 1
        for d in 0..<delegationCount {
            network.add(source, d, capacity[d])
            network.add(delegationCount + d, sink, capacity[d])
        }
        for r in feasible {
            network.add(plan.index.requester[r], delegationCount + plan.index.champion[r], 1)
            network.add(plan.index.champion[r], delegationCount + plan.index.requester[r], 1)
        }
        let flow = network.maxFlow(from: source, to: sink)
        return min(feasible.count, flow / 2, slotBound)
    }
}

/// A small max-flow network (Edmonds–Karp: shortest augmenting paths found breadth first).
struct FlowNetwork {
    private var head: [Int] = [], capacity: [Int] = [], arcs: [[Int]]

    init(nodes: Int) {
        arcs = Array(repeating: [], count: nodes)
    }

    mutating func add(_ from: Int, _ to: Int, _ units: Int) {
        arcs[from].append(head.count); head.append(to); capacity.append(units)
        arcs[to].append(head.count); head.append(from); capacity.append(0)
    }

    mutating func maxFlow(from source: Int, to sink: Int) -> Int {
        var total = 0
        while true {
            var via = [Int](repeating: -1, count: arcs.count), queue = [source], next = 0
            via[source] = -2
            while next < queue.count && via[sink] == -1 {
                let node = queue[next]
                next += 1
                for arc in arcs[node] where capacity[arc] > 0 && via[head[arc]] == -1 {
                    via[head[arc]] = arc
                    queue.append(head[arc])
                }
            }
            guard via[sink] != -1 else { return total }
            var push = Int.max, node = sink
            while node != source { push = min(push, capacity[via[node]]); node = head[via[node] ^ 1] }
            node = sink
            while node != source { capacity[via[node]] -= push; capacity[via[node] ^ 1] += push; node = head[via[node] ^ 1] }
            total += push
        }
    }
}
