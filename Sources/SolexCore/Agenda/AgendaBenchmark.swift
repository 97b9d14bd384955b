import Foundation

/// The scheduler's benchmark (for a hidden `solex agenda bench`): a seeded random workshop of 60 delegations and
/// 400 meeting requests over 2 days of 16 slots and 20 tables, with partial availability, two thematic sessions
/// and a daily limit of 8 meetings.
public enum AgendaBenchmark {
    /// What one run measured.
    public struct Result: Sendable, Hashable {
        /// Seconds spent checking the input and deriving the plan (slots, availability, upper bound).
        public var planSeconds: Double
        /// Seconds spent scheduling.
        public var seconds: Double
        /// Requests scheduled.
        public var scheduled: Int
        /// The upper bound on what any schedule can hold.
        public var upperBound: Int
        /// Requests in the instance.
        public var requests: Int
        /// Idle slots in the schedule.
        public var idleSlots: Int
    }

    /// Builds the instance for `seed` and times planning and scheduling it.
    public static func run(seed: UInt64) -> Result {
        let input = instance(seed: seed), clock = ContinuousClock()
        let start = clock.now
        guard case .success(let plan) = input.plan() else { preconditionFailure("the benchmark instance is valid") }
        let planned = clock.now
        let schedule = AgendaScheduler.schedule(plan)
        let done = clock.now
        return Result(planSeconds: seconds(planned - start), seconds: seconds(done - planned), scheduled: schedule.scheduledCount,
                      upperBound: schedule.upperBound, requests: input.requests.count, idleSlots: schedule.idleSlots)
    }

    /// The benchmark instance for a seed (the same on every machine).
    public static func instance(seed: UInt64, delegations count: Int = 60, requests requestCount: Int = 400) -> AgendaInput {
        var random = AgendaRandom(seed: seed)
        let days = ["2024-03-04", "2024-03-05"]
        let windows = [TimeRange(start: "09:00", end: "13:00"), TimeRange(start: "14:00", end: "18:00")]
        let tables = (1...20).map { MeetingTable(id: "T\($0)", name: "Table \($0)", capacity: $0 <= 12 ? 6 : 4) }
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let codes = (0..<count).map { index -> String in
            let high = letters[index / 26 % 26], low = letters[index % 26]
            return "X\(high)\(low)"
        }
        let delegations = codes.map { code -> Delegation in
            let people = (0..<random.int(1...3)).map { DelegationMember(name: "\(code) member \($0 + 1)") }
            let availability: [AvailabilityWindow] = switch random.int(0...19) {
            case 0...2: [AvailabilityWindow(day: days[0], start: "14:00"), AvailabilityWindow(day: days[1])]
            case 3...5: [AvailabilityWindow(day: days[0]), AvailabilityWindow(day: days[1], end: "13:00")]
            default: []
            }
            return Delegation(country: code, people: people, availability: availability)
        }
        let sessions = [("S1", days[0], "14:00", "15:00"), ("S2", days[1], "09:00", "10:00")].map { id, day, start, end in
            ThematicSession(id: id, title: "Session \(id)", theme: "digital-government", room: "Hall", day: day, start: start,
                            end: end, delegations: random.sample(codes, 10).sorted())
        }
        let workshop = Workshop(id: "bench", name: "Benchmark workshop", venue: "Hall", timeZone: "Asia/Dhaka",
                                days: days.map { WorkshopDay(date: $0, windows: windows) }, slotMinutes: 30,
                                tables: tables, sessions: sessions)
        let requests = (0..<requestCount).map { index -> MeetingRequest in
            let requester = random.int(0...(count - 1))
            var champion = random.int(0...(count - 2))
            if champion >= requester { champion += 1 }
            let id = "R" + String(index + 1)
            return MeetingRequest(id: id, need: "NEED-\(codes[requester])-\(index)", innovation: "INN-\(codes[champion])-\(index)",
                                  requester: codes[requester], champion: codes[champion], priority: Double(random.int(30...100)) / 100)
        }
        return AgendaInput(workshop: workshop, delegations: delegations, requests: requests,
                           settings: AgendaSettings(maxMeetingsPerDelegationPerDay: 8))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// SplitMix64: a small seeded generator, the same on every platform.
public struct AgendaRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A whole number in the range, by rejection sampling (no modulo bias, the same on every platform).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        let limit = UInt64.max - UInt64.max % span
        var value = next()
        while value >= limit { value = next() }
        return range.lowerBound + Int(value % span)
    }

    /// `count` distinct elements of `items`, in the order drawn.
    public mutating func sample<T>(_ items: [T], _ count: Int) -> [T] {
        var pool = items, result: [T] = []
        for _ in 0..<min(count, pool.count) { result.append(pool.remove(at: int(0...(pool.count - 1)))) }
        return result
    }
}
