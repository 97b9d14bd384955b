import Foundation
import Hummingbird

/// Double-submit CSRF protection for the HTML forms: each browser gets a random token in an HttpOnly,
/// SameSite=Strict cookie, every form carries the same token in `_csrf`, and an unsafe request whose form token
/// is missing or different is refused with 403 before any handler runs.
struct CSRFMiddleware: RouterMiddleware {
    static let cookieName = "solex_csrf"
    static let fieldName = "_csrf"
    /// Mark the cookie `Secure` (HTTPS).
    var secure = false

    func handle(_ request: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let existing = request.cookies[Self.cookieName]?.value
        let token = existing.flatMap { Self.isWellFormed($0) ? $0 : nil } ?? Self.newToken()
        context.csrfToken = token
        if request.method != .get && request.method != .head {
            let form = try await FormData.read(&request, context: context)
            guard let sent = form.first(Self.fieldName), let existing, Self.equal(sent, existing) else {
                throw HTTPError(.forbidden)
            }
        }
        var response = try await next(request, context)
        if existing != token {
            response.setCookie(Cookie(name: Self.cookieName, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.count == 43 && token.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ("a"..."z").contains($0)
            || ("A"..."Z").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// Compares in time independent of where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The fields of an application/x-www-form-urlencoded (or multipart/form-data) body, in order, with repeated names
/// kept (a multiple select sends one pair per chosen option).
struct FormData: Sendable {
    var pairs: [(name: String, value: String)]

    /// Reads the form body of `request` (leaving it readable again for the handler).
    static func read(_ request: inout Request, context: some RequestContext) async throws -> FormData {
        let contentType = request.headers[.contentType] ?? ""
        if let boundary = multipartBoundary(contentType) {
            let buffer = try await request.collectBody(upTo: context.maxUploadSize)
            return FormData(multipart: Array(buffer.readableBytesView), boundary: boundary)
        }
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else { return FormData(body: "") }
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        return FormData(body: String(buffer: buffer))
    }

    /// Parses an urlencoded body ('+' is a space). A malformed escape leaves that part as it was sent.
    init(body: String) {
        pairs = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value of `name`.
    func first(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }
}
