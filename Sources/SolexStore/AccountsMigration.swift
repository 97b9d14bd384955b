import GRDB

/// The migration `v5-accounts`: user accounts, web sessions, API tokens, the audit log and failed sign-ins.
enum AccountsMigration {
    static func create(_ db: Database) throws {
        try db.create(table: "user") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("email", .text).notNull().unique().collate(.nocase)
            // bcrypt hash ("$2b$12$..."): never the password itself.
            t.column("password_hash", .text).notNull()
            t.column("role", .text).notNull()
            // A focal point's country (ISO alpha-3); null for every other role.
            t.column("country", .text).references("country")
            t.column("created_at", .datetime).notNull()
            t.column("password_changed_at", .datetime).notNull()
            t.column("disabled", .boolean).notNull().defaults(to: false)
        }
        // Web sessions, keyed by the random id in the session cookie; the value is the session's JSON.
        try db.create(table: "session") { t in
            t.primaryKey("key", .text)
            t.column("value", .blob).notNull()
            // Seconds since 1970; null never expires (Solex always sets it).
            t.column("expires_at", .double).indexed()
        }
        try db.create(table: "api_token") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("user_id", .integer).notNull().indexed().references("user", onDelete: .cascade)
            t.column("name", .text).notNull()
            // SHA-256 of the token, hex: the token itself is shown once and never stored.
            t.column("token_hash", .text).notNull().unique()
            t.column("created_at", .datetime).notNull()
            t.column("last_used_at", .datetime)
            t.column("revoked_at", .datetime)
        }
        try db.create(table: "audit_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .datetime).notNull().indexed()
            t.column("actor", .text).notNull()
            t.column("channel", .text).notNull()
            t.column("user_id", .integer)
            // e.g. create, update, delete, import, review.publish, report.run, pair.status, user.add, token.create
            t.column("action", .text).notNull()
            t.column("subject_kind", .text).notNull()
            t.column("subject_ref", .text).notNull()
            t.column("reason", .text)
            // JSON array of {field, old, new}.
            t.column("changes", .text).notNull()
        }
        try db.create(index: "audit_log_subject", on: "audit_log", columns: ["subject_kind", "subject_ref"])
        try db.create(table: "sign_in_failure") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("email", .text).notNull().collate(.nocase)
            t.column("address", .text).notNull()
            t.column("at", .datetime).notNull()
        }
        try db.create(index: "sign_in_failure_email", on: "sign_in_failure", columns: ["email", "at"])
    }
}
