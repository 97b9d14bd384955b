import Foundation
import GRDB

/// A row of `match_report`.
struct MatchReportRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "match_report"
    var id: Int64?
    var name: String
    var created_at: Date
    var created_by: String
    var parameters: String
    var need_count: Int
    var innovation_count: Int
    var pair_count: Int
    var assigned_count: Int?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `match_report_pair`.
struct MatchReportPairRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "match_report_pair"
    var report_id: Int64
    var need_ref: String
    var rank: Int
    var innovation_ref: String
    var need_title: String
    var need_country: String
    var innovation_title: String
    var innovation_country: String
    var score: Double
    var explanation: String
    var cooperation: String
    var assigned: Bool?
    var left_out_reason: String?
    var left_out_explanation: String?
}

/// A row of `pair_status`.
struct PairStatusRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "pair_status"
    var need_ref: String
    var innovation_ref: String
    var status: String
    var note: String
    var updated_at: Date
    var updated_by: String
}

/// A row of `pair_status_event`.
struct PairStatusEventRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "pair_status_event"
    var id: Int64?
    var need_ref: String
    var innovation_ref: String
    var from_status: String?
    var to_status: String
    var note: String
    var created_at: Date
    var created_by: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
