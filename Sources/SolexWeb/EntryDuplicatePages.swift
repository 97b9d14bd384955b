import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The parts of the entry pages that deal with duplicates: the warning before a likely duplicate is saved, the
/// address of a merged entry, and the secretariat's duplicates section on an entry's page.
extension EntryPagesController {
    /// The form again, with the entries that look like the submitted one and a box to tick to save anyway (status
    /// 409, nothing saved); nil when nothing looks like it. Other problems of the input are shown at the same time.
    func similarWarning(_ form: EntryForm, _ context: AppRequestContext) throws -> Response? {
        let similar = try catalogue.similarEntries(DuplicateQuery(kind: kind, input: form.input), actor: context.actor)
        guard !similar.isEmpty else { return nil }
        var form = form
        if case .failure(let failure) = catalogue.validator.validate(form.input, kind: kind) { form.errors = failure.errors }
        let list = SimilarEntriesView(entries: similar.map { SimilarEntryView($0, presenter: presenter(context)) }, kind: kind,
                                      localizer: context.localizer)
        return self.form(form, context, editing: nil, status: .conflict) {
            $0.similar = list
            $0.askNotDuplicate = true
        }
    }

    /// For an address that shows no entry: a permanent redirect to the entry that `ref` was merged into, if it was
    /// (and no entry has taken the reference since).
    func mergedRedirect(_ ref: String) throws -> Response? {
        guard try catalogue.entry(kind, ref: ref) == nil, let target = try catalogue.mergedInto(kind, ref: ref) else { return nil }
        return Response.redirect(to: "\(base)/\(percentEncoded(target))", type: .permanent)
    }

    /// Fills the duplicates section for those who may merge, and the list of entries merged into this one.
    func addDuplicateSection(_ view: inout DetailPageView, _ entry: StoredEntry, _ context: AppRequestContext) throws {
        view.mergedRefs = try catalogue.merges(into: entry.ref, kind: kind).map(\.mergedRef)
        guard AccessPolicy.decide(context.actor, .mergeEntries).isAllowed else { return }
        view.canMerge = true
        view.mergeHref = presenter(context).entryHref(entry) + "/merge"
        let query = DuplicateQuery(kind: kind, input: entry.values, excluding: entry.ref)
        view.possibleDuplicates = try catalogue.similarEntries(query, actor: context.actor).map {
            SimilarEntryView($0, presenter: presenter(context), mergeInto: entry)
        }
    }
}
