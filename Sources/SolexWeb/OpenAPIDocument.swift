import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// Builds the OpenAPI 3.1 document of the JSON API from the same field specs the validator enforces.
enum OpenAPIDocument {
    static func make(reference: ReferenceData, currentYear: Int) -> JSONDocument {
        var schemas: [(String, JSONDocument)] = []
        var paths: [(String, JSONDocument)] = []
        for kind in EntryKind.allCases {
            let name = kind == .innovation ? "Innovation" : "Need"
            let fields = kind.fields.map { ($0.name, schema(for: $0, reference: reference, currentYear: currentYear)) }
            let readOnly: [(String, JSONDocument)] = [
                ("status", .object([("type", "string"), ("enum", .array(EntryStatus.allCases.map { .string($0.rawValue) })), ("readOnly", true)])),
                ("created_at", .object([("type", "string"), ("format", "date-time"), ("readOnly", true)])),
                ("updated_at", .object([("type", "string"), ("format", "date-time"), ("readOnly", true)])),
                ("created_by", .object([("type", "string"), ("readOnly", true)])),
                ("updated_by", .object([("type", "string"), ("readOnly", true)])),
            ]
            // `language` and `languages` complete each other (`EntryLanguage`): one of the two is required.
            let required = kind.fields.filter { $0.isRequired && !EntryLanguage.fields.contains($0.name) }.map { JSONDocument.string($0.name) }
            let languageRule: (String, JSONDocument) = ("anyOf", [
                .object([("required", ["language"])]),
                .object([("required", ["languages"]), ("properties", .object([("languages", .object([("type", "array"), ("minItems", 1)]))]))]),
            ])
            schemas.append(("\(name)New", .object([
                ("type", "object"), ("properties", .object(fields + readOnly)), ("required", .array(required)), languageRule,
                ("additionalProperties", false),
            ])))
            // In an update the ref comes from the path: the body's ref is read-only (accepted only if equal).
            let updateFields = fields.map { $0.0 == "ref" ? ($0.0, $0.1.withMember("readOnly", true)) : $0 }
            schemas.append(("\(name)Update", .object([
                ("type", "object"), ("properties", .object(updateFields + readOnly)),
                ("required", .array(required.filter { $0.stringValue != "ref" })), languageRule, ("additionalProperties", false),
                ("description", "The ref may be left out; if given it must equal the ref in the path."),
            ])))
            schemas.append((name, .object([
                ("type", "object"), ("properties", .object(fields + Array(readOnly.prefix(3)))),
                ("required", .array(kind.fields.map { .string($0.name) } + ["status", "created_at", "updated_at"])),
            ])))
            schemas.append(("\(name)Page", .object([
                ("type", "object"),
                ("properties", .object([
                    ("total", .object([("type", "integer"), ("minimum", 0)])),
                    ("page", .object([("type", "integer"), ("minimum", 1)])),
                    ("per_page", .object([("type", "integer"), ("minimum", 1), ("maximum", 100)])),
                    ("items", .object([("type", "array"), ("items", ref(name))])),
                ])),
                ("required", ["total", "page", "per_page", "items"]),
            ])))
            paths.append(("/\(kind.plural)", .object([
                ("get", operation("list\(name)s", "List \(kind.plural), paged, sorted and filtered", parameters: listParameters(reference),
                                  responses: [("200", json(ref("\(name)Page"), "A page of \(kind.plural)")), ("400", problem)])),
                ("post", operation("create\(name)", "Register a new \(kind.rawValue)", body: ref("\(name)New"),
                                   responses: [("201", json(ref(name), "The stored \(kind.rawValue)")), ("400", problem),
                                               ("409", problem), ("415", problem), ("422", problem)])),
            ])))
            let refParameter: JSONDocument = .object([
                ("name", "ref"), ("in", "path"), ("required", true),
                ("schema", .object([("type", "string"), ("minLength", 1), ("maxLength", .integer(FieldLimits.ref))])),
            ])
            paths.append(("/\(kind.plural)/{ref}", .object([
                ("parameters", [refParameter]),
                ("get", operation("get\(name)", "One \(kind.rawValue) by ref",
                                  responses: [("200", json(ref(name), "The \(kind.rawValue)")), ("404", problem)])),
                ("put", operation("update\(name)", "Replace the fields of a \(kind.rawValue)", body: ref("\(name)Update"),
                                  responses: [("200", json(ref(name), "The updated \(kind.rawValue)")), ("400", problem),
                                              ("404", problem), ("415", problem), ("422", problem)])),
                ("delete", operation("delete\(name)", "Delete a \(kind.rawValue)",
                                     responses: [("204", .object([("description", "Deleted")])), ("404", problem)])),
            ])))
        }
        schemas += ReferenceSchemas.all
        paths += ReferenceSchemas.paths(operation: operation, json: json)
        paths.append(SearchSchemas.path(reference: reference, operation: operation, json: json))
        schemas += SearchSchemas.schemas
        paths.append(SuggestionSchemas.path(operation: operation, json: json))
        schemas += SuggestionSchemas.schemas
        paths += ReportSchemas.paths(operation: operation, json: json)
        schemas += ReportSchemas.schemas(reference: reference)
        paths += NetworkSchemas.paths(operation: operation, json: json)
        schemas += NetworkSchemas.schemas(reference: reference)
        paths.append(("/openapi.json", .object([("get", operation("getOpenAPI", "This document",
            responses: [("200", json(.object([("type", "object")]), "The OpenAPI document"))]))])))
        schemas.append(("Problem", .object([
            ("type", "object"),
            ("properties", .object([
                ("type", .object([("type", "string")])), ("title", .object([("type", "string")])),
                ("status", .object([("type", "integer")])), ("detail", .object([("type", "string")])),
                ("errors", .object([("type", "array"), ("items", .object([
                    ("type", "object"),
                    ("properties", .object([("field", .object([("type", "string")])), ("reason", .object([("type", "string")]))])),
                    ("required", ["field", "reason"]),
                ]))])),
            ])),
            ("required", ["type", "title", "status", "detail"]),
        ])))
        return .object([
            ("openapi", "3.1.0"),
            ("info", .object([("title", "Solex API"), ("version", "1.0.0"),
                              ("description", "The catalogue of public-service innovations and needs of the South-South and Triangular Network on Public Service Innovations. Errors are application/problem+json (RFC 9457) with a per-field list.")])),
            ("servers", [.object([("url", "/api/v1")])]),
            ("paths", .object(paths)),
            ("security", [.object([]), .object([("bearerAuth", [])])]),
            ("components", .object([
                ("schemas", .object(schemas)),
                ("securitySchemes", .object([("bearerAuth", .object([
                    ("type", "http"), ("scheme", "bearer"),
                    ("description", "An API token of an account, created at /account/tokens or with `solex user token`."),
                ]))])),
            ])),
        ])
    }

    static let problem: JSONDocument = .object([
        ("description", "A problem (RFC 9457)"),
        ("content", .object([("application/problem+json", .object([("schema", ref("Problem"))]))])),
    ])

    static func ref(_ name: String) -> JSONDocument { .object([("$ref", .string("#/components/schemas/\(name)"))]) }

    static func json(_ schema: JSONDocument, _ description: String) -> JSONDocument {
        .object([("description", .string(description)), ("content", .object([("application/json", .object([("schema", schema)]))]))])
    }

    static func operation(_ id: String, _ summary: String, parameters: [JSONDocument] = [], body: JSONDocument? = nil,
                          responses: [(String, JSONDocument)]) -> JSONDocument {
        var members: [(String, JSONDocument)] = [("operationId", .string(id)), ("summary", .string(summary))]
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let body {
            members.append(("requestBody", .object([("required", true),
                                                    ("content", .object([("application/json", .object([("schema", body)]))]))])))
        }
        var responses = responses
        if tokenOperations.contains(id) {
            // Operations that need an account: a token of the right role, else 401 (none or unknown) or 403.
            members.append(("security", [.object([("bearerAuth", [])])]))
            responses += [("401", problem), ("403", problem)]
        }
        members.append(("responses", .object(responses.sorted { $0.0 < $1.0 })))
        return .object(members)
    }

    /// Operations that need `Authorization: Bearer TOKEN`; the others are public (a token there widens what is seen).
    static let tokenOperations: Set<String> = [
        "createInnovation", "updateInnovation", "deleteInnovation", "createNeed", "updateNeed", "deleteNeed",
        "listReports", "runReport", "getReport", "diffReports",
        "saveMember", "createAdoption", "recordAdoptionStage", "addAdoptionIndicator", "addMeasurement",
    ]

    static func listParameters(_ reference: ReferenceData) -> [JSONDocument] {
        func query(_ name: String, _ schema: JSONDocument, _ description: String) -> JSONDocument {
            .object([("name", .string(name)), ("in", "query"), ("required", false), ("description", .string(description)), ("schema", schema)])
        }
        return [
            query("page", .object([("type", "integer"), ("minimum", 1), ("maximum", 1_000_000)]), "Page number, from 1"),
            query("per_page", .object([("type", "integer"), ("minimum", 1), ("maximum", 100)]), "Entries per page (default 20)"),
            query("sort", .object([("type", "string"), ("enum", .array(EntrySort.allCases.map { .string($0.rawValue) }))]), "Order (default ref)"),
            query("order", .object([("type", "string"), ("enum", ["asc", "desc"])]), "Direction (default asc)"),
            query("country", .object([("type", "string"), ("enum", .array(reference.countries.map { .string($0.alpha3) }))]), "ISO 3166-1 alpha-3"),
            query("theme", .object([("type", "string"), ("enum", .array(reference.themes.map { .string($0.slug) }))]), "Theme slug"),
            query("sdg", .object([("type", "integer"), ("minimum", 1), ("maximum", 17)]), "SDG goal number"),
        ]
    }

    /// The JSON Schema of one field, matching what `EntryValidator` accepts.
    static func schema(for spec: FieldSpec, reference: ReferenceData, currentYear: Int) -> JSONDocument {
        func enumeration(_ vocabulary: Vocabulary) -> JSONDocument { .array(reference.values(of: vocabulary).map(JSONDocument.string)) }
        var members: [(String, JSONDocument)]
        switch spec.kind {
        case .ref:
            members = [("type", "string"), ("pattern", "^[A-Za-z0-9][A-Za-z0-9._-]*$"), ("maxLength", .integer(FieldLimits.ref))]
        case .text(let maxLength, let required, let multiline):
            let allowed = multiline ? "[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]" : "[^\\u0000-\\u0008\\u000A-\\u001F\\u007F]"
            // An optional text may be null (stored as empty).
            members = [("type", required ? "string" : ["string", "null"]), ("maxLength", .integer(maxLength)),
                       ("pattern", .string(required ? "^\(allowed)*[^\\s\\u0000-\\u001F\\u007F]\(allowed)*$" : "^\(allowed)*$"))]
        case .choice(let vocabulary):
            members = [("type", "string"), ("enum", enumeration(vocabulary))]
        case .codes(let vocabulary, let min, let max):
            // null is read as an empty list, so it is allowed where an empty list is.
            members = [("type", min == 0 ? ["array", "null"] : "array"),
                       ("items", .object([("type", "string"), ("enum", enumeration(vocabulary))])),
                       ("uniqueItems", true), ("minItems", .integer(min)), ("maxItems", .integer(max))]
        case .tags(let maxCount, let maxLength):
            members = [("type", ["array", "null"]), ("uniqueItems", true), ("maxItems", .integer(maxCount)),
                       ("items", .object([("type", "string"), ("maxLength", .integer(maxLength)),
                                          ("pattern", "^[^;\\u0000-\\u001F\\u007F]*[^;\\s\\u0000-\\u001F\\u007F][^;\\u0000-\\u001F\\u007F]*$")]))]
        case .integer(let range):
            members = [("type", ["integer", "null"]), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound))]
        case .year:
            members = [("type", ["integer", "null"]), ("minimum", 1800), ("maximum", .integer(currentYear + 1))]
        case .url:
            // An empty string means no web site, like null.
            members = [("type", ["string", "null"]), ("maxLength", .integer(FieldLimits.url)),
                       ("anyOf", [.object([("format", "uri"), ("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+([/?#]\\S*)?$")]), .object([("const", "")]),
                                  .object([("type", "null")])])]
        case .date:
            members = [("type", "string"), ("format", "date")]
        }
        members.insert(("title", .string(spec.label)), at: 0)
        if !spec.help.isEmpty { members.insert(("description", .string(spec.help)), at: 1) }
        return .object(members)
    }
}

extension JSONDocument {
    /// This object with one more member (any other document is returned unchanged).
    func withMember(_ key: String, _ value: JSONDocument) -> JSONDocument {
        guard case .object(let members) = self else { return self }
        return .object(members + [(key, value)])
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// Serves the OpenAPI document.
struct OpenAPIController {
    let reference: ReferenceData

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let text = OpenAPIDocument.make(reference: reference, currentYear: year).text
        group.get("openapi.json") { _, _ in ReferenceAPIController.json(text) }
    }
}
