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

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("members") { request, context in
            let notice = request.uri.queryParameters.get("saved") != nil ? "Member saved." : nil
            return try list(context, form: blankForm(), notice: notice)
        }
        group.post("members") { request, context in
            var request = request
            let form = try await FormData.read(&request, context: context)
            let country = form.first("country") ?? "", joined = form.first("joined") ?? "", note = form.first("note") ?? ""
            do {
                try members.add(country: country, joined: joined, note: note, actor: context.actor)
                return Response.redirect(to: "/members?saved=1", type: .normal)
            } catch CatalogueError.invalid(let failure) {
                let view = MemberFormView(countries: countryOptions(selected: country), joined: joined, note: note,
                                          errors: failure.errors.map { FieldProblemView(field: $0.field, reason: $0.reason) }, hasErrors: true)
                return try list(context, form: view, status: .unprocessableContent)
            }
        }
        group.get("members.csv") { _, _ in
            ReportPagesController.download(try members.csv(), type: "text/csv; charset=utf-8", name: "solex-members.csv")
        }
        group.get("members/:code") { _, context in
            let code = try context.parameters.require("code")
            guard let country = reference.country(code), let member = try members.member(country.alpha3) else { throw HTTPError(.notFound) }
            return try memberPage(country, member, context)
        }
    }

    private func blankForm() -> MemberFormView {
        MemberFormView(countries: countryOptions(selected: ""), joined: "", note: "", errors: [], hasErrors: false)
    }

    private func countryOptions(selected: String) -> [OptionView] {
        [OptionView(value: "", label: "Choose a country", selected: selected.isEmpty)]
            + reference.countries.sorted { $0.name.en < $1.name.en }.map {
                OptionView(value: $0.alpha3, label: "\($0.name.en) (\($0.alpha3))", selected: $0.alpha3 == selected.uppercased())
            }
    }

    private func list(_ context: AppRequestContext, form: MemberFormView, notice: String? = nil,
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let rows = try members.list().map { member in
            let country = reference.country(member.country)
            return MemberRowView(code: member.country, name: country?.name.en ?? member.country, href: "/members/\(member.country)",
                                 region: country?.region ?? "", subregion: country?.subregion ?? "", joined: member.joined,
                                 focalPointCount: member.focalPoints.count, agencyCount: member.agencies.count,
                                 innovationCount: member.innovationCount, needCount: member.needCount, adoptionCount: member.adoptionCount)
        }
        let canManage = AccessPolicy.decide(context.actor, .manageMembers).isAllowed
        let view = MembersPageView(layout: LayoutView(title: "Members", context: context, section: "members", notice: notice),
                                   members: rows, memberCount: rows.count, form: canManage ? form : nil)
        return pages.render("members", view, status: status)
    }

    private func memberPage(_ country: Country, _ member: Member, _ context: AppRequestContext) throws -> Response {
        var facts = [
            FactView(label: "Member since", value: member.joined),
            FactView(label: "UN M49 region", value: country.region.isEmpty ? "—" : country.region),
            FactView(label: "UN M49 sub-region", value: country.subregion.isEmpty ? "—" : country.subregion),
            FactView(label: "Groupings", value: country.globalSouth ? "Global South (\(country.globalSouthBasis))" : "Not in the Global South grouping"),
            FactView(label: "Published innovations and needs", value: "\(member.innovationCount) innovations · \(member.needCount) needs"),
        ]
        if !member.note.isEmpty { facts.append(FactView(label: "Note", value: member.note)) }
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
            layout: LayoutView(title: country.name.en, context: context, section: "members"), facts: facts,
            focalPoints: signedIn ? member.focalPoints : [],
            focalPointNote: signedIn ? nil : "\(member.focalPoints.count) focal point account(s); sign in to see their addresses.",
            agencies: member.agencies, innovations: innovations.entries.map(presenter(context).row), needs: needs.entries.map(presenter(context).row),
            innovationTotal: innovations.total, needTotal: needs.total,
            moreInnovationsHref: more(innovations, .innovation), moreNeedsHref: more(needs, .need), canSeePairings: canSeePairings,
            pairings: pairings.map { pairing in
                PairingRowView(direction: pairing.offered ? "Offers" : "Needs",
                               need: LinkView(label: pairing.needTitle, href: "/needs/\(percentEncoded(pairing.needRef))"),
                               needCountry: pairing.needCountry,
                               innovation: LinkView(label: pairing.innovationTitle, href: "/innovations/\(percentEncoded(pairing.innovationRef))"),
                               innovationCountry: pairing.innovationCountry, status: pairing.status.label, updated: Timestamp.day(pairing.updatedAt))
            },
            adoptions: adoptions.map(NetworkPresenter(reference: reference).row), countryHref: "/countries/\(country.alpha3)")
        return pages.render("member", view)
    }
}
