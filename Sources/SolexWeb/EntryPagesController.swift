import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The HTML pages of one entry kind: list, detail, register, edit, delete.
struct EntryPagesController {
    let kind: EntryKind
    let catalogue: Catalogue
    let pages: PageRenderer

    func presenter(_ context: AppRequestContext) -> Presenter { Presenter(reference: catalogue.reference, localizer: context.localizer) }
    var base: String { "/\(kind.plural)" }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(RouterPath(stringLiteral: kind.plural)) { request, context in try list(request, context) }
        group.get(RouterPath(stringLiteral: "\(kind.plural)/new")) { _, context in
            try catalogue.authorize(context.actor, .createEntry(country: context.actor.country ?? ""))
            return form(EntryForm.blank(kind, today: Timestamp.day(Date()), language: context.localizer.language), context, editing: nil)
        }
        group.post(RouterPath(stringLiteral: kind.plural)) { request, context in
            var request = request
            let data = try await FormData.read(&request, context: context)
            let form = EntryForm.posted(kind, data)
            try catalogue.authorize(context.actor, .createEntry(country: context.actor.country ?? ""))
            let confirmed = data.first("not_duplicate") == "yes"
            if !confirmed, let warning = try similarWarning(form, context) { return warning }
            return try save(form, context, confirmed: confirmed) { try catalogue.create(kind, input: form.input, actor: context.actor) }
        }
        group.get(RouterPath(stringLiteral: "\(kind.plural)/:ref")) { request, context in
            let ref = try context.parameters.require("ref")
            guard let entry = try catalogue.entry(kind, ref: ref, for: context.actor) else {
                if let redirect = try mergedRedirect(ref) { return redirect }
                throw HTTPError(.notFound)
            }
            let query = request.uri.queryParameters, t = context.localizer, presenter = self.presenter(context)
            let notice: String? = query.get("saved") != nil ? t.t("entry.saved")
                : query.get("reviewed") != nil ? t.t("entry.status_changed", ["status": presenter.statusLabel(entry.metadata.status)])
                : query.get("merged").map { kind == .innovation ? t.t("entry.merged_innovation", ["ref": $0]) : t.t("entry.merged_need", ["ref": $0]) }
            var view = DetailPageView(
                layout: LayoutView(title: entry.title, context: context, section: kind.plural, notice: notice,
                                   titleLang: entry.values["language"]?.textValue),
                kindPath: kind.plural, kindLabel: presenter.kindLabel(kind), ref: entry.ref, status: entry.metadata.status.rawValue,
                statusLabel: presenter.statusLabel(entry.metadata.status),
                editHref: presenter.entryHref(entry) + "/edit", deleteHref: presenter.entryHref(entry) + "/delete",
                fields: presenter.detailFields(entry), createdAt: t.dateTime(entry.metadata.createdAt),
                updatedAt: t.dateTime(entry.metadata.updatedAt), createdBy: entry.metadata.createdBy,
                updatedBy: entry.metadata.updatedBy, proposals: try proposals(entry, context), isNeed: kind == .need,
                answers: try answers(entry, context), isInnovation: kind == .innovation)
            let actor = context.actor, status = entry.metadata.status, country = entry.country
            view.canEdit = AccessPolicy.decide(actor, .editEntry(country: country, status: status, newCountry: country)).isAllowed
            view.canDelete = AccessPolicy.decide(actor, .deleteEntry(country: country, status: status)).isAllowed
            view.canChange = view.canEdit || view.canDelete
            view.reviewHref = presenter.entryHref(entry) + "/review"
            view.reviewActions = ReviewAction.allCases.filter {
                $0.next(from: status) != nil && AccessPolicy.decide(actor, .review($0, country: country)).isAllowed
            }.map { ReviewButtonView(action: $0.rawValue, label: t.t("entry.action." + $0.rawValue), needsReason: $0.needsReason) }
            try addDuplicateSection(&view, entry, context)
            if view.canEdit || actor.role?.reviews == true {
                let history = try catalogue.history(kind, ref: entry.ref, actor: actor)
                view.history = history.map { event in
                    var row = AuditRowView(event, presenter: presenter)
                    row.at = t.dateTime(event.at)
                    row.changes = row.changes.map { AuditRowView.Change(field: presenter.fieldLabel($0.field, kind: kind), old: $0.old, new: $0.new) }
                    return row
                }
                if status == .returned { view.returnReason = history.last { $0.action == "review.return" }?.reason }
            }
            return pages.render("entry_detail", view)
        }
        group.get(RouterPath(stringLiteral: "\(kind.plural)/:ref/edit")) { _, context in
            let entry = try find(context)
            try catalogue.authorize(context.actor, .editEntry(country: entry.country, status: entry.metadata.status,
                                                              newCountry: entry.country))
            return form(EntryForm.editing(kind, entry.values), context, editing: entry)
        }
        group.post(RouterPath(stringLiteral: "\(kind.plural)/:ref")) { request, context in
            let entry = try find(context)
            var request = request
            let form = EntryForm.posted(kind, try await FormData.read(&request, context: context))
            return try save(form, context, editing: entry) {
                try catalogue.update(kind, ref: entry.ref, input: form.input, actor: context.actor)
            }
        }
        group.get(RouterPath(stringLiteral: "\(kind.plural)/:ref/delete")) { _, context in
            let entry = try find(context)
            try catalogue.authorize(context.actor, .deleteEntry(country: entry.country, status: entry.metadata.status))
            let t = context.localizer
            let title = kind == .innovation ? t.t("entry.delete_innovation_title", ["ref": entry.ref])
                : t.t("entry.delete_need_title", ["ref": entry.ref])
            let view = ConfirmDeleteView(
                layout: LayoutView(title: title, context: context, section: kind.plural),
                isInnovation: kind == .innovation, entryTitle: entry.title, ref: entry.ref, action: presenter(context).entryHref(entry) + "/delete",
                cancelHref: presenter(context).entryHref(entry))
            return pages.render("confirm_delete", view)
        }
        group.post(RouterPath(stringLiteral: "\(kind.plural)/:ref/delete")) { _, context in
            let entry = try find(context)
            try catalogue.delete(kind, ref: entry.ref, actor: context.actor)
            return Response.redirect(to: "\(base)?deleted=1", type: .normal)
        }
        group.post(RouterPath(stringLiteral: "\(kind.plural)/:ref/review")) { request, context in
            let entry = try find(context)
            var request = request
            let form = try await FormData.read(&request, context: context)
            guard let action = form.first("action").flatMap(ReviewAction.init(rawValue:)) else { throw HTTPError(.badRequest) }
            do {
                try catalogue.review(kind, ref: entry.ref, action: action, reason: form.first("reason") ?? "", actor: context.actor)
            } catch CatalogueError.invalid(let failure) {
                let t = context.localizer
                let message = failure.errors.map { error in
                    t.t("form.error_item", ["label": presenter(context).fieldLabel(error.field, kind: kind), "reason": t.reason(error)])
                }.joined(separator: "; ")
                let view = ErrorPageView(layout: LayoutView(title: t.t("entry.review_failed"), context: context, section: kind.plural),
                                         status: 422, message: message)
                return pages.render("error", view, status: .unprocessableContent)
            }
            return Response.redirect(to: presenter(context).entryHref(entry) + "?reviewed=1", type: .normal)
        }
    }

    /// For a need, the best innovations with the reasons a secretariat officer can read.
    private func proposals(_ entry: StoredEntry, _ context: AppRequestContext) throws -> [ProposalView] {
        guard entry.kind == .need else { return [] }
        return try catalogue.proposals(for: entry, top: 5).map { match, innovation in
            return ProposalView(innovation: LinkView(label: innovation.title, href: presenter(context).entryHref(innovation)),
                                country: presenter(context).countryLink(innovation.country),
                                score: context.localizer.decimal(match.score, digits: 2),
                                cooperation: cooperationLabel(match.explanation, context), reasons: reasons(match.explanation, context))
        }
    }

    /// For an innovation, the needs whose best proposals include it (nil while a large catalogue's list is prepared).
    private func answers(_ entry: StoredEntry, _ context: AppRequestContext) throws -> AnswersView? {
        guard entry.kind == .innovation else { return nil }
        guard let found = try catalogue.needsAnswered(by: entry) else { return AnswersView(pending: true, needs: []) }
        return AnswersView(pending: false, needs: found.map { match, rank, need in
            NeedAnswerView(need: LinkView(label: need.title, href: presenter(context).entryHref(need)),
                           country: presenter(context).countryLink(need.country), score: context.localizer.decimal(match.score, digits: 2),
                           rank: context.localizer.t("entry.rank", ["rank": String(rank)]),
                           cooperation: cooperationLabel(match.explanation, context), reasons: reasons(match.explanation, context))
        })
    }

    private func cooperationLabel(_ explanation: MatchExplanation, _ context: AppRequestContext) -> String {
        explanation.cooperation == "triangular" ? context.localizer.t("entry.triangular") : context.localizer.t("entry.south_south")
    }

    /// Short reasons: shared words, themes, targets, tags, then context notes, in the page's language.
    private func reasons(_ e: MatchExplanation, _ context: AppRequestContext) -> [String] {
        let t = context.localizer, presenter = self.presenter(context)
        var reasons: [String] = []
        if !e.sharedTerms.isEmpty { reasons.append(t.t("entry.shared_words", ["items": e.sharedTerms.prefix(5).joined(separator: ", ")])) }
        if !e.sharedThemes.isEmpty {
            reasons.append(t.t("entry.shared_themes", ["items": e.sharedThemes.map { presenter.themeLink($0).label }.joined(separator: ", ")]))
        }
        if !e.sharedTargets.isEmpty { reasons.append(t.t("entry.shared_targets", ["items": e.sharedTargets.joined(separator: ", ")])) }
        if !e.sharedTags.isEmpty { reasons.append(t.t("entry.shared_tags", ["items": e.sharedTags.joined(separator: ", ")])) }
        return reasons + e.notes.map { note($0, presenter) }
    }

    /// A matcher's context note ("same region", "evidence: monitored", "shared language: en, fr") in the page's
    /// language; a note of another form as it is.
    private func note(_ note: String, _ presenter: Presenter) -> String {
        let t = presenter.localizer
        func value(after prefix: String) -> String? { note.hasPrefix(prefix) ? String(note.dropFirst(prefix.count)) : nil }
        if note == "same sub-region" { return t.t("entry.same_subregion") }
        if note == "same region" { return t.t("entry.same_region") }
        if let level = value(after: "evidence: ") {
            return t.t("entry.note_evidence", ["value": presenter.valueLabel(field: "evidence_level", level).lowercased()])
        }
        if let scale = value(after: "scale: ") {
            return t.t("entry.note_scale", ["value": presenter.valueLabel(field: "scale", scale).lowercased()])
        }
        if let codes = value(after: "shared language: ") {
            let names = codes.split(separator: ",").map { presenter.languageName($0.trimmingCharacters(in: .whitespaces)) }
            return t.t("entry.shared_language", ["items": names.joined(separator: ", ")])
        }
        return note
    }

    func find(_ context: AppRequestContext) throws -> StoredEntry {
        let ref = try context.parameters.require("ref")
        guard let entry = try catalogue.entry(kind, ref: ref, for: context.actor) else { throw HTTPError(.notFound) }
        return entry
    }

    /// Runs `write`; on success redirects to the entry's page, on invalid input shows the form again with every
    /// error next to its field and the typed values kept.
    private func save(_ form: EntryForm, _ context: AppRequestContext, editing: StoredEntry? = nil, confirmed: Bool = false,
                      write: () throws -> StoredEntry) throws -> Response {
        do {
            let entry = try write()
            return Response.redirect(to: presenter(context).entryHref(entry) + "?saved=1", type: .normal)
        } catch CatalogueError.invalid(let failure) {
            var form = form
            form.errors = failure.errors
            return self.form(form, context, editing: editing, status: .unprocessableContent) { $0.keepNotDuplicate = confirmed }
        }
    }

    func form(_ form: EntryForm, _ context: AppRequestContext, editing: StoredEntry?,
              status: HTTPResponse.Status = .ok, adjust: (inout FormPageView) -> Void = { _ in }) -> Response {
        let t = context.localizer, presenter = self.presenter(context), innovation = kind == .innovation
        let title = editing.map { innovation ? t.t("form.edit_innovation", ["ref": $0.ref]) : t.t("form.edit_need", ["ref": $0.ref]) }
            ?? (innovation ? t.t("entries.register_innovation") : t.t("entries.register_need"))
        let submitLabel = editing != nil ? t.t("form.save_changes") : innovation ? t.t("form.save_innovation") : t.t("form.save_need")
        let view = FormPageView(
            layout: LayoutView(title: title, context: context, section: kind.plural),
            action: editing.map(presenter.entryHref) ?? base, submitLabel: submitLabel,
            cancelHref: editing.map(presenter.entryHref) ?? base, errors: form.summary(presenter),
            fields: form.fields(presenter: presenter, lockRef: editing != nil), hasErrors: !form.errors.isEmpty)
        var page = view
        if editing == nil { page.similarHref = base + "/similar" }
        adjust(&page)
        return pages.render("entry_form", page, status: status)
    }

    private func list(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let t = context.localizer
        var parameters = ListParameters(kind: kind, request: request, reference: catalogue.reference)
        if !parameters.errors.isEmpty {
            let problems = parameters.errors.map { t.t("form.error_item", ["label": $0.field, "reason": t.reason($0)]) }
            let view = ErrorPageView(layout: LayoutView(title: t.t("error.title_400"), context: context, section: kind.plural),
                                     status: 400, message: t.t("list.bad_query", ["problems": problems.joined(separator: "; ")]))
            return pages.render("error", view, status: .badRequest)
        }
        parameters.query.visibility = Visibility(context.actor)
        let page = try catalogue.list(parameters.query)
        let query = parameters.query
        let columns: [(String, EntrySort?)] = [(t.t("list.ref"), .ref), (t.t("list.title"), .title), (t.t("list.country"), .country),
                                               (t.t("list.themes"), nil), (t.t("list.status"), nil), (t.t("list.updated"), .updated)]
        let sortColumns = columns.map { label, sort -> SortColumnView in
            guard let sort else { return SortColumnView(label: label, href: nil, ariaSort: "none", isActive: false) }
            let active = query.sort == sort
            return SortColumnView(label: label, href: base + parameters.queryString(page: 1, sort: sort, descending: active && !query.descending),
                                  ariaSort: active ? (query.descending ? "descending" : "ascending") : "none", isActive: active)
        }
        let pagination = PaginationView(page: page.page, pageCount: page.pageCount) { base + parameters.queryString(page: $0) }
        let notice: String? = request.uri.queryParameters.get("deleted") != nil ? t.t("entries.deleted") : nil
        let start = page.total == 0 ? 0 : (page.page - 1) * page.perPage + 1
        let view = ListPageView(
            layout: LayoutView(title: listTitle(query, context), context: context, section: kind.plural, notice: notice),
            kindPath: kind.plural, newLabel: kind == .innovation ? t.t("entries.register_innovation") : t.t("entries.register_need"),
            emptyLabel: kind == .innovation ? t.t("entries.no_innovations") : t.t("entries.no_needs"),
            total: t.number(page.total), rangeStart: t.number(start), rangeEnd: t.number(start == 0 ? 0 : start + page.entries.count - 1),
            columns: sortColumns, rows: page.entries.map(presenter(context).row), pagination: pagination)
        return pages.render("entry_list", view)
    }

    private func listTitle(_ query: EntryQuery, _ context: AppRequestContext) -> String {
        let t = context.localizer
        var title = kind == .innovation ? t.t("entries.innovations") : t.t("entries.needs")
        if let country = query.country { title += " · \(presenter(context).countryLink(country).label)" }
        if let theme = query.theme { title += " · \(presenter(context).themeLink(theme).label)" }
        if let goal = query.sdgGoal { title += " · " + t.t("entries.sdg_goal", ["goal": String(goal)]) }
        return title
    }
}
