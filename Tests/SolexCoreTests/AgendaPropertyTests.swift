import Foundation
import SolexCore
import Testing

/// Random but valid agenda inputs: 1 to 3 days (some across a clock change), windows and breaks, 1 to 5 tables,
/// delegations with partial availability, sessions (some in a table), requests with tied priorities, random pins
/// (some conflicting) and daily limits.
enum AgendaRandomInput {
    static let zones = ["Asia/Dhaka", "Asia/Kathmandu", "Europe/Berlin", "America/New_York", "UTC", "Australia/Lord_Howe"]
    static let starts = ["2024-03-04", "2024-03-30", "2024-10-26", "2024-11-02", "2024-04-06"]
    static let codes = ["BGD", "NPL", "BTN", "LKA", "BEN", "MDV", "PHL", "KHM", "THA", "VNM", "KEN", "SEN"]

    static func make(seed: UInt64, tiny: Bool = false) -> AgendaInput {
        var random = AgendaRandom(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[random.int(0...(items.count - 1))] }
        func time(_ minutes: Int) -> String { LocalTime(minutes: minutes).description }
        var date = LocalDate(pick(starts))!
        var days: [WorkshopDay] = []
        for _ in 0..<(tiny ? 1 : random.int(1...3)) {
            let start = random.int(0...1) == 0 ? 60 * random.int(0...3) : 60 * random.int(8...10)
            var windows = [TimeRange(start: time(start), end: time(start + 60 * random.int(1...3)))]
            if random.int(0...2) == 0 { windows.append(TimeRange(start: time(start + 240), end: time(start + 240 + 30 * random.int(2...6)))) }
            days.append(WorkshopDay(date: date.description, windows: windows))
            date = LocalDate(Self.nextDay(date.description))!
        }
        let slotMinutes = tiny ? 60 : pick([20, 30, 45, 60])
        let cut = 60 * random.int(0...11) + 30
        let breaks = random.int(0...2) == 0 ? [TimeRange(start: time(cut), end: time(cut + 30))] : []
        let tables = (1...(tiny ? random.int(1...2) : random.int(1...5))).map { MeetingTable(id: "T\($0)", name: "Table \($0)", capacity: random.int(2...7)) }
        let chosen = Array(codes.prefix(tiny ? random.int(2...4) : random.int(3...12)))
        var delegations = chosen.map { code in
            Delegation(country: code, people: (0..<random.int(0...3)).map { DelegationMember(name: "\(code) \($0)") })
        }
        for index in delegations.indices where random.int(0...3) == 0 {
            let day = pick(days).date
            delegations[index].availability = [AvailabilityWindow(day: day, start: random.int(0...1) == 0 ? nil : time(60 * random.int(0...10)))]
        }
        let sessions = (0..<(tiny ? 0 : random.int(0...2))).map { index in
            let start = 60 * random.int(0...10)
            return ThematicSession(id: "S\(index)", title: "Session \(index)", theme: "health", room: random.int(0...1) == 0 ? "T1" : "Hall",
                                   day: pick(days).date, start: time(start), end: time(start + 30 * random.int(1...4)),
                                   delegations: random.sample(chosen, random.int(0...min(3, chosen.count))))
        }
        let workshop = Workshop(id: "random-\(seed)", name: "Random", venue: "Venue", timeZone: pick(zones), days: days,
                                slotMinutes: slotMinutes, breaks: breaks, tables: tables, sessions: sessions)
        let slotCount = (try? AgendaInput(workshop: workshop, delegations: delegations).plan().get().slots.count) ?? 0
        let requests = (0..<(tiny ? random.int(1...5) : random.int(0...40))).map { index -> MeetingRequest in
            let pair = random.sample(chosen, 2)
            var request = MeetingRequest(id: "R\(index)", need: "N\(index)", innovation: "I\(index)", requester: pair[0], champion: pair[1],
                                         priority: Double(random.int(0...4)) / 4)
            if slotCount > 0 && random.int(0...9) == 0 {
                request.pin = MeetingPin(slot: random.int(0...(slotCount - 1)), table: random.int(0...1) == 0 ? nil : pick(tables).id)
            }
            return request
        }
        return AgendaInput(workshop: workshop, delegations: delegations, requests: requests,
                           settings: AgendaSettings(maxMeetingsPerDelegationPerDay: random.int(0...2) == 0 ? nil : random.int(1...4)))
    }

    static func nextDay(_ text: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = text.split(separator: "-").map { Int($0)! }
        let next = calendar.date(byAdding: .day, value: 1, to: calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!)!
        let c = calendar.dateComponents([.year, .month, .day], from: next)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}

@Suite("Agenda scheduler on random instances")
struct AgendaPropertyTests {
    @Test("No hard constraint is ever broken, the result is stable and within the bound", arguments: 0..<200)
    func randomInstance(seed: Int) throws {
        var input = AgendaRandomInput.make(seed: UInt64(seed) &* 7919 &+ 17)
        guard case .success(let plan) = input.plan() else {
            // A random workshop whose windows hold no slot once the breaks are out is rightly refused.
            #expect(input.plan().failureValue?.errors.allSatisfy { $0.reason.hasPrefix("has no room") } == true, "\(input.plan().failureValue?.errors ?? [])")
            return
        }
        let schedule = AgendaScheduler.schedule(plan)
        #expect(AgendaChecks.violations(plan, schedule) == [])
        #expect(AgendaScheduler.schedule(plan) == schedule)
        var random = AgendaRandom(seed: UInt64(seed))
        input.requests = random.sample(input.requests, input.requests.count)
        input.delegations = random.sample(input.delegations, input.delegations.count)
        #expect(AgendaScheduler.schedule(try input.plan().get()) == schedule)
        var checker = AgendaChecker(plan)
        for assignment in schedule.assignments { _ = checker.add(assignment) }
        for left in schedule.leftOut {
            #expect(left.reason != .placeAvailable && !left.explanation.isEmpty)
            for slot in plan.slots.indices where plan.request(left.request)?.pin == nil {
                for table in plan.workshop.tables {
                    var trial = checker
                    #expect(!trial.add(Assignment(request: left.request, slot: slot, table: table.id)).isEmpty,
                            "\(left.request) fits at \(slot) \(table.id): \(left.explanation)")
                }
            }
        }
    }

    @Test("The upper bound is never below the true maximum of a tiny instance", arguments: 0..<60)
    func boundIsValid(seed: Int) throws {
        let input = AgendaRandomInput.make(seed: UInt64(seed) &+ 100_000, tiny: true)
        guard case .success(let plan) = input.plan() else { return }
        let schedule = AgendaScheduler.schedule(plan), best = AgendaChecks.bruteForceMaximum(plan)
        #expect(schedule.upperBound >= best)
        #expect(schedule.scheduledCount <= best)
    }
}
