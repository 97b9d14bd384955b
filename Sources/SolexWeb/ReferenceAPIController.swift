import Foundation
import Hummingbird
import SolexCore

/// The reference vocabularies as JSON: countries, themes, SDG goals with their targets.
struct ReferenceAPIController {
    let reference: ReferenceData

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        let countries = JSONDocument.array(reference.countries.map { country in
            .object([
                ("alpha3", .string(country.alpha3)), ("alpha2", .string(country.alpha2)), ("numeric", .string(country.numeric)),
                ("name", Self.localized(country.name)),
                ("region_code", country.regionCode.map(JSONDocument.integer) ?? .null), ("region", .string(country.region)),
                ("subregion_code", country.subregionCode.map(JSONDocument.integer) ?? .null),
                ("subregion", .string(country.subregion)), ("global_south", .bool(country.globalSouth)),
                ("global_south_basis", .string(country.globalSouthBasis)),
            ])
        }).text
        let themes = JSONDocument.array(reference.themes.map { theme in
            .object([("slug", .string(theme.slug)), ("label", Self.localized(theme.label)), ("description", Self.localized(theme.summary))])
        }).text
        let goals = JSONDocument.array(reference.goals.map { goal in
            .object([
                ("goal", .integer(goal.number)), ("label", Self.localized(goal.label)),
                ("targets", .array(reference.targets.filter { $0.goal == goal.number }.map { target in
                    .object([("id", .string(target.id)), ("label", Self.localized(target.label))])
                })),
            ])
        }).text
        group.get("countries") { _, _ in Self.json(countries) }
        group.get("themes") { _, _ in Self.json(themes) }
        group.get("sdg") { _, _ in Self.json(goals) }
    }

    static func localized(_ text: LocalizedText) -> JSONDocument {
        .object([("en", .string(text.en)), ("fr", .string(text.fr)), ("es", .string(text.es))])
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
