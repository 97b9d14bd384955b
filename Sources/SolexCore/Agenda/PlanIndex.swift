import Foundation

/// What the scheduler reads of a plan, derived once and shared by reference (so reading it never copies the plan):
/// per request the delegations, seats and pin; per delegation and slot whether it is available and which session
/// it attends; per table and slot the session held there; and the order of the requests.
final class PlanIndex: Sendable {
    let slotCount: Int
    let delegationIndex: [String: Int]
    let tableIndex: [String: Int]
    let requestIndex: [String: Int]
    /// Per request: the delegation indices, the seats needed, the priority, the pinned slot and table (-1 for none).
    let requester: [Int], champion: [Int], seats: [Int], priority: [Double], pinSlot: [Int], pinTable: [Int]
    /// Request indices by priority (highest first), then id; and each request's position in that order.
    let order: [Int], rank: [Int]
    /// Per delegation: its request indices, in `order`.
    let requestsOf: [[Int]]
    /// Per delegation and slot (`d * slotCount + s`): inside an availability window; the session held (-1 for none);
    /// free (available and in no session).
    let available: [Bool], sessionAt: [Int], free: [Bool]
    /// Per table and slot (`t * slotCount + s`): the session held in that table (-1 for none).
    let tableSession: [Int]
    /// Per slot: its day's index. Per day: its slots.
    let slotDay: [Int], dayRange: [Range<Int>]
    /// Per delegation, the number of slots before each slot where it is free (`d * (slotCount + 1) + s`).
    let freePrefix: [Int]
    /// Table capacities, and table indices from the smallest capacity, then in workshop order.
    let capacity: [Int], tablesBySize: [Int]
    /// The daily limit (Int.max for none).
    let maxPerDay: Int

    init(input: AgendaInput, clock: WorkshopClock, slots: [Slot], days: [AgendaDay], delegations: [Delegation]) {
        let workshop = input.workshop, slotCount = slots.count, requests = input.requests
        self.slotCount = slotCount
        let codes = Dictionary(uniqueKeysWithValues: delegations.enumerated().map { ($1.country, $0) })
        delegationIndex = codes
        let tables = Dictionary(uniqueKeysWithValues: workshop.tables.enumerated().map { ($1.id, $0) })
        tableIndex = tables
        requestIndex = Dictionary(uniqueKeysWithValues: requests.enumerated().map { ($1.id, $0) })
        maxPerDay = input.settings.maxMeetingsPerDelegationPerDay ?? Int.max
        capacity = workshop.tables.map(\.capacity)
        tablesBySize = workshop.tables.indices.sorted { (workshop.tables[$0].capacity, $0) < (workshop.tables[$1].capacity, $1) }
        slotDay = slots.map(\.day)
        dayRange = days.map(\.slots)

        var available = [Bool](repeating: true, count: delegations.count * slotCount)
        var sessionAt = [Int](repeating: -1, count: delegations.count * slotCount)
        for (d, delegation) in delegations.enumerated() where !delegation.availability.isEmpty {
            let windows = delegation.availability.compactMap { window -> (Date, Date)? in
                guard let date = LocalDate(window.day) else { return nil }
                return (clock.instant(date, window.start.flatMap(LocalTime.init)?.minutes ?? 0),
                        clock.instant(date, window.end.flatMap(LocalTime.init)?.minutes ?? 1440))
            }
            for slot in slots {
                available[d * slotCount + slot.index] = windows.contains { $0.0 <= slot.startDate && slot.endDate <= $0.1 }
            }
        }
        var tableSession = [Int](repeating: -1, count: workshop.tables.count * slotCount)
        for (index, session) in workshop.sessions.enumerated() {
            guard let date = LocalDate(session.day), let start = LocalTime(session.start), let end = LocalTime(session.end) else { continue }
            let from = clock.instant(date, start.minutes), to = clock.instant(date, end.minutes)
            for slot in slots where slot.startDate < to && from < slot.endDate {
                for code in session.delegations {
                    if let d = codes[code], sessionAt[d * slotCount + slot.index] < 0 { sessionAt[d * slotCount + slot.index] = index }
                }
                if let t = tables[session.room], tableSession[t * slotCount + slot.index] < 0 { tableSession[t * slotCount + slot.index] = index }
            }
        }
        let free = zip(available, sessionAt).map { $0 && $1 < 0 }
        var freePrefix = [Int](repeating: 0, count: delegations.count * (slotCount + 1))
        for d in delegations.indices {
            for s in 0..<slotCount {
                freePrefix[d * (slotCount + 1) + s + 1] = freePrefix[d * (slotCount + 1) + s] + (free[d * slotCount + s] ? 1 : 0)
            }
        }
        self.available = available
        self.sessionAt = sessionAt
        self.free = free
        self.tableSession = tableSession
        self.freePrefix = freePrefix

        let seatsOf = delegations.map(\.seats)
        requester = requests.map { codes[$0.requester] ?? 0 }
        champion = requests.map { codes[$0.champion] ?? 0 }
        seats = requests.map { seatsOf[codes[$0.requester] ?? 0] + seatsOf[codes[$0.champion] ?? 0] }
        priority = requests.map(\.priority)
        pinSlot = requests.map { request in request.pin.flatMap { AgendaValidator.slot(of: $0, in: slots) } ?? -1 }
        pinTable = requests.map { request in request.pin?.table.flatMap { tables[$0] } ?? -1 }
        let order = requests.indices.sorted { AgendaPlan.precedes(requests[$0], requests[$1]) }
        self.order = order
        var rank = [Int](repeating: 0, count: requests.count)
        for (position, r) in order.enumerated() { rank[r] = position }
        self.rank = rank
        var requestsOf = [[Int]](repeating: [], count: delegations.count)
        for r in order {
            requestsOf[requester[r]].append(r)
            requestsOf[champion[r]].append(r)
        }
        self.requestsOf = requestsOf
    }

    /// Whether delegation `d` can meet at slot `s`: available and in no session.
    func isFree(_ d: Int, _ s: Int) -> Bool { free[d * slotCount + s] }

    /// Whether request `lhs` is considered before `rhs` (higher priority, then lower id).
    func precedes(_ lhs: Int, _ rhs: Int) -> Bool { rank[lhs] < rank[rhs] }
}
