import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The home page: what Solex is, counts, latest entries.
struct HomeController {
    let catalogue: Catalogue
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/") { _, context in
            let visibility = Visibility(context.actor)
            let counts = try catalogue.counts(visibility: visibility)
            let presenter = Presenter(reference: catalogue.reference, localizer: context.localizer)
            func latest(_ kind: EntryKind) throws -> [EntryRowView] {
                try catalogue.list(EntryQuery(kind: kind, perPage: 5, sort: .updated, descending: true, visibility: visibility)).entries.map(presenter.row)
            }
            let view = HomePageView(
                layout: LayoutView(title: "Solex", context: context, section: "home"),
                innovationCount: context.localizer.number(counts.innovations), needCount: context.localizer.number(counts.needs),
                countryCount: context.localizer.number(counts.countries),
                latestInnovations: try latest(.innovation), latestNeeds: try latest(.need))
            return pages.render("home", view)
        }
    }
}
