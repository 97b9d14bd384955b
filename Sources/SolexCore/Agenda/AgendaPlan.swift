import Foundation

/// A valid `AgendaInput` with everything the scheduler, the editor and the writers derive from it: the slots, when
/// each delegation can meet, which tables sessions take, and the upper bound on the meetings that can be scheduled.
/// Made by `AgendaInput.plan(countries:)`.
public struct AgendaPlan: Sendable {
    /// The input, with country codes in upper case.
    public let input: AgendaInput
    /// The workshop's time zone.
    public let timeZone: TimeZone
    /// Every slot, in time order.
    public let slots: [Slot]
    /// Every day, with its slots.
    public let days: [AgendaDay]
    /// The delegations, sorted by country code.
    public let delegations: [Delegation]
    /// The most meetings any schedule can hold (see `docs/agenda.md`).
    public private(set) var upperBound = 0

    /// The derived tables the scheduler reads, shared by reference.
    let index: PlanIndex

    init(input: AgendaInput, timeZone: TimeZone, slots: [Slot], days: [AgendaDay]) {
        self.input = input
        self.timeZone = timeZone
        self.slots = slots
        self.days = days
        delegations = input.delegations.sorted { $0.country < $1.country }
        index = PlanIndex(input: input, clock: WorkshopClock(timeZone: timeZone), slots: slots, days: days, delegations: delegations)
        upperBound = AgendaUpperBound.compute(self)
    }

    /// The order in which requests are considered: higher priority first, then by id.
    static func precedes(_ lhs: MeetingRequest, _ rhs: MeetingRequest) -> Bool {
        lhs.priority != rhs.priority ? lhs.priority > rhs.priority : lhs.id < rhs.id
    }

    /// The workshop.
    public var workshop: Workshop { input.workshop }

    /// The request with this id.
    public func request(_ id: String) -> MeetingRequest? { index.requestIndex[id].map { input.requests[$0] } }

    /// The delegation of this country.
    public func delegation(_ country: String) -> Delegation? { index.delegationIndex[country].map { delegations[$0] } }

    /// The table with this id.
    public func table(_ id: String) -> MeetingTable? { index.tableIndex[id].map { workshop.tables[$0] } }

    /// Whether the delegation is inside one of its availability windows at the slot.
    public func isAvailable(_ country: String, slot: Int) -> Bool {
        guard let d = index.delegationIndex[country], slots.indices.contains(slot) else { return false }
        return index.available[d * slots.count + slot]
    }

    /// The thematic session the delegation attends at the slot, if any.
    public func session(of country: String, at slot: Int) -> ThematicSession? {
        guard let d = index.delegationIndex[country], slots.indices.contains(slot) else { return nil }
        let session = index.sessionAt[d * slots.count + slot]
        return session < 0 ? nil : workshop.sessions[session]
    }

    /// The thematic session held at the table at the slot, if any.
    public func session(atTable table: String, slot: Int) -> ThematicSession? {
        guard let t = index.tableIndex[table], slots.indices.contains(slot) else { return nil }
        let session = index.tableSession[t * slots.count + slot]
        return session < 0 ? nil : workshop.sessions[session]
    }
}

extension AgendaInput {
    /// Checks every value and derives the plan, or returns every problem found, each naming its field path
    /// (e.g. `tables[2].capacity: must be at least 1`, `requests[5].champion: no delegation 'XYZ'`).
    /// With `countries`, delegation codes must be among them.
    public func plan(countries: Set<String>? = nil) -> Result<AgendaPlan, ValidationFailure> {
        var validator = AgendaValidator(self, countries: countries)
        validator.checkWorkshop()
        validator.checkDelegations()
        validator.checkSessions()
        var slots: [Slot]?, days: [AgendaDay] = []
        if validator.workshopUsable, let zone = validator.timeZone {
            let derived = WorkshopClock(timeZone: zone).slots(days: validator.days, breaks: validator.breaks,
                                                              slotMinutes: workshop.slotMinutes)
            for day in derived.1 where day.slots.isEmpty {
                validator.fail("days[\(day.index)]", "agenda.reason.no_room", ["minutes": String(workshop.slotMinutes)],
                              english: "has no room for a slot of \(workshop.slotMinutes) minutes once the breaks are taken out")
            }
            (slots, days) = derived
        }
        validator.checkRequests(slots: slots)
        guard validator.errors.isEmpty, let slots, let zone = validator.timeZone else {
            return .failure(ValidationFailure(validator.errors))
        }
        return .success(AgendaPlan(input: validator.input, timeZone: zone, slots: slots, days: days))
    }
}
