import Foundation

/// Gives each meeting request a slot and a table.
///
/// Hard constraints, never broken: no delegation in two places at once (meetings and thematic sessions), no table
/// used twice at a slot or while a session is held in it, a table seats both delegations, both delegations are
/// available, pinned meetings stay where they are pinned, and no delegation has more than the daily limit of
/// meetings. Soft goals, in this order: the greatest total priority of scheduled requests, fewer idle slots in each
/// delegation's day, meetings spread across days.
///
/// The steps: pinned requests first (a pin that breaks a hard constraint is left out and reported); then every
/// other request by priority (highest first, then id), at the free slot that adds the fewest idle slots, then on
/// the day where both delegations have the fewest meetings, then the earliest; then a repair pass that places a
/// left-out request by moving the meetings in its way elsewhere, or by displacing meetings of lower total priority;
/// then a pass that moves single meetings to lower the idle slots and even out the days. There is no randomness:
/// the same input, in any order, gives the same schedule.
public enum AgendaScheduler {
    /// Schedules every request of the plan.
    public static func schedule(_ plan: AgendaPlan) -> Schedule {
        var grid = AgendaGrid(plan: plan)
        for r in plan.index.order where grid.isPinned(r) {
            if let place = grid.pinnedPlace(r) { grid.place(r, place.slot, place.table) }
        }
        for r in plan.index.order where !grid.isPinned(r) {
            if let place = grid.bestPlace(r) { grid.place(r, place.slot, place.table) }
        }
        var budget = 100 + 20 * plan.input.requests.count
        grid.repair(budget: &budget)
        grid.polish(passes: 6)
        return grid.schedule()
    }
}

extension AgendaGrid {
    /// Where a pinned request goes: its slot, and its table or the smallest fitting one; nil if a constraint breaks.
    func pinnedPlace(_ r: Int) -> (slot: Int, table: Int)? {
        let s = index.pinSlot[r]
        guard s >= 0, canMeet(r, s) else { return nil }
        let t = index.pinTable[r] >= 0 ? index.pinTable[r] : fittingTable(r, s)
        return t >= 0 && tableFits(r, t, s) ? (s, t) : nil
    }

    /// The best free place for a request: the fewest idle slots added for both delegations, then the day where
    /// together they have the fewest meetings, then the earliest slot; nil if there is none.
    func bestPlace(_ r: Int) -> (slot: Int, table: Int)? {
        let a = index.requester[r], b = index.champion[r]
        var best: (key: (Int, Int, Int), slot: Int, table: Int)?
        var day = -1, spanA = Span(), spanB = Span(), base = 0
        for s in 0..<slotCount where canMeet(r, s) {
            let t = fittingTable(r, s)
            guard t >= 0 else { continue }
            if index.slotDay[s] != day {
                day = index.slotDay[s]
                (spanA, spanB) = (span(a, day: day), span(b, day: day))
                base = idle(a, spanA) + idle(b, spanB)
            }
            let key = (idle(a, spanA, adding: s) + idle(b, spanB, adding: s) - base, load(a, day: day) + load(b, day: day), s)
            if best.map({ key < $0.key }) ?? true { best = (key, s, t) }
        }
        return best.map { ($0.slot, $0.table) }
    }

    /// Moves single meetings (not pinned) where they leave fewer idle slots, or as many and the days more even.
    /// Each move lowers the total idle slots, or keeps it and lowers the sum of squared daily loads, so it ends.
    mutating func polish(passes: Int) {
        for _ in 0..<passes {
            var moved = false
            for r in index.order where isPlaced(r) && !isPinned(r) {
                let from = slotOf[r], table = tableOf[r]
                remove(r)
                let a = index.requester[r], b = index.champion[r]
                func cost(_ s: Int) -> (Int, Int) {
                    let day = index.slotDay[s], spanA = span(a, day: day), spanB = span(b, day: day)
                    return (idle(a, spanA, adding: s) + idle(b, spanB, adding: s) - idle(a, spanA) - idle(b, spanB),
                            load(a, day: day) + load(b, day: day))
                }
                var best = (cost: cost(from), slot: from, table: table)
                for s in 0..<slotCount where s != from && canMeet(r, s) {
                    let t = fittingTable(r, s)
                    guard t >= 0 else { continue }
                    let candidate = cost(s)
                    if candidate < best.cost { best = (candidate, s, t) }
                }
                place(r, best.slot, best.table)
                moved = moved || best.slot != from
            }
            if !moved { return }
        }
    }

    /// The schedule of the grid as it stands, with a reason for every request left out.
    func schedule() -> Schedule {
        let requests = plan.input.requests, tables = plan.workshop.tables
        let assignments = placements.map { Assignment(request: requests[$0.request].id, slot: $0.slot, table: tables[$0.table].id) }
        var total = 0.0
        for r in index.order where isPlaced(r) { total += requests[r].priority }
        total = (total * 1e9).rounded() / 1e9  // no rounding noise in the stored total
        let leftOut = index.order.filter { !isPlaced($0) }.map { r in
            let (reason, sentence) = diagnose(r)
            return LeftOut(request: requests[r].id, reason: reason, explanation: sentence.english)
        }
        return Schedule(assignments: assignments, leftOut: leftOut, scheduledCount: assignments.count,
                        requestCount: requests.count, upperBound: plan.upperBound, totalPriority: total, idleSlots: idleSlots)
    }
}
