import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The JSON API for innovations and needs: list, get, create, update, delete by `ref`.
struct EntryAPIController {
    let catalogue: Catalogue

    /// Keys of an entry's JSON that are read-only: accepted in a body (so a fetched entry can be sent back) and ignored.
    static let readOnlyKeys: Set<String> = ["status", "created_at", "updated_at", "created_by", "updated_by"]

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        for kind in EntryKind.allCases {
            let path = RouterPath(stringLiteral: kind.plural)
            let item = RouterPath(stringLiteral: "\(kind.plural)/:ref")
            group.get(path) { request, context in try list(kind, request, context.actor) }
            group.post(path) { request, context in
                let entry = try catalogue.create(kind, input: try await body(request, context), actor: context.actor)
                var response = Self.document(entry).response(status: .created)
                response.headers[.location] = "/api/v1/\(kind.plural)/\(percentEncoded(entry.ref))"
                return response
            }
            group.get(item) { _, context in
                let ref = try context.parameters.require("ref")
                guard let entry = try catalogue.entry(kind, ref: ref, for: context.actor) else { throw CatalogueError.notFound(kind, ref) }
                return Self.document(entry).response()
            }
            group.put(item) { request, context in
                let ref = try context.parameters.require("ref")
                let entry = try catalogue.update(kind, ref: ref, input: try await body(request, context), actor: context.actor)
                return Self.document(entry).response()
            }
            group.delete(item) { _, context in
                try catalogue.delete(kind, ref: try context.parameters.require("ref"), actor: context.actor)
                return Response(status: .noContent)
            }
        }
    }

    private func list(_ kind: EntryKind, _ request: Request, _ actor: Actor) throws -> Response {
        var parameters = ListParameters(kind: kind, request: request, reference: catalogue.reference, strict: true)
        parameters.query.visibility = Visibility(actor)
        if !parameters.errors.isEmpty {
            throw Problem(status: .badRequest, title: "Invalid query", detail: "Some query parameters are invalid; see errors.",
                          errors: parameters.errors)
        }
        let page = try catalogue.list(parameters.query)
        return JSONDocument.object([
            ("total", .integer(page.total)), ("page", .integer(page.page)), ("per_page", .integer(page.perPage)),
            ("items", .array(page.entries.map(Self.document))),
        ]).response()
    }

    /// Reads a JSON object body into field values, leaving out the read-only keys.
    private func body(_ request: Request, _ context: AppRequestContext) async throws -> FieldValues {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw Problem(status: .unsupportedMediaType, title: "Unsupported Media Type", detail: "Send the entry as application/json.")
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer))
        } catch {
            throw Problem(status: .badRequest, title: "Bad Request", detail: "The body is not valid JSON.")
        }
        guard case .object(let members) = value else {
            throw Problem(status: .badRequest, title: "Bad Request", detail: "The body must be a JSON object.")
        }
        return members.filter { !Self.readOnlyKeys.contains($0.key) }.mapValues(\.fieldValue)
    }

    /// An entry as JSON: its fields in interchange order, then its status and times.
    static func document(_ entry: StoredEntry) -> JSONDocument {
        var members = entry.kind.fields.map { ($0.name, JSONDocument(entry.values[$0.name] ?? .null)) }
        members.append(("status", .string(entry.metadata.status.rawValue)))
        members.append(("created_at", .string(Timestamp.iso(entry.metadata.createdAt))))
        members.append(("updated_at", .string(Timestamp.iso(entry.metadata.updatedAt))))
        return .object(members)
    }
}

/// Time formats used in pages and the API.
enum Timestamp {
    /// ISO 8601 in UTC with seconds, e.g. 2026-11-22T15:09:01Z.
    static func iso(_ date: Date) -> String {
        date.ISO8601Format()
    }

    /// A date for people, e.g. 2026-11-22.
    static func day(_ date: Date) -> String {
        String(iso(date).prefix(10))
    }
}
