import Foundation
import GRDB
import SolexCore

extension Catalogue {
    /// Imports an interchange file of `kind`: every line is validated first; if any line is bad nothing is written
    /// and every problem is reported; otherwise all entries are upserted by `ref` in one transaction.
    /// `progress` is called with the number of entries written so far.
    public func importFile(_ kind: EntryKind, from url: URL, format: InterchangeFormat, status: EntryStatus = .published,
                           actor: Actor, progress: @Sendable (Int) -> Void = { _ in }) throws -> ImportSummary {
        try authorize(actor, .importEntries)
        let reader = InterchangeReader(kind: kind, validator: validator)
        switch reader.read(url, format: format) {
        case .failure(let failure): throw failure
        case .success(let entries): return try upsert(kind, entries: entries, status: status, actor: actor, progress: progress)
        }
    }

    /// Inserts or replaces validated entries by `ref`, in one transaction.
    func upsert(_ kind: EntryKind, entries: [FieldValues], status: EntryStatus, actor: Actor,
                progress: @Sendable (Int) -> Void) throws -> ImportSummary {
        let columns = kind.fields.map(\.name)
        let metadataColumns = ["status", "created_at", "updated_at", "created_by", "updated_by", "match_words"]
        let all = columns + metadataColumns
        let updates = (columns.filter { $0 != "ref" } + ["status", "updated_at", "updated_by", "match_words"])
            .map { "\($0) = excluded.\($0)" }
        let sql = """
            INSERT INTO \(kind.tableName) (\(all.joined(separator: ", "))) VALUES (\(all.map { _ in "?" }.joined(separator: ", ")))
            ON CONFLICT(ref) DO UPDATE SET \(updates.joined(separator: ", "))
            """
        let time = now()
        defer { database.localWrites.increment() }
        return try database.writer.writeWithoutTransaction { db in
            var summary = ImportSummary(inserted: 0, updated: 0)
            // A large page cache keeps a big import from spilling pages to disk in the middle of its transaction.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            try db.inTransaction {
                let existing = Set(try String.fetchAll(db, sql: "SELECT ref FROM \(kind.tableName)"))
                try db.execute(sql: "CREATE TEMP TABLE import_refs (ref TEXT PRIMARY KEY)")
                defer { try? db.execute(sql: "DROP TABLE temp.import_refs") }
                let remember = try db.makeStatement(sql: "INSERT OR IGNORE INTO temp.import_refs (ref) VALUES (?)")
                for values in entries { try remember.execute(arguments: [values["ref"]?.textValue ?? ""]) }
                try SearchMigration.withBulkIndexing(table: kind.tableName, db) {
                    let statement = try db.makeStatement(sql: sql)
                    // One audit row per entry: who imported it, when, and with which status (the values are in the file).
                    let audit = try db.makeStatement(sql: """
                        INSERT INTO audit_log (at, actor, channel, user_id, action, subject_kind, subject_ref, reason, changes)
                        VALUES (?, ?, ?, ?, 'import', ?, ?, ?, '[]')
                        """)
                    let reason = "imported with status \(status.rawValue)"
                    // The matcher's words of each entry (see `MatchWords`) are worked out on every core, a chunk at a time.
                    for chunkStart in stride(from: 0, to: entries.count, by: Self.importChunk) {
                        let chunk = Array(entries[chunkStart..<min(entries.count, chunkStart + Self.importChunk)])
                        let words = ParallelMap.map(chunk) { [thesaurus] _, values in MatchWords.stored(kind, values, thesaurus: thesaurus) }
                        for (offset, values) in chunk.enumerated() {
                            let index = chunkStart + offset
                            var arguments: [(any DatabaseValueConvertible)?] = kind.fields.map { spec in
                                Self.databaseValue(values[spec.name] ?? .null, spec)
                            }
                            arguments += [status.rawValue, time, time, actor.name, actor.name, words[offset]]
                            statement.setUncheckedArguments(StatementArguments(arguments))
                            try statement.execute()
                            try audit.execute(arguments: [time, actor.name, actor.channel.rawValue, actor.userID, kind.rawValue,
                                                          values["ref"]?.textValue ?? "", reason])
                            if existing.contains(values["ref"]?.textValue ?? "") { summary.updated += 1 } else { summary.inserted += 1 }
                            if (index + 1) % 10_000 == 0 { progress(index + 1) }
                        }
                    }
                }
                return .commit
            }
            if entries.count % 10_000 != 0 { progress(entries.count) }
            return summary
        }
    }

    /// Entries whose matcher words are worked out together during an import.
    static let importChunk = 8_192

    static func databaseValue(_ value: FieldValue, _ spec: FieldSpec) -> (any DatabaseValueConvertible)? {
        switch value {
        case .null, .unsupported: spec.isList ? "[]" : nil
        case .text(let text): text
        case .integer(let number): number
        case .list(let items): ListColumn.encode(items)
        }
    }

    /// Writes every entry of `kind` (any status), ordered by `ref`, in the interchange `format`, handing the bytes to
    /// `sink` in chunks. Exporting what an import read gives back the same bytes.
    public func export(_ kind: EntryKind, format: InterchangeFormat, to sink: @Sendable (Data) throws -> Void) throws {
        let header = kind.fields.map(\.name)
        if format == .csv { try sink(try CSVFile.text(rows: [header])) }
        try database.read { db in
            let sql = "SELECT * FROM \(kind.tableName) ORDER BY ref"
            var batch: [StoredEntry] = []
            func flush() throws {
                guard !batch.isEmpty else { return }
                switch format {
                case .jsonl:
                    var text = ""
                    for entry in batch { text += InterchangeJSON.line(entry.values, kind: kind) + "\n" }
                    try sink(Data(text.utf8))
                case .csv:
                    try sink(try CSVFile.text(rows: batch.map { entry in header.map { TextualInput.cell(of: entry.values[$0] ?? .null) } }))
                }
                batch.removeAll(keepingCapacity: true)
            }
            switch kind {
            case .innovation:
                let cursor = try InnovationRecord.fetchCursor(db, sql: sql)
                while let record = try cursor.next() {
                    batch.append(record.entry)
                    if batch.count == 1_000 { try flush() }
                }
            case .need:
                let cursor = try NeedRecord.fetchCursor(db, sql: sql)
                while let record = try cursor.next() {
                    batch.append(record.entry)
                    if batch.count == 1_000 { try flush() }
                }
            }
            try flush()
        }
    }
}
