import GRDB

/// The migration `v3-match-reports`: stored match reports, their pairs, and the follow-up status of pairs with its
/// history. Reports and history rows are immutable: triggers refuse every UPDATE and DELETE of them.
enum MatchReportMigration {
    static func create(_ db: Database) throws {
        try db.create(table: "match_report") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
            // The parameters as a JSON object (`ReportParameters`, snake_case keys).
            t.column("parameters", .text).notNull()
            t.column("need_count", .integer).notNull()
            t.column("innovation_count", .integer).notNull()
            t.column("pair_count", .integer).notNull()
            // Pairs chosen by the capacity assignment; null when the report has no capacities.
            t.column("assigned_count", .integer)
        }
        // Refs and titles are copied, not referenced: a report keeps what it proposed after entries change or go.
        try db.create(table: "match_report_pair") { t in
            t.column("report_id", .integer).notNull().references("match_report")
            t.column("need_ref", .text).notNull()
            t.column("rank", .integer).notNull()
            t.column("innovation_ref", .text).notNull()
            t.column("need_title", .text).notNull()
            t.column("need_country", .text).notNull()
            t.column("innovation_title", .text).notNull()
            t.column("innovation_country", .text).notNull()
            t.column("score", .double).notNull()
            // The explanation as a JSON object (`PairExplanation`).
            t.column("explanation", .text).notNull()
            t.column("cooperation", .text).notNull()
            // Whether the capacity assignment chose the pair; null when the report has no capacities.
            t.column("assigned", .boolean)
            t.column("left_out_reason", .text)
            t.column("left_out_explanation", .text)
            t.primaryKey(["report_id", "need_ref", "rank"])
            t.uniqueKey(["report_id", "need_ref", "innovation_ref"])
        }
        try db.create(table: "pair_status") { t in
            t.column("need_ref", .text).notNull()
            t.column("innovation_ref", .text).notNull()
            t.column("status", .text).notNull()
                .check(sql: "status IN ('proposed', 'contacted', 'accepted', 'declined', 'partnership_started')")
            t.column("note", .text).notNull()
            t.column("updated_at", .datetime).notNull()
            t.column("updated_by", .text).notNull()
            t.primaryKey(["need_ref", "innovation_ref"])
        }
        try db.create(table: "pair_status_event") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("need_ref", .text).notNull()
            t.column("innovation_ref", .text).notNull()
            // The status before the change; null for the first status recorded for the pair.
            t.column("from_status", .text)
            t.column("to_status", .text).notNull()
            t.column("note", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
        }
        try db.create(index: "pair_status_event_by_pair", on: "pair_status_event", columns: ["need_ref", "innovation_ref", "id"])
        for table in ["match_report", "match_report_pair", "pair_status_event"] {
            for action in ["UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_no_\(action.lowercased()) BEFORE \(action) ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(table) rows cannot be changed or deleted'); END
                    """)
            }
        }
    }
}
