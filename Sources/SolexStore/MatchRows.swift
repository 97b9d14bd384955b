import Foundation
import GRDB
import SolexCore

/// A published entry as the matcher reads it from its row: the values it needs besides its text, and the words kept
/// for it (see `MatchWords`). Its texts are read only when those words are missing or were kept by another version
/// of the tokenizer.
struct MatchRow: Sendable {
    var id: Int64
    /// Every field the matcher reads except the text fields.
    var values: FieldValues
    /// The `match_words` column as stored.
    var words: String?

    /// The fields read from every row: all that the matcher reads except the text fields and the tags' words.
    static func factFields(_ kind: EntryKind) -> [FieldSpec] {
        let names: Set<String> = switch kind {
        case .innovation: ["ref", "origin_country", "themes", "sdg_targets", "tags", "languages", "evidence_level", "scale"]
        case .need: ["ref", "country", "themes", "sdg_targets", "tags", "languages"]
        }
        return kind.fields.filter { names.contains($0.name) }
    }

    /// Reads the published entries of `kind` by ref in batches of `size`, turns each batch into what the matcher
    /// reads with `convert` on every core (given the entry's values and what is kept of its words and concepts
    /// with `thesaurus`), and hands each converted batch to `body`.
    static func forEachBatch<Output: Sendable>(
        _ kind: EntryKind, _ db: Database, thesaurus: ConceptThesaurus, size: Int = 8_192,
        convert: @escaping @Sendable (FieldValues, MatchWords.Kept) -> Output, body: ([Output]) throws -> Void
    ) throws {
        let fields = factFields(kind)
        let columns = (["id", "match_words"] + fields.map(\.name)).joined(separator: ", ")
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(kind.tableName) WHERE status = 'published' ORDER BY ref")
            .map { row in MatchRow(id: row["id"], values: try kind.values(row, fields: fields), words: row["match_words"]) }
        let fixedFields = MatchWords.textFields(kind).count
        try Catalogue.inBatches(rows, size: size) { batch in
            let decoded = ParallelMap.map(batch, chunkSize: 1_024) { _, row -> Output? in
                row.words.flatMap { MatchWords.decode($0, fixedFields: fixedFields, thesaurus: thesaurus) }.map { convert(row.values, $0) }
            }
            var converted: [Output] = []
            converted.reserveCapacity(batch.count)
            for (row, item) in zip(batch, decoded) {
                if let item {
                    converted.append(item)
                } else {
                    // No current words kept: tokenize the entry's texts here.
                    let values = try texts(of: row, kind, db)
                    converted.append(convert(values, MatchWords.Kept(fields: MatchWords.words(kind, values), concepts: nil)))
                }
            }
            try body(converted)
        }
    }

    /// The row's values with the fields whose words are kept (`MatchWords.sourceFields`), read again from the table.
    static func texts(of row: MatchRow, _ kind: EntryKind, _ db: Database) throws -> FieldValues {
        let fields = MatchWords.sourceFields(kind)
        let sql = "SELECT \(fields.map(\.name).joined(separator: ", ")) FROM \(kind.tableName) WHERE id = ?"
        guard let text = try Row.fetchOne(db, sql: sql, arguments: [row.id]) else { return row.values }
        return row.values.merging(try kind.values(text, fields: fields)) { _, new in new }
    }
}
