import Foundation
import SolexCore
import Testing

@Suite("Agenda model: times, dates, JSON, slots")
struct AgendaModelTests {
    @Test("Local times are read exactly as HH:MM",
          arguments: [("09:00", 540), ("00:00", 0), ("23:59", 1439), ("9:00", nil), ("24:00", nil), ("12:60", nil),
                      ("12-30", nil), ("١٢:٣٠", nil), ("", nil), ("09:000", nil)] as [(String, Int?)])
    func localTimes(text: String, minutes: Int?) {
        #expect(LocalTime(text)?.minutes == minutes)
        if let minutes { #expect(LocalTime(minutes: minutes).description == text) }
    }

    @Test("Dates are read exactly as YYYY-MM-DD and must exist",
          arguments: [("2017-05-14", true), ("2024-02-29", true), ("2023-02-29", false), ("1900-02-29", false),
                      ("2000-02-29", true), ("2017-13-01", false), ("2017-04-31", false), ("2017-5-14", false), ("0000-01-01", false)])
    func dates(text: String, valid: Bool) {
        #expect((LocalDate(text) != nil) == valid)
        #expect(LocalDate(text)?.description == (valid ? text : nil))
    }

    @Test("The workshop file round-trips through JSON with snake_case keys and optional parts left out")
    func jsonRoundTrip() throws {
        let data = try AgendaFixture.read("workshop.json")
        let input = try AgendaInput.decode(data).get()
        #expect(input.workshop.timeZone == "Asia/Dhaka" && input.workshop.slotMinutes == 30)
        #expect(input.settings.maxMeetingsPerDelegationPerDay == 2)
        #expect(input.requests.first { $0.id == "R6" }?.priority == MeetingRequest.defaultPriority)
        #expect(input.requests.first { $0.id == "R2" }?.pin == MeetingPin(day: "2024-02-12", start: "09:30", table: "T1"))
        let text = String(decoding: try JSONEncoder().encode(input), as: UTF8.self)
        for key in ["\"time_zone\"", "\"slot_minutes\"", "\"max_meetings_per_delegation_per_day\"", "\"delegations\""] {
            #expect(text.contains(key))
        }
        #expect(try JSONDecoder().decode(AgendaInput.self, from: Data(text.utf8)) == input)
        let minimal = #"{"id": "w", "name": "W", "venue": "V", "time_zone": "UTC", "days": [], "slot_minutes": 30, "tables": [], "delegations": [{"country": "BGD"}]}"#
        let read = try AgendaInput.decode(Data(minimal.utf8)).get()
        #expect(read.requests.isEmpty && read.workshop.sessions.isEmpty && read.workshop.breaks.isEmpty && read.delegations[0].people.isEmpty)
    }

    @Test("A file that cannot be read names the path",
          arguments: [(#"{"id": 1}"#, "id", "expected text"),
                      (#"{"id": "w", "name": "W", "venue": "V", "time_zone": "UTC", "days": [], "slot_minutes": 30, "tables": [{"id": "T", "name": "T", "capacity": "six"}], "delegations": []}"#, "tables[0].capacity", "expected a whole number"),
                      (#"{"id": "w", "name": "W", "venue": "V", "time_zone": "UTC", "days": [], "slot_minutes": 30, "tables": []}"#, "delegations", "is required"),
                      ("{nope", "", "is not valid JSON")])
    func decodeErrors(text: String, field: String, reason: String) {
        guard case .failure(let failure) = AgendaInput.decode(Data(text.utf8)) else { Issue.record("decoded"); return }
        #expect(failure.errors == [FieldError(field: field, reason: reason)])
    }

    @Test("Slots cut each window less the breaks, from the start of each stretch")
    func slots() throws {
        let input = AgendaInput(workshop: AgendaFixture.workshop(end: "12:00", breaks: [TimeRange(start: "10:15", end: "10:45")]),
                                delegations: AgendaFixture.delegations(["BGD"]))
        let plan = try AgendaFixture.plan(input)
        #expect(plan.slots.map(\.start) == ["09:00", "09:30", "10:45", "11:15"])
        #expect(plan.slots.map(\.end) == ["09:30", "10:00", "11:15", "11:45"])
        #expect(plan.slots[0].startDate == ISO8601DateFormatter().date(from: "2024-03-04T03:00:00Z"))
        #expect(plan.days.count == 1 && plan.days[0].slots == 0..<4)
    }

    @Test("Across a clock change slots keep their length in real time")
    func daylightSaving() throws {
        let plan = try AgendaFixture.plan(AgendaFixture.input("dst-workshop.json"))
        let second = plan.slots.filter { $0.day == 1 }
        #expect(second.map(\.start) == ["01:00", "02:00", "02:00", "03:00"])
        let utc = ISO8601DateFormatter()
        #expect(second.map { utc.string(from: $0.startDate) } == ["2024-10-26T23:00:00Z", "2024-10-27T00:00:00Z", "2024-10-27T01:00:00Z", "2024-10-27T02:00:00Z"])
        let spring = Workshop(id: "spring", name: "S", venue: "V", timeZone: "Europe/Berlin",
                              days: [WorkshopDay(date: "2024-03-31", windows: [TimeRange(start: "01:00", end: "04:00")])], slotMinutes: 60,
                              tables: [MeetingTable(id: "T1", name: "T1", capacity: 2)])
        let forward = try AgendaFixture.plan(AgendaInput(workshop: spring, delegations: []))
        #expect(forward.slots.map(\.start) == ["01:00", "03:00"])
    }

    @Test("Availability windows and sessions decide who is free")
    func availability() throws {
        let session = ThematicSession(id: "S1", title: "Panel", theme: "health", room: "T2", day: "2024-03-04", start: "09:30",
                                      end: "10:00", delegations: ["NPL"])
        var delegations = AgendaFixture.delegations(["BGD", "NPL"])
        delegations[0].availability = [AvailabilityWindow(day: "2024-03-04", start: "10:00")]
        let plan = try AgendaFixture.plan(AgendaInput(workshop: AgendaFixture.workshop(sessions: [session]), delegations: delegations))
        #expect((0..<4).map { plan.isAvailable("BGD", slot: $0) } == [false, false, true, true])
        #expect((0..<4).map { plan.session(of: "NPL", at: $0)?.id } == [nil, "S1", nil, nil])
        #expect(plan.session(atTable: "T2", slot: 1)?.id == "S1" && plan.session(atTable: "T1", slot: 1) == nil)
    }
}
