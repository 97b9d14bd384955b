import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The search page and `GET /api/v1/search`. Any text gives results or an empty page, never an error.
struct SearchController {
    let catalogue: Catalogue
    let pages: PageRenderer
    /// Rendered API answers of recent searches, valid for the index generation they were made from.
    let renderedAnswers = SearchResultCache<String>(capacity: 512)

    /// Searches offered when nothing was found.
    static let suggestions = ["civil registration", "one-stop shop", "état civil", "health insurance", "land records", "helpline"]

    func addRoutes(site: RouterGroup<AppRequestContext>, api: RouterGroup<AppRequestContext>) {
        site.get("search") { request, context in try page(SearchParameters(request: request), context) }
        api.get("search") { request, context in try json(SearchParameters(request: request), context.actor) }
    }

    private func page(_ parameters: SearchParameters, _ context: AppRequestContext) throws -> Response {
        let result = try catalogue.search(Self.query(parameters, context.actor))
        let localizer = context.localizer
        let labels = FacetLabels(reference: catalogue.reference, localizer: localizer)
        let presenter = Presenter(reference: catalogue.reference, localizer: context.localizer)
        let facets = SearchFacet.allCases.compactMap { facet -> FacetGroupView? in
            let counts = result.facets[facet] ?? []
            let active = Set(parameters.filters[facet] ?? [])
            let shown = counts.prefix(12) + counts.dropFirst(12).filter { active.contains($0.value) }
            guard !shown.isEmpty else { return nil }
            return FacetGroupView(name: facet.rawValue, label: labels.title(facet),
                                  options: shown.map { count in
                                      FacetOptionView(label: labels.label(facet, count.value), count: localizer.number(count.count),
                                                      href: parameters.href(toggling: facet, value: count.value),
                                                      isActive: active.contains(count.value))
                                  })
        }
        let active = SearchFacet.allCases.flatMap { facet in
            (parameters.filters[facet] ?? []).map { value in
                LinkView(label: localizer.t("search.active_filter", ["facet": labels.title(facet), "value": labels.label(facet, value)]),
                         href: parameters.href(toggling: facet, value: value))
            }
        }
        let pageCount = max(1, (result.total + result.perPage - 1) / result.perPage)
        // A page past the end (an old link, a hand-edited URL) says where the results end.
        let lastPageHref = result.page > pageCount && result.total > 0 ? parameters.href(page: pageCount) : nil
        let start = result.total == 0 ? 0 : (result.page - 1) * result.perPage + 1
        let hasSearch = !parameters.text.trimmingCharacters(in: .whitespaces).isEmpty || !parameters.filters.isEmpty
        let view = SearchPageView(
            layout: LayoutView(title: hasSearch ? localizer.t("search.title_results") : localizer.t("search.title"), context: context, section: "search"),
            query: parameters.text, hasSearch: hasSearch, total: localizer.number(result.total),
            totalLabel: result.total == 1 ? localizer.t("search.results_one")
                : localizer.t("search.results_many", ["count": localizer.number(result.total)]),
            rangeStart: start,
            showing: localizer.t("search.showing", ["start": localizer.number(start), "end": localizer.number(start == 0 ? 0 : start + result.hits.count - 1),
                                                    "total": localizer.number(result.total)]),
            matchedAnyWord: result.matchedAnyWord,
            results: result.hits.map { hit in
                SearchResultView(typeLabel: hit.kind == .innovation ? localizer.t("search.type_innovation") : localizer.t("search.type_need"), ref: hit.ref, title: hit.title,
                                        href: "/\(hit.kind.plural)/\(percentEncoded(hit.ref))", snippet: hit.snippetParts,
                                        country: presenter.countryLink(hit.country), score: String(format: "%.2f", hit.score))
            },
            facets: facets, activeFilters: active,
            pagination: PaginationView(page: result.page, pageCount: pageCount) { parameters.href(page: $0) },
            lastPageHref: lastPageHref,
            suggestions: Self.suggestions.map { LinkView(label: $0, href: "/search?q=\(percentEncoded($0))") },
            hiddenFilters: SearchParameters.parameterNames.flatMap { facet, name in
                (parameters.filters[facet] ?? []).map { OptionView(value: $0, label: name, selected: true) }
            })
        return pages.render("search", view)
    }

    /// The search of `parameters` over what `actor` may see: the secretariat searches every entry not archived,
    /// everyone else the published entries only (facet counts are computed over the same set).
    static func query(_ parameters: SearchParameters, _ actor: Actor) -> SearchQuery {
        var query = parameters.query
        if Visibility(actor) != .everything {
            query.hiddenStatuses = EntryStatus.allCases.filter { $0 != .published }
        }
        return query
    }

    private func json(_ parameters: SearchParameters, _ actor: Actor) throws -> Response {
        if !parameters.errors.isEmpty {
            throw Problem(status: .badRequest, title: "Invalid query", detail: "Some query parameters are invalid; see errors.",
                          errors: parameters.errors)
        }
        let query = Self.query(parameters, actor)
        let result = try catalogue.search(query)
        let text = renderedAnswers.result(for: query, generation: result.generation) ?? {
            let text = document(result).text
            renderedAnswers.store(text, for: query, generation: result.generation)
            return text
        }()
        return ReferenceAPIController.json(text)
    }

    private func document(_ result: SearchResult) -> JSONDocument {
        let results = result.hits.map { hit -> JSONDocument in
            .object([("type", .string(hit.kind.rawValue)), ("ref", .string(hit.ref)), ("title", .string(hit.title)),
                     ("snippet", .string(hit.snippetHTML)), ("score", .number(hit.score))])
        }
        let facets = SearchFacet.allCases.map { facet in
            (facet.rawValue, JSONDocument.array((result.facets[facet] ?? []).map {
                .object([("value", .string($0.value)), ("count", .integer($0.count))])
            }))
        }
        return JSONDocument.object([
            ("total", .integer(result.total)), ("page", .integer(result.page)), ("per_page", .integer(result.perPage)),
            ("matched_any_word", .bool(result.matchedAnyWord)), ("results", .array(results)), ("facets", .object(facets)),
        ])
    }
}
