import Foundation
import SolexCore
import SolexStore

/// The OpenAPI description of the network routes: members, the SDG map and adoptions.
enum NetworkSchemas {
    typealias Operation = (String, String, [JSONDocument], JSONDocument?, [(String, JSONDocument)]) -> JSONDocument

    static func paths(operation: Operation, json: (JSONDocument, String) -> JSONDocument) -> [(String, JSONDocument)] {
        let problem = OpenAPIDocument.problem, ref = OpenAPIDocument.ref
        func path(_ name: String, _ description: String, _ schema: JSONDocument) -> JSONDocument {
            .object([("name", .string(name)), ("in", "path"), ("required", true), ("description", .string(description)), ("schema", schema)])
        }
        let id: JSONDocument = .object([("type", "integer"), ("minimum", 1)])
        // 401 and 403 come with the bearer requirement (`OpenAPIDocument.tokenOperations`).
        let writes: [(String, JSONDocument)] = [("400", problem), ("404", problem), ("415", problem), ("422", problem)]
        return [
            ("/members", .object([
                ("get", operation("listMembers", "The member countries, by name (focal point addresses for signed-in callers only)", [], nil,
                                  [("200", json(ref("MemberList"), "The members"))])),
                ("post", operation("saveMember", "Add a member or change its date and note (secretariat)", [], ref("MemberNew"),
                                   [("201", json(ref("Member"), "Added")), ("200", json(ref("Member"), "Changed"))] + writes)),
            ])),
            ("/members/{code}", .object([
                ("get", operation("getMember", "One member country", [path("code", "ISO 3166-1 alpha-3", .object([("type", "string")]))], nil,
                                  [("200", json(ref("Member"), "The member")), ("404", problem)])),
            ])),
            ("/sdg-map", .object([
                ("get", operation("getSDGMap", "Supply (published innovations), demand (open needs) and gap per goal, target and region",
                                  [.object([("name", "region"), ("in", "query"), ("required", false),
                                            ("description", "A UN M49 region or sub-region code; unknown codes are ignored"),
                                            ("schema", .object([("type", "integer"), ("minimum", 0), ("maximum", 999)]))]),
                                   .object([("name", "theme"), ("in", "query"), ("required", false), ("description", "A theme slug; unknown slugs are ignored"),
                                            ("schema", .object([("type", "string")]))])], nil,
                                  [("200", json(ref("SDGMap"), "The map")), ("400", problem)])),
            ])),
            ("/adoptions", .object([
                ("get", operation("listAdoptions", "Every adoption with its indicators, and the network's summary", [], nil,
                                  [("200", json(ref("AdoptionList"), "The adoptions"))])),
                ("post", operation("createAdoption", "Record the adoption of a pair (secretariat; focal points of either country)", [],
                                   ref("AdoptionNew"), [("201", json(ref("Adoption"), "The adoption")), ("409", problem)] + writes)),
            ])),
            ("/adoptions/{id}", .object([
                ("get", operation("getAdoption", "One adoption", [path("id", "The adoption's id", id)], nil,
                                  [("200", json(ref("Adoption"), "The adoption")), ("404", problem)])),
            ])),
            ("/adoptions/{id}/stages", .object([
                ("post", operation("recordAdoptionStage", "Record the stage an adoption reached, with its date", [path("id", "The adoption's id", id)],
                                   ref("AdoptionStageNew"), [("200", json(ref("Adoption"), "The adoption")), ("409", problem)] + writes)),
            ])),
            ("/adoptions/{id}/indicators", .object([
                ("post", operation("addAdoptionIndicator", "Add an indicator (target below baseline: a reduction)", [path("id", "The adoption's id", id)],
                                   ref("IndicatorNew"), [("201", json(ref("AdoptionIndicator"), "The indicator"))] + writes)),
            ])),
            ("/adoptions/{id}/indicators/{indicator}/measurements", .object([
                ("post", operation("addMeasurement", "Add a dated measurement to an indicator",
                                   [path("id", "The adoption's id", id), path("indicator", "The indicator's id", id)],
                                   ref("MeasurementNew"), [("201", json(ref("AdoptionIndicator"), "The indicator with its measurements"))] + writes)),
            ])),
        ]
    }

    static func schemas(reference: ReferenceData) -> [(String, JSONDocument)] {
        let string: JSONDocument = .object([("type", "string")]), integer: JSONDocument = .object([("type", "integer")])
        let number: JSONDocument = .object([("type", "number")]), nullableNumber: JSONDocument = .object([("type", ["number", "null"])])
        let date: JSONDocument = .object([("type", "string"), ("format", "date")])
        let strings: JSONDocument = .object([("type", "array"), ("items", string)])
        func object(_ properties: [(String, JSONDocument)], required: [String]? = nil, closed: Bool = false) -> JSONDocument {
            var members: [(String, JSONDocument)] = [("type", "object"), ("properties", .object(properties)),
                                                     ("required", .array((required ?? properties.map(\.0)).map(JSONDocument.string)))]
            if closed { members.append(("additionalProperties", false)) }
            return .object(members)
        }
        func array(_ items: JSONDocument) -> JSONDocument { .object([("type", "array"), ("items", items)]) }
        func enumeration(_ values: [String]) -> JSONDocument { .object([("type", "string"), ("enum", .array(values.map(JSONDocument.string)))]) }
        // What the store accepts: a date of the years 1900 to 2199, a country of the reference list, a name or unit on
        // one line (no control character) with a character that is not a space, a note of at most 2,000 characters.
        let inputDate: JSONDocument = .object([("type", "string"), ("format", "date"), ("pattern", "^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$")])
        let country: JSONDocument = .object([("type", "string"), ("enum", .array(reference.countries.map { .string($0.alpha3) }))])
        let line = "[^\\u0000-\\u001F\\u007F-\\u009F]"
        func text(_ maxLength: Int) -> JSONDocument {
            .object([("type", "string"), ("maxLength", .integer(maxLength)), ("pattern", .string("^\(line)*[^\\s\\u0000-\\u001F\\u007F-\\u009F]\(line)*$"))])
        }
        let entryRef: JSONDocument = .object([("type", "string"), ("pattern", "^[A-Za-z0-9][A-Za-z0-9._-]*$"), ("maxLength", .integer(FieldLimits.ref))])
        // An optional text or date may be null, read as absent.
        let note: JSONDocument = .object([("type", ["string", "null"]), ("maxLength", .integer(Adoptions.maxNoteLength))])
        let optionalDate: JSONDocument = .object([("type", ["string", "null"]), ("format", "date"), ("pattern", "^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$")])
        let stages = [AdoptionStage.notStartedKey] + AdoptionStage.allCases.map(\.rawValue)
        let count: [(String, JSONDocument)] = [("supply", integer), ("demand", integer), ("gap", integer)]
        let member = object([
            ("country", string), ("name", string), ("region_code", .object([("type", ["integer", "null"])])), ("region", string),
            ("subregion_code", .object([("type", ["integer", "null"])])), ("subregion", string), ("global_south", .object([("type", "boolean")])),
            ("joined", date), ("note", string), ("focal_point_count", integer),
            ("focal_points", .object([("type", ["array", "null"]), ("items", string), ("description", "null for anonymous callers")])),
            ("agencies", strings), ("innovation_count", integer), ("need_count", integer), ("adoption_count", integer),
        ])
        let indicator = object([
            ("id", integer), ("name", string), ("kind", enumeration(IndicatorKind.allCases.map(\.rawValue))), ("unit", string),
            ("baseline", number), ("target", number), ("reduction", .object([("type", "boolean")])), ("latest", nullableNumber),
            ("latest_date", .object([("type", ["string", "null"]), ("format", "date")])),
            ("progress", nullableNumber.adding("(latest − baseline) / (target − baseline), unclamped")),
            ("progress_display", nullableNumber.adding("progress clamped to 0…1")),
            ("improvement", nullableNumber.adding("change from the baseline toward the target, as a share of the baseline")),
            ("measurements", array(object([("id", integer), ("date", date), ("value", number), ("note", string)]))),
        ])
        let adoption = object([
            ("id", integer), ("need", string), ("need_title", string), ("need_country", string), ("innovation", string),
            ("innovation_title", string), ("innovation_country", string), ("stage", enumeration(stages)),
            ("stage_date", .object([("type", ["string", "null"]), ("format", "date")])), ("started_on", date), ("goals", array(integer)),
            ("created_at", .object([("type", "string"), ("format", "date-time")])), ("created_by", string),
            ("updated_at", .object([("type", "string"), ("format", "date-time")])), ("updated_by", string),
            ("stages", array(object([("stage", enumeration(AdoptionStage.allCases.map(\.rawValue))), ("date", date), ("note", string),
                                     ("recorded_at", .object([("type", "string"), ("format", "date-time")])), ("recorded_by", string)]))),
            ("indicators", array(OpenAPIDocument.ref("AdoptionIndicator"))),
        ])
        let summary = object([
            ("total", integer), ("by_stage", array(object([("stage", enumeration(stages)), ("count", integer)]))),
            ("by_goal", array(object([("goal", integer), ("count", integer)]))),
            ("by_region", array(object([("region", .object([("type", ["integer", "null"])])), ("count", integer)]))),
            ("by_indicator_kind", array(object([("kind", enumeration(IndicatorKind.allCases.map(\.rawValue))), ("indicators", integer),
                                                ("measured", integer), ("median_improvement", nullableNumber)]))),
        ])
        let map = object([
            ("filter", object([("region", .object([("type", ["integer", "null"])])), ("theme", .object([("type", ["string", "null"])]))])),
            ("total", object(count)), ("regions", array(object([("code", integer), ("name", string)]))),
            ("goals", array(object([("goal", integer), ("label", string)] + count + [
                ("by_region", array(object([("region", integer)] + count))),
                ("targets", array(object([("target", string), ("label", string)] + count + [("innovations", strings), ("needs", strings)]))),
            ]))),
        ])
        return [
            ("Member", member), ("MemberList", object([("members", array(OpenAPIDocument.ref("Member")))])),
            ("MemberNew", object([("country", country), ("joined", inputDate), ("note", note)], required: ["country", "joined"], closed: true)),
            ("SDGMap", map), ("AdoptionIndicator", indicator), ("Adoption", adoption), ("AdoptionSummary", summary),
            ("AdoptionList", object([("summary", OpenAPIDocument.ref("AdoptionSummary")), ("adoptions", array(OpenAPIDocument.ref("Adoption")))])),
            ("AdoptionNew", object([("need", entryRef), ("innovation", entryRef), ("started_on", optionalDate)],
                                   required: ["need", "innovation"], closed: true)),
            ("AdoptionStageNew", object([("stage", enumeration(AdoptionStage.allCases.map(\.rawValue))), ("date", inputDate), ("note", note)],
                                        required: ["stage", "date"], closed: true)),
            ("IndicatorNew", object([("name", text(Adoptions.maxNameLength)),
                                     ("kind", enumeration(IndicatorKind.allCases.map(\.rawValue))),
                                     ("unit", text(Adoptions.maxUnitLength)),
                                     ("baseline", number), ("target", number.adding("must differ from the baseline"))], closed: true)),
            ("MeasurementNew", object([("date", inputDate), ("value", number), ("note", note)], required: ["date", "value"], closed: true)),
        ]
    }
}

extension JSONDocument {
    /// This schema with a description.
    fileprivate func adding(_ description: String) -> JSONDocument {
        guard case .object(var members) = self else { return self }
        members.append(("description", .string(description)))
        return .object(members)
    }
}
