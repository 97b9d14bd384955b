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
    private func networkPresenter(_ context: AppRequestContext) -> NetworkPresenter {
        NetworkPresenter(reference: reference, localizer: context.localizer)
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("sdg-map") { request, context in
            let filter = readFilter(request), presenter = networkPresenter(context), localizer = context.localizer
            let map = try catalogue.sdgMap(filter)
            let regions = catalogue.mapRegions
            let names = Dictionary(regions.map { ($0.code, presenter.regionName($0.code, english: $0.name)) }, uniquingKeysWith: { first, _ in first })
            let query = NetworkPresenter.query(filter)
            let labels = presenter.goalLabels()
            let svg = SDGMapSVG.heatMap(map, goalLabels: labels, regionNames: names, words: presenter.mapWords) { goal, region in
                "/sdg-map/\(goal)" + NetworkPresenter.query(SDGMap.Filter(region: region, theme: filter.theme))
            }
            let goals = map.goals.enumerated().map { index, row in
                MapGoalRowView(goal: row.goal, label: labels[row.goal] ?? "", href: "/sdg-map/\(row.goal)" + query,
                               supply: presenter.count(row.count.supply), demand: presenter.count(row.count.demand),
                               gap: presenter.signed(row.count.gap),
                               cells: zip(map.regions, map.cells[index]).map { region, count in
                                   MapCellView(supply: presenter.count(count.supply), demand: presenter.count(count.demand),
                                               gap: presenter.signed(count.gap),
                                               href: "/sdg-map/\(row.goal)" + NetworkPresenter.query(SDGMap.Filter(region: region, theme: filter.theme)))
                               })
            }
            let view = SDGMapPageView(
                layout: LayoutView(title: localizer.t("sdgmap.title"), context: context, section: "sdg-map"),
                filter: presenter.filterView(filter, choices: catalogue.regionChoices, action: "/sdg-map"), svg: svg,
                regionHeaders: map.regions.map { names[$0] ?? String($0) }, goals: goals, totalSupply: presenter.count(map.total.supply),
                totalDemand: presenter.count(map.total.demand), totalGap: presenter.signed(map.total.gap), csvHref: "/sdg-map.csv" + query,
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
            let filter = readFilter(request), presenter = networkPresenter(context), localizer = context.localizer
            let map = try catalogue.sdgMap(filter)
            guard let row = map.row(number) else { throw HTTPError(.notFound) }
            let titles = try catalogue.publishedTitles()
            func links(_ refs: [String], _ plural: String) -> [LinkView] {
                refs.map { LinkView(label: "\($0): \(titles[$0] ?? "")", href: "/\(plural)/\(percentEncoded($0))") }
            }
            let targets = row.targets.map { target in
                MapTargetRowView(id: target.id, anchor: "target-\(target.id)", label: reference.target(target.id).map { localizer.text($0.label) } ?? "",
                                 supply: presenter.count(target.count.supply), demand: presenter.count(target.count.demand),
                                 gap: presenter.signed(target.count.gap),
                                 supplyEntries: links(target.count.supplyRefs, "innovations"), demandEntries: links(target.count.demandRefs, "needs"),
                                 hasEntries: target.count.supply + target.count.demand > 0)
            }
            let query = NetworkPresenter.query(filter)
            let view = SDGGoalMapPageView(
                layout: LayoutView(title: localizer.t("sdgmap.goal_title", ["number": String(number), "label": localizer.text(goal.label)]),
                                   context: context, section: "sdg-map"),
                filter: presenter.filterView(filter, choices: catalogue.regionChoices, action: "/sdg-map/\(number)"), goal: number,
                svg: SDGMapSVG.targetBars(row, goalLabel: localizer.text(goal.label), words: presenter.mapWords),
                supply: presenter.count(row.count.supply), demand: presenter.count(row.count.demand), gap: presenter.signed(row.count.gap), targets: targets, backHref: "/sdg-map" + query, csvHref: "/sdg-map.csv" + query)
            return pages.render("sdg_goal_map", view)
        }
    }

    private func readFilter(_ request: Request) -> SDGMap.Filter {
        let query = request.uri.queryParameters
        return NetworkPresenter(reference: reference).filter(region: query.get("region").flatMap { $0.isEmpty ? nil : $0 },
                                theme: query.get("theme").flatMap { $0.isEmpty ? nil : $0 }, choices: catalogue.regionChoices)
    }
}
