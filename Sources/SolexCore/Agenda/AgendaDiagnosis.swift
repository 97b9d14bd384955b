import Foundation

extension AgendaGrid {
    /// Why request `r` has no meeting in the grid as it stands: the constraint and a sentence naming it.
    func diagnose(_ r: Int) -> (LeftOutReason, AgendaSentence) {
        let request = plan.input.requests[r]
        let a = index.requester[r], b = index.champion[r], names = "\(request.requester) and \(request.champion)"
        let pair = ["requester": request.requester, "champion": request.champion]
        if index.pinSlot[r] >= 0 {
            let s = index.pinSlot[r], t = index.pinTable[r]
            let place = plan.slots[s].label + (t >= 0 ? " at " + plan.workshop.tables[t].name : "")
            let why = conflict(r, s, table: t)?.1
                ?? AgendaSentence("agenda.left_out.could_go_there", english: "it could go there now; run the scheduler again")
            var values = ["slot": plan.slots[s].label]
            if t >= 0 { values["table"] = plan.workshop.tables[t].name }
            return (.pinConflict, AgendaSentence(t >= 0 ? "agenda.left_out.pinned_table" : "agenda.left_out.pinned", values,
                                                 localized: ["slot": plan.slots[s].moment], nested: ["why": [why]],
                                                 english: "pinned to \(place), but \(why.english)"))
        }
        let common = (0..<slotCount).filter { index.available[a * slotCount + $0] && index.available[b * slotCount + $0] }
        if common.isEmpty {
            for (d, code) in [(a, request.requester), (b, request.champion)] where !(0..<slotCount).contains(where: { index.available[d * slotCount + $0] }) {
                return (.noCommonAvailability, AgendaSentence("agenda.left_out.never_available", ["code": code],
                                                              english: "delegation \(code) is not available at any slot"))
            }
            return (.noCommonAvailability, AgendaSentence("agenda.left_out.no_common_slot", pair,
                                                          english: "delegation \(request.requester) has no available slot in common with \(request.champion)"))
        }
        let free = common.filter { index.isFree(a, $0) && index.isFree(b, $0) }
        if free.isEmpty {
            let sessions = Set(common.flatMap { s in [a, b].map { index.sessionAt[$0 * slotCount + s] } }.filter { $0 >= 0 })
            let titles = sessions.sorted().map { "'\(plan.workshop.sessions[$0].title)'" }.joined(separator: ", ")
            return (.inSession, AgendaSentence("agenda.left_out.in_session", pair.merging(["sessions": titles]) { $1 },
                                               english: "whenever \(names) are both available, one of them is in a thematic session (\(titles))"))
        }
        let largest = plan.workshop.tables.map(\.capacity).max() ?? 0
        if largest < index.seats[r] {
            return (.noTableLargeEnough, AgendaSentence("agenda.left_out.no_table_large_enough",
                                                        pair.merging(["seats": String(index.seats[r]), "largest": String(largest)]) { $1 },
                                                        english: "no table seats the \(index.seats[r]) people of \(names) (the largest seats \(largest))"))
        }
        var daily: [Int] = [], busy: [Int] = [], full: [Int] = []
        for s in free {
            let day = index.slotDay[s]
            if load(a, day: day) >= index.maxPerDay || load(b, day: day) >= index.maxPerDay { daily.append(s) }
            else if meeting(of: a, at: s) >= 0 || meeting(of: b, at: s) >= 0 { busy.append(s) }
            else if fittingTable(r, s) < 0 { full.append(s) }
            else {
                let slot = plan.slots[s].label, table = plan.workshop.tables[fittingTable(r, s)].name
                return (.placeAvailable, AgendaSentence("agenda.left_out.place_available", ["slot": slot, "table": table],
                                                        localized: ["slot": plan.slots[s].moment],
                                                        english: "a place is free at \(slot) (\(table)); run the scheduler again to use it"))
            }
        }
        let count = free.count == 1 ? "the one slot" : "each of the \(free.count) slots"
        let countKey = free.count == 1 ? "_one" : ""
        if daily.count == free.count {
            var parts: [AgendaSentence] = []
            for (d, code) in [(a, request.requester), (b, request.champion)] {
                let days = Set(daily.map { plan.slots[$0].day }).sorted().filter { load(d, day: $0) >= index.maxPerDay }
                if !days.isEmpty {
                    let dates = days.map { plan.days[$0].date }.joined(separator: " and ")
                    parts.append(AgendaSentence("agenda.left_out.daily_limit" + (index.maxPerDay == 1 ? "_one" : ""),
                                                ["code": code, "count": String(index.maxPerDay), "dates": dates],
                                                english: "\(code) reached the daily limit of \(Self.meetings(index.maxPerDay)) on \(dates)"))
                }
            }
            return (.dailyLimit, AgendaSentence.list(parts, separator: "; "))
        }
        if busy.count == free.count {
            return (.delegationBusy, AgendaSentence("agenda.left_out.delegation_busy" + countKey, pair.merging(["count": String(free.count)]) { $1 },
                                                    english: "\(request.requester) or \(request.champion) is in another meeting at \(count) where both are free"))
        }
        if full.count == free.count {
            return (.noFreeTable, AgendaSentence("agenda.left_out.no_free_table" + countKey,
                                                 pair.merging(["count": String(free.count), "seats": String(index.seats[r])]) { $1 },
                                                 english: "no table for \(index.seats[r]) is free at \(count) where \(names) are both free"))
        }
        var parts: [AgendaSentence] = []
        if !busy.isEmpty {
            parts.append(AgendaSentence("agenda.left_out.blocked_busy", ["count": String(busy.count)],
                                        english: "\(busy.count) with another meeting of one of them"))
        }
        if !daily.isEmpty {
            parts.append(AgendaSentence("agenda.left_out.blocked_daily", ["count": String(daily.count), "limit": String(index.maxPerDay)],
                                        english: "\(daily.count) on a day one of them is at the daily limit (\(index.maxPerDay))"))
        }
        if !full.isEmpty {
            parts.append(AgendaSentence("agenda.left_out.blocked_full", ["count": String(full.count), "seats": String(index.seats[r])],
                                        english: "\(full.count) with no free table for \(index.seats[r])"))
        }
        let list = parts.map(\.english).joined(separator: ", ")
        return (.allSlotsBlocked, AgendaSentence("agenda.left_out.all_slots_blocked", pair, nested: ["blocked": parts],
                                                 english: "every slot where \(names) are both free is blocked: " + list))
    }

    /// The first hard constraint that stops `r` at slot `s` (and table `table`, or any table if -1), with a phrase
    /// that names it; nil if nothing does. The meeting of `r` itself, if placed, is not in its own way.
    func conflict(_ r: Int, _ s: Int, table: Int) -> (AgendaConstraint, AgendaSentence)? {
        let request = plan.input.requests[r], day = plan.slots[s].day
        for (d, code) in [(index.requester[r], request.requester), (index.champion[r], request.champion)] {
            if !index.available[d * slotCount + s] {
                return (.unavailable, AgendaSentence("agenda.conflict.unavailable", ["code": code], english: "\(code) is not available then"))
            }
            let session = index.sessionAt[d * slotCount + s]
            if session >= 0 {
                let title = plan.workshop.sessions[session].title
                return (.inSession, AgendaSentence("agenda.conflict.in_session", ["code": code, "session": title],
                                                   english: "\(code) is in the thematic session '\(title)' then"))
            }
            let other = meeting(of: d, at: s)
            if other >= 0 && other != r {
                let id = plan.input.requests[other].id
                return (.delegationBusy, AgendaSentence("agenda.conflict.delegation_busy", ["code": code, "other": id],
                                                        english: "\(code) is already in meeting \(id) then"))
            }
            let own = slotOf[r] >= 0 && plan.slots[slotOf[r]].day == day ? 1 : 0
            if load(d, day: day) - own >= index.maxPerDay {
                let date = plan.slots[s].date
                return (.dailyLimit, AgendaSentence("agenda.conflict.daily_limit" + (index.maxPerDay == 1 ? "_one" : ""),
                                                    ["code": code, "count": String(index.maxPerDay), "date": date],
                                                    english: "\(code) already has \(Self.meetings(index.maxPerDay)) on \(date), the daily limit"))
            }
        }
        if table >= 0 {
            let info = plan.workshop.tables[table], session = index.tableSession[table * slotCount + s]
            if session >= 0 {
                let title = plan.workshop.sessions[session].title
                return (.tableInSession, AgendaSentence("agenda.conflict.table_in_session", ["table": info.name, "session": title],
                                                        english: "\(info.name) holds the thematic session '\(title)' then"))
            }
            let other = meeting(atTable: table, slot: s)
            if other >= 0 && other != r {
                let id = plan.input.requests[other].id
                return (.tableTaken, AgendaSentence("agenda.conflict.table_taken", ["table": info.name, "other": id],
                                                    english: "\(info.name) is taken by meeting \(id) then"))
            }
            if info.capacity < index.seats[r] {
                return (.tableTooSmall, AgendaSentence("agenda.conflict.table_too_small",
                                                       ["table": info.name, "capacity": String(info.capacity), "seats": String(index.seats[r])],
                                                       english: "\(info.name) seats \(info.capacity) and the meeting needs \(index.seats[r])"))
            }
        } else if !plan.workshop.tables.indices.contains(where: { t in
            let other = meeting(atTable: t, slot: s)
            return (other < 0 || other == r) && index.tableSession[t * slotCount + s] < 0 && index.capacity[t] >= index.seats[r]
        }) {
            return (.tableTaken, AgendaSentence("agenda.conflict.no_free_table", ["seats": String(index.seats[r])],
                                                english: "no table that seats \(index.seats[r]) is free then"))
        }
        return nil
    }

    /// `1 meeting`, `6 meetings`.
    static func meetings(_ count: Int) -> String { count == 1 ? "1 meeting" : "\(count) meetings" }
}
