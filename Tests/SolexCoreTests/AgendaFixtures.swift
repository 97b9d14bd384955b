import Foundation
import SolexCore

/// Small agenda inputs built in code, the fixture folder, and a check of every hard constraint that shares no
/// code with the scheduler.
enum AgendaFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/agenda")

    /// A workshop on 2024-03-04 (and more days) from 09:00 to `end`, 30-minute slots, `tables` tables of 6.
    static func workshop(days: Int = 1, end: String = "11:00", tables: Int = 2, breaks: [TimeRange] = [],
                         sessions: [ThematicSession] = [], timeZone: String = "Asia/Dhaka") -> Workshop {
        Workshop(id: "test-workshop", name: "Test workshop", venue: "Dhaka", timeZone: timeZone,
                 days: (0..<days).map { WorkshopDay(date: "2024-03-0\($0 + 4)", windows: [TimeRange(start: "09:00", end: end)]) },
                 slotMinutes: 30, breaks: breaks,
                 tables: (1...max(tables, 1)).map { MeetingTable(id: "T\($0)", name: "Table \($0)", capacity: 6) }, sessions: sessions)
    }

    /// Delegations of one person each, always available.
    static func delegations(_ codes: [String]) -> [Delegation] {
        codes.map { Delegation(country: $0, people: [DelegationMember(name: "\($0) head")]) }
    }

    /// A request `id` between two delegations ("REQ-CHA").
    static func request(_ id: String, _ pair: String, priority: Double = 1, pin: MeetingPin? = nil) -> MeetingRequest {
        let codes = pair.split(separator: "-").map(String.init)
        return MeetingRequest(id: id, need: "NEED-\(codes[0])-001", innovation: "INN-\(codes[1])-001", requester: codes[0],
                              champion: codes[1], priority: priority, pin: pin)
    }

    static func plan(_ input: AgendaInput) throws -> AgendaPlan { try input.plan().get() }

    static func read(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    static func input(_ name: String) throws -> AgendaInput { try AgendaInput.decode(read(name)).get() }

    static func labels() throws -> AgendaLabels { try JSONDecoder().decode(AgendaLabels.self, from: read("labels.json")) }
}

/// Checks a schedule against the raw input, with its own reading of windows, sessions and availability (through
/// Calendar), not the plan's tables. Meetings are added one at a time, so a brute-force search can use it too.
struct AgendaChecker {
    let plan: AgendaPlan
    let calendar: Calendar
    let delegations: [String: Delegation]
    /// Each session's start and end, and each delegation's availability windows, as instants.
    var sessionTimes: [(Date, Date)] = [], windows: [String: [(Date, Date)]] = [:]
    var tableUse = Set<String>(), delegationUse = Set<String>(), daily: [String: Int] = [:], seen = Set<String>()

    init(_ plan: AgendaPlan) {
        self.plan = plan
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: plan.input.workshop.timeZone)!
        self.calendar = calendar
        delegations = Dictionary(uniqueKeysWithValues: plan.input.delegations.map { ($0.country, $0) })
        sessionTimes = plan.input.workshop.sessions.map { (instant($0.day, $0.start, end: false), instant($0.day, $0.end, end: true)) }
        for delegation in plan.input.delegations {
            windows[delegation.country] = delegation.availability.map { (instant($0.day, $0.start, end: false), instant($0.day, $0.end, end: true)) }
        }
    }

    func instant(_ day: String, _ time: String?, end: Bool) -> Date {
        let date = day.split(separator: "-").map { Int($0)! }
        let clock = (time ?? (end ? "24:00" : "00:00")).split(separator: ":").map { Int($0)! }
        var parts = DateComponents(year: date[0], month: date[1], day: date[2], hour: clock[0], minute: clock[1])
        if clock[0] == 24 { parts.hour = 0; parts.day = date[2] + 1 }
        return calendar.date(from: parts)!
    }

    /// Adds a meeting and returns every hard constraint it breaks.
    mutating func add(_ assignment: Assignment) -> [String] {
        let input = plan.input
        guard let request = input.requests.first(where: { $0.id == assignment.request }),
              let table = input.workshop.tables.first(where: { $0.id == assignment.table }) else { return ["\(assignment.request): unknown request or table"] }
        var problems: [String] = []
        let slot = plan.slots[assignment.slot]
        if !seen.insert(request.id).inserted { problems.append("\(request.id) scheduled twice") }
        if !tableUse.insert("\(table.id)@\(slot.index)").inserted { problems.append("\(table.id) double-booked at \(slot.label)") }
        let people = [request.requester, request.champion].map { max(1, delegations[$0]!.people.count) }.reduce(0, +)
        if table.capacity < people { problems.append("\(request.id): \(table.id) too small") }
        for (session, (from, to)) in zip(input.workshop.sessions, sessionTimes) {
            let overlaps = slot.startDate < to && from < slot.endDate
            if overlaps && session.room == table.id { problems.append("\(request.id): \(table.id) holds \(session.id)") }
            for code in [request.requester, request.champion] where overlaps && session.delegations.contains(code) {
                problems.append("\(request.id): \(code) is in session \(session.id)")
            }
        }
        for code in [request.requester, request.champion] {
            if !delegationUse.insert("\(code)@\(slot.index)").inserted { problems.append("\(code) double-booked at \(slot.label)") }
            let windows = self.windows[code]!
            if !windows.isEmpty && !windows.contains(where: { $0.0 <= slot.startDate && slot.endDate <= $0.1 }) {
                problems.append("\(request.id): \(code) not available at \(slot.label)")
            }
            daily["\(code)@\(slot.date)", default: 0] += 1
            if let limit = input.settings.maxMeetingsPerDelegationPerDay, daily["\(code)@\(slot.date)"]! > limit {
                problems.append("\(code) has more than \(limit) meetings on \(slot.date)")
            }
        }
        if let pin = request.pin {
            let pinned = pin.slot ?? plan.slots.firstIndex { $0.date == pin.day && $0.start == pin.start }!
            if pinned != slot.index || (pin.table.map { $0 != table.id } ?? false) { problems.append("\(request.id) not at its pin") }
        }
        return problems
    }
}

enum AgendaChecks {
    /// Every broken hard constraint of a schedule, and any error in its bookkeeping, as sentences.
    static func violations(_ plan: AgendaPlan, _ schedule: Schedule) -> [String] {
        var checker = AgendaChecker(plan), problems: [String] = []
        for assignment in schedule.assignments { problems += checker.add(assignment) }
        let left = Set(schedule.leftOut.map(\.request))
        if left.count != schedule.leftOut.count || !left.isDisjoint(with: checker.seen) || left.count + checker.seen.count != plan.input.requests.count {
            problems.append("every request must be either scheduled or left out, once")
        }
        if schedule.scheduledCount != schedule.assignments.count || schedule.scheduledCount > schedule.upperBound {
            problems.append("count \(schedule.scheduledCount) above the bound \(schedule.upperBound) or wrong")
        }
        return problems
    }

    /// The most meetings any valid schedule holds, by trying every choice (for tiny inputs only).
    static func bruteForceMaximum(_ plan: AgendaPlan) -> Int {
        let requests = plan.input.requests.map(\.id), tables = plan.input.workshop.tables.map(\.id)
        func search(_ index: Int, _ checker: AgendaChecker, _ count: Int, _ best: inout Int) {
            if count + (requests.count - index) <= best { return }
            guard index < requests.count else { best = max(best, count); return }
            for slot in plan.slots.indices {
                for table in tables {
                    var next = checker
                    if next.add(Assignment(request: requests[index], slot: slot, table: table)).isEmpty { search(index + 1, next, count + 1, &best) }
                }
            }
            search(index + 1, checker, count, &best)
        }
        var best = 0
        search(0, AgendaChecker(plan), 0, &best)
        return best
    }
}
