import GRDB
import SolexCore

/// Migration `v11-match-words`: each entry keeps its words and concepts for the matcher in `match_words` (see
/// `MatchWords`), and `match_words_state` records with which tokenizer version and thesaurus they were all written.
/// The migration leaves the column empty: `Catalogue.refreshMatchWords()` fills it when the catalogue is opened, as
/// it does whenever the tokenizer or the thesaurus changes.
enum MatchWordsMigration {
    static func create(_ db: Database) throws {
        for kind in EntryKind.allCases {
            try db.alter(table: kind.tableName) { t in t.add(column: "match_words", .text) }
        }
        try db.create(table: "match_words_state") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("tokenizer", .integer).notNull()
            t.column("thesaurus", .text).notNull()
        }
    }
}

/// The one row of `match_words_state`: the tokenizer version and thesaurus fingerprint every entry's kept words and
/// concepts were last written with.
struct MatchWordsStateRecord: Codable, FetchableRecord, PersistableRecord, Equatable {
    static let databaseTableName = "match_words_state"
    var id = 1
    var tokenizer: Int
    var thesaurus: String
}
