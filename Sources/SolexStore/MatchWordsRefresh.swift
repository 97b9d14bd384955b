import Foundation
import GRDB
import SolexCore
import SolexText

extension Catalogue {
    /// Writes every entry's kept words and concepts (`MatchWords`) again if they were written by another version of
    /// the tokenizer or with another thesaurus than this catalogue's, or never: after the migration that added them,
    /// and after an upgrade that changed either. Returns the number of entries written (0 when all are current).
    /// One transaction; about ten seconds at 100,000 entries on two cores.
    @discardableResult
    public func refreshMatchWords() throws -> Int {
        let current = MatchWordsStateRecord(tokenizer: WordTokenizer.version, thesaurus: thesaurus.fingerprint)
        if try database.read({ db in try MatchWordsStateRecord.fetchOne(db) }) == current { return 0 }
        let thesaurus = self.thesaurus
        return try database.write { db in
            if try MatchWordsStateRecord.fetchOne(db) == current { return 0 }
            var count = 0
            for kind in EntryKind.allCases {
                // The search index does not read these words: its update trigger is off while they are written
                // (otherwise every entry would be indexed again).
                try db.execute(sql: "DROP TRIGGER \(kind.tableName)_search_update")
                count += try Self.writeMatchWords(kind, thesaurus: thesaurus, db)
                try SearchMigration.createUpdateTrigger(table: kind.tableName, db)
            }
            try current.save(db)
            return count
        }
    }

    /// Writes the kept words of every entry of `kind`, a batch at a time in id order, each batch worked out on every
    /// core. Returns the number of entries written.
    static func writeMatchWords(_ kind: EntryKind, thesaurus: ConceptThesaurus, _ db: Database) throws -> Int {
        let batch = 4_096
        let fields = MatchWords.sourceFields(kind)
        let select = "SELECT id, \(fields.map(\.name).joined(separator: ", ")) FROM \(kind.tableName) WHERE id > ? ORDER BY id LIMIT \(batch)"
        let update = try db.makeStatement(sql: "UPDATE \(kind.tableName) SET match_words = ? WHERE id = ?")
        var last: Int64 = 0, count = 0
        while true {
            let rows = try Row.fetchAll(db, sql: select, arguments: [last])
            guard let lastRow = rows.last else { return count }
            last = lastRow["id"]
            let entries: [(id: Int64, values: FieldValues)] = try rows.map { ($0["id"], try kind.values($0, fields: fields)) }
            let words = ParallelMap.map(entries, chunkSize: 512) { _, entry in
                MatchWords.stored(kind, entry.values, thesaurus: thesaurus)
            }
            for (entry, stored) in zip(entries, words) { try update.execute(arguments: [stored, entry.id]) }
            count += entries.count
        }
    }
}
