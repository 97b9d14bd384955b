import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The JSON API of match reports: list, run, get one, compare two. The JSON is the same as `solex report` writes.
struct ReportAPIController {
    let reports: MatchReports
    let runs: ReportRunQueue

    init(catalogue: Catalogue, runs: ReportRunQueue) {
        reports = MatchReports(catalogue: catalogue)
        self.runs = runs
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports") { _, _ in Self.json(try reports.list().json()) }
        group.post("reports") { request, context in
            var members = try await body(request, context)
            var nameError: FieldError?
            var name: String?
            switch members.removeValue(forKey: "name") {
            case .none, .some(.null): name = nil
            case .some(.string(let text)): name = text
            case .some: nameError = FieldError(field: "name", reason: "must be a string")
            }
            let parsed = ReportParameters.parse(json: members, reference: reports.catalogue.reference)
            var errors = nameError.map { [$0] } ?? []
            if case .failure(let failure) = parsed { errors += failure.errors }
            guard errors.isEmpty, case .success(let parameters) = parsed else { throw Self.invalid(errors) }
            let id: Int64
            do {
                let actor = context.actor, reportName = name
                id = try await runs.run { try reports.run(name: reportName, parameters: parameters, actor: actor) }
            } catch MatchReportError.invalid(let failure) {
                throw Self.invalid(failure.errors)
            }
            guard let summary = try reports.list().first(where: { $0.id == id }) else { throw HTTPError(.internalServerError) }
            var response = Self.json(try summary.json(), status: .created)
            response.headers[.location] = "/api/v1/reports/\(id)"
            return response
        }
        group.get("reports/:id") { _, context in
            let id = try Self.id(context, "id")
            guard let report = try reports.report(id) else { throw Self.notFound(id) }
            return Self.json(try report.json())
        }
        group.get("reports/:id/diff/:other") { _, context in
            let from = try Self.id(context, "id"), to = try Self.id(context, "other")
            do {
                return Self.json(try reports.diff(from: from, to: to).json())
            } catch MatchReportError.notFound(let id) {
                throw Self.notFound(id)
            }
        }
    }

    /// Reads a JSON object body.
    private func body(_ request: Request, _ context: AppRequestContext) async throws -> [String: JSONValue] {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw Problem(status: .unsupportedMediaType, title: "Unsupported Media Type", detail: "Send the parameters as application/json.")
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
        return members
    }

    static func id(_ context: AppRequestContext, _ name: String) throws -> Int64 {
        let text = try context.parameters.require(name)
        guard let id = ReportPagesController.reportID(text) else {
            throw Problem(status: .notFound, title: "Not found", detail: "There is no report with id '\(text)'.")
        }
        return id
    }

    static func notFound(_ id: Int64) -> Problem {
        Problem(status: .notFound, title: "Not found", detail: "There is no report with id \(id).")
    }

    static func invalid(_ errors: [FieldError]) -> Problem {
        Problem(status: .unprocessableContent, title: "Invalid report parameters",
                detail: "The parameters break \(errors.count) rule(s); see errors.", errors: errors)
    }

    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
