import Foundation
import GRDB
import SolexCore

/// One entry merged into another: where it went, when, by whom, and the entry as it was (so nothing is lost).
public struct EntryMergeRecord: Sendable, Hashable {
    public var kind: EntryKind
    /// The reference of the entry that was merged (and removed from the catalogue).
    public var mergedRef: String
    /// The entry it was merged into.
    public var intoRef: String
    public var mergedAt: Date
    public var mergedBy: String
    /// The merged entry's fields as an interchange (JSONL) line.
    public var snapshot: String
}

/// The migration `v8-entry-merges`: the table `entry_merge`.
enum EntryMergeMigration {
    static func create(_ db: Database) throws {
        try db.create(table: "entry_merge") { t in
            t.column("kind", .text).notNull()
            t.column("merged_ref", .text).notNull()
            t.column("into_ref", .text).notNull().indexed()
            t.column("merged_at", .datetime).notNull()
            t.column("merged_by", .text).notNull()
            t.column("merged_status", .text).notNull()
            t.column("snapshot", .text).notNull()
            t.primaryKey(["kind", "merged_ref"])
        }
    }
}

extension Catalogue {
    /// Merges the entry `duplicate` into the entry `keep` (same kind), in one transaction: `keep` gains the themes,
    /// SDG targets, tags, languages (and support types of a need) of `duplicate` that it lacks; `duplicate` leaves the
    /// catalogue, its fields are kept in `entry_merge` and its address leads to `keep`; its pairs' follow-up is carried
    /// over to `keep` (see `carryPairs`; a pair `keep` already has keeps its own status); the audit log
    /// records the merge on both references, and `keep`'s history shows the history of both.
    @discardableResult
    public func merge(_ kind: EntryKind, keep: String, duplicate: String, actor: Actor) throws -> StoredEntry {
        if actor.role == nil { throw CatalogueError.signInRequired }
        try authorize(actor, .mergeEntries)
        guard keep != duplicate else {
            throw CatalogueError.invalid(ValidationFailure([FieldError(field: "duplicate", Explanation(
                "merge.not_itself_" + kind.rawValue, ["ref": keep], english: "must be another \(kind.rawValue) than \(keep)"))]))
        }
        let time = now()
        return try database.write { db in
            guard var kept = try Self.fetch(kind, ref: keep, db) else { throw CatalogueError.notFound(kind, keep) }
            guard let gone = try Self.fetch(kind, ref: duplicate, db) else {
                throw CatalogueError.invalid(ValidationFailure([FieldError(field: "duplicate", Explanation(
                    "merge.no_such_" + kind.rawValue, ["ref": duplicate], english: "no \(kind.rawValue) has the reference \(duplicate)"))]))
            }
            let old = kept
            kept.values = try validated(Self.union(kept.values, gone.values, kind), kind)
            kept.metadata.updatedAt = time
            kept.metadata.updatedBy = actor.name
            try kind.recordType.init(entry: kept, thesaurus: thesaurus).update(db)
            try db.execute(sql: """
                INSERT INTO entry_merge (kind, merged_ref, into_ref, merged_at, merged_by, merged_status, snapshot)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [kind.rawValue, duplicate, keep, time, actor.name, gone.metadata.status.rawValue,
                                 InterchangeJSON.line(gone.values, kind: kind)])
            try db.execute(sql: "UPDATE entry_merge SET into_ref = ? WHERE kind = ? AND into_ref = ?",
                           arguments: [keep, kind.rawValue, duplicate])
            try Self.carryPairs(kind, from: duplicate, to: keep, actor: actor, at: time, db)
            try Table(kind.tableName).filter(Column("ref") == duplicate).deleteAll(db)
            let note = "\(duplicate) merged into \(keep)"
            try AuditLog.record(db, actor: actor, action: "merge", kind: kind.rawValue, ref: keep, reason: note,
                                changes: AuditChange.changes(from: old.values, to: kept.values, fields: kind.fields.map(\.name)), at: time)
            try AuditLog.record(db, actor: actor, action: "merge", kind: kind.rawValue, ref: duplicate, reason: note,
                                changes: [AuditChange(field: "status", old: gone.metadata.status.rawValue, new: nil)], at: time)
            return kept
        }
    }

    /// The entry that `ref` was merged into (following later merges), or nil if it never was.
    public func mergedInto(_ kind: EntryKind, ref: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT into_ref FROM entry_merge WHERE kind = ? AND merged_ref = ?",
                                arguments: [kind.rawValue, ref])
        }
    }

    /// The entries merged into `ref`, oldest merge first.
    public func merges(into ref: String, kind: EntryKind) throws -> [EntryMergeRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM entry_merge WHERE kind = ? AND into_ref = ? ORDER BY merged_at, merged_ref",
                             arguments: [kind.rawValue, ref]).map { row in
                EntryMergeRecord(kind: kind, mergedRef: row["merged_ref"], intoRef: row["into_ref"], mergedAt: row["merged_at"],
                                 mergedBy: row["merged_by"], snapshot: row["snapshot"])
            }
        }
    }

    /// `keep`'s values with the list items of `other` it lacks appended (its own order first).
    static func union(_ keep: FieldValues, _ other: FieldValues, _ kind: EntryKind) -> FieldValues {
        var values = keep
        for spec in kind.fields where spec.isList {
            let mine = keep[spec.name]?.listValue ?? [], theirs = other[spec.name]?.listValue ?? []
            let added = theirs.filter { !mine.contains($0) }
            if !added.isEmpty { values[spec.name] = .list(mine + added) }
        }
        return values
    }

    /// Carries the follow-up of `old`'s pairs over to `new` (the side of the pair of `kind`): a pair of `new` without
    /// a status takes the status of the same pair of `old`, with an event saying so. Pair statuses and events of `old`
    /// stay as they were (events are never changed), so stored reports still show them.
    static func carryPairs(_ kind: EntryKind, from old: String, to new: String, actor: Actor, at time: Date, _ db: Database) throws {
        let (mine, other) = kind == .innovation ? ("innovation_ref", "need_ref") : ("need_ref", "innovation_ref")
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM pair_status WHERE \(mine) = ? ORDER BY \(other)", arguments: [old])
        for row in rows {
            let partner: String = row[other], status: String = row["status"]
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pair_status WHERE \(mine) = ? AND \(other) = ?)",
                                           arguments: [new, partner]) ?? false
            if exists { continue }
            let note = "carried over from \(old) (merged into \(new))"
            try db.execute(sql: """
                INSERT INTO pair_status (\(mine), \(other), status, note, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [new, partner, status, row["note"] as String, time, actor.name])
            try db.execute(sql: """
                INSERT INTO pair_status_event (\(mine), \(other), from_status, to_status, note, created_at, created_by)
                VALUES (?, ?, NULL, ?, ?, ?, ?)
                """, arguments: [new, partner, status, note, time, actor.name])
        }
    }
}
