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
        for table in ["innovation", "need"] { try createTriggers(table: table, db) }
        try rebuild(db)
    }

    /// The triggers that keep the index in step with `table`. Changing their SQL needs a new migration that drops
    /// and recreates them.
    static func createTriggers(table: String, _ db: Database) throws {
        let (insert, delete, bump) = triggerStatements(table: table)
        try db.execute(sql: """
            CREATE TRIGGER \(table)_search_insert AFTER INSERT ON \(table) BEGIN \(insert) \(bump) END;
            CREATE TRIGGER \(table)_search_delete AFTER DELETE ON \(table) BEGIN \(delete) \(bump) END;
            """)
        try createUpdateTrigger(table: table, db)
    }

    /// The trigger that indexes a row of `table` again when it changes.
    static func createUpdateTrigger(table: String, _ db: Database) throws {
        let (insert, delete, bump) = triggerStatements(table: table)
        try db.execute(sql: "CREATE TRIGGER \(table)_search_update AFTER UPDATE ON \(table) BEGIN \(delete) \(insert) \(bump) END;")
    }

    /// The triggers' statements: index the new row, remove the old row, and count the change.
    private static func triggerStatements(table: String) -> (insert: String, delete: String, bump: String) {
        let doc = table == "innovation" ? "id * 2" : "id * 2 + 1"
        let insert = indexStatements(table: table, doc: "new." + doc, row: "new", kind: table)
        let delete = """
            DELETE FROM search_index WHERE rowid = old.\(doc);
            DELETE FROM search_facet WHERE doc = old.\(doc);
            """
        return (insert, delete, "UPDATE search_generation SET n = n + 1;")
    }

    /// Runs `write` (which inserts or updates rows of `table` whose refs are in `temp.import_refs`) with the
    /// per-row triggers off, then indexes those rows in bulk and puts the triggers back, all inside the caller's
    /// transaction: the result is the same as with the triggers, about twice as fast for large imports.
    static func withBulkIndexing(table: String, _ db: Database, _ write: () throws -> Void) throws {
        try db.execute(sql: """
            DROP TRIGGER \(table)_search_insert; DROP TRIGGER \(table)_search_delete; DROP TRIGGER \(table)_search_update;
            """)
        let doc = table == "innovation" ? "id * 2" : "id * 2 + 1"
        let changed = "SELECT r.\(doc) FROM \(table) AS r WHERE r.ref IN (SELECT ref FROM temp.import_refs)"
        try db.execute(sql: "DELETE FROM search_index WHERE rowid IN (\(changed)); DELETE FROM search_facet WHERE doc IN (\(changed));")
        try write()
        try db.execute(sql: bulkIndexStatements(table: table, filter: "r.ref IN (SELECT ref FROM temp.import_refs)"))
        try db.execute(sql: "UPDATE search_generation SET n = n + 1")
        try createTriggers(table: table, db)
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

    /// Indexes, in a few set-based statements, every entry of `table` whose row matches `filter` (an SQL condition on
    /// the alias `r`). Produces the same rows as the triggers; much faster than one trigger run per row for bulk work.
    static func bulkIndexStatements(table: String, filter: String) -> String {
        let isInnovation = table == "innovation"
        let doc = isInnovation ? "r.id * 2" : "r.id * 2 + 1"
        let country = isInnovation ? "origin_country" : "country"
        let source = "FROM \(table) AS r WHERE \(filter)"
        var sql = """
            INSERT INTO search_index (rowid, kind, ref, title, summary, description, tags, champion, evidence)
                SELECT \(doc), '\(table)', r.ref, r.title, \(isInnovation ? "r.summary" : "''"), r.description,
                       (SELECT group_concat(value, ', ') FROM json_each(r.tags)), \(isInnovation ? "r.champion" : "''"),
                       \(isInnovation ? "r.evidence" : "''") \(source);
            INSERT INTO search_facet (doc, facet, value) SELECT \(doc), 'type', '\(table)' \(source);
            INSERT INTO search_facet (doc, facet, value) SELECT \(doc), 'status', r.status \(source);
            INSERT INTO search_facet (doc, facet, value) SELECT \(doc), 'country', r.\(country) \(source);
            INSERT INTO search_facet (doc, facet, value)
                SELECT \(doc), 'region', CAST(c.region_code AS TEXT) FROM \(table) AS r JOIN country AS c ON c.alpha3 = r.\(country)
                WHERE (\(filter)) AND c.region_code IS NOT NULL;
            INSERT INTO search_facet (doc, facet, value) SELECT \(doc), 'theme', j.value FROM \(table) AS r, json_each(r.themes) AS j WHERE \(filter);
            INSERT INTO search_facet (doc, facet, value)
                SELECT \(doc), 'sdg_target', j.value FROM \(table) AS r, json_each(r.sdg_targets) AS j WHERE \(filter);
            INSERT INTO search_facet (doc, facet, value)
                SELECT DISTINCT \(doc), 'sdg', substr(j.value, 1, instr(j.value, '.') - 1)
                FROM \(table) AS r, json_each(r.sdg_targets) AS j WHERE \(filter);
            """
        if isInnovation {
            sql += """
                INSERT INTO search_facet (doc, facet, value) SELECT \(doc), 'evidence', r.evidence_level \(source);
                INSERT INTO search_facet (doc, facet, value) SELECT \(doc), 'scale', r.scale \(source);
                """
        }
        return sql
    }

    /// Empties and refills the index from the entry tables.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM search_index; DELETE FROM search_facet; UPDATE search_generation SET n = n + 1;")
        for table in ["innovation", "need"] {
            try db.execute(sql: bulkIndexStatements(table: table, filter: "1"))
        }
    }
}
