import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The forms of a workshop's page: add requests (from a report or by hand), schedule, move, swap, pin and unpin.
/// A refused edit shows the page again with the reason and status 409 (a constraint) or 422 (a value), and
/// changes nothing; an edit that is done goes back to the page (303).
struct WorkshopEditRoutes {
    let controller: WorkshopPagesController

    private var workshops: Workshops { controller.workshops }

    func add(to group: RouterGroup<AppRequestContext>) {
        group.post("workshops/:id/requests") { request, context in
            let (form, slug) = try await read(request, context)
            let localizer = context.localizer
            var state = WorkshopPageState()
            do {
                if form.first("source") == "hand" {
                    (state.need, state.innovation, state.priority) = (form.first("need") ?? "", form.first("innovation") ?? "", form.first("priority") ?? "")
                    let need = state.need.trimmingCharacters(in: .whitespaces), innovation = state.innovation.trimmingCharacters(in: .whitespaces)
                    let text = state.priority.trimmingCharacters(in: .whitespaces)
                    guard text.isEmpty || Double(text) != nil else {
                        throw WorkshopError.invalid(ValidationFailure([FieldError(field: "priority", WorkshopReasons.priority)]))
                    }
                    let added = try workshops.addRequest(slug, need: need, innovation: innovation, priority: Double(text), actor: context.actor)
                    state.notice = localizer.t("workshop.request_added", ["id": added.id])
                } else {
                    guard let report = form.first("report").flatMap(Int64.init) else {
                        throw WorkshopError.invalid(ValidationFailure([FieldError(field: "report", WorkshopReasons.chooseReport)]))
                    }
                    let selection: RequestSelection
                    if form.first("selection") == "accepted" { selection = .accepted } else {
                        guard let k = Int(form.first("top") ?? ""), k >= 1 else {
                            throw WorkshopError.invalid(ValidationFailure([FieldError(field: "top", WorkshopReasons.atLeastOne)]))
                        }
                        selection = .top(k)
                    }
                    let result = try workshops.addRequests(slug, report: report, selection: selection, actor: context.actor)
                    state.notice = localizer.t("workshop.requests_imported", ["added": localizer.number(result.added.count),
                                                                               "skipped": localizer.number(result.skipped.count)])
                    state.importResult = result.added.map {
                        localizer.t("workshop.import_added", ["id": $0.id, "requester": $0.requester, "champion": $0.champion])
                    } + result.skipped.map { localizer.t("workshop.import_skipped", ["need": $0.need, "innovation": $0.innovation, "reason": localizer.text($0.explanation)]) }
                }
            } catch WorkshopError.invalid(let failure) {
                let lines = failure.errors.map { localizer.fieldLine($0) }
                if form.first("source") == "hand" { state.requestErrors = lines } else { state.importErrors = lines }
                return try controller.show(try controller.find(context), context, state, status: .unprocessableContent)
            } catch MatchReportError.notFound(let id) {
                state.importErrors = [localizer.fieldLine(FieldError(field: "report", WorkshopReasons.noReport(id)))]
                return try controller.show(try controller.find(context), context, state, status: .unprocessableContent)
            }
            return try controller.show(try controller.find(context), context, state)
        }
        group.post("workshops/:id/schedule") { request, context in
            let (_, slug) = try await read(request, context)
            try workshops.schedule(slug, actor: context.actor)
            return Response.redirect(to: "/workshops/\(percentEncoded(slug))?scheduled=1", type: .normal)
        }
        group.post("workshops/:id/move") { request, context in
            let (form, slug) = try await read(request, context)
            var state = WorkshopPageState()
            (state.moveRequest, state.moveSlot, state.moveTable) = (form.first("request") ?? "", form.first("slot") ?? "", form.first("table") ?? "")
            return try edit(slug, context, state) {
                guard let slot = Int(state.moveSlot) else {
                    throw WorkshopError.invalid(ValidationFailure([FieldError(field: "slot", Explanation("workshop.reason.choose_slot", english: "choose a slot"))]))
                }
                try workshops.move(slug, request: state.moveRequest, slot: slot, table: state.moveTable, actor: context.actor)
            }
        }
        group.post("workshops/:id/swap") { request, context in
            let (form, slug) = try await read(request, context)
            var state = WorkshopPageState()
            (state.swapFirst, state.swapSecond) = (form.first("first") ?? "", form.first("second") ?? "")
            return try edit(slug, context, state) { try workshops.swap(slug, state.swapFirst, state.swapSecond, actor: context.actor) }
        }
        for (path, pinned) in [("pin", true), ("unpin", false)] {
            group.post("workshops/:id/\(path)") { request, context in
                let (form, slug) = try await read(request, context)
                return try edit(slug, context, WorkshopPageState()) {
                    try workshops.setPinned(slug, request: form.first("request") ?? "", pinned: pinned, actor: context.actor)
                }
            }
        }
    }

    /// The form and the workshop's slug; 404 for an unknown workshop (after the permission check).
    private func read(_ request: Request, _ context: AppRequestContext) async throws -> (FormData, String) {
        var request = request
        let form = try await FormData.read(&request, context: context)
        try workshops.catalogue.authorize(context.actor, .workshops)
        let slug = try context.parameters.require("id")
        guard try workshops.workshop(slug, actor: context.actor) != nil else { throw HTTPError(.notFound) }
        return (form, slug)
    }

    /// Runs an edit: back to the page when done, or the page again with the reason.
    private func edit(_ slug: String, _ context: AppRequestContext, _ state: WorkshopPageState, _ work: () throws -> Void) throws -> Response {
        var state = state
        let localizer = context.localizer
        let status: HTTPResponse.Status
        do {
            try work()
            return Response.redirect(to: "/workshops/\(percentEncoded(slug))?saved=1", type: .normal)
        } catch WorkshopError.refused(let refusal) {
            state.problem = localizer.t("workshop.refused", ["reason": localizer.text(refusal.sentence)])
            status = .conflict
        } catch WorkshopError.notScheduled {
            state.problem = localizer.t("workshop.refused_not_scheduled")
            status = .conflict
        } catch WorkshopError.invalid(let failure) {
            state.problem = localizer.t("workshop.refused", ["reason": failure.errors.map { localizer.fieldLine($0) }.joined(separator: "; ")])
            status = .unprocessableContent
        }
        return try controller.show(try controller.find(context), context, state, status: status)
    }
}
