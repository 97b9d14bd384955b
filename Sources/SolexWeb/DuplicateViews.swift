import Foundation
import SolexCore
import SolexStore

/// An existing entry that looks like the one being registered, as the form and the entry page list it.
struct SimilarEntryView: Sendable {
    var ref: String
    var title: String
    var href: String
    var country: String
    /// The status in the page's language.
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
        status = presenter.statusLabel(entry.status)
        score = presenter.localizer.decimal(entry.similarity.score, digits: 2)
        sharedThemes = entry.similarity.sharedThemes.map { presenter.themeLink($0).label }.joined(separator: ", ")
        mergeHref = keep.map { presenter.entryHref($0) + "/merge?duplicate=" + percentEncoded(entry.ref) }
    }
}

/// The list of similar entries (the `similar_entries` template, shown in the form and fetched while typing).
struct SimilarEntriesView: Sendable {
    var entries: [SimilarEntryView]
    /// The question and the explanation above the list, for an innovation or a need, in the page's language.
    var heading: String
    var intro: String

    init(entries: [SimilarEntryView], kind: EntryKind, localizer: Localizer) {
        self.entries = entries
        heading = kind == .innovation ? localizer.t("duplicates.heading_innovation") : localizer.t("duplicates.heading_need")
        intro = kind == .innovation ? localizer.t("duplicates.intro_innovation") : localizer.t("duplicates.intro_need")
    }
}

/// One side of a merge as the confirmation page shows it.
struct MergeSideView: Sendable {
    var ref: String
    var title: String
    var href: String
    var country: String
    /// The status in the page's language.
    var status: String
}

/// The page that asks before merging a duplicate into an entry.
struct MergeConfirmView: Sendable {
    var layout: LayoutView
    /// Texts that name the kind of entry, in the page's language.
    var intro: String
    var gainsLabel: String
    var noGainsLabel: String
    var mergeLabel: String
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
