import Foundation
import Hummingbird
import Logging
import SolexCore
import SolexStore

/// An RFC 9457 problem: what the JSON API answers for every error.
struct Problem: Error {
    var status: HTTPResponse.Status
    var title: String
    var detail: String
    var errors: [FieldError] = []

    init(status: HTTPResponse.Status, title: String, detail: String, errors: [FieldError] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    /// Describes any error thrown by a handler; unexpected errors are logged and described only generically.
    init(_ error: any Error, logger: Logger) {
        switch error {
        case let problem as Problem:
            self = problem
        case CatalogueError.invalid(let failure) where failure.errors.allSatisfy(\.isRefTaken):
            self.init(status: .conflict, title: "Conflict", detail: "The ref is already used.", errors: failure.errors)
        case CatalogueError.invalid(let failure):
            self.init(status: .unprocessableContent, title: "Invalid entry",
                      detail: "The entry breaks \(failure.errors.count) rule(s); see errors.", errors: failure.errors)
        case CatalogueError.signInRequired:
            self.init(status: .unauthorized, title: "Unauthorized",
                      detail: "Send an API token of your account: Authorization: Bearer TOKEN.")
        case CatalogueError.forbidden(let reason):
            self.init(status: .forbidden, title: "Forbidden", detail: reason.english)
        case AccountError.invalid(let field, let reason, _):
            self.init(status: .unprocessableContent, title: "Invalid input", detail: reason, errors: [FieldError(field: field, reason: reason)])
        case AccountError.notFound:
            self.init(status: .notFound, title: "Not found", detail: "There is nothing at this address.")
        case MatchReportError.invalid(let failure):
            self.init(status: .unprocessableContent, title: "Invalid input",
                      detail: "The request breaks \(failure.errors.count) rule(s); see errors.", errors: failure.errors)
        case is ReportRunQueue.Busy:
            self.init(status: .serviceUnavailable, title: "Service Unavailable",
                      detail: "Other match reports are being run and more are waiting; this one was not started. Try again in a minute.")
        case NetworkError.notFound(let what):
            self.init(status: .notFound, title: "Not found", detail: "There is no \(what).")
        case CatalogueError.notFound(let kind, let ref):
            self.init(status: .notFound, title: "Not found", detail: "There is no \(kind.rawValue) with ref '\(ref)'.")
        case let error as HTTPResponseError where error.status.code < 500:
            self.init(status: error.status, title: error.status.reasonPhrase, detail: Self.detail(for: error.status))
        default:
            logger.error("API request failed", metadata: ["error": "\(error)"])
            self.init(status: .internalServerError, title: "Internal Server Error", detail: "Something went wrong on our side.")
        }
    }

    private static func detail(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "There is nothing at this address."
        case .methodNotAllowed: "This address does not accept that method."
        case .contentTooLarge: "The body is too large."
        default: "The request could not be handled."
        }
    }

    func response() -> Response {
        var members: [(String, JSONDocument)] = [
            ("type", "about:blank"), ("title", .string(title)), ("status", .integer(Int(status.code))), ("detail", .string(detail)),
        ]
        if !errors.isEmpty {
            members.append(("errors", .array(errors.map { .object([("field", .string($0.field)), ("reason", .string($0.reason))]) })))
        }
        var response = JSONDocument.object(members).response(status: status, contentType: "application/problem+json")
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"solex\"" }
        if status == .serviceUnavailable { response.headers[.retryAfter] = String(ReportRunQueue.Busy.retryAfter) }
        return response
    }
}

extension FieldError {
    /// Whether this error says the ref belongs to another entry (the request was valid; the catalogue's state refuses it).
    var isRefTaken: Bool { field == "ref" && reason.hasPrefix("is already used by another") }
}
