import Foundation

/// OpenAPI schemas and paths of the reference vocabularies.
enum ReferenceSchemas {
    static let localized: JSONDocument = .object([
        ("type", "object"),
        ("properties", .object([("en", .object([("type", "string")])), ("fr", .object([("type", "string")])), ("es", .object([("type", "string")]))])),
        ("required", ["en", "fr", "es"]),
    ])

    static let all: [(String, JSONDocument)] = [
        ("LocalizedText", localized),
        ("Country", object([
            ("alpha3", string), ("alpha2", string), ("numeric", string), ("name", OpenAPIDocument.ref("LocalizedText")),
            ("region_code", nullableInteger), ("region", string), ("subregion_code", nullableInteger), ("subregion", string),
            ("global_south", .object([("type", "boolean")])), ("global_south_basis", string),
        ])),
        ("Theme", object([
            ("slug", string), ("label", OpenAPIDocument.ref("LocalizedText")), ("description", OpenAPIDocument.ref("LocalizedText")),
        ])),
        ("SDGGoal", object([
            ("goal", .object([("type", "integer"), ("minimum", 1), ("maximum", 17)])),
            ("label", OpenAPIDocument.ref("LocalizedText")),
            ("targets", .object([("type", "array"), ("items", object([("id", string), ("label", OpenAPIDocument.ref("LocalizedText"))]))])),
        ])),
    ]

    static func paths(operation: (String, String, [JSONDocument], JSONDocument?, [(String, JSONDocument)]) -> JSONDocument,
                      json: (JSONDocument, String) -> JSONDocument) -> [(String, JSONDocument)] {
        func list(_ path: String, _ id: String, _ schema: String, _ summary: String) -> (String, JSONDocument) {
            (path, .object([("get", operation(id, summary, [], nil, [
                ("200", json(.object([("type", "array"), ("items", OpenAPIDocument.ref(schema))]), summary)),
            ]))]))
        }
        return [
            list("/countries", "listCountries", "Country", "ISO 3166-1 countries with UN M49 regions"),
            list("/themes", "listThemes", "Theme", "Catalogue themes"),
            list("/sdg", "listSDGGoals", "SDGGoal", "SDG goals and their targets"),
        ]
    }

    private static let string: JSONDocument = .object([("type", "string")])
    private static let nullableInteger: JSONDocument = .object([("type", ["integer", "null"])])

    private static func object(_ properties: [(String, JSONDocument)]) -> JSONDocument {
        .object([("type", "object"), ("properties", .object(properties)), ("required", .array(properties.map { .string($0.0) }))])
    }
}
