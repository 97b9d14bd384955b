import Foundation
import SolexCore
import SolexStore

/// An existing entry that looks like the one being registered, as the form and the entry page list it.
struct SimilarEntryView: Sendable {
    var ref: String
    var title: String
    var href: String
    var country: String
    var status: String
    /// The similarity, two decimals.
    var score: String
    /// Labels of the shared themes, joined.
    var sharedThemes: String
    /// For the secretariat on an entry's page: where to merge this entry into the page's entry.
    var mergeHref: String?

    init(_ entry: SimilarEntry, presenter: Presenter, mergeInto keep: StoredEntry? = nil) {
        ref = entry.ref
        title = entry.title
        href = "/\(entry.kind.plural)/\(percentEncoded(entry.ref))"
        country = presenter.countryLink(entry.country).label
        status = entry.status.rawValue
        score = String(format: "%.2f", entry.similarity.score)
        sharedThemes = entry.similarity.sharedThemes.map { presenter.themeLink($0).label }.joined(separator: ", ")
        mergeHref = keep.map { presenter.entryHref($0) + "/merge?duplicate=" + percentEncoded(entry.ref) }
    }
}

/// The list of similar entries (the `similar_entries` template, shown in the form and fetched while typing).
struct SimilarEntriesView: Sendable {
    var entries: [SimilarEntryView]
    /// "innovation" or "need".
    var noun: String
}

/// One side of a merge as the confirmation page shows it.
struct MergeSideView: Sendable {
    var ref: String
    var title: String
    var href: String
    var country: String
    var status: String
}

/// The page that asks before merging a duplicate into an entry.
struct MergeConfirmView: Sendable {
    var layout: LayoutView
    var noun: String
    var keep: MergeSideView
    var duplicate: MergeSideView?
    /// The reference typed, kept when it is wrong.
    var duplicateRef: String
    /// Why the reference cannot be merged, when it cannot.
    var error: String?
    /// What the kept entry gains ("themes: Health"), one line per field.
    var gains: [String]
    var action: String
    var cancelHref: String
}
