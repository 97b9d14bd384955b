import Foundation

/// The names the exports show next to codes and refs: country names, need and innovation titles, theme labels.
/// The core has no database, so the caller gives them; a missing name shows the code or ref alone. Its JSON form
/// is `{"countries": {...}, "needs": {...}, "innovations": {...}, "themes": {...}}` (each may be left out).
public struct AgendaLabels: Sendable, Hashable, Codable {
    /// Country names by alpha-3 code.
    public var countries: [String: String]
    /// Need titles by ref.
    public var needs: [String: String]
    /// Innovation titles by ref.
    public var innovations: [String: String]
    /// Theme labels by slug.
    public var themes: [String: String]

    /// Creates labels.
    public init(countries: [String: String] = [:], needs: [String: String] = [:], innovations: [String: String] = [:],
                themes: [String: String] = [:]) {
        self.countries = countries
        self.needs = needs
        self.innovations = innovations
        self.themes = themes
    }

    /// Reads labels; every member may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        countries = try container.decodeIfPresent([String: String].self, forKey: .countries) ?? [:]
        needs = try container.decodeIfPresent([String: String].self, forKey: .needs) ?? [:]
        innovations = try container.decodeIfPresent([String: String].self, forKey: .innovations) ?? [:]
        themes = try container.decodeIfPresent([String: String].self, forKey: .themes) ?? [:]
    }

    enum CodingKeys: String, CodingKey {
        case countries, needs, innovations, themes
    }

    /// Labels with the English country names and theme labels of the reference data.
    public init(reference: ReferenceData, needs: [String: String] = [:], innovations: [String: String] = [:]) {
        self.init(countries: Dictionary(reference.countries.map { ($0.alpha3, $0.name.en) }, uniquingKeysWith: { first, _ in first }),
                  needs: needs, innovations: innovations,
                  themes: Dictionary(reference.themes.map { ($0.slug, $0.label.en) }, uniquingKeysWith: { first, _ in first }))
    }

    /// These labels with the country names and theme labels of the reference data in `language` ("en", "fr",
    /// "es"); codes the reference data does not know keep their label.
    public func localized(_ reference: ReferenceData, language: String) -> AgendaLabels {
        var labels = self
        for country in reference.countries where labels.countries[country.alpha3] != nil {
            labels.countries[country.alpha3] = country.name.text(in: language)
        }
        for theme in reference.themes where labels.themes[theme.slug] != nil { labels.themes[theme.slug] = theme.label.text(in: language) }
        return labels
    }

    /// A delegation as people read it: `Bangladesh (BGD)`, or the code alone.
    public func delegation(_ code: String) -> String { countries[code].map { "\($0) (\(code))" } ?? code }

    /// A need as people read it: `NEED-BTN-001 – title`, or the ref alone.
    public func need(_ ref: String) -> String { needs[ref].map { "\(ref) – \($0)" } ?? ref }

    /// An innovation as people read it: `INN-BGD-002 – title`, or the ref alone.
    public func innovation(_ ref: String) -> String { innovations[ref].map { "\(ref) – \($0)" } ?? ref }

    /// An innovation's title, or its ref.
    public func innovationTitle(_ ref: String) -> String { innovations[ref] ?? ref }

    /// A theme's label, or the text as given.
    public func theme(_ slug: String) -> String { themes[slug] ?? slug }
}

/// What an export shows: the scheduled meetings and the thematic sessions, for the whole workshop or one
/// delegation, in time order.
struct AgendaExport {
    struct Meeting {
        let request: MeetingRequest
        let slot: Slot
        let table: MeetingTable
        /// A positive number that stays the same while the requests do: the request's position by id, from 1.
        let number: Int
        let uid: String
    }

    struct Session {
        let session: ThematicSession
        let start: Date
        let end: Date
        let number: Int
        let uid: String
    }

    let plan: AgendaPlan
    let meetings: [Meeting]
    let sessions: [Session]

    init(plan: AgendaPlan, schedule: Schedule, delegation: String?) {
        self.plan = plan
        let workshop = plan.workshop, requests = plan.input.requests
        let numbers = Dictionary(uniqueKeysWithValues: requests.map(\.id).sorted().enumerated().map { ($1, $0 + 1) })
        meetings = schedule.assignments.compactMap { assignment in
            guard let request = plan.request(assignment.request), plan.slots.indices.contains(assignment.slot),
                  let table = plan.table(assignment.table), delegation.map(request.involves) ?? true else { return nil }
            return Meeting(request: request, slot: plan.slots[assignment.slot], table: table, number: numbers[request.id] ?? 1,
                           uid: StableUUID.agenda(workshop.id, "meeting", request.id))
        }.sorted { ($0.slot.index, plan.index.tableIndex[$0.table.id] ?? 0) < ($1.slot.index, plan.index.tableIndex[$1.table.id] ?? 0) }
        let clock = WorkshopClock(timeZone: plan.timeZone)
        let sessionNumbers = Dictionary(uniqueKeysWithValues: workshop.sessions.map(\.id).sorted().enumerated().map { ($1, requests.count + $0 + 1) })
        sessions = workshop.sessions.compactMap { session in
            guard delegation.map(session.delegations.contains) ?? true, let date = LocalDate(session.day),
                  let start = LocalTime(session.start), let end = LocalTime(session.end) else { return nil }
            return Session(session: session, start: clock.instant(date, start.minutes), end: clock.instant(date, end.minutes),
                           number: sessionNumbers[session.id] ?? 1, uid: StableUUID.agenda(workshop.id, "session", session.id))
        }.sorted { ($0.start, $0.session.id) < ($1.start, $1.session.id) }
    }

    /// A delegation with its agency: `Bangladesh (BGD), a2i Programme`.
    func delegation(_ code: String, _ labels: AgendaLabels) -> String {
        labels.delegation(code) + (plan.delegation(code)?.agency.map { ", " + $0 } ?? "")
    }

    /// The people of a delegation: `Name (role); Name`.
    func people(_ code: String) -> String {
        (plan.delegation(code)?.people ?? []).map { person in person.role.map { "\(person.name) (\($0))" } ?? person.name }
            .joined(separator: "; ")
    }
}
