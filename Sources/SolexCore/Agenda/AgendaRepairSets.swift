import Foundation

extension AgendaGrid {
    /// The sets of meetings (none pinned) whose removal could make room for `r`, without repeats:
    ///
    /// - for each slot where both delegations are free: their meetings there, one meeting (the lowest priority) of
    ///   a delegation at its daily limit that day, and one meeting at a table that seats `r` if none is free;
    /// - for each day where a delegation of `r` is at its daily limit: each of its meetings that day that is worth
    ///   displacing (lower priority than `r`, or whose other delegation has a left-out request that could take the
    ///   room), and for both delegations at the limit, each pair of such meetings.
    func removalSets(_ r: Int) -> [[Int]] {
        let a = index.requester[r], b = index.champion[r]
        var seen = Set<[Int]>(), sets: [[Int]] = []
        func add(_ set: [Int]) {
            let key = set.sorted()
            if !key.isEmpty && seen.insert(key).inserted { sets.append(set) }
        }
        for s in 0..<slotCount where index.isFree(a, s) && index.isFree(b, s) {
            if let set = blockers(r, s) { add(set) }
        }
        for day in plan.days where day.slots.contains(where: { index.isFree(a, $0) && index.isFree(b, $0) }) {
            let choices = [a, b].map { d in load(d, day: day.index) >= index.maxPerDay ? displaceable(r, d, day) : nil }
            switch (choices[0], choices[1]) {
            case (let first?, let second?): for m in first { for n in second where m != n { add([m, n]) } }; for m in first where second.contains(m) { add([m]) }
            case (let first?, nil): for m in first { add([m]) }
            case (nil, let second?): for m in second { add([m]) }
            case (nil, nil): break
            }
        }
        return sets
    }

    /// The meetings of delegation `d` on a day worth displacing for `r`, at most six, those of lowest priority first.
    func displaceable(_ r: Int, _ d: Int, _ day: AgendaDay) -> [Int] {
        let priority = index.priority[r]
        let meetings = day.slots.map { meeting(of: d, at: $0) }.filter { $0 >= 0 && !isPinned($0) }
        let worth = meetings.filter { m in
            if index.priority[m] < priority { return true }
            let other = index.requester[m] == d ? index.champion[m] : index.requester[m]
            return index.requestsOf[other].contains { $0 != r && !isPlaced($0) && !isPinned($0) }
        }
        return Array(worth.sorted { index.precedes($1, $0) }.prefix(6))
    }

    /// The meetings to take out so that `r` can meet at `s`: those of its delegations at `s`, one more of a
    /// delegation at its daily limit that day, and one at a table that seats `r` if none is free. Nil if a pinned
    /// meeting is in the way or nothing would help. Among choices, the meeting of lowest priority goes.
    func blockers(_ r: Int, _ s: Int) -> [Int]? {
        var removed: [Int] = []
        let day = index.slotDay[s]
        for d in [index.requester[r], index.champion[r]] {
            let m = meeting(of: d, at: s)
            if m >= 0 && !removed.contains(m) {
                if isPinned(m) { return nil }
                removed.append(m)
            }
        }
        for d in [index.requester[r], index.champion[r]] {
            let freed = removed.filter { index.requester[$0] == d || index.champion[$0] == d }.count
            guard load(d, day: day) - freed >= index.maxPerDay else { continue }
            let candidates = index.dayRange[day].map { meeting(of: d, at: $0) }.filter { $0 >= 0 && !isPinned($0) && !removed.contains($0) }
            guard let weakest = candidates.max(by: { index.precedes($0, $1) }) else { return nil }
            removed.append(weakest)
        }
        let seats = index.seats[r], tables = plan.workshop.tables
        let tableFreed = removed.contains { slotOf[$0] == s && tables[tableOf[$0]].capacity >= seats }
        if !tableFreed && fittingTable(r, s) < 0 {
            let candidates = index.tablesBySize.map { meeting(atTable: $0, slot: s) }.filter { m in
                m >= 0 && !isPinned(m) && !removed.contains(m) && tables[tableOf[m]].capacity >= seats
            }
            guard let weakest = candidates.max(by: { index.precedes($0, $1) }) else { return nil }
            removed.append(weakest)
        }
        return removed
    }
}
