import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The workshop pages: list and create workshops, the organiser's grid with its forms (requests, schedule, move,
/// swap, pin), the exports and the printable agendas. Reading needs `readWorkshops` (anyone signed in), writing
/// `workshops` (organisers, the secretariat, administrators); the `Workshops` service checks both.
struct WorkshopPagesController {
    let workshops: Workshops
    let reports: MatchReports
    let pages: PageRenderer
    /// The style sheet put into the printable agenda file (`static/solex.css` of the web folder).
    let style: String

    init(catalogue: Catalogue, pages: PageRenderer, webDirectory: String) {
        workshops = Workshops(catalogue: catalogue)
        reports = MatchReports(catalogue: catalogue)
        self.pages = pages
        style = (try? String(contentsOfFile: webDirectory + "/static/solex.css", encoding: .utf8)) ?? ""
    }

    private var catalogue: Catalogue { workshops.catalogue }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("workshops") { _, context in
            let list = try workshops.list(actor: context.actor)
            let localizer = context.localizer
            let rows = list.map { summary in
                WorkshopRowView(slug: summary.slug, name: summary.name, href: "/workshops/\(percentEncoded(summary.slug))",
                                dates: localizer.dates(summary.firstDay, summary.lastDay), venue: summary.venue,
                                delegationCount: localizer.number(summary.delegationCount), requestCount: localizer.number(summary.requestCount),
                                scheduled: summary.scheduledCount.map {
                                    localizer.t("workshops.scheduled", ["count": localizer.number($0), "bound": localizer.number(summary.upperBound ?? $0)])
                                } ?? localizer.t("workshops.not_scheduled"))
            }
            let view = WorkshopListPageView(layout: LayoutView(title: localizer.t("nav.workshops"), context: context, section: "workshops"),
                                            canCreate: AccessPolicy.decide(context.actor, .workshops).isAllowed, workshops: rows)
            return pages.render("workshops", view)
        }
        group.get("workshops/new") { _, context in
            try catalogue.authorize(context.actor, .workshops)
            return try newForm(WorkshopForm.blank, context)
        }
        group.post("workshops") { request, context in
            var request = request
            let data = try await FormData.read(&request, context: context)
            try catalogue.authorize(context.actor, .workshops)
            // The upload form (multipart) sends `file`, empty when no file was chosen.
            if let file = data.first("file") {
                guard !file.isEmpty else {
                    return try newForm(WorkshopForm.blank, context, status: .unprocessableContent, fileErrors: [context.localizer.t("workshop.field_reason", ["field": "file", "reason": context.localizer.t("workshop.new.choose_file")])])
                }
                return try upload(file, context)
            }
            var form = WorkshopForm.posted(data)
            switch form.parsed() {
            case .failure(let failure):
                form.errors = failure.errors
            case .success(let (input, report, selection)):
                do {
                    let (summary, _) = try workshops.create(input, fromReport: report, selection: selection, actor: context.actor)
                    return Response.redirect(to: "/workshops/\(percentEncoded(summary.slug))?created=1", type: .normal)
                } catch WorkshopError.invalid(let failure) {
                    form.errors = failure.errors
                }
            }
            return try newForm(form, context, status: .unprocessableContent)
        }
        group.get("workshops/:id") { request, context in
            let query = request.uri.queryParameters
            var state = WorkshopPageState()
            let localizer = context.localizer
            state.notice = query.get("created") != nil ? localizer.t("workshop.created") : query.get("scheduled") != nil ? localizer.t("workshop.scheduled_notice")
                : query.get("saved") != nil ? localizer.t("workshop.saved") : nil
            return try show(try find(context), context, state)
        }
        WorkshopEditRoutes(controller: self).add(to: group)
        WorkshopExportRoutes(controller: self).add(to: group)
    }

    private func newForm(_ form: WorkshopForm, _ context: AppRequestContext, status: HTTPResponse.Status = .ok,
                         fileErrors: [String] = []) throws -> Response {
        let layout = LayoutView(title: context.localizer.t("workshops.new"), context: context, section: "workshops")
        return pages.render("workshop_new", form.view(layout: layout, reports: try reports.list(), fileErrors: fileErrors, localizer: context.localizer),
                            status: status)
    }

    /// Creates a workshop from an uploaded workshop file (the format of `solex workshop create --file`).
    private func upload(_ file: String, _ context: AppRequestContext) throws -> Response {
        do {
            let summary = try workshops.create(file: Data(file.utf8), actor: context.actor)
            return Response.redirect(to: "/workshops/\(percentEncoded(summary.slug))?created=1", type: .normal)
        } catch WorkshopError.invalid(let failure) {
            return try newForm(WorkshopForm.blank, context, status: .unprocessableContent,
                               fileErrors: failure.errors.map { context.localizer.fieldLine($0) })
        }
    }

    /// The workshop named by the path; 404 if there is none.
    func find(_ context: AppRequestContext) throws -> StoredWorkshop {
        let slug = try context.parameters.require("id")
        guard let workshop = try workshops.workshop(slug, actor: context.actor) else { throw HTTPError(.notFound) }
        return workshop
    }

    /// The workshop's page.
    func show(_ workshop: StoredWorkshop, _ context: AppRequestContext, _ state: WorkshopPageState,
              status: HTTPResponse.Status = .ok) throws -> Response {
        let layout = LayoutView(title: workshop.summary.name, context: context, section: "workshops", notice: state.notice)
        let canEdit = AccessPolicy.decide(context.actor, .workshops).isAllowed
        let presenter = WorkshopPagePresenter(workshop: workshop, labels: try labels(workshop, context.localizer), canEdit: canEdit,
                                              localizer: context.localizer)
        let view = presenter.page(layout: layout, reports: canEdit ? try reports.list() : [], state: state)
        return pages.render("workshop", view, status: status)
    }

    /// The names of the workshop's countries, needs and innovations, countries named in the page's language.
    func labels(_ workshop: StoredWorkshop, _ localizer: Localizer) throws -> AgendaLabels {
        try workshops.labels(for: workshop.input).localized(catalogue.reference, language: localizer.language.code)
    }
}
