import Foundation

extension AgendaGrid {
    /// Why request `r` has no meeting in the grid as it stands: the constraint and a sentence naming it.
    func diagnose(_ r: Int) -> (LeftOutReason, String) {
        let request = plan.input.requests[r]
        let a = index.requester[r], b = index.champion[r], names = "\(request.requester) and \(request.champion)"
        if index.pinSlot[r] >= 0 {
            let s = index.pinSlot[r], t = index.pinTable[r]
            let place = plan.slots[s].label + (t >= 0 ? " at " + plan.workshop.tables[t].name : "")
            let why = conflict(r, s, table: t)?.1 ?? "it could go there now; run the scheduler again"
            return (.pinConflict, "pinned to \(place), but \(why)")
        }
        let common = (0..<slotCount).filter { index.available[a * slotCount + $0] && index.available[b * slotCount + $0] }
        if common.isEmpty {
            for (d, code) in [(a, request.requester), (b, request.champion)] where !(0..<slotCount).contains(where: { index.available[d * slotCount + $0] }) {
                return (.noCommonAvailability, "delegation \(code) is not available at any slot")
            }
            return (.noCommonAvailability, "delegation \(request.requester) has no available slot in common with \(request.champion)")
        }
        let free = common.filter { index.isFree(a, $0) && index.isFree(b, $0) }
        if free.isEmpty {
            let sessions = Set(common.flatMap { s in [a, b].map { index.sessionAt[$0 * slotCount + s] } }.filter { $0 >= 0 })
            let titles = sessions.sorted().map { "'\(plan.workshop.sessions[$0].title)'" }.joined(separator: ", ")
            return (.inSession, "whenever \(names) are both available, one of them is in a thematic session (\(titles))")
        }
        let largest = plan.workshop.tables.map(\.capacity).max() ?? 0
        if largest < index.seats[r] {
            return (.noTableLargeEnough, "no table seats the \(index.seats[r]) people of \(names) (the largest seats \(largest))")
        }
        var daily: [Int] = [], busy: [Int] = [], full: [Int] = []
        for s in free {
            let day = index.slotDay[s]
            if load(a, day: day) >= index.maxPerDay || load(b, day: day) >= index.maxPerDay { daily.append(s) }
            else if meeting(of: a, at: s) >= 0 || meeting(of: b, at: s) >= 0 { busy.append(s) }
            else if fittingTable(r, s) < 0 { full.append(s) }
            else { return (.placeAvailable, "a place is free at \(plan.slots[s].label) (\(plan.workshop.tables[fittingTable(r, s)].name)); run the scheduler again to use it") }
        }
        let count = free.count == 1 ? "the one slot" : "each of the \(free.count) slots"
        if daily.count == free.count {
            var parts: [String] = []
            for (d, code) in [(a, request.requester), (b, request.champion)] {
                let days = Set(daily.map { plan.slots[$0].day }).sorted().filter { load(d, day: $0) >= index.maxPerDay }
                if !days.isEmpty {
                    parts.append("\(code) reached the daily limit of \(Self.meetings(index.maxPerDay)) on \(days.map { plan.days[$0].date }.joined(separator: " and "))")
                }
            }
            return (.dailyLimit, parts.joined(separator: "; "))
        }
        if busy.count == free.count {
            return (.delegationBusy, "\(request.requester) or \(request.champion) is in another meeting at \(count) where both are free")
        }
        if full.count == free.count {
            return (.noFreeTable, "no table for \(index.seats[r]) is free at \(count) where \(names) are both free")
        }
        var parts: [String] = []
        if !busy.isEmpty { parts.append("\(busy.count) with another meeting of one of them") }
        if !daily.isEmpty { parts.append("\(daily.count) on a day one of them is at the daily limit (\(index.maxPerDay))") }
        if !full.isEmpty { parts.append("\(full.count) with no free table for \(index.seats[r])") }
        return (.allSlotsBlocked, "every slot where \(names) are both free is blocked: " + parts.joined(separator: ", "))
    }

    /// The first hard constraint that stops `r` at slot `s` (and table `table`, or any table if -1), with a phrase
    /// that names it; nil if nothing does. The meeting of `r` itself, if placed, is not in its own way.
    func conflict(_ r: Int, _ s: Int, table: Int) -> (AgendaConstraint, String)? {
        let request = plan.input.requests[r], day = plan.slots[s].day
        for (d, code) in [(index.requester[r], request.requester), (index.champion[r], request.champion)] {
            if !index.available[d * slotCount + s] { return (.unavailable, "\(code) is not available then") }
            let session = index.sessionAt[d * slotCount + s]
            if session >= 0 { return (.inSession, "\(code) is in the thematic session '\(plan.workshop.sessions[session].title)' then") }
            let other = meeting(of: d, at: s)
            if other >= 0 && other != r { return (.delegationBusy, "\(code) is already in meeting \(plan.input.requests[other].id) then") }
            let own = slotOf[r] >= 0 && plan.slots[slotOf[r]].day == day ? 1 : 0
            if load(d, day: day) - own >= index.maxPerDay {
                return (.dailyLimit, "\(code) already has \(Self.meetings(index.maxPerDay)) on \(plan.slots[s].date), the daily limit")
            }
        }
        if table >= 0 {
            let info = plan.workshop.tables[table], session = index.tableSession[table * slotCount + s]
            if session >= 0 { return (.tableInSession, "\(info.name) holds the thematic session '\(plan.workshop.sessions[session].title)' then") }
            let other = meeting(atTable: table, slot: s)
            if other >= 0 && other != r { return (.tableTaken, "\(info.name) is taken by meeting \(plan.input.requests[other].id) then") }
            if info.capacity < index.seats[r] { return (.tableTooSmall, "\(info.name) seats \(info.capacity) and the meeting needs \(index.seats[r])") }
        } else if !plan.workshop.tables.indices.contains(where: { t in
            let other = meeting(atTable: t, slot: s)
            return (other < 0 || other == r) && index.tableSession[t * slotCount + s] < 0 && index.capacity[t] >= index.seats[r]
        }) {
            return (.tableTaken, "no table that seats \(index.seats[r]) is free then")
        }
        return nil
    }

    /// `1 meeting`, `6 meetings`.
    static func meetings(_ count: Int) -> String { count == 1 ? "1 meeting" : "\(count) meetings" }
}
