import Foundation

/// What an adoption indicator measures, so that indicators of different adoptions can be compared.
public enum IndicatorKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Time a citizen spends to get the service (days, hours).
    case time
    /// Cost to the citizen of the service.
    case cost
    /// Visits to an office needed for the service.
    case visits
    /// People or places reached.
    case coverage
    /// Users satisfied (per cent).
    case satisfaction
    case other

    /// How people read the kind.
    public var label: String {
        switch self {
        case .time: "Time per service"
        case .cost: "Cost per service"
        case .visits: "Visits per service"
        case .coverage: "Coverage"
        case .satisfaction: "Satisfaction"
        case .other: "Other"
        }
    }
}

/// One dated value of an indicator.
public struct IndicatorMeasurement: Sendable, Hashable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var value: Double

    public init(date: String, value: Double) {
        self.date = date
        self.value = value
    }
}

/// The arithmetic of an indicator: baseline, target and measurements give the latest value, the progress toward the
/// target and the improvement over the baseline. Works the same for increases (target above baseline) and
/// reductions (target below baseline).
public struct IndicatorProgress: Sendable, Hashable {
    public var baseline: Double
    public var target: Double
    /// Sorted by date, then by the order given (the last of a day is the latest).
    public var measurements: [IndicatorMeasurement]

    public init(baseline: Double, target: Double, measurements: [IndicatorMeasurement]) {
        self.baseline = baseline
        self.target = target
        self.measurements = measurements.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// The latest measurement, if any.
    public var latest: IndicatorMeasurement? { measurements.last }

    /// Whether the target is a reduction (below the baseline).
    public var isReduction: Bool { target < baseline }

    /// (latest − baseline) / (target − baseline): 0 at the baseline, 1 at the target, above 1 past it, below 0 when the
    /// indicator moved away from the target. Nil without a measurement or when the target equals the baseline.
    public var progress: Double? {
        guard let latest, target != baseline else { return nil }
        return (latest.value - baseline) / (target - baseline)
    }

    /// The progress clamped to 0...1, for bars and charts (the true value is kept in `progress`).
    public var displayProgress: Double? { progress.map { min(1, max(0, $0)) } }

    /// The change from the baseline in the direction of the target, as a fraction of the baseline: for a reduction
    /// (baseline − latest) / baseline, otherwise (latest − baseline) / baseline. Nil without a measurement or when the
    /// baseline is 0.
    public var improvement: Double? {
        guard let latest, baseline != 0 else { return nil }
        let change = isReduction ? baseline - latest.value : latest.value - baseline
        return change / abs(baseline)
    }

    /// A fraction as a whole per cent, e.g. 0.854 → "85%"; "—" for nil.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(Int((value * 100).rounded())) + "%"
    }
}

/// Medians, for the network's summaries.
public enum Statistics {
    /// The median of `values` (the mean of the two middle values when the count is even); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// A number for tables and exports: up to `digits` decimals, trailing zeros dropped ("4.5", "12", "0.333").
    public static func format(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return "" }
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
