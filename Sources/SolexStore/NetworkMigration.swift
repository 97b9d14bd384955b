import GRDB

/// The migration `v7-network`: member countries, and adoptions (pairs whose partnership has started) with their
/// stages, indicators and measurements. Pairs already at `partnership_started` become adoptions here.
enum NetworkMigration {
    static func create(_ db: Database) throws {
        try db.create(table: "member") { t in
            t.primaryKey("country", .text).references("country")
            // The date the country joined the network, YYYY-MM-DD.
            t.column("joined", .text).notNull()
            t.column("note", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
            t.column("updated_at", .datetime).notNull()
            t.column("updated_by", .text).notNull()
        }
        // Refs and countries are copied, not referenced: an adoption stays when its entries change or go, and its
        // countries decide which focal points may update it.
        try db.create(table: "adoption") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("need_ref", .text).notNull()
            t.column("innovation_ref", .text).notNull()
            t.column("need_country", .text).notNull().indexed()
            t.column("innovation_country", .text).notNull().indexed()
            // The latest stage recorded and its date; null until one is.
            t.column("stage", .text).check(sql: "stage IS NULL OR stage IN ('study_visit', 'pilot', 'scale_up', 'completed', 'stopped')")
            t.column("stage_date", .text)
            // The day the partnership started (the pair's status change, or the date given).
            t.column("started_on", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
            t.column("updated_at", .datetime).notNull()
            t.column("updated_by", .text).notNull()
            t.uniqueKey(["need_ref", "innovation_ref"])
        }
        try db.create(table: "adoption_stage") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("adoption_id", .integer).notNull().indexed().references("adoption", onDelete: .cascade)
            t.column("stage", .text).notNull()
            t.column("date", .text).notNull()
            t.column("note", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
        }
        try db.create(table: "adoption_indicator") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("adoption_id", .integer).notNull().indexed().references("adoption", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("unit", .text).notNull()
            t.column("baseline", .double).notNull()
            t.column("target", .double).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
        }
        try db.create(table: "adoption_measurement") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("indicator_id", .integer).notNull().indexed().references("adoption_indicator", onDelete: .cascade)
            t.column("date", .text).notNull()
            t.column("value", .double).notNull()
            t.column("note", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
        }
        try db.execute(sql: """
            INSERT INTO adoption (need_ref, innovation_ref, need_country, innovation_country, stage, stage_date, started_on,
                                  created_at, created_by, updated_at, updated_by)
            SELECT s.need_ref, s.innovation_ref, n.country, i.origin_country, NULL, NULL, substr(s.updated_at, 1, 10),
                   s.updated_at, 'migration', s.updated_at, 'migration'
            FROM pair_status s JOIN need n ON n.ref = s.need_ref JOIN innovation i ON i.ref = s.innovation_ref
            WHERE s.status = 'partnership_started' ORDER BY s.need_ref, s.innovation_ref
            """)
    }
}
