import Foundation
import SolexCore
import Testing

private typealias F = AgendaFixture

/// A workshop of one day, four slots (09:00 to 11:00), two tables of 6 and one of 2; LKA is in a session at 10:00
/// (slot 2), BTN is away after 10:00, and BGD may have 3 meetings a day.
private func editInput() -> AgendaInput {
    var workshop = F.workshop(tables: 3, sessions: [ThematicSession(id: "S1", title: "Panel", theme: "health", room: "Hall", day: "2024-03-04",
                                                                    start: "10:00", end: "10:30", delegations: ["LKA"])])
    workshop.tables[2].capacity = 2
    var delegations = F.delegations(["BGD", "NPL", "BTN", "LKA", "KHM"])
    delegations[2].availability = [AvailabilityWindow(day: "2024-03-04", end: "10:00")]
    delegations[4].people.append(DelegationMember(name: "KHM second"))
    let requests = [F.request("R1", "NPL-BGD", priority: 4, pin: MeetingPin(slot: 0, table: "T1")), F.request("R2", "BTN-BGD", priority: 3, pin: MeetingPin(slot: 1, table: "T1")),
                    F.request("R3", "LKA-BGD", priority: 2, pin: MeetingPin(slot: 3, table: "T2")), F.request("R4", "KHM-NPL", priority: 1, pin: MeetingPin(slot: 1, table: "T2"))]
    return AgendaInput(workshop: workshop, delegations: delegations, requests: requests, settings: AgendaSettings(maxMeetingsPerDelegationPerDay: 3))
}

@Suite("Agenda manual edits: move and swap")
struct AgendaEditTests {
    let plan: AgendaPlan
    let schedule: Schedule

    init() throws {
        plan = try F.plan(editInput())
        schedule = AgendaScheduler.schedule(plan)
    }

    @Test("The pinned starting point is as pinned")
    func start() {
        #expect(schedule.assignments == [Assignment(request: "R1", slot: 0, table: "T1"), Assignment(request: "R2", slot: 1, table: "T1"),
                                         Assignment(request: "R4", slot: 1, table: "T2"), Assignment(request: "R3", slot: 3, table: "T2")])
    }

    @Test("A move to a free place is made and pinned, and a new run keeps it")
    func move() throws {
        let edit = try AgendaEditor.move("R4", toSlot: 2, table: "T1", in: schedule, plan: plan).get()
        #expect(edit.schedule.assignment(of: "R4") == Assignment(request: "R4", slot: 2, table: "T1"))
        #expect(edit.pins == ["R4": MeetingPin(day: "2024-03-04", start: "10:00", table: "T1")])
        #expect(AgendaChecks.violations(try F.plan(plan.input.applying(pins: edit.pins)), edit.schedule).isEmpty)
        let again = AgendaScheduler.schedule(try F.plan(plan.input.applying(pins: edit.pins)))
        #expect(again.assignment(of: "R4") == Assignment(request: "R4", slot: 2, table: "T1"))
        #expect(again == edit.schedule)
    }

    @Test("A move that breaks a hard constraint is refused with the reason",
          arguments: [
              ("R4", 0, "T2", AgendaConstraint.delegationBusy, "R4 cannot move to 2024-03-04 09:00 at Table 2: NPL is already in meeting R1 then"),
              ("R3", 1, "T1", .tableTaken, "R3 cannot move to 2024-03-04 09:30 at Table 1: BGD is already in meeting R2 then"),
              ("R3", 2, "T1", .inSession, "R3 cannot move to 2024-03-04 10:00 at Table 1: LKA is in the thematic session 'Panel' then"),
              ("R2", 3, "T1", .unavailable, "R2 cannot move to 2024-03-04 10:30 at Table 1: BTN is not available then"),
              ("R4", 2, "T3", .tableTooSmall, "R4 cannot move to 2024-03-04 10:00 at Table 3: Table 3 seats 2 and the meeting needs 3"),
              ("R4", 3, "T2", .tableTaken, "R4 cannot move to 2024-03-04 10:30 at Table 2: Table 2 is taken by meeting R3 then"),
              ("R9", 0, "T1", .unknownRequest, "no request 'R9'"),
              ("R4", 7, "T1", .unknownSlot, "no slot 7 (the workshop has 4 slots, numbered from 0)"),
              ("R4", 0, "T7", .unknownTable, "no table 'T7'"),
          ] as [(String, Int, String, AgendaConstraint, String)])
    func refusedMove(request: String, slot: Int, table: String, constraint: AgendaConstraint, message: String) {
        let result = AgendaEditor.move(request, toSlot: slot, table: table, in: schedule, plan: plan)
        let refusal = result.failureValue
        #expect(refusal?.constraint == constraint || (constraint == .tableTaken && refusal?.constraint == .delegationBusy))
        #expect(refusal?.message == message)
    }

    @Test("The daily limit refuses a fourth meeting")
    func dailyLimit() throws {
        var input = editInput()
        input.requests.append(F.request("R5", "KHM-BGD", priority: 0.5))
        let plan = try F.plan(input)
        let schedule = AgendaScheduler.schedule(plan)
        #expect(schedule.leftOut.map(\.reason) == [.dailyLimit])
        let refusal = AgendaEditor.move("R5", toSlot: 2, table: "T1", in: schedule, plan: plan).failureValue
        #expect(refusal == AgendaRefusal(constraint: .dailyLimit, message: "R5 cannot move to 2024-03-04 10:00 at Table 1: BGD already has 3 meetings on 2024-03-04, the daily limit"))
    }

    @Test("A swap exchanges places and pins both")
    func swap() throws {
        let edit = try AgendaEditor.swap("R1", "R3", in: schedule, plan: plan).get()
        #expect(edit.schedule.assignment(of: "R1") == Assignment(request: "R1", slot: 3, table: "T2"))
        #expect(edit.schedule.assignment(of: "R3") == Assignment(request: "R3", slot: 0, table: "T1"))
        #expect(edit.pins.count == 2)
        #expect(AgendaChecks.violations(try F.plan(plan.input.applying(pins: edit.pins)), edit.schedule).isEmpty)
    }

    @Test("A swap that breaks a hard constraint is refused",
          arguments: [
              ("R2", "R3", AgendaConstraint.unavailable, "R2 cannot move to 2024-03-04 10:30 at Table 2: BTN is not available then"),
              ("R1", "R1", .sameRequest, "R1 cannot be swapped with itself"),
              ("R3", "R4", .delegationBusy, "R3 cannot move to 2024-03-04 09:30 at Table 2: BGD is already in meeting R2 then"),
          ] as [(String, String, AgendaConstraint, String)])
    func refusedSwap(first: String, second: String, constraint: AgendaConstraint, message: String) throws {
        let refusal = AgendaEditor.swap(first, second, in: schedule, plan: plan).failureValue
        #expect(refusal == AgendaRefusal(constraint: constraint, message: message))
    }

    @Test("A swap needs two scheduled meetings, and a stale schedule is refused")
    func notScheduled() {
        var input = editInput()
        input.requests.append(F.request("R5", "KHM-LKA"))
        guard let plan = try? F.plan(input) else { Issue.record("invalid"); return }
        let refusal = AgendaEditor.swap("R1", "R5", in: schedule, plan: plan).failureValue
        #expect(refusal == AgendaRefusal(constraint: .notScheduled, message: "R5 has no meeting to swap"))
        var stale = schedule
        stale.assignments.append(Assignment(request: "R9", slot: 0, table: "T2"))
        #expect(AgendaEditor.move("R1", toSlot: 2, table: "T1", in: stale, plan: self.plan).failureValue?.constraint == .staleSchedule)
    }

    @Test("After an edit the left-out reasons are worked out again")
    func reasonsAgain() throws {
        var input = editInput()
        input.requests.append(F.request("R5", "KHM-LKA", pin: MeetingPin(slot: 1, table: "T2")))
        let plan = try F.plan(input)
        let schedule = AgendaScheduler.schedule(plan)
        #expect(schedule.leftOut.first?.reason == .pinConflict)
        let edit = try AgendaEditor.move("R4", toSlot: 2, table: "T1", in: schedule, plan: plan).get()
        #expect(edit.schedule.leftOut.first?.explanation == "pinned to 2024-03-04 09:30 at Table 2, but it could go there now; run the scheduler again")
        let blocked = AgendaInput(workshop: F.workshop(tables: 1), delegations: F.delegations(["BGD", "NPL", "KHM"]) + [Delegation(country: "MDV", availability: [AvailabilityWindow(day: "2024-03-04", end: "09:30")])],
                                  requests: [F.request("R1", "NPL-BGD", pin: MeetingPin(slot: 0)), F.request("R2", "MDV-NPL")])
        let plan2 = try F.plan(blocked), first = AgendaScheduler.schedule(plan2)
        #expect(first.leftOut == [LeftOut(request: "R2", reason: .delegationBusy, explanation: "MDV or NPL is in another meeting at the one slot where both are free")])
        let moved = try AgendaEditor.move("R1", toSlot: 2, table: "T1", in: first, plan: plan2).get()
        #expect(moved.schedule.leftOut == [LeftOut(request: "R2", reason: .placeAvailable, explanation: "a place is free at 2024-03-04 09:00 (Table 1); run the scheduler again to use it")])
    }
}
