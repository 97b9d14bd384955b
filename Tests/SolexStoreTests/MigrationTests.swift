import Foundation
import GRDB
import SolexCore
@testable import SolexStore
import Testing

@Suite("Migrations and connections")
struct MigrationTests {
    static let allMigrations = ["v1-catalogue", "v2-search", "v3-match-reports", "v4-concepts", "v5-accounts", "v6-workshops", "v7-network", "v8-entry-merges", "v9-list-order", "v10-entry-language", "v11-match-words", "v12-theme-descriptions"]

    @Test("A new database file gets every migration")
    func newFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("nested/solex.sqlite").path
        let database = try AppDatabase.openFile(at: path)
        #expect(try database.appliedMigrations() == Self.allMigrations)
        #expect(FileManager.default.fileExists(atPath: path))
        let tables = try database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
        }
        let searchTables = tables.filter { $0.hasPrefix("search_index") }
        #expect(tables.filter { !$0.hasPrefix("search_index") } == ["adoption", "adoption_indicator", "adoption_measurement", "adoption_stage", "api_token", "audit_log", "concept", "country", "entry_merge", "innovation", "language", "match_report", "match_report_pair", "match_words_state", "member", "need", "pair_status", "pair_status_event", "sdg_goal", "sdg_target", "search_facet", "search_generation", "session", "sign_in_failure", "theme", "user", "workshop", "workshop_schedule"])
        #expect(searchTables.contains("search_index"))
    }

    @Test("Opening a file again keeps its data and applies nothing twice")
    func reopen() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("solex.sqlite").path
        do {
            let catalogue = try Bootstrap.open(databaseAt: path, seeds: Seeds.directory)
            try catalogue.create(.need, input: Input.need("NEED-1"), actor: .commandLine)
        }
        let second = try AppDatabase.openFile(at: path)
        #expect(try second.appliedMigrations() == Self.allMigrations)
        let catalogue = try Bootstrap.open(databaseAt: path, seeds: Seeds.directory)
        #expect(try catalogue.entry(.need, ref: "NEED-1")?.metadata.createdBy == "cli")
        #expect(try catalogue.storedCount(.need) == 1)
        #expect(catalogue.reference.countries.count == 249)
        #expect(try second.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") } == Self.allMigrations.count)
    }

    @Test("A database from before the French and Spanish theme descriptions gets them at its next open")
    func themeDescriptionsUpgrade() throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        try Migrations.migrator.migrate(queue, upTo: "v11-match-words")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO theme (slug, position, label_en, label_fr, label_es, description_en)
                VALUES ('health', 1, 'Health', 'Santé', 'Salud', 'Primary care.')
                """)
        }
        let catalogue = try Bootstrap.prepare(try AppDatabase(queue), seeds: Seeds.directory)
        let health = try #require(catalogue.reference.theme("health"))
        #expect(health.summary.en.hasPrefix("Delivery of primary care"))
        #expect(health.summary.fr.hasPrefix("Soins de santé primaires"))
        #expect(health.summary.es.hasPrefix("Atención primaria de salud"))
        #expect(try catalogue.database.appliedMigrations() == Self.allMigrations)
    }

    @Test("Files are in WAL mode with foreign keys on")
    func filePragmas() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("solex.sqlite").path
        let database = try AppDatabase.openFile(at: path)
        #expect(try database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try database.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
        #expect(try database.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)  // NORMAL
        // The mode is a property of the file: a plain connection sees it too.
        let plain = try DatabaseQueue(path: path)
        #expect(try plain.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test("In memory, foreign keys are on and enforced")
    func foreignKeysEnforced() throws {
        let database = try AppDatabase.inMemory()
        try database.saveReferenceData(Seeds.reference)
        #expect(try database.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
        #expect(try database.appliedMigrations() == Self.allMigrations)
        let insert = """
            INSERT INTO need (ref, title, description, country, themes, sdg_targets, tags, support_types, languages, created,
                              status, created_at, updated_at, created_by, updated_by)
            VALUES (?, 't', 'd', ?, '[]', '[]', '[]', '[]', '["en"]', '2025-01-01', 'draft', '2025-01-01', '2025-01-01', 'x', 'x')
            """
        try database.write { db in try db.execute(sql: insert, arguments: ["OK-1", "BGD"]) }
        #expect(throws: DatabaseError.self) {
            try database.write { db in try db.execute(sql: insert, arguments: ["BAD-1", "ZZZ"]) }
        }
        #expect(throws: DatabaseError.self) {
            try database.write { db in try db.execute(sql: "DELETE FROM country WHERE alpha3 = 'BGD'") }
        }
    }
}
