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

    /// Whether the country is a member of the network, linking to its member page when it is.
    func membershipFact(_ country: Country, _ localizer: Localizer) throws -> ReferencePageView.Fact {
        guard let member = try Members(catalogue: catalogue).member(country.alpha3) else {
            return .init(label: localizer.t("countries.fact_member"), value: localizer.t("countries.not_member"))
        }
        return .init(label: localizer.t("countries.fact_member"),
                     value: localizer.t("countries.member_since", ["joined": localizer.day(iso: member.joined)]),
                     href: "/members/\(country.alpha3)")
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("countries") { _, context in
            let innovations = try catalogue.referenceCounts(.innovation, visibility: Visibility(context.actor)),
                needs = try catalogue.referenceCounts(.need, visibility: Visibility(context.actor))
            let localizer = context.localizer, network = NetworkPresenter(reference: reference, localizer: localizer)
            let rows = reference.countries.map { (country: $0, name: localizer.text($0.name)) }
                .sorted { $0.name.compare($1.name, locale: localizer.language.locale) == .orderedAscending }
                .map { country, name in
                    CountryRowView(name: name, href: "/countries/\(country.alpha3)", alpha3: country.alpha3,
                                   region: network.regionName(country.regionCode, english: country.region),
                                   subregion: network.regionName(country.subregionCode, english: country.subregion), globalSouth: country.globalSouth,
                                   innovationCount: localizer.number(innovations.byCountry[country.alpha3] ?? 0),
                                   needCount: localizer.number(needs.byCountry[country.alpha3] ?? 0))
                }
            return pages.render("countries", CountriesPageView(
                layout: LayoutView(title: localizer.t("countries.title"), context: context, section: "countries"), countries: rows))
        }
        group.get("countries/:code") { _, context in
            guard let country = reference.country(try context.parameters.require("code")) else { throw HTTPError(.notFound) }
            let localizer = context.localizer, network = NetworkPresenter(reference: reference, localizer: localizer)
            let facts: [ReferencePageView.Fact] = [
                .init(label: localizer.t("countries.fact_codes"), value: "\(country.alpha3) · \(country.alpha2) · \(country.numeric)"),
                .init(label: localizer.t("countries.fact_names"), value: "\(country.name.en) · \(country.name.fr) · \(country.name.es)"),
                .init(label: localizer.t("countries.fact_region"),
                      value: country.region.isEmpty ? "—" : network.regionName(country.regionCode, english: country.region)),
                .init(label: localizer.t("countries.fact_subregion"),
                      value: country.subregion.isEmpty ? "—" : network.regionName(country.subregionCode, english: country.subregion)),
                .init(label: localizer.t("countries.fact_global_south"), value: localizer.t("countries.global_south_value", [
                    "answer": country.globalSouth ? localizer.t("countries.yes") : localizer.t("countries.no"),
                    "basis": Self.globalSouthBasis(country.globalSouthBasis, localizer),
                ])),
                try membershipFact(country, localizer),
            ]
            return try page(title: localizer.text(country.name), section: "countries", lead: nil, facts: facts, context: context) {
                EntryQuery(kind: $0, perPage: Self.shown, sort: .title, country: country.alpha3)
            }
        }
        group.get("themes") { _, context in
            let innovations = try catalogue.referenceCounts(.innovation, visibility: Visibility(context.actor)),
                needs = try catalogue.referenceCounts(.need, visibility: Visibility(context.actor))
            let localizer = context.localizer
            let rows = reference.themes.map { theme in
                ReferenceRowView(label: localizer.text(theme.label), href: "/themes/\(theme.slug)", summary: localizer.text(theme.summary),
                                 innovationCount: localizer.number(innovations.byTheme[theme.slug] ?? 0),
                                 needCount: localizer.number(needs.byTheme[theme.slug] ?? 0))
            }
            return pages.render("reference_index", ReferenceIndexView(
                layout: LayoutView(title: localizer.t("themes.title"), context: context, section: "themes"),
                lead: localizer.t("themes.lead"), rows: rows))
        }
        group.get("themes/:slug") { _, context in
            guard let theme = reference.theme(try context.parameters.require("slug")) else { throw HTTPError(.notFound) }
            return try page(title: context.localizer.text(theme.label), section: "themes", lead: context.localizer.text(theme.summary), facts: [], context: context) {
                EntryQuery(kind: $0, perPage: Self.shown, sort: .title, theme: theme.slug)
            }
        }
        group.get("sdgs") { _, context in
            let innovations = try catalogue.referenceCounts(.innovation, visibility: Visibility(context.actor)),
                needs = try catalogue.referenceCounts(.need, visibility: Visibility(context.actor))
            let localizer = context.localizer
            let rows = reference.goals.map { goal in
                ReferenceRowView(label: localizer.t("sdgs.goal_label", ["number": String(goal.number), "label": localizer.text(goal.label)]),
                                 href: "/sdgs/\(goal.number)",
                                 summary: localizer.t("sdgs.target_count", ["count": localizer.number(reference.targets.filter { $0.goal == goal.number }.count)]),
                                 innovationCount: localizer.number(innovations.byGoal[goal.number] ?? 0),
                                 needCount: localizer.number(needs.byGoal[goal.number] ?? 0))
            }
            return pages.render("reference_index", ReferenceIndexView(
                layout: LayoutView(title: localizer.t("sdgs.title"), context: context, section: "sdgs"),
                lead: localizer.t("sdgs.lead"), rows: rows))
        }
        group.get("sdgs/:goal") { _, context in
            guard let number = Int(try context.parameters.require("goal")), let goal = reference.goal(number) else {
                throw HTTPError(.notFound)
            }
            let localizer = context.localizer
            let targets = reference.targets.filter { $0.goal == number }.map {
                LinkView(label: "\($0.id) \(localizer.text($0.label))", href: "/sdgs/\(number)#target-\($0.id)")
            }
            return try page(title: localizer.t("sdgs.goal_label", ["number": String(number), "label": localizer.text(goal.label)]), section: "sdgs", lead: nil, facts: [], targets: targets,
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
            subItems: targets, subItemsHeading: targets.isEmpty ? nil : context.localizer.t("sdgs.targets"),
            innovations: innovations.entries.map(presenter(context).row), needs: needs.entries.map(presenter(context).row),
            innovationTotal: context.localizer.number(innovations.total), needTotal: context.localizer.number(needs.total),
            moreInnovationsHref: more(innovations, .innovation), moreNeedsHref: more(needs, .need))
        return pages.render("reference", view)
    }

    /// The stated basis of a country's Global South membership in the page's language (the reference holds it in
    /// English only; the two bases it uses have messages).
    static func globalSouthBasis(_ basis: String, _ localizer: Localizer) -> String {
        switch basis {
        case "UNCTAD developing economies (M49 developed/developing split)": localizer.t("countries.basis_developing")
        case "no M49 region": localizer.t("countries.basis_no_region")
        default: basis
        }
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
