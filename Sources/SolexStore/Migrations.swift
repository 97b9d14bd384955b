import GRDB
import SolexCore

/// The schema's history. A migration never changes once it has shipped: later changes add new migrations.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-catalogue", migrate: createCatalogue)
        migrator.registerMigration("v2-search", migrate: SearchMigration.create)
        migrator.registerMigration("v3-match-reports", migrate: MatchReportMigration.create)
        migrator.registerMigration("v4-concepts", migrate: ConceptMigration.create)
        migrator.registerMigration("v5-accounts", migrate: AccountsMigration.create)
        migrator.registerMigration("v6-workshops", migrate: WorkshopMigration.create)
        migrator.registerMigration("v7-network", migrate: NetworkMigration.create)
        migrator.registerMigration("v8-entry-merges", migrate: EntryMergeMigration.create)
        migrator.registerMigration("v9-list-order", migrate: listOrderIndexes)
        migrator.registerMigration("v10-entry-language", migrate: entryLanguage)
        migrator.registerMigration("v11-match-words", migrate: MatchWordsMigration.create)
        migrator.registerMigration("v12-theme-descriptions", migrate: themeDescriptions)
        return migrator
    }

    /// The catalogue lists filter on status and sort by ref: with (status, ref) a page of 100,000 published entries
    /// is read in order (no sort of every row), which `make load` measured at 10 pages/s without it.
    private static func listOrderIndexes(_ db: Database) throws {
        for table in ["innovation", "need"] {
            try db.create(index: "\(table)_on_status_ref", on: table, columns: ["status", "ref"])
        }
    }

    /// Each entry records the language it is written in. Entries stored before took the first of their
    /// `languages` as their language, so that is what they get.
    private static func entryLanguage(_ db: Database) throws {
        for table in ["innovation", "need"] {
            try db.alter(table: table) { t in t.add(column: "language", .text).notNull().defaults(to: "en") }
            try db.execute(sql: """
                UPDATE \(table) SET language = COALESCE(json_extract(languages, '$[0]'), 'en')
                WHERE json_valid(languages) AND json_array_length(languages) > 0
                """)
        }
    }

    /// Themes describe themselves in French and Spanish too. The descriptions start empty and are filled when the
    /// reference data is loaded, which every command and `solex serve` does right after migrating.
    private static func themeDescriptions(_ db: Database) throws {
        try db.alter(table: "theme") { t in
            t.add(column: "description_fr", .text).notNull().defaults(to: "")
            t.add(column: "description_es", .text).notNull().defaults(to: "")
        }
    }

    private static func createCatalogue(_ db: Database) throws {
        try db.create(table: "country") { t in
            t.primaryKey("alpha3", .text)
            t.column("alpha2", .text).notNull().unique()
            t.column("numeric", .text).notNull()
            t.column("name_en", .text).notNull()
            t.column("name_fr", .text).notNull()
            t.column("name_es", .text).notNull()
            t.column("region_code", .integer)
            t.column("region", .text).notNull()
            t.column("subregion_code", .integer)
            t.column("subregion", .text).notNull()
            t.column("global_south", .boolean).notNull()
            t.column("global_south_basis", .text).notNull()
        }
        try db.create(table: "sdg_goal") { t in
            t.primaryKey("number", .integer)
            t.column("label_en", .text).notNull()
            t.column("label_fr", .text).notNull()
            t.column("label_es", .text).notNull()
        }
        try db.create(table: "sdg_target") { t in
            t.primaryKey("id", .text)
            t.column("goal", .integer).notNull().indexed().references("sdg_goal")
            t.column("position", .integer).notNull()
            t.column("label_en", .text).notNull()
            t.column("label_fr", .text).notNull()
            t.column("label_es", .text).notNull()
        }
        try db.create(table: "theme") { t in
            t.primaryKey("slug", .text)
            t.column("position", .integer).notNull()
            t.column("label_en", .text).notNull()
            t.column("label_fr", .text).notNull()
            t.column("label_es", .text).notNull()
            t.column("description_en", .text).notNull()
        }
        try db.create(table: "language") { t in
            t.primaryKey("code", .text)
            t.column("name_en", .text).notNull()
            t.column("name_fr", .text).notNull()
            t.column("name_es", .text).notNull()
        }
        // Written out column by column (not derived from the field specs) so that this shipped migration never
        // changes when the fields do. Lists are JSON arrays of strings.
        try db.create(table: "innovation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ref", .text).notNull().unique()
            t.column("title", .text).notNull()
            t.column("summary", .text).notNull()
            t.column("description", .text).notNull()
            t.column("origin_country", .text).notNull().indexed().references("country")
            t.column("champion", .text).notNull()
            t.column("themes", .text).notNull()
            t.column("sdg_targets", .text).notNull()
            t.column("tags", .text).notNull()
            t.column("scale", .text).notNull()
            t.column("beneficiaries", .integer)
            t.column("evidence_level", .text).notNull()
            t.column("evidence", .text).notNull()
            t.column("languages", .text).notNull()
            t.column("year_started", .integer)
            t.column("url", .text)
            addEntryMetadata(t)
        }
        try db.create(table: "need") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ref", .text).notNull().unique()
            t.column("title", .text).notNull()
            t.column("description", .text).notNull()
            t.column("country", .text).notNull().indexed().references("country")
            t.column("themes", .text).notNull()
            t.column("sdg_targets", .text).notNull()
            t.column("tags", .text).notNull()
            t.column("support_types", .text).notNull()
            t.column("languages", .text).notNull()
            t.column("created", .text).notNull()
            addEntryMetadata(t)
        }
    }

    private static func addEntryMetadata(_ t: TableDefinition) {
        t.column("status", .text).notNull().indexed()
        t.column("created_at", .datetime).notNull()
        t.column("updated_at", .datetime).notNull().indexed()
        t.column("created_by", .text).notNull()
        t.column("updated_by", .text).notNull()
    }
}

extension EntryKind {
    /// The table holding entries of this kind.
    var tableName: String { rawValue }
}
