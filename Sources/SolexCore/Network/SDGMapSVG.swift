import Foundation

/// The SDG map's charts as SVG: the heat map of goals × regions and the bars of a goal's targets.
public enum SDGMapSVG {
    /// Fill of a cell by its gap: orange for unmet demand, blue for supply without demand, light grey when even.
    /// Every fill is light enough for black text (contrast above 7:1); the numbers are always written in the cell.
    public static func fill(gap: Int) -> String {
        switch gap {
        case ..<(-2): "#9ecae1"
        case -2 ... -1: "#deebf7"
        case 0: "#f2f2f2"
        case 1...2: "#fdd0a2"
        default: "#fdae6b"
        }
    }

    /// The gap as written: "+2", "−1", "0".
    public static func signed(_ gap: Int) -> String { gap > 0 ? "+\(gap)" : gap < 0 ? "−\(-gap)" : "0" }

    /// The heat map: one row per goal, one column per region; each cell shows supply, demand and the gap, links to the
    /// goal's page filtered by the region, and has a title with the same numbers in words.
    public static func heatMap(_ map: SDGMap, goalLabels: [Int: String], regionNames: [Int: String], id: String = "heatmap",
                               link: (Int, Int) -> String) -> String {
        let labelWidth = 250.0, cellWidth = 104.0, cellHeight = 30.0, top = 44.0, legendHeight = 44.0
        let width = max(labelWidth + cellWidth * Double(map.regions.count) + 8, 840)
        let height = top + cellHeight * Double(map.goals.count) + legendHeight
        var svg = SVGText()
        svg.start(id: id, width: width, height: height, title: "Supply and demand by SDG goal and region",
                  description: "For each of the \(map.goals.count) goals (rows) and \(map.regions.count) regions (columns): published innovations (S), open needs (D) and the gap, demand minus supply. The same numbers are in the table that follows.",
                  interactive: true)
        for (index, region) in map.regions.enumerated() {
            let x = labelWidth + cellWidth * Double(index) + cellWidth / 2
            svg.element("text", [("x", SVGText.number(x)), ("y", "28"), ("text-anchor", "middle"), ("font-weight", "bold")],
                        text: regionNames[region] ?? String(region))
        }
        for (row, goal) in map.goals.enumerated() {
            let y = top + cellHeight * Double(row)
            let label = "\(goal.goal). " + (goalLabels[goal.goal] ?? "")
            svg.element("text", [("x", "4"), ("y", SVGText.number(y + 19))], text: label.count > 38 ? String(label.prefix(37)) + "…" : label)
            for (column, region) in map.regions.enumerated() {
                let count = map.cells[row][column]
                let x = labelWidth + cellWidth * Double(column)
                let words = "Goal \(goal.goal), \(regionNames[region] ?? String(region)): supply \(count.supply), demand \(count.demand), gap \(signed(count.gap))"
                svg.open("a", [("href", link(goal.goal, region))])
                svg.open("g")
                svg.element("title", text: words)
                svg.open("rect", [("x", SVGText.number(x + 1)), ("y", SVGText.number(y + 1)), ("width", SVGText.number(cellWidth - 2)),
                                  ("height", SVGText.number(cellHeight - 2)), ("fill", fill(gap: count.gap)), ("stroke", "#767676"),
                                  ("stroke-width", "0.5")], close: true)
                svg.element("text", [("x", SVGText.number(x + cellWidth / 2)), ("y", SVGText.number(y + 19)), ("text-anchor", "middle"),
                                     ("fill", "#000")], text: "S\(count.supply) D\(count.demand) (\(signed(count.gap)))")
                svg.close("g")
                svg.close("a")
            }
        }
        let legendY = top + cellHeight * Double(map.goals.count) + 14
        let legend: [(Int, String)] = [(-3, "3+ more supply"), (-1, "more supply"), (0, "even"), (1, "more demand"), (3, "3+ more demand")]
        for (index, item) in legend.enumerated() {
            let x = 4 + Double(index) * 165
            svg.open("rect", [("x", SVGText.number(x)), ("y", SVGText.number(legendY)), ("width", "16"), ("height", "16"),
                              ("fill", fill(gap: item.0)), ("stroke", "#767676"), ("stroke-width", "0.5")], close: true)
            svg.element("text", [("x", SVGText.number(x + 22)), ("y", SVGText.number(legendY + 13))], text: "gap \(signed(item.0)): \(item.1)")
        }
        svg.finish()
        return svg.text
    }

    /// Bars per target of one goal: a supply bar and a demand bar per target, each with its number written after it.
    public static func targetBars(_ row: SDGMap.GoalRow, goalLabel: String, id: String = "targets") -> String {
        let labelWidth = 60.0, barArea = 420.0, rowHeight = 40.0, top = 30.0
        let maximum = max(1, row.targets.map { max($0.count.supply, $0.count.demand) }.max() ?? 1)
        let unit = barArea / Double(maximum)
        let height = top + rowHeight * Double(row.targets.count) + 10
        var svg = SVGText()
        svg.start(id: id, width: labelWidth + barArea + 120, height: height,
                  title: "Goal \(row.goal) (\(goalLabel)): supply and demand by target",
                  description: "For each of the goal's \(row.targets.count) targets, a bar of published innovations (supply, blue, first) and one of open needs (demand, orange, second), each followed by its number. The same numbers are in the table that follows.")
        svg.element("text", [("x", SVGText.number(labelWidth)), ("y", "16")], text: "Upper bar: supply (innovations) · lower bar: demand (needs)")
        for (index, target) in row.targets.enumerated() {
            let y = top + rowHeight * Double(index)
            svg.open("g")
            svg.element("title", text: "Target \(target.id): supply \(target.count.supply), demand \(target.count.demand), gap \(signed(target.count.gap))")
            svg.element("text", [("x", "4"), ("y", SVGText.number(y + 20)), ("font-weight", "bold")], text: target.id)
            for (offset, value, colour, name) in [(0.0, target.count.supply, "#2b6ca3", "S"), (16.0, target.count.demand, "#b35900", "D")] {
                let barWidth = Double(value) * unit
                svg.open("rect", [("x", SVGText.number(labelWidth)), ("y", SVGText.number(y + offset + 2)),
                                  ("width", SVGText.number(max(barWidth, value == 0 ? 0 : 2))), ("height", "13"), ("fill", colour)], close: true)
                svg.element("text", [("x", SVGText.number(labelWidth + barWidth + 6)), ("y", SVGText.number(y + offset + 13))],
                            text: "\(name) \(value)")
            }
            svg.close("g")
        }
        svg.finish()
        return svg.text
    }
}
