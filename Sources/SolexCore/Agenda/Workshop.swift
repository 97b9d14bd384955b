import Foundation

/// A match-making workshop: where and when it takes place, how the days are cut into meeting slots, the tables
/// where bilateral meetings are held and the thematic sessions that run alongside them.
///
/// Times and dates are kept as written (`"09:00"`, `"2017-05-14"`) so that a workshop file with a mistake can still
/// be read and every mistake reported at once by `AgendaInput.plan()`. JSON keys are snake_case; see
/// `docs/agenda.md` for the file format.
public struct Workshop: Sendable, Hashable, Codable {
    /// The workshop's identifier: lower-case letters, digits and single hyphens (e.g. `dhaka-2017`). It is part of
    /// every exported UID, so it must not change once agendas have been sent out.
    public var id: String
    /// The workshop's name.
    public var name: String
    /// Where it takes place (building and city).
    public var venue: String
    /// The IANA time zone of the venue (e.g. `Asia/Dhaka`); every local time of the workshop is read in it.
    public var timeZone: String
    /// The language of the meetings (BCP 47 code such as `en`), if one is set.
    public var language: String?
    /// The workshop's days, in order, each with its meeting windows.
    public var days: [WorkshopDay]
    /// The length of one meeting slot in minutes.
    public var slotMinutes: Int
    /// Local time ranges without meetings on every day (tea, lunch).
    public var breaks: [TimeRange]
    /// The tables (or rooms) where bilateral meetings are held, in display order.
    public var tables: [MeetingTable]
    /// Thematic sessions held in parallel; they block their participating delegations.
    public var sessions: [ThematicSession]

    /// Creates a workshop.
    public init(id: String, name: String, venue: String, timeZone: String, language: String? = nil, days: [WorkshopDay],
                slotMinutes: Int, breaks: [TimeRange] = [], tables: [MeetingTable], sessions: [ThematicSession] = []) {
        self.id = id
        self.name = name
        self.venue = venue
        self.timeZone = timeZone
        self.language = language
        self.days = days
        self.slotMinutes = slotMinutes
        self.breaks = breaks
        self.tables = tables
        self.sessions = sessions
    }

    /// Reads a workshop; `language`, `breaks` and `sessions` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        venue = try container.decode(String.self, forKey: .venue)
        timeZone = try container.decode(String.self, forKey: .timeZone)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        days = try container.decode([WorkshopDay].self, forKey: .days)
        slotMinutes = try container.decode(Int.self, forKey: .slotMinutes)
        breaks = try container.decodeIfPresent([TimeRange].self, forKey: .breaks) ?? []
        tables = try container.decode([MeetingTable].self, forKey: .tables)
        sessions = try container.decodeIfPresent([ThematicSession].self, forKey: .sessions) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case id, name, venue, timeZone = "time_zone", language, days, slotMinutes = "slot_minutes", breaks, tables, sessions
    }
}

/// A range of local times on one day, `start` included and `end` excluded, both written `HH:MM`.
public struct TimeRange: Sendable, Hashable, Codable {
    /// The first minute, `HH:MM`.
    public var start: String
    /// The minute just after the range, `HH:MM`; later than `start`.
    public var end: String

    /// Creates a range.
    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }
}

/// One day of the workshop and its meeting windows.
public struct WorkshopDay: Sendable, Hashable, Codable {
    /// The date, `YYYY-MM-DD`.
    public var date: String
    /// The local time ranges in which meetings may be held; they must not overlap.
    public var windows: [TimeRange]

    /// Creates a day.
    public init(date: String, windows: [TimeRange]) {
        self.date = date
        self.windows = windows
    }
}

/// A table or room for bilateral meetings.
public struct MeetingTable: Sendable, Hashable, Codable {
    /// A short identifier, unique in the workshop (e.g. `T1`); pins and schedules refer to it.
    public var id: String
    /// The name shown on agendas (e.g. `Table 1`).
    public var name: String
    /// How many people it seats; a meeting needs a table that seats both delegations.
    public var capacity: Int

    /// Creates a table.
    public init(id: String, name: String, capacity: Int) {
        self.id = id
        self.name = name
        self.capacity = capacity
    }
}

/// A thematic session held in parallel with the bilateral meetings. Its delegations cannot meet while it runs, and
/// if its room is one of the tables (by id), that table is not free either.
public struct ThematicSession: Sendable, Hashable, Codable {
    /// A short identifier, unique among the sessions.
    public var id: String
    /// The session's title.
    public var title: String
    /// Its theme (a theme slug such as `digital-government`, or free text).
    public var theme: String
    /// Where it is held: a room name, or a table id.
    public var room: String
    /// The date, `YYYY-MM-DD`; one of the workshop's days.
    public var day: String
    /// The local start time, `HH:MM`.
    public var start: String
    /// The local end time, `HH:MM`.
    public var end: String
    /// The alpha-3 codes of the participating delegations.
    public var delegations: [String]

    /// Creates a session.
    public init(id: String, title: String, theme: String, room: String, day: String, start: String, end: String,
                delegations: [String]) {
        self.id = id
        self.title = title
        self.theme = theme
        self.room = room
        self.day = day
        self.start = start
        self.end = end
        self.delegations = delegations
    }
}
