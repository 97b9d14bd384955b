import Foundation
import GRDB

/// The migration `v6-workshops`: workshops (the workshop file as JSON, with its delegations and meeting requests) and
/// the latest schedule of each.
enum WorkshopMigration {
    static func create(_ db: Database) throws {
        try db.create(table: "workshop") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("slug", .text).notNull().unique()
            t.column("name", .text).notNull()
            // The workshop file (`AgendaInput`, snake_case keys), with the requests added and the pins set since.
            t.column("input", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
            t.column("updated_at", .datetime).notNull()
            t.column("updated_by", .text).notNull()
        }
        // One row per workshop: the latest schedule replaces the one before.
        try db.create(table: "workshop_schedule") { t in
            t.primaryKey("workshop_id", .integer).references("workshop", onDelete: .cascade)
            // The schedule (`Schedule`, snake_case keys).
            t.column("schedule", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
        }
    }
}

/// A row of `workshop`.
struct WorkshopRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "workshop"
    var id: Int64?
    var slug: String
    var name: String
    var input: String
    var created_at: Date
    var created_by: String
    var updated_at: Date
    var updated_by: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `workshop_schedule`.
struct WorkshopScheduleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "workshop_schedule"
    var workshop_id: Int64
    var schedule: String
    var created_at: Date
    var created_by: String
}
