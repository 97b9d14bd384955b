import Foundation

/// A small chart of one indicator: its measurements over time as a line of points, with the baseline (dashed) and the
/// target (solid) as labelled horizontal lines.
public enum ProgressChartSVG {
    /// The chart of `progress` for the indicator `name` in `unit`.
    public static func chart(_ progress: IndicatorProgress, name: String, unit: String, id: String) -> String {
        let width = 320.0, height = 140.0, left = 64.0, right = 12.0, top = 14.0, bottom = 28.0
        let values = [progress.baseline, progress.target] + progress.measurements.map(\.value)
        var low = values.min() ?? 0, high = values.max() ?? 1
        if low == high { low -= 1; high += 1 }
        let span = high - low
        low -= span * 0.1
        high += span * 0.1
        func y(_ value: Double) -> Double { top + (high - value) / (high - low) * (height - top - bottom) }
        let count = progress.measurements.count
        func x(_ index: Int) -> Double {
            count <= 1 ? (left + width - right) / 2 : left + Double(index) / Double(count - 1) * (width - left - right)
        }
        let number = { (value: Double) in Statistics.format(value) }
        let latest = progress.latest.map { "latest \(number($0.value)) on \($0.date)" } ?? "no measurement yet"
        var svg = SVGText()
        svg.start(id: id, width: width, height: height, title: "\(name) (\(unit))",
                  description: "Baseline \(number(progress.baseline)), target \(number(progress.target)), \(latest), progress \(IndicatorProgress.percent(progress.progress)). \(count) measurement(s).")
        for (value, label, dash) in [(progress.baseline, "baseline", "4 3"), (progress.target, "target", "")] {
            var attributes: [(String, String)] = [("x1", SVGText.number(left)), ("x2", SVGText.number(width - right)),
                                                  ("y1", SVGText.number(y(value))), ("y2", SVGText.number(y(value))),
                                                  ("stroke", label == "target" ? "#1b5e20" : "#555"), ("stroke-width", "1.5")]
            if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
            svg.open("line", attributes, close: true)
            svg.element("text", [("x", "2"), ("y", SVGText.number(y(value) + 4)), ("font-size", "10")], text: "\(label) \(number(value))")
        }
        if count > 1 {
            let points = progress.measurements.indices.map { "\(SVGText.number(x($0))),\(SVGText.number(y(progress.measurements[$0].value)))" }
            svg.open("polyline", [("points", points.joined(separator: " ")), ("fill", "none"), ("stroke", "#2b6ca3"), ("stroke-width", "2")], close: true)
        }
        for (index, measurement) in progress.measurements.enumerated() {
            svg.open("circle", [("cx", SVGText.number(x(index))), ("cy", SVGText.number(y(measurement.value))), ("r", "4"), ("fill", "#2b6ca3")])
            svg.element("title", text: "\(measurement.date): \(number(measurement.value)) \(unit)")
            svg.close("circle")
        }
        if let first = progress.measurements.first {
            svg.element("text", [("x", SVGText.number(left)), ("y", SVGText.number(height - 8)), ("font-size", "10")], text: first.date)
        }
        if count > 1, let last = progress.latest {
            svg.element("text", [("x", SVGText.number(width - right)), ("y", SVGText.number(height - 8)), ("font-size", "10"),
                                 ("text-anchor", "end")], text: last.date)
        }
        svg.finish()
        return svg.text
    }
}
