import Foundation

/// Who is where: the scheduler's and the editor's working state over a plan. Every placement made through
/// `place` respects the hard constraints checked by `canMeet` and `fittingTable`.
struct AgendaGrid {
    let plan: AgendaPlan
    /// The plan's derived tables (read through this reference, not through `plan`, so nothing is copied).
    let index: PlanIndex
    let slotCount: Int
    /// Per delegation and slot (`d * slotCount + s`): the request met there, or -1.
    private(set) var delegationAt: [Int]
    /// Per table and slot (`t * slotCount + s`): the request met there, or -1.
    private(set) var tableAt: [Int]
    /// Per delegation and day (`d * dayCount + day`): the number of meetings.
    private(set) var dayLoad: [Int]
    /// Per request: its slot and table, or -1.
    private(set) var slotOf: [Int], tableOf: [Int]

    init(plan: AgendaPlan) {
        self.plan = plan
        index = plan.index
        slotCount = plan.slots.count
        delegationAt = Array(repeating: -1, count: plan.delegations.count * slotCount)
        tableAt = Array(repeating: -1, count: plan.workshop.tables.count * slotCount)
        dayLoad = Array(repeating: 0, count: plan.delegations.count * plan.days.count)
        slotOf = Array(repeating: -1, count: plan.input.requests.count)
        tableOf = slotOf
    }

    func isPlaced(_ r: Int) -> Bool { slotOf[r] >= 0 }
    func load(_ d: Int, day: Int) -> Int { dayLoad[d * index.dayRange.count + day] }
    func meeting(of d: Int, at s: Int) -> Int { delegationAt[d * slotCount + s] }
    func meeting(atTable t: Int, slot s: Int) -> Int { tableAt[t * slotCount + s] }
    func isPinned(_ r: Int) -> Bool { index.pinSlot[r] >= 0 }

    /// Whether both delegations of `r` are free at `s` (available, not in a session, not in another meeting) and
    /// below their daily limit there.
    func canMeet(_ r: Int, _ s: Int) -> Bool {
        // Conditions separated by commas, not &&, so that debug builds do not copy the grid into autoclosures.
        let a = index.requester[r], b = index.champion[r], day = index.slotDay[s]
        guard index.free[a * slotCount + s], index.free[b * slotCount + s], delegationAt[a * slotCount + s] < 0,
              delegationAt[b * slotCount + s] < 0, load(a, day: day) < index.maxPerDay, load(b, day: day) < index.maxPerDay else { return false }
        return true
    }

    /// Whether table `t` is free at `s`, not taken by a session, and seats the meeting `r`.
    func tableFits(_ r: Int, _ t: Int, _ s: Int) -> Bool {
        guard tableAt[t * slotCount + s] < 0, index.tableSession[t * slotCount + s] < 0, index.capacity[t] >= index.seats[r] else { return false }
        return true
    }

    /// The smallest free table at `s` that seats `r` (the first in workshop order among equals), or -1.
    func fittingTable(_ r: Int, _ s: Int) -> Int {
        for t in index.tablesBySize where tableFits(r, t, s) { return t }
        return -1
    }

    mutating func place(_ r: Int, _ s: Int, _ t: Int) {
        let day = index.slotDay[s], days = index.dayRange.count
        for d in [index.requester[r], index.champion[r]] {
            delegationAt[d * slotCount + s] = r
            dayLoad[d * days + day] += 1
        }
        tableAt[t * slotCount + s] = r
        slotOf[r] = s
        tableOf[r] = t
    }

    mutating func remove(_ r: Int) {
        let s = slotOf[r], t = tableOf[r]
        guard s >= 0 else { return }
        let day = index.slotDay[s], days = index.dayRange.count
        for d in [index.requester[r], index.champion[r]] {
            delegationAt[d * slotCount + s] = -1
            dayLoad[d * days + day] -= 1
        }
        tableAt[t * slotCount + s] = -1
        slotOf[r] = -1
        tableOf[r] = -1
    }

    /// A delegation's meetings on one day: the first and last slot (-1 if none) and how many.
    struct Span {
        var first = -1, last = -1, count = 0
    }

    func span(_ d: Int, day: Int) -> Span {
        var span = Span()
        for s in index.dayRange[day] where delegationAt[d * slotCount + s] >= 0 {
            if span.first < 0 { span.first = s }
            span.last = s
            span.count += 1
        }
        return span
    }

    /// The free slots without a meeting between the first and last meeting of a span, with a meeting added at
    /// `adding` (-1 for none; a slot without a meeting of the delegation).
    func idle(_ d: Int, _ span: Span, adding: Int = -1) -> Int {
        var span = span
        if adding >= 0 {
            span.first = span.first < 0 ? adding : min(span.first, adding)
            span.last = max(span.last, adding)
            span.count += 1
        }
        guard span.first >= 0 else { return 0 }
        let row = d * (slotCount + 1)
        return index.freePrefix[row + span.last + 1] - index.freePrefix[row + span.first] - span.count
    }

    /// The idle slots of a delegation on a day.
    func idle(_ d: Int, day: Int) -> Int { idle(d, span(d, day: day)) }

    /// Every slot's meetings in slot order, then table order.
    var placements: [(request: Int, slot: Int, table: Int)] {
        var result: [(Int, Int, Int)] = []
        for s in 0..<slotCount {
            for t in plan.workshop.tables.indices where tableAt[t * slotCount + s] >= 0 { result.append((tableAt[t * slotCount + s], s, t)) }
        }
        return result
    }

    /// The total of idle slots over every delegation and day.
    var idleSlots: Int {
        var total = 0
        for d in plan.delegations.indices { for day in plan.days.indices { total += idle(d, day: day) } }
        return total
    }
}
