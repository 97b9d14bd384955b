import Foundation
import GRDB
import SolexCore

/// One recorded write: who, when, what, and the fields it changed.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    /// The actor's name (an e-mail, `cli` or `system`).
    public var actor: String
    /// web, api, cli or system.
    public var channel: String
    public var userID: Int64?
    /// e.g. `create`, `update`, `delete`, `import`, `review.publish`, `report.run`, `pair.status`, `user.add`.
    public var action: String
    /// What was written: `innovation`, `need`, `report`, `pair`, `user`, `token`.
    public var subjectKind: String
    /// Its reference (an entry's ref, a report id, `need/innovation` for a pair, an e-mail for a user).
    public var subjectRef: String
    /// The reason given (returning an entry), or a note.
    public var reason: String?
    /// The changed fields with their old and new values.
    public var changes: [AuditChange]
}

/// Which audit rows to list.
public struct AuditFilter: Sendable, Hashable {
    public var actor: String?
    public var action: String?
    public var subjectKind: String?
    public var subjectRef: String?
    public var page: Int
    public var perPage: Int

    public init(actor: String? = nil, action: String? = nil, subjectKind: String? = nil, subjectRef: String? = nil,
                page: Int = 1, perPage: Int = 50) {
        self.actor = actor.flatMap { $0.isEmpty ? nil : $0 }
        self.action = action.flatMap { $0.isEmpty ? nil : $0 }
        self.subjectKind = subjectKind.flatMap { $0.isEmpty ? nil : $0 }
        self.subjectRef = subjectRef.flatMap { $0.isEmpty ? nil : $0 }
        self.page = max(1, page)
        self.perPage = min(500, max(1, perPage))
    }
}

/// Writes and reads the audit log. Rows are written in the same transaction as the change they describe.
public enum AuditLog {
    /// Records one write of `actor` inside the write's own transaction.
    static func record(_ db: Database, actor: Actor, action: String, kind: String, ref: String, reason: String? = nil,
                       changes: [AuditChange] = [], at: Date) throws {
        let json = String(decoding: try JSONEncoder.sorted.encode(changes), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO audit_log (at, actor, channel, user_id, action, subject_kind, subject_ref, reason, changes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [at, actor.name, actor.channel.rawValue, actor.userID, action, kind, ref, reason, json])
    }

    static func entry(_ row: Row) -> AuditEntry {
        let json: String = row["changes"] ?? "[]"
        let changes = (try? JSONDecoder().decode([AuditChange].self, from: Data(json.utf8))) ?? []
        return AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], channel: row["channel"], userID: row["user_id"],
                          action: row["action"], subjectKind: row["subject_kind"], subjectRef: row["subject_ref"],
                          reason: row["reason"], changes: changes)
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension Catalogue {
    /// A page of the audit log, newest first, and the number of matching rows. Needs the audit-log permission.
    public func auditLog(_ filter: AuditFilter, actor: Actor) throws -> (entries: [AuditEntry], total: Int) {
        try authorize(actor, .auditLog)
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let value = filter.actor { conditions.append("actor = ? COLLATE NOCASE"); arguments += [value] }
        if let value = filter.action { conditions.append("(action = ? OR action LIKE ?)"); arguments += [value, value + ".%"] }
        if let value = filter.subjectKind { conditions.append("subject_kind = ?"); arguments += [value] }
        if let value = filter.subjectRef { conditions.append("subject_ref = ?"); arguments += [value] }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let bound = arguments
        return try database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log \(whereClause)", arguments: bound) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM audit_log \(whereClause) ORDER BY id DESC LIMIT \(filter.perPage) OFFSET \((filter.page - 1) * filter.perPage)
                """, arguments: bound)
            return (rows.map(AuditLog.entry), total)
        }
    }

    /// The recorded writes of one entry, oldest first. Anyone who may read the entry may read its history.
    /// The history of entries merged into it comes with it.
    public func history(_ kind: EntryKind, ref: String, actor: Actor) throws -> [AuditEntry] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM audit_log WHERE subject_kind = ?1 AND (subject_ref = ?2 OR subject_ref IN
                    (SELECT merged_ref FROM entry_merge WHERE kind = ?1 AND into_ref = ?2)) ORDER BY id
                """, arguments: [kind.rawValue, ref]).map(AuditLog.entry)
        }
    }
}
