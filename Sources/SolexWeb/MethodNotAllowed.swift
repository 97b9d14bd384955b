import Foundation
import HTTPTypes
import Hummingbird

/// Answers 405 Method Not Allowed, with an `Allow` header, when a path exists with other methods. Added to the router
/// after every route, so it only wraps Hummingbird's not-found responder: every request it sees matched no route.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    /// Each route's path segments (a segment starting with ':' or '{' matches any one segment) and method.
    private let routes: [(segments: [Substring], method: String)]

    init(routes: [Router<AppRequestContext>.RouteDescription]) {
        self.routes = routes.map { route in
            (route.path.description.split(separator: "/", omittingEmptySubsequences: true), route.method.rawValue)
        }
    }

    func handle(_ request: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        let allowed = allowedMethods(path: request.uri.path)
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { return try await next(request, context) }
        let allow = allowed.joined(separator: ", ")
        guard request.uri.path.hasPrefix("/api/") else {
            throw HTTPError(.methodNotAllowed, headers: [.allow: allow])
        }
        var response = Problem(status: .methodNotAllowed, title: "Method Not Allowed",
                               detail: "This address accepts \(allow).").response()
        response.headers[.allow] = allow
        return response
    }

    /// The methods of the routes whose pattern matches PATH, sorted.
    func allowedMethods(path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        let methods = routes.filter { route in
            route.segments.count == parts.count && zip(route.segments, parts).allSatisfy { pattern, part in
                pattern.hasPrefix(":") || pattern.hasPrefix("{") || pattern == part
            }
        }.map(\.method)
        return Array(Set(methods)).sorted()
    }
}
