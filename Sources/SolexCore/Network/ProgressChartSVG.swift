import Foundation

/// The words and number formats of an indicator's chart. The web layer fills them from the page's language;
/// `english` is the default.
public struct ProgressChartWords: Sendable {
    /// A measured value, baseline or target as written.
    public var number: @Sendable (Double) -> String
    /// A `YYYY-MM-DD` date as written.
    public var day: @Sendable (String) -> String
    /// The chart's description, given the written baseline, target, latest-value phrase, progress and the number of
    /// measurements.
    public var description: @Sendable (_ baseline: String, _ target: String, _ latest: String, _ progress: String, _ count: Int) -> String
    /// The latest-value phrase, given the written value and date.
    public var latest: @Sendable (_ value: String, _ date: String) -> String
    /// The latest-value phrase when nothing is measured.
    public var noMeasurement: String
    /// The label of the baseline line (false) or of the target line (true), given the written value.
    public var line: @Sendable (_ isTarget: Bool, _ value: String) -> String
    /// The title of a measurement's point, given the written date and value and the unit.
    public var point: @Sendable (_ date: String, _ value: String, _ unit: String) -> String
    /// A progress fraction as a per cent ("—" for none).
    public var percent: @Sendable (Double?) -> String

    /// Creates the words of a chart.
    public init(number: @escaping @Sendable (Double) -> String, day: @escaping @Sendable (String) -> String,
                description: @escaping @Sendable (String, String, String, String, Int) -> String,
                latest: @escaping @Sendable (String, String) -> String, noMeasurement: String,
                line: @escaping @Sendable (Bool, String) -> String, point: @escaping @Sendable (String, String, String) -> String,
                percent: @escaping @Sendable (Double?) -> String) {
        self.number = number
        self.day = day
        self.description = description
        self.latest = latest
        self.noMeasurement = noMeasurement
        self.line = line
        self.point = point
        self.percent = percent
    }

    /// The chart in English with plain numbers and `YYYY-MM-DD` dates.
    public static let english = ProgressChartWords(
        number: { Statistics.format($0) }, day: { $0 },
        description: { baseline, target, latest, progress, count in
            "Baseline \(baseline), target \(target), \(latest), progress \(progress). \(count) measurement(s)."
        },
        latest: { value, date in "latest \(value) on \(date)" }, noMeasurement: "no measurement yet",
        line: { isTarget, value in "\(isTarget ? "target" : "baseline") \(value)" },
        point: { date, value, unit in "\(date): \(value) \(unit)" },
        percent: { IndicatorProgress.percent($0) })
}

/// A small chart of one indicator: its measurements over time as a line of points, with the baseline (dashed) and the
/// target (solid) as labelled horizontal lines.
public enum ProgressChartSVG {
    /// The chart of `progress` for the indicator `name` in `unit`.
    public static func chart(_ progress: IndicatorProgress, name: String, unit: String, id: String, words: ProgressChartWords = .english) -> String {
        let width = 320.0, height = 140.0, left = 64.0, right = 12.0, top = 14.0, bottom = 28.0
        let values = [progress.baseline, progress.target] + progress.measurements.map(\.value)
        var low = values.min() ?? 0, high = values.max() ?? 1
        if low == high { low -= 1; high += 1 }
        let span = high - low
        low -= span * 0.1
        high += span * 0.1
        func y(_ value: Double) -> Double { top + (high - value) / (high - low) * (height - top - bottom) }
        let count = progress.measurements.count
        // Measurements stand at their dates along the axis, so that a gap of a year looks longer than one of a month;
        // evenly spaced if a date cannot be read or all fall on one day.
        let days = progress.measurements.compactMap { dayNumber($0.date) }
        let datesSpread = days.count == count && (days.last ?? 0) > (days.first ?? 0)
        func x(_ index: Int) -> Double {
            if count <= 1 { return (left + width - right) / 2 }
            let share = datesSpread ? Double(days[index] - days[0]) / Double(days[count - 1] - days[0]) : Double(index) / Double(count - 1)
            return left + share * (width - left - right)
        }
        let number = words.number
        let latest = progress.latest.map { words.latest(number($0.value), words.day($0.date)) } ?? words.noMeasurement
        var svg = SVGText()
        svg.start(id: id, width: width, height: height, title: "\(name) (\(unit))",
                  description: words.description(number(progress.baseline), number(progress.target), latest, words.percent(progress.progress), count))
        for (value, isTarget, dash) in [(progress.baseline, false, "4 3"), (progress.target, true, "")] {
            var attributes: [(String, String)] = [("x1", SVGText.number(left)), ("x2", SVGText.number(width - right)),
                                                  ("y1", SVGText.number(y(value))), ("y2", SVGText.number(y(value))),
                                                  ("stroke", isTarget ? "#1b5e20" : "#555"), ("stroke-width", "1.5")]
            if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
            svg.open("line", attributes, close: true)
            svg.element("text", [("x", "2"), ("y", SVGText.number(y(value) + 4)), ("font-size", "10")], text: words.line(isTarget, number(value)))
        }
        if count > 1 {
            let points = progress.measurements.indices.map { "\(SVGText.number(x($0))),\(SVGText.number(y(progress.measurements[$0].value)))" }
            svg.open("polyline", [("points", points.joined(separator: " ")), ("fill", "none"), ("stroke", "#2b6ca3"), ("stroke-width", "2")], close: true)
        }
        for (index, measurement) in progress.measurements.enumerated() {
            svg.open("circle", [("cx", SVGText.number(x(index))), ("cy", SVGText.number(y(measurement.value))), ("r", "4"), ("fill", "#2b6ca3")])
            svg.element("title", text: words.point(words.day(measurement.date), number(measurement.value), unit))
            svg.close("circle")
        }
        if let first = progress.measurements.first {
            svg.element("text", [("x", SVGText.number(left)), ("y", SVGText.number(height - 8)), ("font-size", "10")], text: words.day(first.date))
        }
        if count > 1, let last = progress.latest {
            svg.element("text", [("x", SVGText.number(width - right)), ("y", SVGText.number(height - 8)), ("font-size", "10"),
                                 ("text-anchor", "end")], text: words.day(last.date))
        }
        svg.finish()
        return svg.text
    }

    /// The number of days from 1970-01-01 to a `YYYY-MM-DD` date in the proleptic Gregorian calendar, or nil if the
    /// text is not such a date.
    static func dayNumber(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        // Days from civil (H. Hinnant): years start in March, so the leap day is the last day of a year.
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
