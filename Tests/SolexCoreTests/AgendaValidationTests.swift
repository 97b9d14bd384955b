import Foundation
import SolexCore
import Testing

/// One way to spoil a valid input, and the error it must give.
struct AgendaSpoil: Sendable, CustomTestStringConvertible {
    let field: String
    let reason: String
    let change: @Sendable (inout AgendaInput) -> Void
    var testDescription: String { "\(field): \(reason)" }

    init(_ field: String, _ reason: String, _ change: @escaping @Sendable (inout AgendaInput) -> Void) {
        self.field = field
        self.reason = reason
        self.change = change
    }
}

@Suite("Agenda input validation")
struct AgendaValidationTests {
    static var valid: AgendaInput {
        get throws { try AgendaFixture.input("workshop.json") }
    }

    static let spoils: [AgendaSpoil] = [
        AgendaSpoil("id", "must be lower-case letters and digits, in words joined by single hyphens (e.g. dhaka-2017)") { $0.workshop.id = "Dhaka 2017" },
        AgendaSpoil("name", "is required") { $0.workshop.name = " " },
        AgendaSpoil("time_zone", "'Asia/Dhakka' is not an IANA time zone (e.g. Asia/Dhaka)") { $0.workshop.timeZone = "Asia/Dhakka" },
        AgendaSpoil("time_zone", "'GMT+6' is not an IANA time zone (e.g. Asia/Dhaka)") { $0.workshop.timeZone = "GMT+6" },
        AgendaSpoil("language", "must be a language code such as en or fr-CA") { $0.workshop.language = "English" },
        AgendaSpoil("slot_minutes", "must be a whole number from 5 to 480") { $0.workshop.slotMinutes = 0 },
        AgendaSpoil("days", "needs at least one day") { $0.workshop.days = []; $0.workshop.sessions = []; $0.delegations[1].availability = []; $0.delegations[3].availability = []; $0.requests[1].pin = nil },
        AgendaSpoil("days[1].date", "must be a date written YYYY-MM-DD") { $0.workshop.days[1].date = "12/02/2024" },
        AgendaSpoil("days[1].date", "must come after the day before (2024-02-11)") { $0.workshop.days[1].date = "2024-02-11" },
        AgendaSpoil("days[0].windows[0].end", "must be a time written HH:MM, from 00:00 to 23:59") { $0.workshop.days[0].windows[0].end = "25:00" },
        AgendaSpoil("days[0].windows[0]", "must end after it starts (09:00 to 08:00)") { $0.workshop.days[0].windows[0].end = "08:00" },
        AgendaSpoil("days[0].windows[1]", "overlaps days[0].windows[0]") { $0.workshop.days[0].windows.append(TimeRange(start: "10:30", end: "12:00")) },
        AgendaSpoil("days[0]", "has no room for a slot of 30 minutes once the breaks are taken out") { $0.workshop.days[0].windows = [TimeRange(start: "10:00", end: "10:40")] },
        AgendaSpoil("breaks[0]", "must end after it starts (10:00 to 10:00)") { $0.workshop.breaks[0].end = "10:00" },
        AgendaSpoil("tables[1].capacity", "must be at least 1") { $0.workshop.tables[1].capacity = 0 },
        AgendaSpoil("tables[1].id", "'T1' is also used by tables[0].id") { $0.workshop.tables[1].id = "T1"; $0.requests[1].pin?.table = nil },
        AgendaSpoil("tables", "needs at least one table") { $0.workshop.tables = []; $0.requests[1].pin?.table = nil },
        AgendaSpoil("sessions[0].day", "2024-02-13 is not a day of the workshop") { $0.workshop.sessions[0].day = "2024-02-13" },
        AgendaSpoil("sessions[0].delegations[1]", "no delegation 'XYZ'") { $0.workshop.sessions[0].delegations[1] = "XYZ" },
        AgendaSpoil("delegations[5].country", "must be an ISO 3166-1 alpha-3 country code (e.g. BGD)") { $0.delegations.append(Delegation(country: "BD")) },
        AgendaSpoil("delegations[5].country", "'BGD' is also used by delegations[0].country") { $0.delegations.append(Delegation(country: "bgd")) },
        AgendaSpoil("delegations[1].availability[0].day", "2024-02-14 is not a day of the workshop") { $0.delegations[1].availability[0].day = "2024-02-14" },
        AgendaSpoil("delegations[1].availability[0]", "must end after it starts (12:00 to 11:00)") { $0.delegations[1].availability[0] = AvailabilityWindow(day: "2024-02-11", start: "12:00", end: "11:00") },
        AgendaSpoil("delegations[0].people[1].name", "is required") { $0.delegations[0].people[1].name = "" },
        AgendaSpoil("requests[5].champion", "no delegation 'XYZ'") { $0.requests[5].champion = "XYZ" },
        AgendaSpoil("requests[5].champion", "must differ from the requester (BTN)") { $0.requests[5].champion = "btn" },
        AgendaSpoil("requests[3].id", "'R1' is also used by requests[0].id") { $0.requests[3].id = "R1" },
        AgendaSpoil("requests[0].priority", "must be a finite number of 0 or more") { $0.requests[0].priority = -1 },
        AgendaSpoil("requests[0].need", "is required") { $0.requests[0].need = "" },
        AgendaSpoil("requests[1].pin.start", "no slot starts at 09:10 on 2024-02-12") { $0.requests[1].pin?.start = "09:10" },
        AgendaSpoil("requests[1].pin.slot", "no slot 9 (the workshop has 5 slots, numbered from 0)") { $0.requests[1].pin = MeetingPin(slot: 9) },
        AgendaSpoil("requests[1].pin.table", "no table 'T9'") { $0.requests[1].pin?.table = "T9" },
        AgendaSpoil("requests[1].pin", "give either slot, or day and start") { $0.requests[1].pin = MeetingPin(day: "2024-02-12", start: "09:00"); $0.requests[1].pin?.slot = 1 },
        AgendaSpoil("settings.max_meetings_per_delegation_per_day", "must be at least 1, or left out for no limit") { $0.settings.maxMeetingsPerDelegationPerDay = 0 },
    ]

    @Test("The fixture is valid and codes are put in upper case")
    func valid() throws {
        var input = try Self.valid
        input.requests[0].requester = "npl"
        let plan = try AgendaFixture.plan(input)
        #expect(plan.input.requests[0].requester == "NPL")
        #expect(plan.slots.count == 5)
    }

    @Test("Each problem names its field and says why", arguments: spoils)
    func spoiled(spoil: AgendaSpoil) throws {
        var input = try Self.valid
        spoil.change(&input)
        guard case .failure(let failure) = input.plan() else { Issue.record("accepted"); return }
        #expect(failure.errors == [FieldError(field: spoil.field, reason: spoil.reason)])
    }

    @Test("Every problem is listed at once")
    func allAtOnce() throws {
        var input = try Self.valid
        input.workshop.tables[1].capacity = 0
        input.requests[5].champion = "XYZ"
        input.delegations[0].country = "BD"
        let failure = try #require(input.plan().failureValue)
        #expect(failure.errors.map(\.field) == ["tables[1].capacity", "delegations[0].country", "sessions[0].delegations[0]",
                                                "requests[0].champion", "requests[1].champion", "requests[3].champion", "requests[5].champion"])
    }

    @Test("Country codes can be checked against the reference list")
    func knownCountries() throws {
        let failure = try #require(try Self.valid.plan(countries: ["BGD", "NPL", "KHM", "BTN"]).failureValue)
        #expect(failure.errors == [FieldError(field: "delegations[1].country", reason: "'THA' is not a known country code")])
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
