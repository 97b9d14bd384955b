import Foundation

/// Supply and demand per SDG goal and target: published innovations are the supply, open needs the demand, and the
/// gap is demand − supply (positive: needs no innovation answers yet; negative: innovations no need asks for).
/// An entry counts once for each target it names, and once for a goal however many of its targets it names.
public struct SDGMap: Sendable, Hashable {
    /// An entry as the map counts it.
    public struct Entry: Sendable, Hashable {
        public enum Side: String, Sendable, Hashable { case supply, demand }
        public var side: Side
        public var ref: String
        public var title: String
        public var country: String
        /// The UN M49 region and sub-region codes of the country.
        public var regionCodes: [Int]
        public var themes: [String]
        public var targets: [String]

        public init(side: Side, ref: String, title: String, country: String, regionCodes: [Int], themes: [String], targets: [String]) {
            self.side = side
            self.ref = ref
            self.title = title
            self.country = country
            self.regionCodes = regionCodes
            self.themes = themes
            self.targets = targets
        }
    }

    /// Which entries count.
    public struct Filter: Sendable, Hashable {
        /// A UN M49 region or sub-region code: only entries of countries in it.
        public var region: Int?
        /// A theme slug: only entries with that theme.
        public var theme: String?

        public init(region: Int? = nil, theme: String? = nil) {
            self.region = region
            self.theme = theme
        }

        func keeps(_ entry: Entry, ignoringRegion: Bool = false) -> Bool {
            if let theme, !entry.themes.contains(theme) { return false }
            if !ignoringRegion, let region, !entry.regionCodes.contains(region) { return false }
            return true
        }
    }

    /// Supply, demand and the gap of one cell, goal or target, with the refs counted (sorted).
    public struct Count: Sendable, Hashable {
        public var supplyRefs: [String] = []
        public var demandRefs: [String] = []
        public var supply: Int { supplyRefs.count }
        public var demand: Int { demandRefs.count }
        /// demand − supply.
        public var gap: Int { demand - supply }

        mutating func add(_ entry: Entry) {
            if entry.side == .supply { supplyRefs.append(entry.ref) } else { demandRefs.append(entry.ref) }
        }

        mutating func sort() {
            supplyRefs.sort()
            demandRefs.sort()
        }
    }

    public struct TargetRow: Sendable, Hashable {
        public var id: String
        public var count: Count
    }

    public struct GoalRow: Sendable, Hashable {
        public var goal: Int
        public var count: Count
        /// Every target of the goal, in reference order, with zero counts included.
        public var targets: [TargetRow]
    }

    /// The filter applied.
    public var filter: Filter
    /// The 17 goals in order.
    public var goals: [GoalRow]
    /// The region codes of the heat map's columns, in the order given.
    public var regions: [Int]
    /// Heat map cells by goal then region (`cells[goalIndex][regionIndex]`): the theme filter applies, the region
    /// filter does not (the regions are the columns).
    public var cells: [[Count]]
    /// Totals over every goal: distinct entries naming at least one target.
    public var total: Count

    /// Counts `entries` for `goals` (numbers) and `targets` (id and goal, in reference order) under `filter`, with a heat
    /// map over `regions`.
    public init(entries: [Entry], goals: [Int], targets: [(id: String, goal: Int)], regions: [Int], filter: Filter) {
        self.filter = filter
        self.regions = regions
        let kept = entries.filter { filter.keeps($0) }
        var byTarget: [String: Count] = [:]
        var byGoal: [Int: Count] = [:]
        var total = Count()
        for entry in kept {
            let named = Set(entry.targets)
            for target in named { byTarget[target, default: Count()].add(entry) }
            let entryGoals = Set(named.compactMap { Self.goal(of: $0) })
            for goal in entryGoals { byGoal[goal, default: Count()].add(entry) }
            if !entryGoals.isEmpty { total.add(entry) }
        }
        total.sort()
        self.total = total
        self.goals = goals.map { goal in
            var count = byGoal[goal] ?? Count()
            count.sort()
            let rows = targets.filter { $0.goal == goal }.map { target -> TargetRow in
                var count = byTarget[target.id] ?? Count()
                count.sort()
                return TargetRow(id: target.id, count: count)
            }
            return GoalRow(goal: goal, count: count, targets: rows)
        }
        let themed = entries.filter { filter.keeps($0, ignoringRegion: true) }
        self.cells = goals.map { goal in
            regions.map { region in
                var count = Count()
                for entry in themed where entry.regionCodes.contains(region) && entry.targets.contains(where: { Self.goal(of: $0) == goal }) {
                    count.add(entry)
                }
                count.sort()
                return count
            }
        }
    }

    /// The goal of a target id such as "16.9" or "1.a".
    public static func goal(of target: String) -> Int? {
        target.split(separator: ".").first.flatMap { Int($0) }
    }

    /// The row of `goal`, if it is one of the map's goals.
    public func row(_ goal: Int) -> GoalRow? { goals.first { $0.goal == goal } }
}
