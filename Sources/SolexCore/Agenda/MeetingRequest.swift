import Foundation

/// A request for a bilateral meeting at a workshop: the adopting country's delegation (the requester, who has the
/// need) meets the delegation that champions the innovation.
public struct MeetingRequest: Sendable, Hashable, Codable {
    /// A short identifier, unique in the workshop; it is part of every exported UID.
    public var id: String
    /// The need's ref (e.g. `NEED-BTN-001`).
    public var need: String
    /// The innovation's ref (e.g. `INN-BGD-002`).
    public var innovation: String
    /// The alpha-3 code of the adopting delegation (the need's country).
    public var requester: String
    /// The alpha-3 code of the champion delegation (the innovation's country).
    public var champion: String
    /// How much the meeting matters; higher first. Imported requests take the match score; the default is 1.
    public var priority: Double
    /// Where the meeting must be held, if the organisers fixed it.
    public var pin: MeetingPin?

    /// The priority of a request that does not give one.
    public static let defaultPriority = 1.0

    /// Creates a request.
    public init(id: String, need: String, innovation: String, requester: String, champion: String,
                priority: Double = MeetingRequest.defaultPriority, pin: MeetingPin? = nil) {
        self.id = id
        self.need = need
        self.innovation = innovation
        self.requester = requester
        self.champion = champion
        self.priority = priority
        self.pin = pin
    }

    /// Reads a request; `priority` (default 1) and `pin` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        need = try container.decode(String.self, forKey: .need)
        innovation = try container.decode(String.self, forKey: .innovation)
        requester = try container.decode(String.self, forKey: .requester)
        champion = try container.decode(String.self, forKey: .champion)
        priority = try container.decodeIfPresent(Double.self, forKey: .priority) ?? Self.defaultPriority
        pin = try container.decodeIfPresent(MeetingPin.self, forKey: .pin)
    }

    enum CodingKeys: String, CodingKey {
        case id, need, innovation, requester, champion, priority, pin
    }

    /// The two delegations of the meeting, requester first.
    public var delegations: [String] { [requester, champion] }

    /// Whether the delegation takes part in the meeting.
    public func involves(_ country: String) -> Bool { requester == country || champion == country }

    /// The other delegation of the meeting, seen from `country`.
    public func counterpart(of country: String) -> String { requester == country ? champion : requester }
}

/// Where a meeting is fixed: a slot, given by its index (`slot`, from 0) or by its day and local start time
/// (`day` and `start`), and optionally a table (by id). Without a table the scheduler picks one.
public struct MeetingPin: Sendable, Hashable, Codable {
    /// The slot's index, from 0 (see `AgendaPlan.slots`).
    public var slot: Int?
    /// The slot's date, `YYYY-MM-DD` (with `start`, instead of `slot`).
    public var day: String?
    /// The slot's local start time, `HH:MM` (with `day`).
    public var start: String?
    /// The table's id, if the table is fixed too.
    public var table: String?

    /// Pins to a slot by index.
    public init(slot: Int, table: String? = nil) {
        self.slot = slot
        self.table = table
    }

    /// Pins to the slot that starts at a local time on a day.
    public init(day: String, start: String, table: String? = nil) {
        self.day = day
        self.start = start
        self.table = table
    }
}

/// The organisers' limits for the scheduler.
public struct AgendaSettings: Sendable, Hashable, Codable {
    /// At most this many meetings per delegation per day; nil for no limit.
    public var maxMeetingsPerDelegationPerDay: Int?

    /// Creates settings.
    public init(maxMeetingsPerDelegationPerDay: Int? = nil) {
        self.maxMeetingsPerDelegationPerDay = maxMeetingsPerDelegationPerDay
    }

    enum CodingKeys: String, CodingKey {
        case maxMeetingsPerDelegationPerDay = "max_meetings_per_delegation_per_day"
    }
}
