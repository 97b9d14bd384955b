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
    /// The same sentence in a form the interface can translate.
    public var sentence: AgendaSentence

    /// Creates a refusal with an English sentence only.
    public init(constraint: AgendaConstraint, message: String) {
        self.init(constraint: constraint, .english(message))
    }

    /// Creates a refusal that the interface can say in every language.
    public init(constraint: AgendaConstraint, _ sentence: AgendaSentence) {
        self.constraint = constraint
        self.message = sentence.english
        self.sentence = sentence
    }

    /// Two refusals are the same when they name the same constraint and say the same thing (in English).
    public static func == (lhs: AgendaRefusal, rhs: AgendaRefusal) -> Bool { lhs.constraint == rhs.constraint && lhs.message == rhs.message }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(constraint)
        hasher.combine(message)
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
                throw AgendaRefusal(constraint: .unknownSlot, AgendaSentence(
                    "agenda.refusal.unknown_slot", ["slot": String(slot), "count": String(plan.slots.count)],
                    english: "no slot \(slot) (the workshop has \(plan.slots.count) slots, numbered from 0)"))
            }
            guard let t = plan.index.tableIndex[table] else {
                throw AgendaRefusal(constraint: .unknownTable, AgendaSentence("agenda.refusal.unknown_table", ["table": table], english: "no table '\(table)'"))
            }
            if let (constraint, phrase) = grid.conflict(r, slot, table: t) {
                throw AgendaRefusal(constraint: constraint, cannotMove(request, slot, t, plan, because: phrase))
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
            guard a != b else {
                throw AgendaRefusal(constraint: .sameRequest, AgendaSentence("agenda.refusal.same_request", ["request": first],
                                                                             english: "\(first) cannot be swapped with itself"))
            }
            for (r, id) in [(a, first), (b, second)] where !grid.isPlaced(r) {
                throw AgendaRefusal(constraint: .notScheduled, AgendaSentence("agenda.refusal.nothing_to_swap", ["request": id],
                                                                              english: "\(id) has no meeting to swap"))
            }
            let (slotA, tableA, slotB, tableB) = (grid.slotOf[a], grid.tableOf[a], grid.slotOf[b], grid.tableOf[b])
            grid.remove(a)
            grid.remove(b)
            for (r, id, slot, table) in [(a, first, slotB, tableB), (b, second, slotA, tableA)] {
                if let (constraint, phrase) = grid.conflict(r, slot, table: table) {
                    throw AgendaRefusal(constraint: constraint, cannotMove(id, slot, table, plan, because: phrase))
                }
                grid.place(r, slot, table)
            }
            return AgendaEdit(schedule: grid.schedule(), pins: [first: pin(slotB, tableB, plan), second: pin(slotA, tableA, plan)])
        }
    }

    static func index(of request: String, _ plan: AgendaPlan) throws(AgendaRefusal) -> Int {
        guard let r = plan.index.requestIndex[request] else {
            throw AgendaRefusal(constraint: .unknownRequest, AgendaSentence("agenda.refusal.unknown_request", ["request": request],
                                                                            english: "no request '\(request)'"))
        }
        return r
    }

    /// "R01 cannot move to 2017-05-14 09:00 at Table 1: BTN is not available then".
    static func cannotMove(_ request: String, _ slot: Int, _ table: Int, _ plan: AgendaPlan, because: AgendaSentence) -> AgendaSentence {
        let (label, name) = (plan.slots[slot].label, plan.workshop.tables[table].name)
        return AgendaSentence("agenda.refusal.cannot_move", ["request": request, "slot": label, "table": name],
                              localized: ["slot": plan.slots[slot].moment], nested: ["why": [because]],
                              english: "\(request) cannot move to \(label) at \(name): \(because.english)")
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
                throw AgendaRefusal(constraint: .staleSchedule, AgendaSentence(
                    "agenda.refusal.stale_place", ["request": assignment.request, "slot": String(assignment.slot), "table": assignment.table],
                    english: "the schedule no longer fits the workshop: meeting \(assignment.request) at slot \(assignment.slot), table \(assignment.table)"))
            }
            if let (_, phrase) = conflict(r, assignment.slot, table: t) {
                throw AgendaRefusal(constraint: .staleSchedule, AgendaSentence(
                    "agenda.refusal.stale", ["request": assignment.request], nested: ["why": [phrase]],
                    english: "the schedule no longer fits the workshop: meeting \(assignment.request): \(phrase.english)"))
            }
            place(r, assignment.slot, t)
        }
    }
}
