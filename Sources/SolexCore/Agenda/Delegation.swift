import Foundation

/// A country's delegation to a workshop: the country, optionally the agency that champions its innovation, the
/// people who come and when they are there.
public struct Delegation: Sendable, Hashable, Codable {
    /// The country, ISO 3166-1 alpha-3 (e.g. `BGD`); one delegation per country.
    public var country: String
    /// The agency that leads the delegation or champions its innovation, if named.
    public var agency: String?
    /// The people in the delegation; a meeting needs a table that seats everyone of both delegations (an empty list
    /// counts as one person).
    public var people: [DelegationMember]
    /// When the delegation can meet; an empty list means at every slot of the workshop.
    public var availability: [AvailabilityWindow]

    /// Creates a delegation.
    public init(country: String, agency: String? = nil, people: [DelegationMember] = [], availability: [AvailabilityWindow] = []) {
        self.country = country
        self.agency = agency
        self.people = people
        self.availability = availability
    }

    /// Reads a delegation; `agency`, `people` and `availability` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        country = try container.decode(String.self, forKey: .country)
        agency = try container.decodeIfPresent(String.self, forKey: .agency)
        people = try container.decodeIfPresent([DelegationMember].self, forKey: .people) ?? []
        availability = try container.decodeIfPresent([AvailabilityWindow].self, forKey: .availability) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case country, agency, people, availability
    }

    /// How many seats the delegation needs at a table.
    public var seats: Int { max(1, people.count) }
}

/// A member of a delegation.
public struct DelegationMember: Sendable, Hashable, Codable {
    /// The person's name.
    public var name: String
    /// Their role or title, if given.
    public var role: String?

    /// Creates a member.
    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }
}

/// A time when a delegation can meet: one workshop day, from `start` (default: the start of the day) to `end`
/// (default: the end of the day). A slot is available if it lies wholly inside one window.
public struct AvailabilityWindow: Sendable, Hashable, Codable {
    /// The date, `YYYY-MM-DD`; one of the workshop's days.
    public var day: String
    /// The local start time, `HH:MM`; nil for the start of the day.
    public var start: String?
    /// The local end time, `HH:MM`; nil for the end of the day.
    public var end: String?

    /// Creates a window.
    public init(day: String, start: String? = nil, end: String? = nil) {
        self.day = day
        self.start = start
        self.end = end
    }
}
