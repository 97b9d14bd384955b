import GRDB

/// The search index: an FTS5 table over both entry kinds and a table of facet values, both kept in step with every
/// write by triggers (so an entry and its index entry always change in the same transaction).
enum SearchMigration {
    // Document id of an entry in the index: innovation id * 2, need id * 2 + 1.
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE search_index USING fts5(
                kind UNINDEXED, ref UNINDEXED, title, summary, description, tags, champion, evidence, tokenize = 'solex');
            CREATE TABLE search_facet (doc INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL);
            CREATE INDEX search_facet_by_value ON search_facet (facet, value, doc);
            CREATE INDEX search_facet_by_doc ON search_facet (doc, facet);
            CREATE TABLE search_generation (n INTEGER NOT NULL);
            INSERT INTO search_generation (n) VALUES (0);
            """)
        for (table, doc, kind) in [("innovation", "id * 2", "innovation"), ("need", "id * 2 + 1", "need")] {
            let insert = indexStatements(table: table, doc: "new." + doc, row: "new", kind: kind)
            let delete = """
                DELETE FROM search_index WHERE rowid = old.\(doc);
                DELETE FROM search_facet WHERE doc = old.\(doc);
                """
            let bump = "UPDATE search_generation SET n = n + 1;"
            try db.execute(sql: """
                CREATE TRIGGER \(table)_search_insert AFTER INSERT ON \(table) BEGIN \(insert) \(bump) END;
                CREATE TRIGGER \(table)_search_delete AFTER DELETE ON \(table) BEGIN \(delete) \(bump) END;
                CREATE TRIGGER \(table)_search_update AFTER UPDATE ON \(table) BEGIN \(delete) \(insert) \(bump) END;
                """)
        }
        try rebuild(db)
    }

    /// The statements that index one row (`row` is "new" in triggers).
    static func indexStatements(table: String, doc: String, row: String, kind: String) -> String {
        let isInnovation = table == "innovation"
        let country = isInnovation ? "origin_country" : "country"
        var sql = """
            INSERT INTO search_index (rowid, kind, ref, title, summary, description, tags, champion, evidence)
            VALUES (\(doc), '\(kind)', \(row).ref, \(row).title, \(isInnovation ? "\(row).summary" : "''"), \(row).description,
                    (SELECT group_concat(value, ', ') FROM json_each(\(row).tags)), \(isInnovation ? "\(row).champion" : "''"), \(isInnovation ? "\(row).evidence" : "''"));
            INSERT INTO search_facet (doc, facet, value) VALUES (\(doc), 'type', '\(kind)'), (\(doc), 'status', \(row).status),
                (\(doc), 'country', \(row).\(country));
            INSERT INTO search_facet (doc, facet, value)
                SELECT \(doc), 'region', CAST(region_code AS TEXT) FROM country WHERE alpha3 = \(row).\(country) AND region_code IS NOT NULL;
            INSERT INTO search_facet (doc, facet, value) SELECT \(doc), 'theme', value FROM json_each(\(row).themes);
            INSERT INTO search_facet (doc, facet, value) SELECT \(doc), 'sdg_target', value FROM json_each(\(row).sdg_targets);
            INSERT INTO search_facet (doc, facet, value)
                SELECT DISTINCT \(doc), 'sdg', substr(value, 1, instr(value, '.') - 1) FROM json_each(\(row).sdg_targets);
            """
        if isInnovation {
            sql += """
                INSERT INTO search_facet (doc, facet, value) VALUES (\(doc), 'evidence', \(row).evidence_level), (\(doc), 'scale', \(row).scale);
                """
        }
        return sql
    }

    /// Empties and refills the index from the entry tables, by touching every row so that the update triggers
    /// index it exactly as a write would.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM search_index; DELETE FROM search_facet; UPDATE search_generation SET n = n + 1;
            UPDATE innovation SET ref = ref; UPDATE need SET ref = ref;
            """)
    }
}
