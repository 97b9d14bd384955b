import Foundation
import SolexCore

// View models: the exact values each template renders. Templates never see domain or store types.
// Mustache reads stored properties through reflection: every value a template uses is a stored property.

/// A link with a label.
struct LinkView: Sendable {
    var label: String
    var href: String
}

/// What every page's layout needs.
struct LayoutView: Sendable {
    /// The page's <title> and <h1>.
    var title: String
    /// The CSRF token put into every form.
    var csrfToken: String
    /// Which navigation item is current: "home", "innovations", "needs", "countries", "themes", "sdgs", "members",
    /// "sdg-map", "adoptions", ...
    var section: String
    /// A one-line confirmation after a redirect ("Saved."), if any.
    var notice: String?
    // Mustache reads stored properties only, so the current-section flags are stored.
    var isHome: Bool
    var isInnovations: Bool
    var isNeeds: Bool
    var isCountries: Bool
    var isThemes: Bool
    var isSDGs: Bool
    var isSearch: Bool
    var isReports: Bool
    var isReview: Bool
    var isAudit: Bool
    var isWorkshops: Bool
    var isMembers: Bool
    var isSDGMap: Bool
    var isAdoptions: Bool
    /// The signed-in person's e-mail and role label; nil for an anonymous visitor.
    var signedInAs: String?
    var roleLabel: String?
    /// Navigation items shown per role.
    var showReports: Bool
    var showReview: Bool
    var showAudit: Bool
    /// Anyone signed in may read workshop agendas.
    var showWorkshops: Bool
    /// The path to come back to after signing in.
    var signInHref: String
    /// The language of the title when it is an entry's own text (for `lang` on the page's heading).
    var titleLang: String? = nil
    /// The interface language of the page (picks the templates; not rendered).
    var language: InterfaceLanguage
    /// Its code, for `<html lang>`.
    var lang: String
    /// The same page in each interface language.
    var languageLinks: [LanguageLinkView]

    init(title: String, context: AppRequestContext, section: String, notice: String? = nil, titleLang: String? = nil) {
        self.init(title: title, csrfToken: context.csrfToken, section: section, notice: notice, actor: context.actor,
                  localizer: context.localizer, pathAndQuery: context.pathAndQuery)
        self.titleLang = titleLang
    }

    init(title: String, csrfToken: String, section: String, notice: String? = nil, actor: Actor? = nil,
         localizer: Localizer = .untranslated, pathAndQuery: String = "/") {
        let role = actor?.role
        signedInAs = role == nil ? nil : actor?.name
        roleLabel = role.map { role in
            let label = localizer.t("role." + role.rawValue)
            return role == .focalPoint ? "\(label), \(actor?.country ?? "")" : label
        }
        language = localizer.language
        lang = localizer.language.code
        languageLinks = InterfaceLanguage.allCases.map { other in
            LanguageLinkView(label: other.endonym, code: other.code, href: Self.link(pathAndQuery, language: other),
                             isCurrent: other == localizer.language)
        }
        showReports = role?.reviews == true
        showReview = role?.reviews == true
        showAudit = role?.reviews == true
        isReports = section == "reports"
        isReview = section == "review"
        isAudit = section == "audit"
        isWorkshops = section == "workshops"
        showWorkshops = actor.map { AccessPolicy.decide($0, .readWorkshops).isAllowed } ?? false
        signInHref = "/sign-in"
        self.title = title
        self.csrfToken = csrfToken
        self.section = section
        self.notice = notice
        isHome = section == "home"
        isInnovations = section == "innovations"
        isNeeds = section == "needs"
        isCountries = section == "countries"
        isThemes = section == "themes"
        isSDGs = section == "sdgs"
        isSearch = section == "search"
        isMembers = section == "members"
        isSDGMap = section == "sdg-map"
        isAdoptions = section == "adoptions"
    }
}

extension LayoutView {
    /// `pathAndQuery` with its `lang` parameter set to `language` (other parameters kept in order).
    static func link(_ pathAndQuery: String, language: InterfaceLanguage) -> String {
        let parts = pathAndQuery.split(separator: "?", maxSplits: 1)
        let path = parts.first.map(String.init) ?? "/"
        var query = parts.count > 1 ? parts[1].split(separator: "&").map(String.init) : []
        query.removeAll { $0 == LanguageMiddleware.parameter || $0.hasPrefix(LanguageMiddleware.parameter + "=") }
        query.append(LanguageMiddleware.parameter + "=" + language.code)
        return path + "?" + query.joined(separator: "&")
    }
}

/// One entry in a list or table.
struct EntryRowView: Sendable {
    var ref: String
    var title: String
    var href: String
    var kindLabel: String
    var country: LinkView
    var themes: [LinkView]
    /// The status code (for the badge's class) and its label in the page's language.
    var status: String
    var statusLabel: String
    var updated: String
}

/// The home page.
struct HomePageView: Sendable {
    var layout: LayoutView
    /// Counts written in the page's language.
    var innovationCount: String
    var needCount: String
    var countryCount: String
    var latestInnovations: [EntryRowView]
    var latestNeeds: [EntryRowView]
}

/// A sortable column header of a list.
struct SortColumnView: Sendable {
    var label: String
    /// The link that sorts by this column; nil for columns that cannot be sorted.
    var href: String?
    /// "ascending", "descending" or "none" (for aria-sort).
    var ariaSort: String
    var isActive: Bool
}

/// Page links under a list.
struct PaginationView: Sendable {
    struct PageLink: Sendable {
        var number: Int
        var href: String
        var isCurrent: Bool
    }

    var previousHref: String?
    var nextHref: String?
    var pages: [PageLink]
    /// More than one page.
    var hasPages: Bool

    /// Links around page `page` of `pageCount`: previous, next, the first, the last and two on each side of the
    /// current one; `href` gives a page's address.
    init(page: Int, pageCount: Int, href: (Int) -> String) {
        previousHref = page > 1 ? href(page - 1) : nil
        nextHref = page < pageCount ? href(page + 1) : nil
        pages = Self.visiblePages(current: page, count: pageCount).map { PageLink(number: $0, href: href($0), isCurrent: $0 == page) }
        hasPages = pageCount > 1
    }

    /// The page numbers linked: the first, the last, and two on each side of the current one.
    static func visiblePages(current: Int, count: Int) -> [Int] {
        let count = max(1, count)
        let current = min(max(1, current), count)  // a page past the end (an old link) still gets sensible links
        return Array(Set([1, count] + (max(1, current - 2)...min(count, current + 2)))).sorted()
    }
}

/// The innovations or needs list.
struct ListPageView: Sendable {
    var layout: LayoutView
    /// "innovations" or "needs" (URL path segment).
    var kindPath: String
    /// "Register an innovation" / "Register a need".
    var newLabel: String
    /// "No innovations to show." / "No needs to show."
    var emptyLabel: String
    /// Numbers written in the page's language.
    var total: String
    var rangeStart: String
    var rangeEnd: String
    var columns: [SortColumnView]
    var rows: [EntryRowView]
    var pagination: PaginationView
}

/// One field shown on an entry's page.
struct DetailFieldView: Sendable {
    var label: String
    /// Plain text (escaped by the template), if the field is text.
    var text: String?
    /// Whether `text` is long prose shown as paragraphs.
    var isMultiline: Bool
    /// Links, if the field is a list of codes (themes, SDG targets, country).
    var links: [LinkView]
    /// Plain list items (tags, languages, support types).
    var items: [String]
    /// An external web address.
    var url: String?
    /// The language of text the entry's authors wrote (for `lang`, so that screen readers and hyphenation follow
    /// it); nil for labels made by Solex.
    var lang: String? = nil
}

/// An innovation proposed for a need, with why.
struct ProposalView: Sendable {
    var innovation: LinkView
    var country: LinkView
    var score: String
    var cooperation: String
    /// Short reasons: shared words, themes, targets, tags, then context notes.
    var reasons: [String]
}

/// An innovation's or need's page.
struct DetailPageView: Sendable {
    var layout: LayoutView
    var kindPath: String
    var kindLabel: String
    var ref: String
    /// The status code (for the badge's class) and its label in the page's language.
    var status: String
    var statusLabel: String
    var editHref: String
    var deleteHref: String
    var fields: [DetailFieldView]
    var createdAt: String
    var updatedAt: String
    var createdBy: String
    var updatedBy: String
    /// For a need: the innovations that could answer it, best first.
    var proposals: [ProposalView]
    var isNeed: Bool
    /// For an innovation: the needs it could answer.
    var answers: AnswersView?
    var isInnovation: Bool
    var canEdit = false
    var canDelete = false
    var canChange = false
    var reviewHref = ""
    var reviewActions: [ReviewButtonView] = []
    /// Why the secretariat returned the entry, when it is returned.
    var returnReason: String?
    /// The audit log of the entry, oldest first (shown to those who may edit it or review it).
    var history: [AuditRowView] = []
    /// The secretariat may merge duplicates into this entry.
    var canMerge = false
    var mergeHref = ""
    /// Entries that look like this one (for the secretariat).
    var possibleDuplicates: [SimilarEntryView] = []
    /// Entries merged into this one.
    var mergedRefs: [String] = []
}

/// A review action the reader may take on an entry.
struct ReviewButtonView: Sendable {
    var action: String
    var label: String
    var needsReason: Bool
}

/// One audit log row as shown on pages.
struct AuditRowView: Sendable {
    struct Change: Sendable {
        var field: String
        var old: String
        var new: String
    }
    var at: String
    var actor: String
    var channel: String
    var action: String
    var subject: String
    var subjectHref: String?
    var reason: String?
    var changes: [Change]
}

/// The needs an innovation could answer, or a note that the list is being prepared.
struct AnswersView: Sendable {
    var pending: Bool
    var needs: [NeedAnswerView]
}

/// A need for which an innovation is among the best proposals.
struct NeedAnswerView: Sendable {
    var need: LinkView
    var country: LinkView
    var score: String
    /// The innovation's place among the need's proposals, e.g. "#2 of its proposals".
    var rank: String
    var cooperation: String
    var reasons: [String]
}

/// An option of a select control.
struct OptionView: Sendable {
    var value: String
    var label: String
    var selected: Bool
}

/// One control of an entry form.
struct FormFieldView: Sendable {
    var name: String
    /// The control's id, "field-<name>".
    var id: String
    var label: String
    var help: String
    var error: String?
    var required: Bool
    /// Exactly one of these is true.
    var isText: Bool
    var isTextarea: Bool
    var isSelect: Bool
    var isMultiSelect: Bool
    var isNumber: Bool
    var isDate: Bool
    var isURL: Bool
    /// The current value (for text-like controls).
    var value: String
    var options: [OptionView]
    /// Shown but not editable (the reference when editing).
    var readonly: Bool
    var maxLength: Int?
    /// ids for aria-describedby: help and error.
    var describedBy: String
    /// Whether the field offers values suggested from the entry's text (themes and SDG targets), under this title.
    var canSuggest = false
    var suggestionLabel = ""
    /// The values the concept thesaurus suggests from the text typed so far, best first; `selected` when already
    /// chosen.
    var suggestions: [OptionView] = []
    var hasSuggestions = false
}

/// An error listed in the summary at the top of a form.
struct FormErrorView: Sendable {
    var label: String
    var reason: String
    /// "#field-<name>"
    var anchor: String
}

/// The form to register or edit an entry.
struct FormPageView: Sendable {
    var layout: LayoutView
    /// Where the form posts.
    var action: String
    var submitLabel: String
    var cancelHref: String
    var errors: [FormErrorView]
    var fields: [FormFieldView]
    var hasErrors: Bool
    /// Where the form's script asks for similar entries while a new entry is typed (nil when editing).
    var similarHref: String? = nil
    /// Entries that look like the one submitted: shown with a box to tick to save anyway.
    var similar: SimilarEntriesView? = nil
    var askNotDuplicate = false
    /// The person already confirmed it is not a duplicate (kept while other errors are fixed).
    var keepNotDuplicate = false
}

/// The page that asks before deleting an entry.
struct ConfirmDeleteView: Sendable {
    var layout: LayoutView
    /// Picks the question's wording (an innovation or a need).
    var isInnovation: Bool
    var entryTitle: String
    var ref: String
    var action: String
    var cancelHref: String
}

/// A row of the countries table.
struct CountryRowView: Sendable {
    var name: String
    var href: String
    var alpha3: String
    var region: String
    var subregion: String
    var globalSouth: Bool
    var innovationCount: String
    var needCount: String
}

/// The list of countries.
struct CountriesPageView: Sendable {
    var layout: LayoutView
    var countries: [CountryRowView]
}

/// A country, theme or SDG goal with the entries that refer to it.
struct ReferencePageView: Sendable {
    struct Fact: Sendable {
        var label: String
        var value: String
        /// Where the value links to, if anywhere.
        var href: String? = nil
    }

    var layout: LayoutView
    /// A sentence under the title (theme description, goal label).
    var lead: String?
    /// Facts shown as a definition list (codes, region, Global South basis).
    var facts: [Fact]
    /// Sub-items with links (an SDG goal's targets).
    var subItems: [LinkView]
    var subItemsHeading: String?
    var innovations: [EntryRowView]
    var needs: [EntryRowView]
    var innovationTotal: String
    var needTotal: String
    /// Link to the full filtered innovations list, when there are more than shown.
    var moreInnovationsHref: String?
    var moreNeedsHref: String?
}

/// A theme or goal in an index page.
struct ReferenceRowView: Sendable {
    var label: String
    var href: String
    var summary: String
    var innovationCount: String
    var needCount: String
}

/// The list of themes or of SDG goals.
struct ReferenceIndexView: Sendable {
    var layout: LayoutView
    var lead: String
    var rows: [ReferenceRowView]
}

/// An error page. Never carries an error's internal description.
struct ErrorPageView: Sendable {
    var layout: LayoutView
    var status: Int
    var message: String
}

/// A piece of a search snippet: plain text or a highlighted match (the template escapes both).
struct SnippetPart: Sendable {
    var text: String
    var isMatch: Bool
}

/// One search result.
struct SearchResultView: Sendable {
    var typeLabel: String
    var ref: String
    var title: String
    var href: String
    var snippet: [SnippetPart]
    var country: LinkView
    var score: String
}

/// A value of a facet with its count; following `href` adds or removes it from the search.
struct FacetOptionView: Sendable {
    var label: String
    var count: String
    var href: String
    var isActive: Bool
}

/// One facet and its values.
struct FacetGroupView: Sendable {
    var name: String
    var label: String
    var options: [FacetOptionView]
}

/// The search page.
struct SearchPageView: Sendable {
    var layout: LayoutView
    /// The text as typed.
    var query: String
    /// Whether anything was asked (text or a filter).
    var hasSearch: Bool
    var total: String
    /// "1 result" or "N results".
    var totalLabel: String
    /// The number of the first result shown (the list's `start`), and "Showing 1–20 of 45" in the page's language.
    var rangeStart: Int
    var showing: String
    /// Shown when no entry had all the words and the results have any of them.
    var matchedAnyWord: Bool
    var results: [SearchResultView]
    var facets: [FacetGroupView]
    /// The active filters, each with a link that removes it.
    var activeFilters: [LinkView]
    var pagination: PaginationView
    /// When the page asked for is past the end: a link to the last page.
    var lastPageHref: String?
    /// Searches to try when nothing was found.
    var suggestions: [LinkView]
    /// Hidden inputs that keep the active filters when the text is changed.
    var hiddenFilters: [OptionView]
}
