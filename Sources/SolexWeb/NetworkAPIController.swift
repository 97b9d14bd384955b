import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The JSON API of the network: members, the SDG map and adoptions, with the writes of the pages.
struct NetworkAPIController {
    let catalogue: Catalogue

    private var reference: ReferenceData { catalogue.reference }
    private var adoptions: Adoptions { Adoptions(catalogue: catalogue) }
    private var members: Members { Members(catalogue: catalogue) }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("members") { _, context in
            let signedIn = context.actor.role != nil
            return JSONDocument.object([("members", .array(try members.list().map {
                NetworkJSON.member($0, reference: reference, showFocalPoints: signedIn)
            }))]).response()
        }
        group.get("members/:code") { _, context in
            let code = try context.parameters.require("code")
            guard let member = try members.member(code) else { throw NetworkError.notFound("member '\(code)'") }
            return NetworkJSON.member(member, reference: reference, showFocalPoints: context.actor.role != nil).response()
        }
        group.post("members") { request, context in
            try catalogue.authorize(context.actor, .manageMembers)
            let body = try await Self.body(request, context, keys: ["country", "joined", "note"])
            var errors: [FieldError] = []
            let country = Self.string(body, "country", &errors) ?? "", joined = Self.string(body, "joined", &errors) ?? ""
            let note = Self.string(body, "note", &errors, required: false) ?? ""
            if !errors.isEmpty { throw CatalogueError.invalid(ValidationFailure(errors)) }
            let added = try members.add(country: country, joined: joined, note: note, actor: context.actor)
            guard let member = try members.member(country.uppercased()) else { throw HTTPError(.internalServerError) }
            var response = NetworkJSON.member(member, reference: reference, showFocalPoints: true).response(status: added ? .created : .ok)
            response.headers[.location] = "/api/v1/members/\(member.country)"
            return response
        }
        group.get("sdg-map") { request, _ in
            let (region, theme) = try Self.mapQuery(request)
            let filter = NetworkPresenter(reference: reference).filter(
                region: region.flatMap { $0.isEmpty ? nil : $0 }, theme: theme.flatMap { $0.isEmpty ? nil : $0 },
                choices: catalogue.regionChoices)
            return NetworkJSON.map(try catalogue.sdgMap(filter), regions: catalogue.mapRegions, reference: reference).response()
        }
        group.get("adoptions") { _, _ in
            JSONDocument.object([("summary", NetworkJSON.summary(try adoptions.summary())),
                                 ("adoptions", .array(try adoptions.list().map(NetworkJSON.adoption)))]).response()
        }
        group.get("adoptions/:id") { _, context in
            NetworkJSON.adoption(try adoptions.require(try Self.id(context, "id"))).response()
        }
        group.post("adoptions") { request, context in
            try Self.requireAccount(context)
            let body = try await Self.body(request, context, keys: ["need", "innovation", "started_on"])
            var errors: [FieldError] = []
            let need = Self.string(body, "need", &errors) ?? "", innovation = Self.string(body, "innovation", &errors) ?? ""
            let startedOn = Self.string(body, "started_on", &errors, required: false)
            if !errors.isEmpty { throw CatalogueError.invalid(ValidationFailure(errors)) }
            let adoption = try Self.conflicts { try adoptions.create(need: need, innovation: innovation, startedOn: startedOn, actor: context.actor) }
            var response = NetworkJSON.adoption(adoption).response(status: .created)
            response.headers[.location] = "/api/v1/adoptions/\(adoption.id)"
            return response
        }
        group.post("adoptions/:id/stages") { request, context in
            try Self.requireAccount(context)
            let id = try Self.id(context, "id")
            let body = try await Self.body(request, context, keys: ["stage", "date", "note"])
            var errors: [FieldError] = []
            let stageText = Self.string(body, "stage", &errors) ?? "", date = Self.string(body, "date", &errors) ?? ""
            let note = Self.string(body, "note", &errors, required: false) ?? ""
            let stage = AdoptionStage(rawValue: stageText)
            if stage == nil && !stageText.isEmpty {
                errors.append(FieldError(field: "stage", reason: "must be one of \(AdoptionStage.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            guard errors.isEmpty, let stage else { throw CatalogueError.invalid(ValidationFailure(errors)) }
            return NetworkJSON.adoption(try Self.conflicts { try adoptions.recordStage(id, stage: stage, date: date, note: note, actor: context.actor) })
                .response()
        }
        group.post("adoptions/:id/indicators") { request, context in
            try Self.requireAccount(context)
            let id = try Self.id(context, "id")
            let body = try await Self.body(request, context, keys: ["name", "kind", "unit", "baseline", "target"])
            var errors: [FieldError] = []
            let name = Self.string(body, "name", &errors) ?? "", unit = Self.string(body, "unit", &errors) ?? ""
            let kindText = Self.string(body, "kind", &errors) ?? ""
            let baseline = Self.number(body, "baseline", &errors), target = Self.number(body, "target", &errors)
            let kind = IndicatorKind(rawValue: kindText)
            if kind == nil && !kindText.isEmpty {
                errors.append(FieldError(field: "kind", reason: "must be one of \(IndicatorKind.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            guard errors.isEmpty, let kind, let baseline, let target else { throw CatalogueError.invalid(ValidationFailure(errors)) }
            let indicator = try adoptions.addIndicator(id, name: name, kind: kind, unit: unit, baseline: baseline, target: target, actor: context.actor)
            let adoption = try adoptions.require(id)
            guard let stored = adoption.indicators.first(where: { $0.id == indicator }) else { throw HTTPError(.internalServerError) }
            return NetworkJSON.indicator(stored).response(status: .created)
        }
        group.post("adoptions/:id/indicators/:indicator/measurements") { request, context in
            try Self.requireAccount(context)
            let id = try Self.id(context, "id"), indicator = try Self.id(context, "indicator")
            let body = try await Self.body(request, context, keys: ["date", "value", "note"])
            var errors: [FieldError] = []
            let date = Self.string(body, "date", &errors) ?? "", value = Self.number(body, "value", &errors)
            let note = Self.string(body, "note", &errors, required: false) ?? ""
            guard errors.isEmpty, let value else { throw CatalogueError.invalid(ValidationFailure(errors)) }
            try adoptions.addMeasurement(id, indicator: indicator, date: date, value: value, note: note, actor: context.actor)
            guard let stored = try adoptions.require(id).indicators.first(where: { $0.id == indicator }) else { throw HTTPError(.internalServerError) }
            return NetworkJSON.indicator(stored).response(status: .created)
        }
    }

    /// Refuses an anonymous caller (401) before the body is read: every adoption write needs an account.
    static func requireAccount(_ context: AppRequestContext) throws {
        if context.actor.role == nil { throw CatalogueError.signInRequired }
    }

    /// Runs a write whose refusals that depend on what is stored (the pair is already an adoption, a stage that
    /// cannot follow the current one or is dated before it) become 409 Conflict; other problems stay 422.
    static func conflicts<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch CatalogueError.invalid(let failure) where failure.errors.allSatisfy(isStateConflict) {
            throw Problem(status: .conflict, title: "Conflict", detail: "The request conflicts with the adoption as stored; see errors.",
                          errors: failure.errors)
        }
    }

    private static func isStateConflict(_ error: FieldError) -> Bool {
        // A stage named here is one of the stages (checked before), so a refusal on `stage` is about the current one.
        (error.field == "innovation" && error.reason == "this pair is already an adoption") || error.field == "stage"
            || (error.field == "date" && error.reason.hasPrefix("must not be before"))
    }

    /// The SDG map's query, read strictly as the API reads its lists: `region` (a whole number) and `theme`, each at
    /// most once; 400 otherwise.
    static func mapQuery(_ request: Request) throws -> (region: String?, theme: String?) {
        let parameters = request.uri.queryParameters
        var errors: [FieldError] = []
        func once(_ name: String) -> String? {
            let values = parameters.getAll(name)
            if values.count > 1 { errors.append(FieldError(field: name, reason: "must be given at most once")) }
            return values.first.map { String($0) }
        }
        let region = once("region"), theme = once("theme")
        if let region, !(Int(region).map { (0...999).contains($0) } ?? false) {
            errors.append(FieldError(field: "region", reason: "must be a UN M49 code: a whole number from 0 to 999"))
        }
        if !errors.isEmpty {
            throw Problem(status: .badRequest, title: "Invalid query", detail: "Some query parameters are invalid; see errors.", errors: errors)
        }
        return (region, theme)
    }

    static func id(_ context: AppRequestContext, _ name: String) throws -> Int64 {
        let text = try context.parameters.require(name)
        guard let id = Int64(text), id > 0 else { throw NetworkError.notFound("\(name) '\(text)'") }
        return id
    }

    static func string(_ body: [String: JSONValue], _ key: String, _ errors: inout [FieldError], required: Bool = true) -> String? {
        switch body[key] {
        case .some(.string(let text)):
            if required && text.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError(field: key, reason: "is required")) }
            return text
        case .none, .some(.null):
            if required { errors.append(FieldError(field: key, reason: "is required")) }
            return nil
        case .some:
            errors.append(FieldError(field: key, reason: "must be a string"))
            return nil
        }
    }

    static func number(_ body: [String: JSONValue], _ key: String, _ errors: inout [FieldError]) -> Double? {
        switch body[key] {
        case .some(.number(let value)): return value
        case .some(.integer(let value)): return Double(value)
        case .none, .some(.null):
            errors.append(FieldError(field: key, reason: "is required"))
        case .some:
            errors.append(FieldError(field: key, reason: "must be a number"))
        }
        return nil
    }

    /// Reads a JSON object body with no member other than `keys` (the document's request schemas are closed): 415
    /// unless application/json, 400 unless an object, 422 naming each unknown member.
    static func body(_ request: Request, _ context: AppRequestContext, keys: Set<String>) async throws -> [String: JSONValue] {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw Problem(status: .unsupportedMediaType, title: "Unsupported Media Type", detail: "Send the body as application/json.")
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer)) else {
            throw Problem(status: .badRequest, title: "Bad Request", detail: "The body is not valid JSON.")
        }
        guard case .object(let members) = value else {
            throw Problem(status: .badRequest, title: "Bad Request", detail: "The body must be a JSON object.")
        }
        let unknown = members.keys.filter { !keys.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw CatalogueError.invalid(ValidationFailure(unknown.map { FieldError(field: $0, reason: "is not a field of this request") }))
        }
        return members
    }
}
