import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The similar-entry warning while an entry is typed, and merging a duplicate into an entry (the secretariat).
///
/// - `GET /{kind}/similar?title=…&summary=…|description=…&origin_country=…|country=…&themes=…`: the list of similar
///   entries as an HTML fragment, which the form's script shows as the title and summary are typed;
/// - `GET /{kind}/:ref/merge?duplicate=REF`: what merging `REF` into the entry would do, with a button;
/// - `POST /{kind}/:ref/merge` (`duplicate`): merges, then shows the kept entry.
struct EntryMergeController {
    let kind: EntryKind
    let catalogue: Catalogue
    let pages: PageRenderer

    func presenter(_ context: AppRequestContext) -> Presenter { Presenter(reference: catalogue.reference, localizer: context.localizer) }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(RouterPath(stringLiteral: "\(kind.plural)/similar")) { request, context in
            try catalogue.authorize(context.actor, .createEntry(country: context.actor.country ?? ""))
            let form = FormData(body: request.uri.query ?? "")
            var input = FieldValues()
            for name in ["title", "summary", "description", kind.countryField] {
                if let value = form.first(name) { input[name] = .text(value) }
            }
            input["themes"] = .list(form.all("themes"))
            let query = DuplicateQuery(kind: kind, input: input, excluding: form.first("ref").flatMap { $0.isEmpty ? nil : $0 })
            let similar = try catalogue.similarEntries(query, actor: context.actor)
            var response = pages.render("similar_entries", SimilarEntriesView(
                entries: similar.map { SimilarEntryView($0, presenter: presenter(context)) }, kind: kind, localizer: context.localizer),
                in: context.localizer.language)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        group.get(RouterPath(stringLiteral: "\(kind.plural)/:ref/merge")) { request, context in
            let keep = try find(context)
            try catalogue.authorize(context.actor, .mergeEntries)
            let ref = (request.uri.queryParameters.get("duplicate") ?? "").trimmingCharacters(in: .whitespaces).uppercased()
            return try confirm(keep, duplicateRef: ref, context)
        }
        group.post(RouterPath(stringLiteral: "\(kind.plural)/:ref/merge")) { request, context in
            let keep = try find(context)
            var request = request
            let form = try await FormData.read(&request, context: context)
            let ref = (form.first("duplicate") ?? "").trimmingCharacters(in: .whitespaces).uppercased()
            do {
                try catalogue.merge(kind, keep: keep.ref, duplicate: ref, actor: context.actor)
            } catch CatalogueError.invalid(let failure) {
                return try confirm(keep, duplicateRef: ref, context,
                                   error: failure.errors.map(context.localizer.reason).joined(separator: "; "))
            }
            return Response.redirect(to: presenter(context).entryHref(keep) + "?merged=" + percentEncoded(ref), type: .normal)
        }
    }

    /// The confirmation page; `error` (or a missing duplicate) shows the form again with the reason, status 422.
    private func confirm(_ keep: StoredEntry, duplicateRef ref: String, _ context: AppRequestContext,
                         error: String? = nil) throws -> Response {
        let duplicate = ref.isEmpty ? nil : try catalogue.entry(kind, ref: ref, for: context.actor)
        let t = context.localizer, innovation = kind == .innovation
        var reason = error
        if reason == nil, !ref.isEmpty {
            if duplicate == nil {
                reason = innovation ? t.t("merge.no_such_innovation", ["ref": ref]) : t.t("merge.no_such_need", ["ref": ref])
            } else if ref == keep.ref {
                reason = innovation ? t.t("merge.not_itself_innovation", ["ref": keep.ref]) : t.t("merge.not_itself_need", ["ref": keep.ref])
            }
        }
        let view = MergeConfirmView(
            layout: LayoutView(title: t.t("merge.title", ["ref": keep.ref]), context: context, section: kind.plural),
            intro: innovation ? t.t("merge.intro_innovation") : t.t("merge.intro_need"),
            gainsLabel: innovation ? t.t("merge.gains_innovation") : t.t("merge.gains_need"),
            noGainsLabel: innovation ? t.t("merge.no_gains_innovation") : t.t("merge.no_gains_need"),
            mergeLabel: innovation ? t.t("merge.button_innovation", ["duplicateRef": ref]) : t.t("merge.button_need", ["duplicateRef": ref]),
            keep: side(keep, context), duplicate: reason == nil ? duplicate.map { side($0, context) } : nil, duplicateRef: ref, error: reason,
            gains: duplicate.map { gains(keep, $0, context) } ?? [], action: presenter(context).entryHref(keep) + "/merge",
            cancelHref: presenter(context).entryHref(keep))
        return pages.render("merge_confirm", view, status: reason == nil ? .ok : .unprocessableContent)
    }

    private func side(_ entry: StoredEntry, _ context: AppRequestContext) -> MergeSideView {
        MergeSideView(ref: entry.ref, title: entry.title, href: presenter(context).entryHref(entry),
                      country: presenter(context).countryLink(entry.country).label,
                      status: presenter(context).statusLabel(entry.metadata.status))
    }

    /// The list items the kept entry would gain, one line per field.
    private func gains(_ keep: StoredEntry, _ duplicate: StoredEntry, _ context: AppRequestContext) -> [String] {
        kind.fields.filter(\.isList).compactMap { spec in
            let added = duplicate.list(spec.name).filter { !keep.list(spec.name).contains($0) }
            guard !added.isEmpty else { return nil }
            let presenter = self.presenter(context)
            let labels = switch spec.name {
            case "themes": added.map { presenter.themeLink($0).label }
            case "languages": added.map { "\(presenter.languageName($0)) (\($0))" }
            default: added.map { presenter.valueLabel(field: spec.name, $0) }
            }
            return context.localizer.t("merge.gain_line", ["field": presenter.fieldLabel(spec), "items": labels.joined(separator: ", ")])
        }
    }

    private func find(_ context: AppRequestContext) throws -> StoredEntry {
        let ref = try context.parameters.require("ref")
        guard let entry = try catalogue.entry(kind, ref: ref, for: context.actor) else { throw HTTPError(.notFound) }
        return entry
    }
}
