import Foundation

/// The result of scheduling a workshop: where each meeting is held, which requests were left out and why, and
/// how the count compares with the upper bound. Its JSON form has snake_case keys and can be stored as it is.
public struct Schedule: Sendable, Hashable, Codable {
    /// The meetings, by slot, then in the workshop's table order.
    public var assignments: [Assignment]
    /// The requests that have no meeting, by priority (highest first), then id.
    public var leftOut: [LeftOut]
    /// How many requests were scheduled.
    public var scheduledCount: Int
    /// How many requests there were.
    public var requestCount: Int
    /// The most meetings any schedule of this input can hold (see `docs/agenda.md`).
    public var upperBound: Int
    /// The sum of the scheduled requests' priorities.
    public var totalPriority: Double
    /// Free slots without a meeting between a delegation's first and last meeting of a day, over all delegations
    /// and days (lower is better).
    public var idleSlots: Int

    /// Creates a schedule.
    public init(assignments: [Assignment], leftOut: [LeftOut], scheduledCount: Int, requestCount: Int, upperBound: Int,
                totalPriority: Double, idleSlots: Int) {
        self.assignments = assignments
        self.leftOut = leftOut
        self.scheduledCount = scheduledCount
        self.requestCount = requestCount
        self.upperBound = upperBound
        self.totalPriority = totalPriority
        self.idleSlots = idleSlots
    }

    enum CodingKeys: String, CodingKey {
        case assignments, leftOut = "left_out", scheduledCount = "scheduled_count", requestCount = "request_count"
        case upperBound = "upper_bound", totalPriority = "total_priority", idleSlots = "idle_slots"
    }

    /// The meeting of a request, if it is scheduled.
    public func assignment(of request: String) -> Assignment? { assignments.first { $0.request == request } }
}

/// One scheduled meeting: a request, a slot and a table.
public struct Assignment: Sendable, Hashable, Codable {
    /// The request's id.
    public var request: String
    /// The slot's index.
    public var slot: Int
    /// The table's id.
    public var table: String

    /// Creates an assignment.
    public init(request: String, slot: Int, table: String) {
        self.request = request
        self.slot = slot
        self.table = table
    }
}

/// A request without a meeting, the constraint that stopped it and a sentence that says so.
public struct LeftOut: Sendable, Hashable, Codable {
    /// The request's id.
    public var request: String
    /// The constraint that stopped it.
    public var reason: LeftOutReason
    /// One sentence naming the delegations, slots or tables concerned.
    public var explanation: String

    /// Creates a left-out entry.
    public init(request: String, reason: LeftOutReason, explanation: String) {
        self.request = request
        self.reason = reason
        self.explanation = explanation
    }
}

/// Why a request has no meeting.
public enum LeftOutReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The request is pinned to a slot (and table) where a hard constraint does not hold.
    case pinConflict = "pin_conflict"
    /// The two delegations are never available at the same slot.
    case noCommonAvailability = "no_common_availability"
    /// Whenever both are available, one of them is in a thematic session.
    case inSession = "in_session"
    /// No table seats both delegations.
    case noTableLargeEnough = "no_table_large_enough"
    /// At every slot where both are free, one of them is in another meeting.
    case delegationBusy = "delegation_busy"
    /// At every slot where both are free, one of them has reached the daily limit of meetings.
    case dailyLimit = "daily_limit"
    /// At every slot where both are free, no table that seats them is free.
    case noFreeTable = "no_free_table"
    /// Every slot where both are free is blocked, by other meetings, daily limits and full tables together.
    case allSlotsBlocked = "all_slots_blocked"
    /// A place is free now (after a manual edit); running the scheduler again would use it.
    case placeAvailable = "place_available"
}
