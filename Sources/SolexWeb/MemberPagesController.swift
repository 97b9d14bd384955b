import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The members directory: `/members` (with the secretariat's form to add or change a member), `/members.csv` and one
/// page per member country, `/members/:code`.
struct MemberPagesController {
    let catalogue: Catalogue
    let pages: PageRenderer

    private var members: Members { Members(catalogue: catalogue) }
    private var reference: ReferenceData { catalogue.reference }
    func presenter(_ context: AppRequestContext) -> Presenter { Presenter(reference: reference, localizer: context.localizer) }
    func networkPresenter(_ context: AppRequestContext) -> NetworkPresenter { NetworkPresenter(reference: reference, localizer: context.localizer) }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("members") { request, context in
            let query = request.uri.queryParameters
            let removed = query.get("removed").flatMap { reference.country($0) }.map { context.localizer.text($0.name) }
            let notice = query.get("saved") != nil ? context.localizer.t("members.saved")
                : removed.map { context.localizer.t("members.removed", ["country": $0]) }
            return try list(context, form: blankForm(context.localizer), notice: notice)
        }
        group.post("members") { request, context in
            var request = request
            let form = try await FormData.read(&request, context: context)
            let country = form.first("country") ?? "", joined = form.first("joined") ?? "", note = form.first("note") ?? ""
            do {
                try members.add(country: country, joined: joined, note: note, actor: context.actor)
                return Response.redirect(to: "/members?saved=1", type: .normal)
            } catch CatalogueError.invalid(let failure) {
                let view = MemberFormView(countries: countryOptions(selected: country, context.localizer), joined: joined, note: note,
                                          errors: failure.errors.map { networkPresenter(context).problem($0, labels: "member.field_") }, hasErrors: true)
                return try list(context, form: view, status: .unprocessableContent)
            }
        }
        group.get("members.csv") { _, _ in
            ReportPagesController.download(try members.csv(), type: "text/csv; charset=utf-8", name: "solex-members.csv")
        }
        group.get("members/:code/remove") { _, context in
            let (country, member) = try memberToRemove(context)
            let localizer = context.localizer, name = localizer.text(country.name)
            let view = MemberRemoveView(
                layout: LayoutView(title: localizer.t("member.remove_title", ["country": name]), context: context, section: "members"),
                question: localizer.t("member.remove_question", ["country": name, "joined": localizer.day(iso: member.joined)]),
                action: "/members/\(country.alpha3)/remove", cancelHref: "/members/\(country.alpha3)")
            return pages.render("member_remove", view)
        }
        group.post("members/:code/remove") { _, context in
            let (country, _) = try memberToRemove(context)
            try members.remove(country: country.alpha3, actor: context.actor)
            return Response.redirect(to: "/members?removed=\(country.alpha3)", type: .normal)
        }
        group.get("members/:code") { _, context in
            let code = try context.parameters.require("code")
            guard let country = reference.country(code), let member = try members.member(country.alpha3) else { throw HTTPError(.notFound) }
            return try memberPage(country, member, context)
        }
    }

    /// The member country of the path that the actor is about to remove: refused unless the actor manages
    /// members, 404 unless the country is a member.
    private func memberToRemove(_ context: AppRequestContext) throws -> (Country, Member) {
        try catalogue.authorize(context.actor, .manageMembers)
        let code = try context.parameters.require("code")
        guard let country = reference.country(code), let member = try members.member(country.alpha3) else { throw HTTPError(.notFound) }
        return (country, member)
    }

    private func blankForm(_ localizer: Localizer) -> MemberFormView {
        MemberFormView(countries: countryOptions(selected: "", localizer), joined: "", note: "", errors: [], hasErrors: false)
    }

    /// Every country by its name in the page's language, in that language's order.
    private func countryOptions(selected: String, _ localizer: Localizer) -> [OptionView] {
        [OptionView(value: "", label: localizer.t("members.choose_country"), selected: selected.isEmpty)]
            + reference.countries.map { (code: $0.alpha3, name: localizer.text($0.name)) }
                .sorted { $0.name.compare($1.name, locale: localizer.language.locale) == .orderedAscending }
                .map { OptionView(value: $0.code, label: "\($0.name) (\($0.code))", selected: $0.code == selected.uppercased()) }
    }

    private func list(_ context: AppRequestContext, form: MemberFormView, notice: String? = nil,
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let localizer = context.localizer, network = networkPresenter(context), presenter = self.presenter(context)
        let rows = try members.list().map { member -> MemberRowView in
            let country = reference.country(member.country)
            return MemberRowView(code: member.country, name: presenter.countryName(member.country), href: "/members/\(member.country)",
                                 region: network.regionName(country?.regionCode, english: country?.region ?? ""),
                                 subregion: network.regionName(country?.subregionCode, english: country?.subregion ?? ""),
                                 joined: localizer.day(iso: member.joined),
                                 focalPointCount: localizer.number(member.focalPoints.count), agencyCount: localizer.number(member.agencies.count),
                                 innovationCount: localizer.number(member.innovationCount), needCount: localizer.number(member.needCount),
                                 adoptionCount: localizer.number(member.adoptionCount))
        }.sorted { (a: MemberRowView, b: MemberRowView) in a.name.compare(b.name, locale: localizer.language.locale) == .orderedAscending }
        let canManage = AccessPolicy.decide(context.actor, .manageMembers).isAllowed
        let view = MembersPageView(layout: LayoutView(title: localizer.t("members.title"), context: context, section: "members", notice: notice),
                                   members: rows, memberCount: localizer.number(rows.count), form: canManage ? form : nil)
        return pages.render("members", view, status: status)
    }

    private func memberPage(_ country: Country, _ member: Member, _ context: AppRequestContext) throws -> Response {
        let localizer = context.localizer, network = networkPresenter(context)
        var facts = [
            FactView(label: localizer.t("member.since"), value: localizer.day(iso: member.joined)),
            FactView(label: localizer.t("countries.fact_region"),
                     value: country.region.isEmpty ? "—" : network.regionName(country.regionCode, english: country.region)),
            FactView(label: localizer.t("countries.fact_subregion"),
                     value: country.subregion.isEmpty ? "—" : network.regionName(country.subregionCode, english: country.subregion)),
            FactView(label: localizer.t("member.groupings"), value: country.globalSouth
                ? localizer.t("member.global_south", ["basis": ReferencePagesController.globalSouthBasis(country.globalSouthBasis, localizer)])
                : localizer.t("member.not_global_south")),
            FactView(label: localizer.t("member.published"), value: localizer.t("member.published_value", [
                "innovations": localizer.number(member.innovationCount), "needs": localizer.number(member.needCount),
            ])),
        ]
        if !member.note.isEmpty { facts.append(FactView(label: localizer.t("member.note"), value: member.note)) }
        let visibility = Visibility(context.actor)
        func query(_ kind: EntryKind) -> EntryQuery {
            var query = EntryQuery(kind: kind, perPage: ReferencePagesController.shown, sort: .title, country: country.alpha3)
            query.visibility = visibility
            return query
        }
        let innovations = try catalogue.list(query(.innovation)), needs = try catalogue.list(query(.need))
        func more(_ page: EntryPage, _ kind: EntryKind) -> String? {
            page.total > page.entries.count ? "/\(kind.plural)?country=\(country.alpha3)" : nil
        }
        let canSeePairings = AccessPolicy.decide(context.actor, .readPairings(country: country.alpha3)).isAllowed
        let pairings = canSeePairings ? try members.pairings(of: country.alpha3, actor: context.actor) : []
        let signedIn = context.actor.role != nil
        let adoptions = try Adoptions(catalogue: catalogue).list(country: country.alpha3)
        let view = MemberPageView(
            layout: LayoutView(title: localizer.text(country.name), context: context, section: "members"), facts: facts,
            focalPoints: signedIn ? member.focalPoints : [],
            focalPointNote: signedIn ? nil : member.focalPoints.count == 1 ? localizer.t("member.focal_note_one")
                : localizer.t("member.focal_note_many", ["count": localizer.number(member.focalPoints.count)]),
            agencies: member.agencies, innovations: innovations.entries.map(presenter(context).row), needs: needs.entries.map(presenter(context).row),
            innovationTotal: localizer.number(innovations.total), needTotal: localizer.number(needs.total),
            moreInnovationsHref: more(innovations, .innovation), moreNeedsHref: more(needs, .need), canSeePairings: canSeePairings,
            pairings: pairings.map { pairing in
                PairingRowView(direction: pairing.offered ? localizer.t("member.offers") : localizer.t("member.needs"),
                               need: LinkView(label: pairing.needTitle, href: "/needs/\(percentEncoded(pairing.needRef))"),
                               needCountry: presenter(context).countryName(pairing.needCountry),
                               innovation: LinkView(label: pairing.innovationTitle, href: "/innovations/\(percentEncoded(pairing.innovationRef))"),
                               innovationCountry: presenter(context).countryName(pairing.innovationCountry),
                               status: localizer.has("member.status_" + pairing.status.rawValue) ? localizer.t("member.status_" + pairing.status.rawValue)
                                   : pairing.status.label,
                               updated: localizer.day(pairing.updatedAt))
            },
            adoptions: adoptions.map(network.row), countryHref: "/countries/\(country.alpha3)",
            removeHref: AccessPolicy.decide(context.actor, .manageMembers).isAllowed ? "/members/\(country.alpha3)/remove" : nil)
        return pages.render("member", view)
    }
}
