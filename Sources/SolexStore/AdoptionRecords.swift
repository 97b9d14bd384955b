import Foundation
import GRDB
import SolexCore

/// One recorded stage of an adoption.
public struct AdoptionStageEvent: Sendable, Hashable {
    public var stage: AdoptionStage
    /// `YYYY-MM-DD`.
    public var date: String
    public var note: String
    public var at: Date
    public var by: String
}

/// One measurement of an indicator.
public struct AdoptionMeasurement: Sendable, Hashable {
    public var id: Int64
    public var date: String
    public var value: Double
    public var note: String
}

/// An indicator of an adoption with its measurements, oldest first.
public struct AdoptionIndicator: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var kind: IndicatorKind
    public var unit: String
    public var baseline: Double
    public var target: Double
    public var measurements: [AdoptionMeasurement]

    /// The arithmetic of the indicator (latest value, progress, improvement).
    public var progress: IndicatorProgress {
        IndicatorProgress(baseline: baseline, target: target, measurements: measurements.map { IndicatorMeasurement(date: $0.date, value: $0.value) })
    }
}

/// A pair whose partnership has started, followed through its stages and measured by its indicators.
public struct Adoption: Sendable, Hashable {
    public var id: Int64
    public var needRef: String
    /// The need's title now; empty if the need is gone.
    public var needTitle: String
    public var needCountry: String
    public var innovationRef: String
    public var innovationTitle: String
    public var innovationCountry: String
    /// The SDG targets the need and the innovation name (each sorted); empty if the entry is gone.
    public var needTargets: [String]
    public var innovationTargets: [String]
    /// The latest stage; nil until one is recorded.
    public var stage: AdoptionStage?
    public var stageDate: String?
    public var startedOn: String
    public var createdAt: Date
    public var createdBy: String
    public var updatedAt: Date
    public var updatedBy: String
    /// Every stage recorded, oldest first.
    public var stages: [AdoptionStageEvent]
    public var indicators: [AdoptionIndicator]

    /// The key of the stage in summaries and exports (`not_started` before any stage).
    public var stageKey: String { stage?.rawValue ?? AdoptionStage.notStartedKey }
    /// The label of the stage.
    public var stageLabel: String { stage?.label ?? AdoptionStage.notStartedLabel }
    /// The SDG goals of the need's and the innovation's targets, each once, in order.
    public var goals: [Int] { Array(Set((needTargets + innovationTargets).compactMap(SDGMap.goal(of:)))).sorted() }
}

extension Adoptions {
    /// Reads adoptions (all, or those matching `condition`), ordered by id, with their stages and indicators.
    static func fetch(_ db: Database, where condition: String = "", arguments: StatementArguments = []) throws -> [Adoption] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.*, n.title AS need_title, n.sdg_targets AS need_targets, i.title AS innovation_title, i.sdg_targets AS innovation_targets
            FROM adoption a LEFT JOIN need n ON n.ref = a.need_ref LEFT JOIN innovation i ON i.ref = a.innovation_ref
            \(condition.isEmpty ? "" : "WHERE " + condition) ORDER BY a.id
            """, arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        let idList = ids.map(String.init).joined(separator: ",")
        var stages: [Int64: [AdoptionStageEvent]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM adoption_stage WHERE adoption_id IN (\(idList)) ORDER BY id") {
            guard let stage = AdoptionStage(rawValue: row["stage"]) else { continue }
            stages[row["adoption_id"], default: []].append(
                AdoptionStageEvent(stage: stage, date: row["date"], note: row["note"], at: row["created_at"], by: row["created_by"]))
        }
        var measurements: [Int64: [AdoptionMeasurement]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT m.* FROM adoption_measurement m JOIN adoption_indicator x ON x.id = m.indicator_id
            WHERE x.adoption_id IN (\(idList)) ORDER BY m.date, m.id
            """) {
            measurements[row["indicator_id"], default: []].append(
                AdoptionMeasurement(id: row["id"], date: row["date"], value: row["value"], note: row["note"]))
        }
        var indicators: [Int64: [AdoptionIndicator]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM adoption_indicator WHERE adoption_id IN (\(idList)) ORDER BY id") {
            let id: Int64 = row["id"]
            indicators[row["adoption_id"], default: []].append(AdoptionIndicator(
                id: id, name: row["name"], kind: IndicatorKind(rawValue: row["kind"]) ?? .other, unit: row["unit"],
                baseline: row["baseline"], target: row["target"], measurements: measurements[id] ?? []))
        }
        func targets(_ json: String?) -> [String] {
            guard let json, let list = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else { return [] }
            return list.sorted()
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            return Adoption(
                id: id, needRef: row["need_ref"], needTitle: row["need_title"] ?? "", needCountry: row["need_country"],
                innovationRef: row["innovation_ref"], innovationTitle: row["innovation_title"] ?? "", innovationCountry: row["innovation_country"],
                needTargets: targets(row["need_targets"]), innovationTargets: targets(row["innovation_targets"]),
                stage: (row["stage"] as String?).flatMap(AdoptionStage.init(rawValue:)), stageDate: row["stage_date"],
                startedOn: row["started_on"], createdAt: row["created_at"], createdBy: row["created_by"], updatedAt: row["updated_at"],
                updatedBy: row["updated_by"], stages: stages[id] ?? [], indicators: indicators[id] ?? [])
        }
    }
}
