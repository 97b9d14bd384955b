import Foundation

extension AgendaValidator {
    // MARK: Delegations and sessions

    mutating func checkDelegations() {
        for index in input.delegations.indices {
            let field = "delegations[\(index)]"
            let code = input.delegations[index].country.uppercased()
            input.delegations[index].country = code
            if code.range(of: "^[A-Z]{3}$", options: .regularExpression) == nil {
                fail(field + ".country", "agenda.reason.country_format", english: "must be an ISO 3166-1 alpha-3 country code (e.g. BGD)")
            } else if let countries, !countries.contains(code) {
                fail(field + ".country", "agenda.reason.unknown_country", ["code": code], english: "'\(code)' is not a known country code")
            }
            let delegation = input.delegations[index]
            if let agency = delegation.agency { required(agency, field + ".agency") }
            for (position, person) in delegation.people.enumerated() { required(person.name, field + ".people[\(position)].name") }
            for (position, window) in delegation.availability.enumerated() {
                let path = field + ".availability[\(position)]"
                _ = workshopDay(window.day, path + ".day")
                var start = 0, end = 1440, readable = true
                if let text = window.start { if let minutes = time(text, path + ".start") { start = minutes } else { readable = false } }
                if let text = window.end { if let minutes = time(text, path + ".end") { end = minutes } else { readable = false } }
                if readable && start >= end {
                    if let end = window.end {
                        fail(path, "agenda.reason.ends_before_start", ["start": window.start ?? "00:00", "end": end],
                             english: "must end after it starts (\(window.start ?? "00:00") to \(end))")
                    } else {
                        fail(path, "agenda.reason.ends_before_start_open", ["start": window.start ?? "00:00"],
                             english: "must end after it starts (\(window.start ?? "00:00") to the end of the day)")
                    }
                }
            }
        }
        unique(input.delegations.map(\.country)) { "delegations[\($0)].country" }
    }

    /// Whether a delegation with this code is declared, or records `no delegation 'XYZ'`.
    @discardableResult
    mutating func delegation(_ code: String, _ field: String) -> Bool {
        if input.delegations.contains(where: { $0.country == code }) { return true }
        if code.isEmpty { fail(field, "agenda.reason.required", english: "is required") }
        else { fail(field, "agenda.reason.unknown_delegation", ["code": code], english: "no delegation '\(code)'") }
        return false
    }

    mutating func checkSessions() {
        for index in input.workshop.sessions.indices {
            let field = "sessions[\(index)]"
            input.workshop.sessions[index].delegations = input.workshop.sessions[index].delegations.map { $0.uppercased() }
            let session = input.workshop.sessions[index]
            required(session.id, field + ".id")
            required(session.title, field + ".title")
            required(session.theme, field + ".theme")
            required(session.room, field + ".room")
            _ = workshopDay(session.day, field + ".day")
            _ = range(session.start, session.end, field)
            for (position, code) in session.delegations.enumerated() { delegation(code, field + ".delegations[\(position)]") }
            unique(session.delegations) { "\(field).delegations[\($0)]" }
        }
        unique(input.workshop.sessions.map(\.id)) { "sessions[\($0)].id" }
    }

    // MARK: Requests and settings

    /// Checks the requests; pins are checked against the slots when they are known.
    mutating func checkRequests(slots: [Slot]?) {
        for index in input.requests.indices {
            let field = "requests[\(index)]"
            input.requests[index].requester = input.requests[index].requester.uppercased()
            input.requests[index].champion = input.requests[index].champion.uppercased()
            let request = input.requests[index]
            required(request.id, field + ".id")
            required(request.need, field + ".need")
            required(request.innovation, field + ".innovation")
            let known = delegation(request.requester, field + ".requester")
            if delegation(request.champion, field + ".champion"), known, request.requester == request.champion {
                fail(field + ".champion", "agenda.reason.champion_is_requester", ["code": request.requester],
                     english: "must differ from the requester (\(request.requester))")
            }
            if !request.priority.isFinite || request.priority < 0 {
                fail(field + ".priority", "agenda.reason.priority", english: "must be a finite number of 0 or more")
            }
            if let pin = request.pin { checkPin(pin, field + ".pin", slots: slots) }
        }
        unique(input.requests.map(\.id)) { "requests[\($0)].id" }
        if let limit = input.settings.maxMeetingsPerDelegationPerDay, limit < 1 {
            fail("settings.max_meetings_per_delegation_per_day", "agenda.reason.daily_limit", english: "must be at least 1, or left out for no limit")
        }
    }

    mutating func checkPin(_ pin: MeetingPin, _ field: String, slots: [Slot]?) {
        if let table = pin.table, !input.workshop.tables.contains(where: { $0.id == table }) {
            fail(field + ".table", "agenda.refusal.unknown_table", ["table": table], english: "no table '\(table)'")
        }
        switch (pin.slot, pin.day, pin.start) {
        case (let slot?, nil, nil):
            if let slots, !slots.indices.contains(slot) {
                fail(field + ".slot", "agenda.refusal.unknown_slot", ["slot": String(slot), "count": String(slots.count)],
                     english: "no slot \(slot) (the workshop has \(slots.count) slots, numbered from 0)")
            }
        case (nil, let day?, let start?):
            guard workshopDay(day, field + ".day") != nil, let minutes = time(start, field + ".start"), let slots else { return }
            let text = LocalTime(minutes: minutes).description
            if Self.slot(in: slots, day: day, start: text) == nil { fail(field + ".start", "agenda.reason.no_slot_starts", ["time": text, "day": day], english: "no slot starts at \(text) on \(day)") }
        default:
            fail(field, "agenda.reason.pin_either", english: "give either slot, or day and start")
        }
    }

    /// The index of the slot a pin names, if any.
    static func slot(of pin: MeetingPin, in slots: [Slot]) -> Int? {
        if let slot = pin.slot { return slots.indices.contains(slot) ? slot : nil }
        guard let day = pin.day, let start = pin.start else { return nil }
        return slot(in: slots, day: day, start: start)
    }

    static func slot(in slots: [Slot], day: String, start: String) -> Int? {
        slots.firstIndex { $0.date == day && $0.start == start }
    }
}
