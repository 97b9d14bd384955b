import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The SDG map: `/sdg-map` (heat map of goals × regions and the goals' table), `/sdg-map/:goal` (bars per target and
/// the entries counted) and `/sdg-map.csv`, each filtered by `region` and `theme`.
struct SDGMapPagesController {
    let catalogue: Catalogue
    let pages: PageRenderer

    private var reference: ReferenceData { catalogue.reference }
    private var presenter: NetworkPresenter { NetworkPresenter(reference: reference) }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("sdg-map") { request, context in
            let filter = readFilter(request)
            let map = try catalogue.sdgMap(filter)
            let regions = catalogue.mapRegions
            let names = Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            let query = NetworkPresenter.query(filter)
            let labels = presenter.goalLabels()
            let svg = SDGMapSVG.heatMap(map, goalLabels: labels, regionNames: names) { goal, region in
                "/sdg-map/\(goal)" + NetworkPresenter.query(SDGMap.Filter(region: region, theme: filter.theme))
            }
            let goals = map.goals.enumerated().map { index, row in
                MapGoalRowView(goal: row.goal, label: labels[row.goal] ?? "", href: "/sdg-map/\(row.goal)" + query,
                               supply: row.count.supply, demand: row.count.demand, gap: SDGMapSVG.signed(row.count.gap),
                               cells: zip(map.regions, map.cells[index]).map { region, count in
                                   MapCellView(supply: count.supply, demand: count.demand, gap: SDGMapSVG.signed(count.gap),
                                               href: "/sdg-map/\(row.goal)" + NetworkPresenter.query(SDGMap.Filter(region: region, theme: filter.theme)))
                               })
            }
            let view = SDGMapPageView(
                layout: LayoutView(title: "SDG map: supply and demand", context: context, section: "sdg-map"),
                filter: presenter.filterView(filter, choices: catalogue.regionChoices, action: "/sdg-map"), svg: svg,
                regionHeaders: map.regions.map { names[$0] ?? String($0) }, goals: goals, totalSupply: map.total.supply,
                totalDemand: map.total.demand, totalGap: SDGMapSVG.signed(map.total.gap), csvHref: "/sdg-map.csv" + query,
                jsonHref: "/api/v1/sdg-map" + query)
            return pages.render("sdg_map", view)
        }
        group.get("sdg-map.csv") { request, _ in
            let filter = readFilter(request)
            return ReportPagesController.download(try catalogue.sdgMapCSV(try catalogue.sdgMap(filter)), type: "text/csv; charset=utf-8",
                                                  name: "solex-sdg-map.csv")
        }
        group.get("sdg-map/:goal") { request, context in
            guard let number = Int(try context.parameters.require("goal")), let goal = reference.goal(number) else { throw HTTPError(.notFound) }
            let filter = readFilter(request)
            let map = try catalogue.sdgMap(filter)
            guard let row = map.row(number) else { throw HTTPError(.notFound) }
            let titles = try catalogue.publishedTitles()
            func links(_ refs: [String], _ plural: String) -> [LinkView] {
                refs.map { LinkView(label: "\($0): \(titles[$0] ?? "")", href: "/\(plural)/\(percentEncoded($0))") }
            }
            let targets = row.targets.map { target in
                MapTargetRowView(id: target.id, anchor: "target-\(target.id)", label: reference.target(target.id)?.label.en ?? "",
                                 supply: target.count.supply, demand: target.count.demand, gap: SDGMapSVG.signed(target.count.gap),
                                 supplyEntries: links(target.count.supplyRefs, "innovations"), demandEntries: links(target.count.demandRefs, "needs"),
                                 hasEntries: target.count.supply + target.count.demand > 0)
            }
            let query = NetworkPresenter.query(filter)
            let view = SDGGoalMapPageView(
                layout: LayoutView(title: "SDG map: Goal \(number), \(goal.label.en)", context: context, section: "sdg-map"),
                filter: presenter.filterView(filter, choices: catalogue.regionChoices, action: "/sdg-map/\(number)"), goal: number,
                svg: SDGMapSVG.targetBars(row, goalLabel: goal.label.en), supply: row.count.supply, demand: row.count.demand,
                gap: SDGMapSVG.signed(row.count.gap), targets: targets, backHref: "/sdg-map" + query, csvHref: "/sdg-map.csv" + query)
            return pages.render("sdg_goal_map", view)
        }
    }

    private func readFilter(_ request: Request) -> SDGMap.Filter {
        let query = request.uri.queryParameters
        return presenter.filter(region: query.get("region").flatMap { $0.isEmpty ? nil : $0 },
                                theme: query.get("theme").flatMap { $0.isEmpty ? nil : $0 }, choices: catalogue.regionChoices)
    }
}
