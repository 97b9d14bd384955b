import Foundation

/// The hard constraint that refuses a manual edit.
public enum AgendaConstraint: String, Sendable, Hashable, Codable, CaseIterable {
    /// No request has this id.
    case unknownRequest = "unknown_request"
    /// No slot has this index.
    case unknownSlot = "unknown_slot"
    /// No table has this id.
    case unknownTable = "unknown_table"
    /// A swap needs two scheduled meetings.
    case notScheduled = "not_scheduled"
    /// A meeting cannot be swapped with itself.
    case sameRequest = "same_request"
    /// The schedule does not fit the plan any more (the workshop or the requests changed since it was made).
    case staleSchedule = "stale_schedule"
    /// A delegation is not available at the slot.
    case unavailable
    /// A delegation is in a thematic session at the slot.
    case inSession = "in_session"
    /// A delegation is in another meeting at the slot.
    case delegationBusy = "delegation_busy"
    /// A delegation would have more meetings that day than the daily limit.
    case dailyLimit = "daily_limit"
    /// The table holds another meeting at the slot.
    case tableTaken = "table_taken"
    /// The table holds a thematic session at the slot.
    case tableInSession = "table_in_session"
    /// The table does not seat both delegations.
    case tableTooSmall = "table_too_small"
}

/// A manual edit that was refused: the constraint and a sentence naming it.
public struct AgendaRefusal: Error, Sendable, Hashable {
    /// The constraint that refuses the edit.
    public var constraint: AgendaConstraint
    /// One sentence naming the meeting, the place and the conflict.
    public var message: String

    /// Creates a refusal.
    public init(constraint: AgendaConstraint, message: String) {
        self.constraint = constraint
        self.message = message
    }
}

/// The result of a manual edit: the new schedule, and the pins to store on the edited requests so that the next
/// run of the scheduler keeps them where they were put (see `AgendaInput.applying(pins:)`).
public struct AgendaEdit: Sendable, Hashable {
    /// The schedule after the edit (left-out reasons worked out again).
    public var schedule: Schedule
    /// The new pin of each edited request, by request id.
    public var pins: [String: MeetingPin]
}

/// Manual edits of a schedule: moving a meeting and swapping two. Every hard constraint is checked as the scheduler
/// checks it; an edit that would break one is refused and nothing changes.
public enum AgendaEditor {
    /// Moves a request's meeting (or schedules a left-out request) to a slot and a table.
    public static func move(_ request: String, toSlot slot: Int, table: String, in schedule: Schedule,
                            plan: AgendaPlan) -> Result<AgendaEdit, AgendaRefusal> {
        Result { () throws(AgendaRefusal) -> AgendaEdit in
            var grid = try AgendaGrid(plan: plan, schedule: schedule)
            let r = try index(of: request, plan)
            guard plan.slots.indices.contains(slot) else {
                throw AgendaRefusal(constraint: .unknownSlot, message: "no slot \(slot) (the workshop has \(plan.slots.count) slots, numbered from 0)")
            }
            guard let t = plan.index.tableIndex[table] else { throw AgendaRefusal(constraint: .unknownTable, message: "no table '\(table)'") }
            if let (constraint, phrase) = grid.conflict(r, slot, table: t) {
                throw AgendaRefusal(constraint: constraint, message: "\(request) cannot move to \(place(slot, t, plan)): \(phrase)")
            }
            grid.remove(r)
            grid.place(r, slot, t)
            return AgendaEdit(schedule: grid.schedule(), pins: [request: pin(slot, t, plan)])
        }
    }

    /// Exchanges the slots and tables of two scheduled meetings.
    public static func swap(_ first: String, _ second: String, in schedule: Schedule, plan: AgendaPlan) -> Result<AgendaEdit, AgendaRefusal> {
        Result { () throws(AgendaRefusal) -> AgendaEdit in
            var grid = try AgendaGrid(plan: plan, schedule: schedule)
            let a = try index(of: first, plan), b = try index(of: second, plan)
            guard a != b else { throw AgendaRefusal(constraint: .sameRequest, message: "\(first) cannot be swapped with itself") }
            for (r, id) in [(a, first), (b, second)] where !grid.isPlaced(r) {
                throw AgendaRefusal(constraint: .notScheduled, message: "\(id) has no meeting to swap")
            }
            let (slotA, tableA, slotB, tableB) = (grid.slotOf[a], grid.tableOf[a], grid.slotOf[b], grid.tableOf[b])
            grid.remove(a)
            grid.remove(b)
            for (r, id, slot, table) in [(a, first, slotB, tableB), (b, second, slotA, tableA)] {
                if let (constraint, phrase) = grid.conflict(r, slot, table: table) {
                    throw AgendaRefusal(constraint: constraint, message: "\(id) cannot move to \(place(slot, table, plan)): \(phrase)")
                }
                grid.place(r, slot, table)
            }
            return AgendaEdit(schedule: grid.schedule(), pins: [first: pin(slotB, tableB, plan), second: pin(slotA, tableA, plan)])
        }
    }

    static func index(of request: String, _ plan: AgendaPlan) throws(AgendaRefusal) -> Int {
        guard let r = plan.index.requestIndex[request] else { throw AgendaRefusal(constraint: .unknownRequest, message: "no request '\(request)'") }
        return r
    }

    static func place(_ slot: Int, _ table: Int, _ plan: AgendaPlan) -> String {
        plan.slots[slot].label + " at " + plan.workshop.tables[table].name
    }

    static func pin(_ slot: Int, _ table: Int, _ plan: AgendaPlan) -> MeetingPin {
        MeetingPin(day: plan.slots[slot].date, start: plan.slots[slot].start, table: plan.workshop.tables[table].id)
    }
}

extension AgendaGrid {
    /// The grid of a stored schedule; refused if an assignment no longer fits the plan.
    init(plan: AgendaPlan, schedule: Schedule) throws(AgendaRefusal) {
        self.init(plan: plan)
        for assignment in schedule.assignments {
            guard let r = plan.index.requestIndex[assignment.request], plan.slots.indices.contains(assignment.slot),
                  let t = plan.index.tableIndex[assignment.table], !isPlaced(r) else {
                throw AgendaRefusal(constraint: .staleSchedule, message: "the schedule no longer fits the workshop: meeting \(assignment.request) at slot \(assignment.slot), table \(assignment.table)")
            }
            if let (_, phrase) = conflict(r, assignment.slot, table: t) {
                throw AgendaRefusal(constraint: .staleSchedule, message: "the schedule no longer fits the workshop: meeting \(assignment.request): \(phrase)")
            }
            place(r, assignment.slot, t)
        }
    }
}
