import Foundation
import SolexCore

/// The exports of a stored report: CSV (one row per pair, every part of the explanation in its own column) and JSON.
/// Both carry the pair's status now.
extension MatchReport {
    /// The CSV header.
    public static let csvHeader: [String] = [
        "report", "need", "need_title", "need_country", "rank", "innovation", "innovation_title", "innovation_country", "score",
        "cooperation",
    ] + ReportParameters.componentNames.map { "contribution_" + $0 } + [
        "shared_terms", "shared_themes", "shared_targets", "shared_tags", "notes", "assigned", "left_out_reason",
        "left_out_explanation", "status", "status_note", "status_updated_at", "status_updated_by",
    ]

    /// One row per pair (by need, then rank) after the header; lists joined with `;`, numbers with 4 decimals,
    /// `assigned` as yes / no (empty without capacities), times in ISO 8601 UTC.
    public func csv() throws -> Data {
        let rows = pairs.map { pair -> [String] in
            let e = pair.explanation
            var row: [String] = [String(summary.id), pair.needRef, pair.needTitle, pair.needCountry, String(pair.rank)]
            row += [pair.innovationRef, pair.innovationTitle, pair.innovationCountry, Self.number(pair.score), e.cooperation]
            row += ReportParameters.weightComponents(e.contributions).map { Self.number($0.1) }
            let lists: [[String]] = [e.sharedTerms, e.sharedThemes, e.sharedTargets, e.sharedTags, e.notes]
            row += lists.map { $0.joined(separator: ";") }
            let assigned: String = pair.assigned.map { $0 ? "yes" : "no" } ?? ""
            row += [assigned, pair.leftOutReason ?? "", pair.leftOutExplanation ?? "", pair.status.rawValue]
            let updatedAt: String = pair.followUp.map { $0.updatedAt.ISO8601Format() } ?? ""
            row += [pair.followUp?.note ?? "", updatedAt, pair.followUp?.updatedBy ?? ""]
            return row
        }
        return try CSVText.rows([Self.csvHeader] + rows)
    }

    /// The report as one JSON object (keys sorted): its id, name, time, actor, parameters and counts, and `pairs`, each
    /// with its explanation, assignment and status now.
    public func json() throws -> Data {
        try ReportJSON.encoder.encode(ReportJSON.Report(self))
    }

    static func number(_ value: Double) -> String { String(format: "%.4f", value) }
}

extension MatchReportSummary {
    /// The summary as a JSON object, as in `GET /api/v1/reports`.
    public func json() throws -> Data {
        try ReportJSON.encoder.encode(ReportJSON.Summary(self))
    }
}

extension MatchReportDiff {
    /// The comparison as one JSON object: `from`, `to` (the two summaries), `added`, `dropped`, `moved` and
    /// `unchanged`.
    public func json() throws -> Data {
        try ReportJSON.encoder.encode(ReportJSON.Diff(self))
    }
}

extension [MatchReportSummary] {
    /// The summaries as a JSON object `{"reports": [...]}`.
    public func json() throws -> Data {
        try ReportJSON.encoder.encode(["reports": map(ReportJSON.Summary.init)])
    }
}

/// The JSON shapes of reports.
enum ReportJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    struct Summary: Encodable {
        var id: Int64
        var name: String
        var created_at: String
        var created_by: String
        var parameters: ReportParameters
        var need_count: Int
        var innovation_count: Int
        var pair_count: Int
        var assigned_count: Int?

        init(_ summary: MatchReportSummary) {
            id = summary.id
            name = summary.name
            created_at = summary.createdAt.ISO8601Format()
            created_by = summary.createdBy
            parameters = summary.parameters
            need_count = summary.needCount
            innovation_count = summary.innovationCount
            pair_count = summary.pairCount
            assigned_count = summary.assignedCount
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(created_at, forKey: .created_at)
            try container.encode(created_by, forKey: .created_by)
            try container.encode(parameters, forKey: .parameters)
            try container.encode(need_count, forKey: .need_count)
            try container.encode(innovation_count, forKey: .innovation_count)
            try container.encode(pair_count, forKey: .pair_count)
            if let assigned_count { try container.encode(assigned_count, forKey: .assigned_count) } else {
                try container.encodeNil(forKey: .assigned_count)
            }
        }

        enum Keys: String, CodingKey {
            case id, name, created_at, created_by, parameters, need_count, innovation_count, pair_count, assigned_count
        }
    }

    struct Status: Encodable {
        var status: String
        var note: String
        var updated_at: String?
        var updated_by: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(status, forKey: .status)
            try container.encode(note, forKey: .note)
            try container.encode(updated_at, forKey: .updated_at)
            try container.encode(updated_by, forKey: .updated_by)
        }

        enum Keys: String, CodingKey { case status, note, updated_at, updated_by }
    }

    struct Pair: Encodable {
        var need: String
        var need_title: String
        var need_country: String
        var rank: Int
        var innovation: String
        var innovation_title: String
        var innovation_country: String
        var score: Double
        var cooperation: String
        var explanation: PairExplanation
        var assigned: Bool?
        var left_out_reason: String?
        var left_out_explanation: String?
        var status: Status

        init(_ pair: MatchReportPair) {
            need = pair.needRef
            need_title = pair.needTitle
            need_country = pair.needCountry
            rank = pair.rank
            innovation = pair.innovationRef
            innovation_title = pair.innovationTitle
            innovation_country = pair.innovationCountry
            score = pair.score
            cooperation = pair.explanation.cooperation
            explanation = pair.explanation
            assigned = pair.assigned
            left_out_reason = pair.leftOutReason
            left_out_explanation = pair.leftOutExplanation
            status = Status(status: pair.status.rawValue, note: pair.followUp?.note ?? "",
                            updated_at: pair.followUp?.updatedAt.ISO8601Format(), updated_by: pair.followUp?.updatedBy)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(need, forKey: .need)
            try container.encode(need_title, forKey: .need_title)
            try container.encode(need_country, forKey: .need_country)
            try container.encode(rank, forKey: .rank)
            try container.encode(innovation, forKey: .innovation)
            try container.encode(innovation_title, forKey: .innovation_title)
            try container.encode(innovation_country, forKey: .innovation_country)
            try container.encode(score, forKey: .score)
            try container.encode(cooperation, forKey: .cooperation)
            try container.encode(explanation, forKey: .explanation)
            try container.encode(assigned, forKey: .assigned)
            try container.encode(left_out_reason, forKey: .left_out_reason)
            try container.encode(left_out_explanation, forKey: .left_out_explanation)
            try container.encode(status, forKey: .status)
        }

        enum Keys: String, CodingKey {
            case need, need_title, need_country, rank, innovation, innovation_title, innovation_country, score, cooperation
            case explanation, assigned, left_out_reason, left_out_explanation, status
        }
    }

    struct Report: Encodable {
        var report: Summary
        var pairs: [Pair]

        init(_ report: MatchReport) {
            self.report = Summary(report.summary)
            pairs = report.pairs.map(Pair.init)
        }
    }

    struct Diff: Encodable {
        var from: Summary
        var to: Summary
        var added: [ReportDiff.Pair]
        var dropped: [ReportDiff.Pair]
        var moved: [ReportDiff.Moved]
        var unchanged: Int

        init(_ diff: MatchReportDiff) {
            from = Summary(diff.from)
            to = Summary(diff.to)
            added = diff.diff.added
            dropped = diff.diff.dropped
            moved = diff.diff.moved
            unchanged = diff.diff.unchanged
        }
    }
}
