import Foundation
import SolexCore
import SolexStore

/// The OpenAPI description of the match report routes: `GET`/`POST /reports`, `GET /reports/{id}` and
/// `GET /reports/{id}/diff/{other}`.
enum ReportSchemas {
    static func paths(operation: (String, String, [JSONDocument], JSONDocument?, [(String, JSONDocument)]) -> JSONDocument,
                      json: (JSONDocument, String) -> JSONDocument) -> [(String, JSONDocument)] {
        let problem = OpenAPIDocument.problem
        func id(_ name: String, _ description: String) -> JSONDocument {
            .object([("name", .string(name)), ("in", "path"), ("required", true), ("description", .string(description)),
                     ("schema", .object([("type", "integer"), ("minimum", 1)]))])
        }
        return [
            ("/reports", .object([
                ("get", operation("listReports", "Stored match reports, newest first", [], nil,
                                  [("200", json(OpenAPIDocument.ref("ReportList"), "The stored reports"))])),
                ("post", operation("runReport", "Run the matcher with these parameters and store the report", [],
                                   OpenAPIDocument.ref("ReportRun"),
                                   [("201", json(OpenAPIDocument.ref("ReportSummary"), "The stored report (without its pairs)")),
                                    ("400", problem), ("415", problem), ("422", problem), ("503", problem)])),
            ])),
            ("/reports/{id}", .object([
                ("get", operation("getReport", "A stored report with every pair, its explanation and its status now",
                                  [id("id", "The report's id")], nil,
                                  [("200", json(OpenAPIDocument.ref("Report"), "The report")), ("404", problem)])),
            ])),
            ("/reports/{id}/diff/{other}", .object([
                ("get", operation("diffReports", "Pairs new, dropped and moved from report id to report other",
                                  [id("id", "The earlier report"), id("other", "The later report")], nil,
                                  [("200", json(OpenAPIDocument.ref("ReportDiff"), "The comparison")), ("404", problem)])),
            ])),
        ]
    }

    static func schemas(reference: ReferenceData) -> [(String, JSONDocument)] {
        let string: JSONDocument = .object([("type", "string")])
        let strings: JSONDocument = .object([("type", "array"), ("items", string)])
        let number: JSONDocument = .object([("type", "number")])
        let integer: JSONDocument = .object([("type", "integer")])
        let nullableCount: JSONDocument = .object([("type", ["integer", "null"])])
        let weight: JSONDocument = .object([("type", "number"), ("minimum", 0), ("maximum", .number(ReportParameters.maxWeight))])
        let components = ReportParameters.componentNames
        let weights: JSONDocument = .object([
            ("type", ["object", "null"]), ("description", "Weight of each component of the score; missing keys (or null) keep their defaults."),
            ("properties", .object(components.map { ($0, weight) })), ("additionalProperties", false),
        ])
        let contributions: JSONDocument = .object([
            ("type", "object"), ("properties", .object(components.map { ($0, number) })),
        ])
        var regionCodes: [Int] = []
        for country in reference.countries {
            for code in [country.regionCode, country.subregionCode].compactMap({ $0 }) where !regionCodes.contains(code) {
                regionCodes.append(code)
            }
        }
        let capacity: JSONDocument = .object([
            ("type", ["integer", "null"]), ("minimum", .integer(ReportParameters.capacityRange.lowerBound)),
            ("maximum", .integer(ReportParameters.capacityRange.upperBound)),
        ])
        let parameterProperties: [(String, JSONDocument)] = [
            ("weights", weights),
            ("minimum_score", .object([("type", ["number", "null"]), ("minimum", 0), ("default", 0),
                                       ("description", "Pairs scoring less are left out; at most the sum of the weights.")])),
            ("top", .object([("type", ["integer", "null"]), ("minimum", .integer(ReportParameters.topRange.lowerBound)),
                             ("maximum", .integer(ReportParameters.topRange.upperBound)), ("default", .integer(ReportParameters.defaultTop)),
                             ("description", "Innovations proposed per need")])),
            ("themes", .object([("type", ["array", "null"]), ("items", .object([("type", "string"), ("enum", .array(reference.themes.map { .string($0.slug) }))])),
                                ("description", "Only needs with one of these themes")])),
            ("regions", .object([("type", ["array", "null"]),
                                 ("items", .object([("type", ["string", "integer"]),
                                                    ("enum", .array(regionCodes.sorted().flatMap { [.integer($0), .string(String($0))] }))])),
                                 ("description", .string("Only needs of countries in these UN M49 regions or sub-regions, by code (\(regionCodes.sorted().map(String.init).joined(separator: ", "))) or by name; stored as codes"))])),
            ("countries", .object([("type", ["array", "null"]), ("items", .object([("type", "string"), ("enum", .array(reference.countries.map { .string($0.alpha3) }))])),
                                   ("description", "Only needs of these countries (ISO 3166-1 alpha-3)")])),
            ("evidence", .object([("type", ["array", "null"]), ("items", .object([("type", "string"), ("enum", .array(EvidenceLevel.allCases.map { .string($0.rawValue) }))])),
                                  ("description", "Only innovations with one of these evidence levels")])),
            ("capacity_per_innovation", capacity.adding("description", "How many needs one innovation's champion can support; null for no limit")),
            ("capacity_per_need", capacity.adding("description", "How many proposals one need takes; null for no limit")),
        ]
        let summaryProperties: [(String, JSONDocument)] = [
            ("id", integer), ("name", string), ("created_at", .object([("type", "string"), ("format", "date-time")])),
            ("created_by", string), ("parameters", OpenAPIDocument.ref("ReportParameters")), ("need_count", integer),
            ("innovation_count", integer), ("pair_count", integer), ("assigned_count", nullableCount),
        ]
        let status: JSONDocument = .object([
            ("type", "object"),
            ("properties", .object([
                ("status", .object([("type", "string"), ("enum", .array(PairStatus.allCases.map { .string($0.rawValue) }))])),
                ("note", string), ("updated_at", .object([("type", ["string", "null"]), ("format", "date-time")])),
                ("updated_by", .object([("type", ["string", "null"])])),
            ])),
            ("required", ["status", "note", "updated_at", "updated_by"]),
        ])
        let explanation: JSONDocument = .object([
            ("type", "object"),
            ("properties", .object([
                ("contributions", contributions), ("shared_terms", strings), ("shared_themes", strings), ("shared_targets", strings),
                ("shared_tags", strings), ("notes", strings), ("cooperation", .object([("type", "string"), ("enum", ["south-south", "triangular"])])),
            ])),
        ])
        let pairProperties: [(String, JSONDocument)] = [
            ("need", string), ("need_title", string), ("need_country", string), ("rank", integer), ("innovation", string),
            ("innovation_title", string), ("innovation_country", string), ("score", number), ("cooperation", string),
            ("explanation", explanation), ("assigned", .object([("type", ["boolean", "null"])])),
            ("left_out_reason", .object([("type", ["string", "null"]), ("enum", ["innovation_full", "need_full", "both_full", "not_positive", .null])])),
            ("left_out_explanation", .object([("type", ["string", "null"])])), ("status", status),
        ]
        let diffPair: JSONDocument = .object([
            ("type", "object"),
            ("properties", .object([("need", string), ("innovation", string), ("rank", integer), ("score", number)])),
            ("required", ["need", "innovation", "rank", "score"]),
        ])
        let moved: JSONDocument = .object([
            ("type", "object"),
            ("properties", .object([("need", string), ("innovation", string), ("old_rank", integer), ("new_rank", integer),
                                    ("old_score", number), ("new_score", number)])),
            ("required", ["need", "innovation", "old_rank", "new_rank", "old_score", "new_score"]),
        ])
        return [
            ("ReportParameters", .object([("type", "object"), ("properties", .object(parameterProperties)), ("additionalProperties", false)])),
            ("ReportRun", .object([
                ("type", "object"), ("description", "The parameters, and an optional name (default: the time of the run). Two rules span fields and are checked by the server (422): at least one weight above 0, and minimum_score at most the sum of the weights."),
                ("properties", .object([("name", .object([("type", ["string", "null"]), ("maxLength", .integer(MatchReports.maxNameLength)),
                                                                  ("pattern", "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")]))]
                                       + parameterProperties)),
                ("additionalProperties", false),
            ])),
            ("ReportSummary", .object([("type", "object"), ("properties", .object(summaryProperties)),
                                       ("required", .array(summaryProperties.map { .string($0.0) }))])),
            ("ReportList", .object([("type", "object"), ("properties", .object([("reports", .object([("type", "array"), ("items", OpenAPIDocument.ref("ReportSummary"))]))])),
                                    ("required", ["reports"])])),
            ("ReportPair", .object([("type", "object"), ("properties", .object(pairProperties)),
                                    ("required", .array(pairProperties.map { .string($0.0) }))])),
            ("Report", .object([("type", "object"),
                                ("properties", .object([("report", OpenAPIDocument.ref("ReportSummary")),
                                                        ("pairs", .object([("type", "array"), ("items", OpenAPIDocument.ref("ReportPair"))]))])),
                                ("required", ["report", "pairs"])])),
            ("ReportDiff", .object([
                ("type", "object"),
                ("properties", .object([
                    ("from", OpenAPIDocument.ref("ReportSummary")), ("to", OpenAPIDocument.ref("ReportSummary")),
                    ("added", .object([("type", "array"), ("items", diffPair)])), ("dropped", .object([("type", "array"), ("items", diffPair)])),
                    ("moved", .object([("type", "array"), ("items", moved)])), ("unchanged", integer),
                ])),
                ("required", ["from", "to", "added", "dropped", "moved", "unchanged"]),
            ])),
        ]
    }
}

extension JSONDocument {
    /// This object with one more member.
    fileprivate func adding(_ key: String, _ value: String) -> JSONDocument {
        guard case .object(var members) = self else { return self }
        members.append((key, .string(value)))
        return .object(members)
    }
}
