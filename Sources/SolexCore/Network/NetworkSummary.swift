import Foundation

/// The network's adoptions summed up: how many are at each stage, serve each SDG goal and are in each region, and the
/// median improvement of each kind of indicator.
public struct NetworkSummary: Sendable {
    /// What the summary needs of one adoption.
    public struct Item: Sendable {
        /// The stage key (`not_started` before any stage).
        public var stage: String
        /// The SDG goals of the pair's targets, each once.
        public var goals: [Int]
        /// The UN M49 region code of the adopting country (the need's country); nil if it has none.
        public var region: Int?
        /// Each indicator's kind and improvement (nil without a measurement or with a zero baseline).
        public var indicators: [(kind: IndicatorKind, improvement: Double?)]

        public init(stage: String, goals: [Int], region: Int?, indicators: [(kind: IndicatorKind, improvement: Double?)]) {
            self.stage = stage
            self.goals = goals
            self.region = region
            self.indicators = indicators
        }

    }

    /// One kind of indicator: how many indicators, how many of them measured, and their median improvement.
    public struct KindRow: Sendable, Hashable {
        public var kind: IndicatorKind
        public var indicators: Int
        public var measured: Int
        public var medianImprovement: Double?
    }

    public var total: Int
    /// Every stage key in order (`not_started` first), with its count (zeros included).
    public var byStage: [(key: String, count: Int)]
    /// Goals with at least one adoption, by goal number.
    public var byGoal: [(goal: Int, count: Int)]
    /// Regions with at least one adoption, by region code (nil region last).
    public var byRegion: [(region: Int?, count: Int)]
    /// Kinds with at least one indicator, in the kinds' order.
    public var byKind: [KindRow]

    public init(_ items: [Item]) {
        total = items.count
        let stageKeys = [AdoptionStage.notStartedKey] + AdoptionStage.allCases.map(\.rawValue)
        byStage = stageKeys.map { key in (key, items.filter { $0.stage == key }.count) }
        var goals: [Int: Int] = [:], regions: [Int?: Int] = [:]
        for item in items {
            for goal in Set(item.goals) { goals[goal, default: 0] += 1 }
            regions[item.region, default: 0] += 1
        }
        byGoal = goals.keys.sorted().map { ($0, goals[$0] ?? 0) }
        byRegion = regions.keys.sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }.map { ($0, regions[$0] ?? 0) }
        let indicators = items.flatMap(\.indicators)
        byKind = IndicatorKind.allCases.compactMap { kind in
            let ofKind = indicators.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            let improvements = ofKind.compactMap(\.improvement)
            return KindRow(kind: kind, indicators: ofKind.count, measured: improvements.count, medianImprovement: Statistics.median(improvements))
        }
    }

}
