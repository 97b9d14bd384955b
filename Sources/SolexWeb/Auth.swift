import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import SolexCore
import SolexStore

/// Session storage for hummingbird-auth in the Solex database, so sessions survive a restart. Expired sessions
/// are never returned and are removed whenever a session is written.
struct SQLitePersistDriver: PersistDriver {
    let database: AppDatabase

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try database.storeSession(key, value: try JSONEncoder().encode(value), expiresAt: Self.date(expires), onlyIfNew: true) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        // Keep the expiry when none is given (hummingbird-auth updates a session's value without its expiry).
        let expiresAt = try expires == nil ? database.sessionValue(key)?.expiresAt : Self.date(expires)
        _ = try database.storeSession(key, value: try JSONEncoder().encode(value), expiresAt: expiresAt)
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let (data, expiresAt) = try database.sessionValue(key) else { return nil }
        guard let object = try? JSONDecoder().decode(Object.self, from: data) else { throw PersistError.invalidConversion }
        return (object, expiresAt.map { .milliseconds(Int64($0.timeIntervalSinceNow * 1000)) })
    }

    func remove(key: String) async throws {
        try database.removeSession(key)
    }

    static func date(_ duration: Duration?) -> Date? {
        duration.map { Date().addingTimeInterval(TimeInterval($0.components.seconds)) }
    }
}

/// Finds who is asking and puts them in `context.actor`: for pages, the account of the session cookie; for the
/// JSON API, the account of the `Authorization: Bearer` token (an invalid or revoked token is a 401). Requests with
/// neither are anonymous. A session's idle timeout restarts on each request (at most every five minutes).
struct IdentityMiddleware: RouterMiddleware {
    static let sessionCookie = "solex_session"
    let accounts: Accounts
    let sessionIdle: Duration

    func handle(_ request: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path.hasPrefix("/api/") {
            context.actor = .apiClient
            if let header = request.headers[.authorization] {
                let parts = header.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "bearer",
                      let user = try accounts.user(forToken: parts[1].trimmingCharacters(in: .whitespaces)) else {
                    throw Problem(status: .unauthorized, title: "Unauthorized", detail: "The API token is not valid or has been revoked.")
                }
                context.actor = user.actor(.api)
            }
            return try await next(request, context)
        }
        context.actor = .webVisitor
        if let session = context.sessions.session {
            if let user = try accounts.user(id: session.userID), !user.disabled,
               user.passwordChangedAt.timeIntervalSince1970 == session.passwordChangedAt {
                context.actor = user.actor(.web)
                let idle = sessionIdle
                context.sessions.withLockedSession { data in
                    if let left = data?.expiresIn, left < idle - .seconds(300) { data?.expiresIn = idle }
                }
            } else {
                context.sessions.clearSession()
            }
        }
        return try await next(request, context)
    }
}

/// Refuses every route of its group unless the actor has `permission` (anonymous visitors are sent to sign in).
struct PermissionMiddleware: RouterMiddleware {
    let catalogue: Catalogue
    let permission: Permission

    func handle(_ request: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        try catalogue.authorize(context.actor, permission)
        return try await next(request, context)
    }
}

extension Request {
    /// The path and query to come back to after signing in (only for GET; a form post goes back to the site root).
    var returnPath: String {
        guard method == .get else { return "/" }
        return uri.description.hasPrefix("/") ? uri.description : "/"
    }

    /// The client's address, for the record of failed sign-ins.
    func clientAddress(_ context: AppRequestContext) -> String {
        if let forwarded = headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return "direct"
    }
}

/// A safe local path to go to after signing in: only paths on this site.
func safeNext(_ next: String?) -> String {
    guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
          !next.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return "/" }
    return next
}
