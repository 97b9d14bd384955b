import Crypto
import Foundation
import GRDB
import HummingbirdBcrypt
import SolexCore

/// A person's account.
public struct User: Sendable, Hashable {
    public var id: Int64
    public var email: String
    public var role: Role
    /// A focal point's country (ISO alpha-3).
    public var country: String?
    public var createdAt: Date
    public var passwordChangedAt: Date
    public var disabled: Bool

    /// The actor this user is when acting through `channel`.
    public func actor(_ channel: Actor.Channel) -> Actor {
        Actor(name: email, channel: channel, role: role, country: country, userID: id)
    }
}

/// A named API token of a user (its secret is shown once, when it is created, and only its hash is stored).
public struct APIToken: Sendable, Hashable {
    public var id: Int64
    public var userID: Int64
    public var name: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?
}

/// Why an account use case did not happen.
public enum AccountError: Error, Sendable, Equatable {
    /// Wrong e-mail or password (which of the two is not said).
    case badCredentials
    /// Too many failed sign-ins for this e-mail recently; try again after `minutes`.
    case throttled(minutes: Int)
    /// The input broke a rule: the field and the reason; `explanation` says the same as a whole sentence that names the
    /// field, in a form the interface can translate.
    case invalid(field: String, reason: String, explanation: Explanation? = nil)
    /// No such account or token.
    case notFound
}

/// Accounts, passwords, sign-in with throttling, and API tokens. Changes are authorized through `AccessPolicy` and
/// recorded in the audit log in the same transaction.
public struct Accounts: Sendable {
    public let database: AppDatabase
    /// bcrypt cost of new password hashes (12 in production; tests may use a lower one).
    public let bcryptCost: UInt8
    /// Failed sign-ins of one e-mail within `throttleWindow` before further attempts are refused.
    public static let maxFailures = 5
    /// The throttling window.
    public static let throttleWindow: TimeInterval = 15 * 60
    let now: @Sendable () -> Date

    public init(database: AppDatabase, bcryptCost: UInt8 = 12, now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.bcryptCost = bcryptCost
        self.now = now
    }

    private func authorize(_ actor: Actor, _ permission: Permission) throws {
        switch AccessPolicy.decide(actor, permission) {
        case .allowed: return
        case .signInRequired: throw CatalogueError.signInRequired
        case .forbidden(let reason): throw CatalogueError.forbidden(reason)
        }
    }

    // MARK: Users

    /// Creates an account. Only an administrator (or the command line acting as one) may.
    @discardableResult
    public func addUser(email: String, password: String, role: Role, country: String?, actor: Actor) throws -> User {
        try authorize(actor, .manageUsers)
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.isEmail(email) else { throw AccountError.invalid(field: "email", reason: "must be an e-mail address",
                                                                          explanation: Explanation("users.error.email_invalid", english: "Email must be an e-mail address.")) }
        let country = country?.trimmingCharacters(in: .whitespaces).uppercased()
        if role == .focalPoint && (country ?? "").isEmpty {
            throw AccountError.invalid(field: "country", reason: "is required for a country focal point",
                                      explanation: Explanation("users.error.country_required", english: "Country is required for a country focal point."))
        }
        if role != .focalPoint && country != nil && !(country ?? "").isEmpty {
            throw AccountError.invalid(field: "country", reason: "only a country focal point is bound to a country",
                                      explanation: Explanation("users.error.country_not_allowed", english: "Only a country focal point is bound to a country."))
        }
        if let problem = PasswordPolicy.explanation(with: password, email: email) {
            throw AccountError.invalid(field: "password", reason: problem.english, explanation: problem)
        }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let time = now()
        return try database.write { db in
            if let country, role == .focalPoint,
               try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM country WHERE alpha3 = ?", arguments: [country]) == 0 {
                throw AccountError.invalid(field: "country", reason: "'\(country)' is not a known country code (ISO alpha-3)",
                                          explanation: Explanation("users.error.country_unknown", ["country": country],
                                                                   english: "Country '\(country)' is not a known country code (ISO alpha-3)."))
            }
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE email = ?", arguments: [email]) ?? 0 > 0 {
                throw AccountError.invalid(field: "email", reason: "is already used by another account",
                                          explanation: Explanation("users.error.email_taken", english: "Email is already used by another account."))
            }
            try db.execute(sql: """
                INSERT INTO user (email, password_hash, role, country, created_at, password_changed_at, disabled)
                VALUES (?, ?, ?, ?, ?, ?, 0)
                """, arguments: [email, hash, role.rawValue, role == .focalPoint ? country : nil, time, time])
            let user = User(id: db.lastInsertedRowID, email: email, role: role, country: role == .focalPoint ? country : nil,
                            createdAt: time, passwordChangedAt: time, disabled: false)
            try AuditLog.record(db, actor: actor, action: "user.add", kind: "user", ref: email,
                                changes: [AuditChange(field: "role", old: nil, new: role.rawValue),
                                          AuditChange(field: "country", old: nil, new: user.country)], at: time)
            return user
        }
    }

    /// Sets the password of the account `email` (an administrator's reset, or the command line's).
    public func setPassword(email: String, password: String, actor: Actor) throws {
        try authorize(actor, .manageUsers)
        guard let user = try user(email: email) else { throw AccountError.notFound }
        try storePassword(user, password, actor: actor, action: "user.passwd")
    }

    /// Changes one's own password after checking the current one.
    public func changePassword(userID: Int64, current: String, new: String, actor: Actor) throws {
        try authorize(actor, .ownAccount)
        guard actor.userID == userID, let user = try user(id: userID), let hash = try passwordHash(userID) else {
            throw CatalogueError.forbidden(Explanation("error.denied.own_password", english: "You can change only your own password."))
        }
        guard Bcrypt.verify(current, hash: hash) else {
            throw AccountError.invalid(field: "current", reason: "The current password is not correct.",
                                      explanation: Explanation("password.current_wrong", english: "The current password is not correct."))
        }
        if current == new {
            throw AccountError.invalid(field: "password", reason: "The new password must differ from the current one.",
                                       explanation: Explanation("password.same", english: "The new password must differ from the current one."))
        }
        try storePassword(user, new, actor: actor, action: "user.password")
    }

    private func storePassword(_ user: User, _ password: String, actor: Actor, action: String) throws {
        if let problem = PasswordPolicy.explanation(with: password, email: user.email) {
            throw AccountError.invalid(field: "password", reason: problem.english, explanation: problem)
        }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let time = now()
        try database.write { db in
            try db.execute(sql: "UPDATE user SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                           arguments: [hash, time, user.id])
            try AuditLog.record(db, actor: actor, action: action, kind: "user", ref: user.email,
                                changes: [AuditChange(field: "password", old: "(hidden)", new: "(changed)")], at: time)
        }
    }

    /// Every account, by e-mail.
    public func users(actor: Actor) throws -> [User] {
        try authorize(actor, .manageUsers)
        return try database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY email").compactMap(Self.user) }
    }

    public func user(id: Int64) throws -> User? {
        try database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id]).flatMap(Self.user) }
    }

    public func user(email: String) throws -> User? {
        try database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM user WHERE email = ?", arguments: [email]).flatMap(Self.user) }
    }

    private func passwordHash(_ id: Int64) throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "SELECT password_hash FROM user WHERE id = ?", arguments: [id]) }
    }

    /// A hash of nothing anyone knows, checked when the e-mail has no account.
    static let dummyHash = Bcrypt.hash(randomText(24), cost: 12)

    static func user(_ row: Row) -> User? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return User(id: row["id"], email: row["email"], role: role, country: row["country"], createdAt: row["created_at"],
                    passwordChangedAt: row["password_changed_at"], disabled: row["disabled"])
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && text.count <= 254
            && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    }

    // MARK: Sign-in

    /// Checks an e-mail and password. After `maxFailures` failures for the e-mail within `throttleWindow`, refuses
    /// with `throttled` without checking. A failure is recorded with the client's address.
    public func signIn(email: String, password: String, address: String) throws -> User {
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        let time = now()
        let since = time.addingTimeInterval(-Self.throttleWindow)
        let recent = try database.read { db in
            try Date.fetchAll(db, sql: "SELECT at FROM sign_in_failure WHERE email = ? AND at > ? ORDER BY at",
                              arguments: [email, since])
        }
        if recent.count >= Self.maxFailures, let oldest = recent.first {
            let seconds = oldest.addingTimeInterval(Self.throttleWindow).timeIntervalSince(time)
            throw AccountError.throttled(minutes: max(1, Int((seconds / 60).rounded(.up))))
        }
        let found = try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM user WHERE email = ?", arguments: [email])
        }
        // Without an account, still spend the time of a bcrypt check so timing does not tell which e-mails exist.
        let hash: String = found?["password_hash"] ?? Self.dummyHash
        let verified = Bcrypt.verify(password, hash: hash)
        if let found, verified, let user = Self.user(found), !user.disabled {
            try database.write { db in
                try db.execute(sql: "DELETE FROM sign_in_failure WHERE email = ?", arguments: [email])
            }
            return user
        }
        try database.write { db in
            try db.execute(sql: "INSERT INTO sign_in_failure (email, address, at) VALUES (?, ?, ?)", arguments: [email, address, time])
            try db.execute(sql: "DELETE FROM sign_in_failure WHERE at < ?", arguments: [time.addingTimeInterval(-86400)])
        }
        throw AccountError.badCredentials
    }

    // MARK: API tokens

    /// Creates a named token for the actor's own account and returns it with its secret (shown once).
    /// `secret` chooses the secret (tests); by default it is 32 random bytes.
    public func createToken(name: String, actor: Actor, secret: String? = nil) throws -> (token: APIToken, secret: String) {
        try authorize(actor, .ownAccount)
        guard let userID = actor.userID else { throw CatalogueError.forbidden(Explanation("error.denied.token_owner", english: "Only an account can own API tokens.")) }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 100 {
            throw AccountError.invalid(field: "name", reason: "must be 1 to 100 characters",
                                       explanation: Explanation("tokens.name_invalid", english: "Name must be 1 to 100 characters."))
        }
        let secret = secret ?? "slx_" + Self.randomText(32)
        let time = now()
        let token = try database.write { db in
            try db.execute(sql: "INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [userID, name, Self.digest(secret), time])
            let token = APIToken(id: db.lastInsertedRowID, userID: userID, name: name, createdAt: time)
            try AuditLog.record(db, actor: actor, action: "token.create", kind: "token", ref: String(token.id),
                                changes: [AuditChange(field: "name", old: nil, new: name)], at: time)
            return token
        }
        return (token, secret)
    }

    /// The actor's tokens, newest first.
    public func tokens(actor: Actor) throws -> [APIToken] {
        try authorize(actor, .ownAccount)
        guard let userID = actor.userID else { return [] }
        return try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_token WHERE user_id = ? ORDER BY id DESC", arguments: [userID]).map(Self.token)
        }
    }

    /// Revokes one of the actor's tokens (an administrator may revoke anyone's).
    public func revokeToken(id: Int64, actor: Actor) throws {
        try authorize(actor, .ownAccount)
        let time = now()
        try database.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE id = ?", arguments: [id]) else {
                throw AccountError.notFound
            }
            let token = Self.token(row)
            guard token.userID == actor.userID || actor.role == .admin else { throw AccountError.notFound }
            if token.revokedAt != nil { return }
            try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ?", arguments: [time, id])
            try AuditLog.record(db, actor: actor, action: "token.revoke", kind: "token", ref: String(id),
                                changes: [AuditChange(field: "revoked_at", old: nil, new: time.ISO8601Format())], at: time)
        }
    }

    /// The account of a token that is valid (known, not revoked, its account enabled); nil otherwise.
    public func user(forToken secret: String) throws -> User? {
        let hash = Self.digest(secret)
        let time = now()
        guard let row = try database.read({ db in
            try Row.fetchOne(db, sql: """
                SELECT user.*, api_token.id AS token_id, api_token.last_used_at AS token_used FROM api_token
                JOIN user ON user.id = api_token.user_id
                WHERE api_token.token_hash = ? AND api_token.revoked_at IS NULL AND user.disabled = 0
                """, arguments: [hash])
        }), let user = Self.user(row) else { return nil }
        // Record use at most once a minute, so a busy client does not turn every read into a write.
        let used: Date? = row["token_used"]
        if used.map({ time.timeIntervalSince($0) > 60 }) ?? true {
            let tokenID: Int64 = row["token_id"]
            try? database.write { db in
                try db.execute(sql: "UPDATE api_token SET last_used_at = ? WHERE id = ?", arguments: [time, tokenID])
            }
        }
        return user
    }

    static func token(_ row: Row) -> APIToken {
        APIToken(id: row["id"], userID: row["user_id"], name: row["name"], createdAt: row["created_at"],
                 lastUsedAt: row["last_used_at"], revokedAt: row["revoked_at"])
    }

    /// SHA-256 of `text`, hex.
    static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// `count` random bytes as base64url without padding.
    public static func randomText(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

// MARK: Sessions

extension AppDatabase {
    /// The stored value of session `key` and its expiry, if it exists and has not expired.
    public func sessionValue(_ key: String, now: Date = Date()) throws -> (value: Data, expiresAt: Date?)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT value, expires_at FROM session WHERE key = ?", arguments: [key]) else {
                return nil
            }
            let expires: Double? = row["expires_at"]
            if let expires, expires <= now.timeIntervalSince1970 { return nil }
            return (row["value"], expires.map(Date.init(timeIntervalSince1970:)))
        }
    }

    /// Stores session `key`; `onlyIfNew` fails when it exists. Expired sessions are removed on the way.
    public func storeSession(_ key: String, value: Data, expiresAt: Date?, onlyIfNew: Bool = false, now: Date = Date()) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires_at <= ?", arguments: [now.timeIntervalSince1970])
            if onlyIfNew, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session WHERE key = ?", arguments: [key]) ?? 0 > 0 {
                return false
            }
            try db.execute(sql: "INSERT OR REPLACE INTO session (key, value, expires_at) VALUES (?, ?, ?)",
                           arguments: [key, value, expiresAt?.timeIntervalSince1970])
            return true
        }
    }

    /// Removes session `key`.
    public func removeSession(_ key: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM session WHERE key = ?", arguments: [key]) }
    }
}
