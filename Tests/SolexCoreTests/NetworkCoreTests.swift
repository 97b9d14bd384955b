import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SolexCore
import Testing

@Suite("Network: progress arithmetic, stages, SDG map counts, summaries")
struct NetworkCoreTests {
    static func m(_ date: String, _ value: Double) -> IndicatorMeasurement { IndicatorMeasurement(date: date, value: value) }

    /// (baseline, target, measurements, progress, clamped progress, improvement), computed by hand.
    static let progressCases: [(Double, Double, [IndicatorMeasurement], Double?, Double?, Double?)] = [
        // An increase halfway: satisfaction 55% → 85%, now 70%.
        (55, 85, [m("2024-09-30", 70)], 0.5, 0.5, 15.0 / 55),
        // A reduction: 21 days → 5, now 8: (8 − 21) / (5 − 21) = 13/16.
        (21, 5, [m("2023-09-30", 14), m("2024-03-31", 8)], 13.0 / 16, 13.0 / 16, 13.0 / 21),
        // A reduction past its target: now 4 days: 17/16, shown as 100%.
        (21, 5, [m("2024-09-30", 4), m("2023-09-30", 14)], 17.0 / 16, 1, 17.0 / 21),
        // Moved away from a reduction target: 30 → 10, now 33: −3/20, shown as 0%, improvement −10%.
        (30, 10, [m("2025-01-01", 33)], -0.15, 0, -0.1),
        // Bangladesh's SPS: time 100 → 15, measured 15: 100% and 85% less.
        (100, 15, [m("2019-01-01", 15)], 1, 1, 0.85),
        // A baseline of 0: progress 6/77, no improvement (a share of 0 has no meaning).
        (0, 77, [m("2025-01-31", 6)], 6.0 / 77, 6.0 / 77, nil),
        // No measurement yet.
        (4, 1, [], nil, nil, nil),
    ]

    @Test("progress = (latest − baseline) / (target − baseline), clamped for display, and the improvement; reductions included",
          arguments: progressCases)
    func progress(baseline: Double, target: Double, measurements: [IndicatorMeasurement], expected: Double?, display: Double?,
                  improvement: Double?) {
        let progress = IndicatorProgress(baseline: baseline, target: target, measurements: measurements)
        func close(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case (let a?, let b?): abs(a - b) < 1e-12
            default: false
            }
        }
        #expect(close(progress.progress, expected), "progress \(String(describing: progress.progress))")
        #expect(close(progress.displayProgress, display))
        #expect(close(progress.improvement, improvement), "improvement \(String(describing: progress.improvement))")
        #expect(progress.isReduction == (target < baseline))
    }

    @Test("the latest measurement is the one with the latest date; of one day, the last given")
    func latest() {
        let progress = IndicatorProgress(baseline: 10, target: 0, measurements: [Self.m("2024-05-01", 4), Self.m("2023-01-01", 9), Self.m("2024-05-01", 3)])
        #expect(progress.latest == Self.m("2024-05-01", 3))
        #expect(progress.measurements.map(\.value) == [9, 4, 3])
        #expect(IndicatorProgress.percent(progress.progress) == "70%")
    }

    @Test("median", arguments: [([], nil), ([3], 3), ([1, 3], 2), ([5, 1, 3], 3), ([0.85, 0.63, 0.4, 0.5], 0.565)] as [([Double], Double?)])
    func median(values: [Double], expected: Double?) {
        let median = Statistics.median(values)
        #expect(median == expected || (median != nil && expected != nil && abs(median! - expected!) < 1e-12))
    }

    @Test("numbers for tables", arguments: [(4.5, "4.5"), (12, "12"), (1.0 / 3, "0.333"), (-0.0001, "0"), (1200, "1200")] as [(Double, String)])
    func format(value: Double, text: String) {
        #expect(Statistics.format(value) == text)
    }

    @Test("stage moves: forward (skipping allowed), stopped from any open stage, nothing after completed or stopped",
          arguments: [
              (nil as AdoptionStage?, AdoptionStage.studyVisit, true), (nil, .pilot, true), (nil, .stopped, true),
              (.studyVisit, .pilot, true), (.studyVisit, .scaleUp, true), (.pilot, .studyVisit, false), (.pilot, .pilot, false),
              (.scaleUp, .completed, true), (.scaleUp, .stopped, true), (.completed, .stopped, false), (.stopped, .pilot, false),
              (.completed, .scaleUp, false),
          ] as [(AdoptionStage?, AdoptionStage, Bool)])
    func stages(from: AdoptionStage?, to: AdoptionStage, allowed: Bool) {
        #expect((AdoptionStage.refusal(from: from, to: to) == nil) == allowed)
    }

    @Test("calendar dates", arguments: [("2024-02-29", true), ("2023-02-29", false), ("2024-13-01", false), ("2024-1-01", false),
                                        ("2024-04-31", false), ("1899-12-31", false), ("2025-12-31", true), ("２０２４-01-01", false)] as [(String, Bool)])
    func dates(text: String, valid: Bool) {
        #expect(CalendarDate.isValid(text) == valid)
    }

    // MARK: SDG map

    /// Six entries whose counts are worked out by hand in the tests below.
    static let entries: [SDGMap.Entry] = [
        .init(side: .supply, ref: "I1", title: "", country: "BGD", regionCodes: [142, 34], themes: ["digital"], targets: ["16.6", "16.9"]),
        .init(side: .supply, ref: "I2", title: "", country: "KEN", regionCodes: [2, 202], themes: ["health"], targets: ["3.8"]),
        .init(side: .supply, ref: "I3", title: "", country: "BRA", regionCodes: [19, 419], themes: ["digital"], targets: ["16.6", "1.3"]),
        .init(side: .demand, ref: "N1", title: "", country: "NPL", regionCodes: [142, 34], themes: ["digital"], targets: ["16.6"]),
        .init(side: .demand, ref: "N2", title: "", country: "UGA", regionCodes: [2, 202], themes: ["health"], targets: ["3.8", "3.1"]),
        .init(side: .demand, ref: "N3", title: "", country: "BEN", regionCodes: [2, 202], themes: ["digital"], targets: ["16.9", "17.19"]),
    ]
    static let targets: [(id: String, goal: Int)] = [("1.3", 1), ("3.1", 3), ("3.8", 3), ("16.6", 16), ("16.9", 16), ("17.19", 17)]

    static func map(_ filter: SDGMap.Filter = SDGMap.Filter()) -> SDGMap {
        SDGMap(entries: entries, goals: Array(1...17), targets: targets, regions: [2, 19, 142], filter: filter)
    }

    @Test("goal and target counts against the hand count: supply, demand, gap; an entry counts once per goal")
    func counts() throws {
        let map = Self.map()
        #expect(map.goals.count == 17)
        let goal16 = try #require(map.row(16)), goal3 = try #require(map.row(3)), goal1 = try #require(map.row(1)), goal17 = try #require(map.row(17))
        #expect((goal16.count.supply, goal16.count.demand, goal16.count.gap) == (2, 2, 0))
        #expect(goal16.count.supplyRefs == ["I1", "I3"] && goal16.count.demandRefs == ["N1", "N3"])
        #expect((goal3.count.supply, goal3.count.demand) == (1, 1))
        #expect((goal1.count.supply, goal1.count.demand, goal1.count.gap) == (1, 0, -1))
        #expect((goal17.count.supply, goal17.count.demand, goal17.count.gap) == (0, 1, 1))
        #expect(map.row(5)?.count.supply == 0 && map.row(5)?.targets.isEmpty == true)
        let t166 = try #require(goal16.targets.first { $0.id == "16.6" }), t169 = try #require(goal16.targets.first { $0.id == "16.9" })
        #expect((t166.count.supply, t166.count.demand, t166.count.gap) == (2, 1, -1))
        #expect((t169.count.supply, t169.count.demand, t169.count.gap) == (1, 1, 0))
        #expect(goal3.targets.map(\.id) == ["3.1", "3.8"])
        #expect(goal3.targets.map(\.count.supply) == [0, 1] && goal3.targets.map(\.count.demand) == [1, 1])
        #expect((map.total.supply, map.total.demand) == (3, 3))
    }

    @Test("filters: a region keeps its countries' entries, a theme its entries; the heat map ignores the region filter")
    func filters() throws {
        let africa = Self.map(SDGMap.Filter(region: 2))
        #expect((africa.row(16)?.count.supply, africa.row(16)?.count.demand) == (0, 1))
        #expect((africa.row(3)?.count.supply, africa.row(3)?.count.demand) == (1, 1))
        #expect((africa.total.supply, africa.total.demand) == (1, 2))
        let southernAsia = Self.map(SDGMap.Filter(region: 34))
        #expect((southernAsia.row(16)?.count.supply, southernAsia.row(16)?.count.demand) == (1, 1))
        let digital = Self.map(SDGMap.Filter(theme: "digital"))
        #expect((digital.row(3)?.count.supply, digital.row(3)?.count.demand) == (0, 0))
        #expect((digital.row(16)?.count.supply, digital.row(16)?.count.demand) == (2, 2))
        // Heat map: goal 16 in Africa, the Americas, Asia.
        let cells = africa.cells[try #require(africa.goals.firstIndex { $0.goal == 16 })]
        #expect(cells.map(\.supply) == [0, 1, 1])
        #expect(cells.map(\.demand) == [1, 0, 1])
        let digitalGoal3 = try #require(digital.goals.firstIndex { $0.goal == 3 })
        #expect(digital.cells[digitalGoal3].map(\.supply) == [0, 0, 0])
    }

    // MARK: SVG

    /// Element names and attributes of an SVG text, read with an XML parser (which fails on text that is not well-formed).
    final class SVGReader: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        /// The text of each element, whole (the parser hands it over in pieces).
        var texts: [String] = []
        private var buffer = ""
        private func flush() {
            if !buffer.isEmpty { texts.append(buffer) }
            buffer = ""
        }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            flush()
            elements.append((name, attributes))
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { flush() }
        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        static func read(_ svg: String) -> SVGReader? {
            let reader = SVGReader()
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = reader
            return parser.parse() ? reader : nil
        }
    }

    @Test("the heat map is well-formed SVG, named for assistive technology, with escaped labels and every number in words")
    func heatMapSVG() throws {
        let map = Self.map()
        let svg = SDGMapSVG.heatMap(map, goalLabels: [16: "Peace & <b>justice</b>"], regionNames: [2: "Africa", 19: "Americas", 142: "Asia"]) {
            "/sdg-map/\($0)?region=\($1)&x=1"
        }
        let reader = try #require(SVGReader.read(svg), "not well-formed")
        let root = try #require(reader.elements.first)
        // Its cells are links, so the chart is a group (an img would hide them and nest interactive controls).
        #expect(root.name == "svg" && root.attributes["role"] == "group" && root.attributes["aria-labelledby"] == "heatmap-title heatmap-desc")
        #expect(reader.elements.filter { $0.name == "rect" }.count >= 17 * 3)
        #expect(reader.elements.filter { $0.name == "a" }.count == 17 * 3)
        #expect(svg.contains("16. Peace &amp; &lt;b&gt;justice&lt;/b&gt;"))
        #expect(reader.texts.contains("16. Peace & <b>justice</b>"))
        #expect(reader.texts.contains("Goal 16, Asia: supply 1, demand 1, gap 0"))
        #expect(reader.texts.contains("S0 D1 (+1)"), "Africa, goal 16")
        #expect(reader.elements.contains { $0.name == "a" && $0.attributes["href"] == "/sdg-map/16?region=2&x=1" })
    }

    @Test("target bars and the progress chart are well-formed and labelled")
    func otherSVG() throws {
        let row = try #require(Self.map().row(16))
        let bars = try #require(SVGReader.read(SDGMapSVG.targetBars(row, goalLabel: "Peace")))
        #expect(bars.elements.first?.attributes["role"] == "img")
        #expect(bars.texts.contains("Target 16.6: supply 2, demand 1, gap −1"))
        #expect(bars.texts.contains("S 2") && bars.texts.contains("D 1"))
        let progress = IndicatorProgress(baseline: 21, target: 5, measurements: [Self.m("2023-09-30", 14), Self.m("2024-09-30", 4)])
        let chart = try #require(SVGReader.read(ProgressChartSVG.chart(progress, name: "Days <to> licence", unit: "days", id: "c1")))
        #expect(chart.elements.first?.attributes["aria-labelledby"] == "c1-title c1-desc")
        #expect(chart.texts.contains("Days <to> licence (days)"))
        #expect(chart.texts.contains { $0.contains("progress 106%") })
        #expect(chart.elements.filter { $0.name == "circle" }.count == 2)
        #expect(chart.texts.contains("2024-09-30: 4 days"))
        let empty = try #require(SVGReader.read(ProgressChartSVG.chart(IndicatorProgress(baseline: 1, target: 1, measurements: []), name: "x", unit: "u", id: "c2")))
        #expect(empty.texts.contains { $0.contains("no measurement yet") })
    }

    @Test("a progress chart places measurements at their dates: a month's gap is shorter than a year's")
    func progressChartByDate() throws {
        let progress = IndicatorProgress(baseline: 10, target: 0, measurements: [Self.m("2023-01-01", 9), Self.m("2023-02-01", 8), Self.m("2024-01-01", 5)])
        let chart = try #require(SVGReader.read(ProgressChartSVG.chart(progress, name: "Days", unit: "days", id: "c3")))
        let xs = chart.elements.filter { $0.name == "circle" }.compactMap { $0.attributes["cx"].flatMap(Double.init) }
        try #require(xs.count == 3)
        // Plot from x = 64 to x = 308: 31 of 365 days in, the second point is 20.7 units from the first.
        #expect(abs((xs[1] - xs[0]) - 244 * 31 / 365) < 0.1)
        #expect(xs[0] == 64 && xs[2] == 308)
        // One day for all, or a date that cannot be read: evenly spaced.
        let sameDay = IndicatorProgress(baseline: 10, target: 0, measurements: [Self.m("2023-01-01", 9), Self.m("2023-01-01", 8), Self.m("2023-01-01", 5)])
        let even = try #require(SVGReader.read(ProgressChartSVG.chart(sameDay, name: "Days", unit: "days", id: "c4")))
        #expect(even.elements.filter { $0.name == "circle" }.compactMap { $0.attributes["cx"].flatMap(Double.init) } == [64, 186, 308])
    }

    @Test("day numbers of dates", arguments: [("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017),
                                              ("2024-02-29", 19_782), ("2024-03-01", 19_783), ("2023-13-01", nil), ("2023-1-01", nil),
                                              ("tomorrow", nil)] as [(String, Int?)])
    func dayNumbers(text: String, expected: Int?) {
        #expect(ProgressChartSVG.dayNumber(text) == expected)
    }

    @Test("summary: adoptions by stage, goal and region, and the median improvement per indicator kind")
    func summary() {
        let summary = NetworkSummary([
            .init(stage: "pilot", goals: [16, 1], region: 142, indicators: [(.time, 0.5), (.cost, 0.2), (.time, nil)]),
            .init(stage: "pilot", goals: [16], region: 2, indicators: [(.time, 0.9)]),
            .init(stage: "not_started", goals: [], region: nil, indicators: [(.time, 0.1), (.visits, nil)]),
        ])
        #expect(summary.total == 3)
        #expect(summary.byStage.map(\.key) == ["not_started", "study_visit", "pilot", "scale_up", "completed", "stopped"])
        #expect(summary.byStage.map(\.count) == [1, 0, 2, 0, 0, 0])
        #expect(summary.byGoal.map(\.goal) == [1, 16] && summary.byGoal.map(\.count) == [1, 2])
        #expect(summary.byRegion.map(\.region) == [2, 142, nil] && summary.byRegion.map(\.count) == [1, 1, 1])
        #expect(summary.byKind.map(\.kind) == [.time, .cost, .visits])
        #expect(summary.byKind[0].indicators == 4 && summary.byKind[0].measured == 3 && summary.byKind[0].medianImprovement == 0.5)
        #expect(summary.byKind[2].medianImprovement == nil)
    }
}
