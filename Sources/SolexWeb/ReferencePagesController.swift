import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// Pages of the reference vocabularies: countries, themes, SDG goals, each listing the entries that refer to it.
struct ReferencePagesController {
    let catalogue: Catalogue
    let pages: PageRenderer

    private var reference: ReferenceData { catalogue.reference }
    func presenter(_ context: AppRequestContext) -> Presenter { Presenter(reference: reference, localizer: context.localizer) }
    /// Entries of each kind shown on a reference page before "See all".
    static let shown = 10

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("countries") { _, context in
            let innovations = try catalogue.referenceCounts(.innovation, visibility: Visibility(context.actor)),
                needs = try catalogue.referenceCounts(.need, visibility: Visibility(context.actor))
            let rows = reference.countries.sorted { $0.name.en < $1.name.en }.map { country in
                CountryRowView(name: country.name.en, href: "/countries/\(country.alpha3)", alpha3: country.alpha3,
                               region: country.region, subregion: country.subregion, globalSouth: country.globalSouth,
                               innovationCount: innovations.byCountry[country.alpha3] ?? 0, needCount: needs.byCountry[country.alpha3] ?? 0)
            }
            return pages.render("countries", CountriesPageView(
                layout: LayoutView(title: "Countries", context: context, section: "countries"), countries: rows))
        }
        group.get("countries/:code") { _, context in
            guard let country = reference.country(try context.parameters.require("code")) else { throw HTTPError(.notFound) }
            let facts: [ReferencePageView.Fact] = [
                .init(label: "ISO 3166-1 codes", value: "\(country.alpha3) · \(country.alpha2) · \(country.numeric)"),
                .init(label: "Names", value: "\(country.name.en) · \(country.name.fr) · \(country.name.es)"),
                .init(label: "UN M49 region", value: country.region.isEmpty ? "—" : country.region),
                .init(label: "UN M49 sub-region", value: country.subregion.isEmpty ? "—" : country.subregion),
                .init(label: "Global South", value: (country.globalSouth ? "Yes" : "No") + " (\(country.globalSouthBasis))"),
            ]
            return try page(title: country.name.en, section: "countries", lead: nil, facts: facts, context: context) {
                EntryQuery(kind: $0, perPage: Self.shown, sort: .title, country: country.alpha3)
            }
        }
        group.get("themes") { _, context in
            let innovations = try catalogue.referenceCounts(.innovation, visibility: Visibility(context.actor)),
                needs = try catalogue.referenceCounts(.need, visibility: Visibility(context.actor))
            let rows = reference.themes.map { theme in
                ReferenceRowView(label: theme.label.en, href: "/themes/\(theme.slug)", summary: theme.summary,
                                 innovationCount: innovations.byTheme[theme.slug] ?? 0, needCount: needs.byTheme[theme.slug] ?? 0)
            }
            return pages.render("reference_index", ReferenceIndexView(
                layout: LayoutView(title: "Themes", context: context, section: "themes"),
                lead: "Every innovation and need is classified under one or more of these themes.", rows: rows))
        }
        group.get("themes/:slug") { _, context in
            guard let theme = reference.theme(try context.parameters.require("slug")) else { throw HTTPError(.notFound) }
            return try page(title: theme.label.en, section: "themes", lead: theme.summary, facts: [], context: context) {
                EntryQuery(kind: $0, perPage: Self.shown, sort: .title, theme: theme.slug)
            }
        }
        group.get("sdgs") { _, context in
            let innovations = try catalogue.referenceCounts(.innovation, visibility: Visibility(context.actor)),
                needs = try catalogue.referenceCounts(.need, visibility: Visibility(context.actor))
            let rows = reference.goals.map { goal in
                ReferenceRowView(label: "Goal \(goal.number): \(goal.label.en)", href: "/sdgs/\(goal.number)",
                                 summary: "\(reference.targets.filter { $0.goal == goal.number }.count) targets",
                                 innovationCount: innovations.byGoal[goal.number] ?? 0, needCount: needs.byGoal[goal.number] ?? 0)
            }
            return pages.render("reference_index", ReferenceIndexView(
                layout: LayoutView(title: "Sustainable Development Goals", context: context, section: "sdgs"),
                lead: "Innovations and needs name the SDG targets they serve.", rows: rows))
        }
        group.get("sdgs/:goal") { _, context in
            guard let number = Int(try context.parameters.require("goal")), let goal = reference.goal(number) else {
                throw HTTPError(.notFound)
            }
            let targets = reference.targets.filter { $0.goal == number }.map {
                LinkView(label: "\($0.id) \($0.label.en)", href: "/sdgs/\(number)#target-\($0.id)")
            }
            return try page(title: "Goal \(number): \(goal.label.en)", section: "sdgs", lead: nil, facts: [], targets: targets,
                            context: context) {
                EntryQuery(kind: $0, perPage: Self.shown, sort: .title, sdgGoal: number)
            }
        }
    }

    private func page(title: String, section: String, lead: String?, facts: [ReferencePageView.Fact], targets: [LinkView] = [],
                      context: AppRequestContext, query: (EntryKind) -> EntryQuery) throws -> Response {
        func visible(_ kind: EntryKind) -> EntryQuery {
            var visible = query(kind)
            visible.visibility = Visibility(context.actor)
            return visible
        }
        let innovations = try catalogue.list(visible(.innovation)), needs = try catalogue.list(visible(.need))
        func more(_ page: EntryPage, _ kind: EntryKind) -> String? {
            guard page.total > page.entries.count else { return nil }
            return "/\(kind.plural)" + ListParameters.filterQuery(query(kind))
        }
        let view = ReferencePageView(
            layout: LayoutView(title: title, context: context, section: section), lead: lead, facts: facts,
            subItems: targets, subItemsHeading: targets.isEmpty ? nil : "Targets",
            innovations: innovations.entries.map(presenter(context).row), needs: needs.entries.map(presenter(context).row),
            innovationTotal: innovations.total, needTotal: needs.total,
            moreInnovationsHref: more(innovations, .innovation), moreNeedsHref: more(needs, .need))
        return pages.render("reference", view)
    }
}

extension ListParameters {
    /// The filter part of a list URL for `query`.
    static func filterQuery(_ query: EntryQuery) -> String {
        var items: [String] = []
        if let country = query.country { items.append("country=\(percentEncoded(country))") }
        if let theme = query.theme { items.append("theme=\(percentEncoded(theme))") }
        if let goal = query.sdgGoal { items.append("sdg=\(goal)") }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }
}
