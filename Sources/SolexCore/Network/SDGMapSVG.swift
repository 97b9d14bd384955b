import Foundation

/// The words of the SDG map's charts: titles, descriptions, the titles of marks and the legend, with their numbers
/// already written. The web layer fills them from the page's language; `english` is the default.
public struct SDGMapChartWords: Sendable {
    /// The heat map's title.
    public var heatMapTitle: String
    /// The heat map's description, given the numbers of goals and of regions.
    public var heatMapDescription: @Sendable (_ goals: Int, _ regions: Int) -> String
    /// The title of a heat map cell: goal, region name and its count.
    public var cellTitle: @Sendable (_ goal: Int, _ region: String, _ count: SDGMap.Count) -> String
    /// The text written in a heat map cell.
    public var cellText: @Sendable (_ count: SDGMap.Count) -> String
    /// A legend item for a gap of -3, -1, 0, 1 or 3.
    public var legend: @Sendable (_ gap: Int) -> String
    /// The target bars' title, given the goal and its label.
    public var barsTitle: @Sendable (_ goal: Int, _ label: String) -> String
    /// The target bars' description, given the number of targets.
    public var barsDescription: @Sendable (_ targets: Int) -> String
    /// The line above the bars that says which bar is which.
    public var barsKey: String
    /// The title of a target's group of bars.
    public var targetTitle: @Sendable (_ target: String, _ count: SDGMap.Count) -> String
    /// The text after a bar: supply (true) or demand (false) and its value.
    public var barText: @Sendable (_ supply: Bool, _ value: Int) -> String

    /// Creates the words of the charts.
    public init(heatMapTitle: String, heatMapDescription: @escaping @Sendable (Int, Int) -> String,
                cellTitle: @escaping @Sendable (Int, String, SDGMap.Count) -> String, cellText: @escaping @Sendable (SDGMap.Count) -> String,
                legend: @escaping @Sendable (Int) -> String, barsTitle: @escaping @Sendable (Int, String) -> String,
                barsDescription: @escaping @Sendable (Int) -> String, barsKey: String,
                targetTitle: @escaping @Sendable (String, SDGMap.Count) -> String, barText: @escaping @Sendable (Bool, Int) -> String) {
        self.heatMapTitle = heatMapTitle
        self.heatMapDescription = heatMapDescription
        self.cellTitle = cellTitle
        self.cellText = cellText
        self.legend = legend
        self.barsTitle = barsTitle
        self.barsDescription = barsDescription
        self.barsKey = barsKey
        self.targetTitle = targetTitle
        self.barText = barText
    }

    /// The charts in English, numbers as plain digits.
    public static let english = SDGMapChartWords(
        heatMapTitle: "Supply and demand by SDG goal and region",
        heatMapDescription: { goals, regions in
            "For each of the \(goals) goals (rows) and \(regions) regions (columns): published innovations (S), open needs (D) and the gap, demand minus supply. The same numbers are in the table that follows."
        },
        cellTitle: { goal, region, count in
            "Goal \(goal), \(region): supply \(count.supply), demand \(count.demand), gap \(SDGMapSVG.signed(count.gap))"
        },
        cellText: { "S\($0.supply) D\($0.demand) (\(SDGMapSVG.signed($0.gap)))" },
        legend: { gap in
            let meaning = switch gap {
            case ..<(-2): "3+ more supply"
            case -2 ... -1: "more supply"
            case 0: "even"
            case 1...2: "more demand"
            default: "3+ more demand"
            }
            return "gap \(SDGMapSVG.signed(gap)): \(meaning)"
        },
        barsTitle: { goal, label in "Goal \(goal) (\(label)): supply and demand by target" },
        barsDescription: { count in
            "For each of the goal's \(count) targets, a bar of published innovations (supply, blue, first) and one of open needs (demand, orange, second), each followed by its number. The same numbers are in the table that follows."
        },
        barsKey: "Upper bar: supply (innovations) · lower bar: demand (needs)",
        targetTitle: { id, count in
            "Target \(id): supply \(count.supply), demand \(count.demand), gap \(SDGMapSVG.signed(count.gap))"
        },
        barText: { supply, value in "\(supply ? "S" : "D") \(value)" })
}

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
                               words: SDGMapChartWords = .english, link: (Int, Int) -> String) -> String {
        let labelWidth = 250.0, cellWidth = 104.0, cellHeight = 30.0, top = 44.0, legendHeight = 44.0
        // Legend items are spaced by the longest one (about 6 units a character at this size), so longer words fit.
        let legendTexts = [-3, -1, 0, 1, 3].map { ($0, words.legend($0)) }
        let legendSpacing = max(165, 24 + 6.2 * Double(legendTexts.map(\.1.count).max() ?? 0))
        let width = max(labelWidth + cellWidth * Double(map.regions.count) + 8, 840, 8 + legendSpacing * Double(legendTexts.count))
        let height = top + cellHeight * Double(map.goals.count) + legendHeight
        var svg = SVGText()
        svg.start(id: id, width: width, height: height, title: words.heatMapTitle,
                  description: words.heatMapDescription(map.goals.count, map.regions.count),
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
                let cellTitle = words.cellTitle(goal.goal, regionNames[region] ?? String(region), count)
                svg.open("a", [("href", link(goal.goal, region))])
                svg.open("g")
                svg.element("title", text: cellTitle)
                svg.open("rect", [("x", SVGText.number(x + 1)), ("y", SVGText.number(y + 1)), ("width", SVGText.number(cellWidth - 2)),
                                  ("height", SVGText.number(cellHeight - 2)), ("fill", fill(gap: count.gap)), ("stroke", "#767676"),
                                  ("stroke-width", "0.5")], close: true)
                svg.element("text", [("x", SVGText.number(x + cellWidth / 2)), ("y", SVGText.number(y + 19)), ("text-anchor", "middle"),
                                     ("fill", "#000")], text: words.cellText(count))
                svg.close("g")
                svg.close("a")
            }
        }
        let legendY = top + cellHeight * Double(map.goals.count) + 14
        for (index, (gap, text)) in legendTexts.enumerated() {
            let x = 4 + Double(index) * legendSpacing
            svg.open("rect", [("x", SVGText.number(x)), ("y", SVGText.number(legendY)), ("width", "16"), ("height", "16"),
                              ("fill", fill(gap: gap)), ("stroke", "#767676"), ("stroke-width", "0.5")], close: true)
            svg.element("text", [("x", SVGText.number(x + 22)), ("y", SVGText.number(legendY + 13))], text: text)
        }
        svg.finish()
        return svg.text
    }

    /// Bars per target of one goal: a supply bar and a demand bar per target, each with its number written after it.
    public static func targetBars(_ row: SDGMap.GoalRow, goalLabel: String, id: String = "targets", words: SDGMapChartWords = .english) -> String {
        let labelWidth = 60.0, barArea = 420.0, rowHeight = 40.0, top = 30.0
        let maximum = max(1, row.targets.map { max($0.count.supply, $0.count.demand) }.max() ?? 1)
        let unit = barArea / Double(maximum)
        let height = top + rowHeight * Double(row.targets.count) + 10
        var svg = SVGText()
        svg.start(id: id, width: labelWidth + barArea + 120, height: height,
                  title: words.barsTitle(row.goal, goalLabel), description: words.barsDescription(row.targets.count))
        svg.element("text", [("x", SVGText.number(labelWidth)), ("y", "16")], text: words.barsKey)
        for (index, target) in row.targets.enumerated() {
            let y = top + rowHeight * Double(index)
            svg.open("g")
            svg.element("title", text: words.targetTitle(target.id, target.count))
            svg.element("text", [("x", "4"), ("y", SVGText.number(y + 20)), ("font-weight", "bold")], text: target.id)
            for (offset, value, colour, isSupply) in [(0.0, target.count.supply, "#2b6ca3", true), (16.0, target.count.demand, "#b35900", false)] {
                let barWidth = Double(value) * unit
                svg.open("rect", [("x", SVGText.number(labelWidth)), ("y", SVGText.number(y + offset + 2)),
                                  ("width", SVGText.number(max(barWidth, value == 0 ? 0 : 2))), ("height", "13"), ("fill", colour)], close: true)
                svg.element("text", [("x", SVGText.number(labelWidth + barWidth + 6)), ("y", SVGText.number(y + offset + 13))],
                            text: words.barText(isSupply, value))
            }
            svg.close("g")
        }
        svg.finish()
        return svg.text
    }
}
