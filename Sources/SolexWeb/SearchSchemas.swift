import Foundation
import SolexCore
import SolexStore

/// The OpenAPI description of `GET /search`.
enum SearchSchemas {
    static func path(reference: ReferenceData,
                     operation: (String, String, [JSONDocument], JSONDocument?, [(String, JSONDocument)]) -> JSONDocument,
                     json: (JSONDocument, String) -> JSONDocument) -> (String, JSONDocument) {
        func query(_ name: String, _ schema: JSONDocument, _ description: String) -> JSONDocument {
            .object([("name", .string(name)), ("in", "query"), ("required", false), ("description", .string(description)),
                     ("schema", schema)])
        }
        let text: JSONDocument = .object([("type", "string")])
        let repeated: JSONDocument = .object([("type", "array"), ("items", text)])
        let parameters: [JSONDocument] = [
            query("q", text, "Words (all must match; any word when none has all), \"phrases\", prefix*, OR, -exclusion. Any text is accepted."),
            query("type", .object([("type", "array"), ("items", .object([("type", "string"), ("enum", ["innovation", "need"])]))]),
                  "innovation or need"),
            query("country", repeated, "ISO 3166-1 alpha-3 codes (origin country of innovations, country of needs)"),
            query("region", repeated, "UN M49 region codes, e.g. 142 for Asia"),
            query("theme", repeated, "Theme slugs"),
            query("sdg", repeated, "SDG goals (16) or targets (16.9)"),
            query("evidence", repeated, "Evidence levels of innovations"),
            query("scale", repeated, "Scales of innovations"),
            query("page", .object([("type", "integer")]), "Page from 1 (out-of-range whole numbers are clamped; anything else is a 400)"),
            query("per_page", .object([("type", "integer")]), "Results per page, 1 to 100 (whole numbers are clamped; default 20)"),
        ]
        return ("/search", .object([("get", operation("search", "Search innovations and needs with facets", parameters, nil,
                                                      [("200", json(OpenAPIDocument.ref("SearchResult"), "Results and facet counts")),
                                                       ("400", OpenAPIDocument.problem)]))]))
    }

    static let schemas: [(String, JSONDocument)] = {
        let facetCounts: JSONDocument = .object([
            ("type", "array"),
            ("items", .object([("type", "object"),
                               ("properties", .object([("value", .object([("type", "string")])), ("count", .object([("type", "integer")]))])),
                               ("required", ["value", "count"])])),
        ])
        let facetNames = SearchFacet.allCases.map(\.rawValue)
        return [
            ("SearchHit", .object([
                ("type", "object"),
                ("properties", .object([
                    ("type", .object([("type", "string"), ("enum", ["innovation", "need"])])),
                    ("ref", .object([("type", "string")])), ("title", .object([("type", "string")])),
                    ("snippet", .object([("type", "string"), ("description", "An HTML fragment: the entry's text escaped, matches in <mark>.")])),
                    ("score", .object([("type", "number"), ("description", "bm25 relevance, higher is better; 0 without text")])),
                ])),
                ("required", ["type", "ref", "title", "snippet", "score"]),
            ])),
            ("SearchResult", .object([
                ("type", "object"),
                ("properties", .object([
                    ("total", .object([("type", "integer")])), ("page", .object([("type", "integer")])),
                    ("per_page", .object([("type", "integer")])), ("matched_any_word", .object([("type", "boolean")])),
                    ("results", .object([("type", "array"), ("items", OpenAPIDocument.ref("SearchHit"))])),
                    ("facets", .object([("type", "object"), ("properties", .object(facetNames.map { ($0, facetCounts) })),
                                        ("required", .array(facetNames.map(JSONDocument.string)))])),
                ])),
                ("required", ["total", "page", "per_page", "matched_any_word", "results", "facets"]),
            ])),
        ]
    }()
}
