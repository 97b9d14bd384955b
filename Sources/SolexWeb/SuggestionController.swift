import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// `GET /api/v1/suggestions?text=...`: the themes and SDG targets that the concept thesaurus suggests for a text, with
/// their labels and scores, for registration forms. `text` may be repeated (one per field: title, summary,
/// description); any text is accepted, and text without a known concept gives empty lists.
struct SuggestionController {
    let catalogue: Catalogue

    /// At most this many characters of text are read (more than the longest entry).
    static let maximumText = 60_000
    /// At most this many themes, targets and concepts are listed.
    static let themeLimit = 5, targetLimit = 8, conceptLimit = 10

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("suggestions") { request, _ in
            let texts = FormData(body: request.uri.query ?? "").all("text")
            return ReferenceAPIController.json(Self.document(catalogue.suggestions(for: Self.bounded(texts)),
                                                             reference: catalogue.reference).text)
        }
    }

    /// The texts, cut so that together they hold at most `maximumText` characters.
    static func bounded(_ texts: [String]) -> [String] {
        var left = maximumText
        return texts.compactMap { text in
            guard left > 0 else { return nil }
            let kept = String(text.prefix(left))
            left -= kept.count
            return kept
        }
    }

    /// The answer: `{"themes": [...], "sdg_targets": [...], "concepts": [...]}`, best first.
    static func document(_ suggestions: ConceptSuggestions, reference: ReferenceData) -> JSONDocument {
        let themes = suggestions.themes.prefix(themeLimit).compactMap { suggestion -> JSONDocument? in
            guard let theme = reference.theme(suggestion.id) else { return nil }
            return .object([("slug", .string(theme.slug)), ("label", ReferenceAPIController.localized(theme.label)),
                            ("score", .number(rounded(suggestion.score)))])
        }
        let targets = suggestions.sdgTargets.prefix(targetLimit).compactMap { suggestion -> JSONDocument? in
            guard let target = reference.target(suggestion.id) else { return nil }
            return .object([("id", .string(target.id)), ("goal", .integer(target.goal)),
                            ("label", ReferenceAPIController.localized(target.label)), ("score", .number(rounded(suggestion.score)))])
        }
        let concepts = suggestions.concepts.prefix(conceptLimit).compactMap { suggestion -> JSONDocument? in
            guard let concept = reference.thesaurus.concept(suggestion.id) else { return nil }
            return .object([("id", .string(concept.id)), ("label", .string(concept.label)), ("theme", .string(concept.theme)),
                            ("score", .number(rounded(suggestion.score)))])
        }
        return .object([("themes", .array(Array(themes))), ("sdg_targets", .array(Array(targets))),
                        ("concepts", .array(Array(concepts)))])
    }

    /// Scores with three decimals, so that answers read well and stay the same across platforms.
    static func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }
}

/// The OpenAPI description of `GET /suggestions`.
enum SuggestionSchemas {
    static func path(operation: (String, String, [JSONDocument], JSONDocument?, [(String, JSONDocument)]) -> JSONDocument,
                     json: (JSONDocument, String) -> JSONDocument) -> (String, JSONDocument) {
        let parameter: JSONDocument = .object([
            ("name", "text"), ("in", "query"), ("required", false),
            ("description", "Text of the entry being written (title, summary, description), in English, French, Spanish or Portuguese; may be repeated, once per field."),
            ("schema", .object([("type", "array"), ("items", .object([("type", "string")]))])),
            ("explode", true),
        ])
        return ("/suggestions", .object([("get", operation(
            "suggestClassification", "Themes and SDG targets suggested by the concept thesaurus for a text", [parameter], nil,
            [("200", json(OpenAPIDocument.ref("Suggestions"), "Suggested themes, SDG targets and the concepts found, best first"))]))]))
    }

    static let schemas: [(String, JSONDocument)] = {
        let localized: JSONDocument = .object([
            ("type", "object"),
            ("properties", .object([("en", .object([("type", "string")])), ("fr", .object([("type", "string")])),
                                    ("es", .object([("type", "string")]))])),
        ])
        let score: JSONDocument = .object([("type", "number"), ("minimum", 0), ("maximum", 1),
                                           ("description", "Share of the concepts found that point here, higher is stronger")])
        func list(_ properties: [(String, JSONDocument)], _ required: [String]) -> JSONDocument {
            .object([("type", "array"), ("items", .object([("type", "object"), ("properties", .object(properties)),
                                                          ("required", .array(required.map(JSONDocument.string)))]))])
        }
        return [("Suggestions", .object([
            ("type", "object"),
            ("properties", .object([
                ("themes", list([("slug", .object([("type", "string")])), ("label", localized), ("score", score)],
                                ["slug", "label", "score"])),
                ("sdg_targets", list([("id", .object([("type", "string")])), ("goal", .object([("type", "integer")])),
                                      ("label", localized), ("score", score)], ["id", "goal", "label", "score"])),
                ("concepts", list([("id", .object([("type", "string")])), ("label", .object([("type", "string")])),
                                   ("theme", .object([("type", "string")])), ("score", score)], ["id", "label", "theme", "score"])),
            ])),
            ("required", ["themes", "sdg_targets", "concepts"]),
        ]))]
    }()
}
