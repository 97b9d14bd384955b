import Foundation
import SolexCore
import Testing

/// A small instance and what the scheduler must make of it.
struct AgendaHandCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: AgendaInput
    /// Expected slot (and table, if given) per scheduled request: "R1@0", "R1@0/T2".
    let placed: [String]
    /// Expected left-out requests with reason and explanation.
    let leftOut: [LeftOut]
    var testDescription: String { name }
}

private typealias F = AgendaFixture

private func input(_ workshop: Workshop, _ codes: [String], _ requests: [MeetingRequest],
                   limit: Int? = nil, edit: (inout [Delegation]) -> Void = { _ in }) -> AgendaInput {
    var delegations = F.delegations(codes)
    edit(&delegations)
    return AgendaInput(workshop: workshop, delegations: delegations, requests: requests,
                       settings: AgendaSettings(maxMeetingsPerDelegationPerDay: limit))
}

private func input(_ codes: [String], _ requests: [MeetingRequest], limit: Int? = nil,
                   edit: (inout [Delegation]) -> Void = { _ in }) -> AgendaInput {
    input(F.workshop(), codes, requests, limit: limit, edit: edit)
}

private func input(_ requests: [MeetingRequest], limit: Int? = nil, edit: (inout [Delegation]) -> Void = { _ in }) -> AgendaInput {
    input(F.workshop(), ["BGD", "NPL", "BTN", "LKA"], requests, limit: limit, edit: edit)
}

private let panel = ThematicSession(id: "S1", title: "Panel", theme: "health", room: "Hall", day: "2024-03-04", start: "09:00",
                                    end: "11:00", delegations: ["LKA"])

@Suite("Agenda scheduler: hard constraints, pins, reasons")
struct AgendaSchedulerTests {
    static let cases: [AgendaHandCase] = [
        AgendaHandCase(name: "two meetings of one delegation follow each other", input: input([F.request("R1", "NPL-BGD", priority: 0.9), F.request("R2", "BTN-BGD", priority: 0.5)]),
                       placed: ["R1@0/T1", "R2@1/T1"], leftOut: []),
        AgendaHandCase(name: "a table is never double-booked", input: input(F.workshop(end: "10:00", tables: 1), ["BGD", "NPL", "BTN", "LKA", "KHM", "MDV"],
                                                                            [F.request("R1", "NPL-BGD", priority: 3), F.request("R2", "BTN-LKA", priority: 2), F.request("R3", "KHM-MDV")]),
                       placed: ["R1@0", "R2@1"],
                       leftOut: [LeftOut(request: "R3", reason: .noFreeTable, explanation: "no table for 2 is free at each of the 2 slots where KHM and MDV are both free")]),
        AgendaHandCase(name: "availability is respected", input: input([F.request("R1", "NPL-BGD")]) { $0[0].availability = [AvailabilityWindow(day: "2024-03-04", start: "10:30")] },
                       placed: ["R1@3"], leftOut: []),
        AgendaHandCase(name: "no common availability", input: input(F.workshop(days: 2), ["BGD", "KHM"], [F.request("R1", "KHM-BGD")]) {
                           $0[0].availability = [AvailabilityWindow(day: "2024-03-04")]
                           $0[1].availability = [AvailabilityWindow(day: "2024-03-05")]
                       }, placed: [], leftOut: [LeftOut(request: "R1", reason: .noCommonAvailability, explanation: "delegation KHM has no available slot in common with BGD")]),
        AgendaHandCase(name: "a thematic session blocks its delegations", input: input(F.workshop(sessions: [panel]), ["BGD", "LKA"], [F.request("R1", "LKA-BGD")]),
                       placed: [], leftOut: [LeftOut(request: "R1", reason: .inSession, explanation: "whenever LKA and BGD are both available, one of them is in a thematic session ('Panel')")]),
        AgendaHandCase(name: "the daily limit holds", input: input([F.request("R1", "NPL-BGD", priority: 2), F.request("R2", "BTN-BGD")], limit: 1),
                       placed: ["R1@0"], leftOut: [LeftOut(request: "R2", reason: .dailyLimit, explanation: "BGD reached the daily limit of 1 meeting on 2024-03-04")]),
        AgendaHandCase(name: "a delegation is never in two meetings at once", input: input(F.workshop(end: "10:00", tables: 3), ["BGD", "NPL", "BTN", "LKA"],
                                                                                            [F.request("R1", "NPL-BGD", priority: 3), F.request("R2", "BTN-BGD", priority: 2), F.request("R3", "LKA-BGD")]),
                       placed: ["R1@0", "R2@1"],
                       leftOut: [LeftOut(request: "R3", reason: .delegationBusy, explanation: "LKA or BGD is in another meeting at each of the 2 slots where both are free")]),
        AgendaHandCase(name: "a table must seat both delegations", input: input([F.request("R1", "NPL-BGD")]) { $0[0].people = (1...6).map { DelegationMember(name: "P\($0)") } },
                       placed: [], leftOut: [LeftOut(request: "R1", reason: .noTableLargeEnough, explanation: "no table seats the 7 people of NPL and BGD (the largest seats 6)")]),
        AgendaHandCase(name: "a pinned meeting stays where it is pinned", input: input([F.request("R1", "NPL-BGD", priority: 2), F.request("R2", "BTN-BGD", priority: 1, pin: MeetingPin(slot: 0, table: "T2"))]),
                       placed: ["R2@0/T2", "R1@1/T1"], leftOut: []),
        AgendaHandCase(name: "a pin that conflicts with an earlier pin is reported", input: input([F.request("R1", "NPL-BGD", pin: MeetingPin(slot: 1, table: "T1")), F.request("R2", "BTN-LKA", pin: MeetingPin(day: "2024-03-04", start: "09:30", table: "T1"))]),
                       placed: ["R1@1/T1"], leftOut: [LeftOut(request: "R2", reason: .pinConflict, explanation: "pinned to 2024-03-04 09:30 at Table 1, but Table 1 is taken by meeting R1 then")]),
        AgendaHandCase(name: "a pin during a session is reported", input: input(F.workshop(sessions: [panel]), ["BGD", "LKA"], [F.request("R1", "LKA-BGD", pin: MeetingPin(slot: 2))]),
                       placed: [], leftOut: [LeftOut(request: "R1", reason: .pinConflict, explanation: "pinned to 2024-03-04 10:00, but LKA is in the thematic session 'Panel' then")]),
        AgendaHandCase(name: "a pin while a delegation is away is reported", input: input([F.request("R1", "NPL-BGD", pin: MeetingPin(slot: 0))]) { $0[1].availability = [AvailabilityWindow(day: "2024-03-04", start: "10:00")] },
                       placed: [], leftOut: [LeftOut(request: "R1", reason: .pinConflict, explanation: "pinned to 2024-03-04 09:00, but NPL is not available then")]),
        AgendaHandCase(name: "the higher priority wins a contested slot", input: input(F.workshop(end: "09:30"), ["BGD", "NPL", "BTN"], [F.request("R1", "NPL-BGD", priority: 0.2), F.request("R2", "BTN-BGD", priority: 0.8)]),
                       placed: ["R2@0"], leftOut: [LeftOut(request: "R1", reason: .delegationBusy, explanation: "NPL or BGD is in another meeting at the one slot where both are free")]),
        AgendaHandCase(name: "repair moves a meeting out of the way", input: input(F.workshop(end: "10:00", tables: 1), ["BGD", "NPL", "BTN"], [F.request("R1", "NPL-BGD", priority: 2), F.request("R2", "BTN-BGD")]) {
                           $0[1].availability = [AvailabilityWindow(day: "2024-03-04", start: "09:30")]
                           $0[2].availability = [AvailabilityWindow(day: "2024-03-04", end: "09:30")]
                       }, placed: ["R2@0", "R1@1"], leftOut: []),
        AgendaHandCase(name: "a table holding a session is not used", input: input(F.workshop(end: "10:00", tables: 1, sessions: [ThematicSession(id: "S", title: "Talk", theme: "health", room: "T1", day: "2024-03-04", start: "09:00", end: "09:30", delegations: [])]), ["BGD", "NPL"], [F.request("R1", "NPL-BGD")]),
                       placed: ["R1@1"], leftOut: []),
        AgendaHandCase(name: "meetings spread over the days", input: input(F.workshop(days: 2), ["BGD", "NPL", "BTN"], [F.request("R1", "NPL-BGD", priority: 2), F.request("R2", "BTN-BGD")]),
                       placed: ["R1@0", "R2@4"], leftOut: []),
        AgendaHandCase(name: "no idle slot between a delegation's meetings when it can be avoided", input: input(["BGD", "NPL", "BTN"], [F.request("R1", "NPL-BGD", priority: 2), F.request("R2", "BTN-BGD")]) {
                           $0[2].availability = [AvailabilityWindow(day: "2024-03-04", start: "10:30")]
                       }, placed: ["R1@2", "R2@3"], leftOut: []),
    ]

    @Test("Hand cases", arguments: cases)
    func handCase(_ hand: AgendaHandCase) throws {
        let plan = try F.plan(hand.input)
        let schedule = AgendaScheduler.schedule(plan)
        #expect(AgendaChecks.violations(plan, schedule).isEmpty)
        let placed = Set(schedule.assignments.map { "\($0.request)@\($0.slot)" } + schedule.assignments.map { "\($0.request)@\($0.slot)/\($0.table)" })
        for expected in hand.placed { #expect(placed.contains(expected), "\(expected) in \(schedule.assignments)") }
        #expect(schedule.assignments.count == hand.placed.count)
        #expect(schedule.leftOut == hand.leftOut)
        #expect(schedule.idleSlots == 0 || !hand.leftOut.isEmpty)
    }

    @Test("The upper bound counts what any schedule could hold",
          arguments: [
              (input(F.workshop(end: "09:30", tables: 3), ["BGD", "NPL", "BTN"], [F.request("R1", "NPL-BGD"), F.request("R2", "BTN-BGD"), F.request("R3", "BTN-NPL")]), 1),
              (input(["BGD", "NPL", "BTN", "LKA", "KHM"], ["NPL", "BTN", "LKA", "KHM"].enumerated().map { F.request("R\($0)", "\($1)-BGD") }, limit: 2), 2),
              (input(F.workshop(days: 2), ["BGD", "KHM", "NPL"], [F.request("R1", "KHM-BGD"), F.request("R2", "NPL-BGD")]) {
                  $0[0].availability = [AvailabilityWindow(day: "2024-03-04")]
                  $0[1].availability = [AvailabilityWindow(day: "2024-03-05")]
              }, 1),
              (input(F.workshop(end: "10:00", tables: 1), ["BGD", "NPL", "BTN", "LKA", "KHM", "MDV"], [F.request("R1", "NPL-BGD"), F.request("R2", "BTN-LKA"), F.request("R3", "KHM-MDV")]), 2),
          ] as [(AgendaInput, Int)])
    func upperBound(input: AgendaInput, bound: Int) throws {
        let schedule = AgendaScheduler.schedule(try F.plan(input))
        #expect(schedule.upperBound == bound)
        #expect(schedule.scheduledCount == bound)
    }

    @Test("The same input in another order gives the same schedule")
    func deterministic() throws {
        let base = input(F.workshop(end: "10:00", tables: 2), ["BGD", "NPL", "BTN", "LKA", "KHM"],
                         ["NPL-BGD", "BTN-BGD", "LKA-BGD", "KHM-NPL", "BTN-LKA", "KHM-BGD"].enumerated().map { F.request("R\($0)", $1, priority: 0.5) })
        var shuffled = base
        shuffled.requests.reverse()
        shuffled.delegations.reverse()
        let first = AgendaScheduler.schedule(try F.plan(base)), second = AgendaScheduler.schedule(try F.plan(shuffled))
        #expect(first == second)
        #expect(AgendaScheduler.schedule(try F.plan(base)) == first)
    }

    @Test("The schedule round-trips through JSON with snake_case keys")
    func scheduleJSON() throws {
        let schedule = AgendaScheduler.schedule(try F.plan(F.input("workshop.json")))
        let text = String(decoding: try JSONEncoder().encode(schedule), as: UTF8.self)
        for key in ["\"left_out\"", "\"scheduled_count\"", "\"upper_bound\"", "\"total_priority\"", "\"idle_slots\"", "\"no_common_availability\""] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(try JSONDecoder().decode(Schedule.self, from: Data(text.utf8)) == schedule)
    }
}
