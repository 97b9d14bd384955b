import Foundation
import SolexCore
import SolexStore

/// The JSON forms of members, the SDG map and adoptions (the same numbers as the pages and the CSV exports).
enum NetworkJSON {
    static func number(_ value: Double?) -> JSONDocument { value.map { .number($0) } ?? .null }

    static func member(_ member: Member, reference: ReferenceData, showFocalPoints: Bool) -> JSONDocument {
        let country = reference.country(member.country)
        return .object([
            ("country", .string(member.country)), ("name", .string(country?.name.en ?? "")),
            ("region_code", country?.regionCode.map { .integer($0) } ?? .null), ("region", .string(country?.region ?? "")),
            ("subregion_code", country?.subregionCode.map { .integer($0) } ?? .null), ("subregion", .string(country?.subregion ?? "")),
            ("global_south", .bool(country?.globalSouth ?? false)), ("joined", .string(member.joined)), ("note", .string(member.note)),
            ("focal_point_count", .integer(member.focalPoints.count)),
            ("focal_points", showFocalPoints ? .array(member.focalPoints.map(JSONDocument.string)) : .null),
            ("agencies", .array(member.agencies.map(JSONDocument.string))), ("innovation_count", .integer(member.innovationCount)),
            ("need_count", .integer(member.needCount)), ("adoption_count", .integer(member.adoptionCount)),
        ])
    }

    static func count(_ count: SDGMap.Count, refs: Bool) -> [(String, JSONDocument)] {
        var members: [(String, JSONDocument)] = [("supply", .integer(count.supply)), ("demand", .integer(count.demand)), ("gap", .integer(count.gap))]
        if refs {
            members.append(("innovations", .array(count.supplyRefs.map(JSONDocument.string))))
            members.append(("needs", .array(count.demandRefs.map(JSONDocument.string))))
        }
        return members
    }

    static func map(_ map: SDGMap, regions: [(code: Int, name: String)], reference: ReferenceData) -> JSONDocument {
        let names = Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        return .object([
            ("filter", .object([("region", map.filter.region.map { .integer($0) } ?? .null), ("theme", map.filter.theme.map { .string($0) } ?? .null)])),
            ("total", .object(count(map.total, refs: false))),
            ("regions", .array(map.regions.map { .object([("code", .integer($0)), ("name", .string(names[$0] ?? ""))]) })),
            ("goals", .array(map.goals.enumerated().map { index, goal in
                .object([("goal", .integer(goal.goal)), ("label", .string(reference.goal(goal.goal)?.label.en ?? ""))] + count(goal.count, refs: false) + [
                    ("by_region", .array(zip(map.regions, map.cells[index]).map { region, cell in
                        .object([("region", .integer(region))] + count(cell, refs: false))
                    })),
                    ("targets", .array(goal.targets.map { target in
                        .object([("target", .string(target.id)), ("label", .string(reference.target(target.id)?.label.en ?? ""))]
                                + count(target.count, refs: true))
                    })),
                ])
            })),
        ])
    }

    static func adoption(_ adoption: Adoption) -> JSONDocument {
        .object([
            ("id", .integer(Int(adoption.id))), ("need", .string(adoption.needRef)), ("need_title", .string(adoption.needTitle)),
            ("need_country", .string(adoption.needCountry)), ("innovation", .string(adoption.innovationRef)),
            ("innovation_title", .string(adoption.innovationTitle)), ("innovation_country", .string(adoption.innovationCountry)),
            ("stage", .string(adoption.stageKey)), ("stage_date", adoption.stageDate.map { .string($0) } ?? .null),
            ("started_on", .string(adoption.startedOn)), ("goals", .array(adoption.goals.map { .integer($0) })),
            ("created_at", .string(Timestamp.iso(adoption.createdAt))), ("created_by", .string(adoption.createdBy)),
            ("updated_at", .string(Timestamp.iso(adoption.updatedAt))), ("updated_by", .string(adoption.updatedBy)),
            ("stages", .array(adoption.stages.map { stage in
                .object([("stage", .string(stage.stage.rawValue)), ("date", .string(stage.date)), ("note", .string(stage.note)),
                         ("recorded_at", .string(Timestamp.iso(stage.at))), ("recorded_by", .string(stage.by))])
            })),
            ("indicators", .array(adoption.indicators.map(indicator))),
        ])
    }

    static func indicator(_ indicator: AdoptionIndicator) -> JSONDocument {
        let progress = indicator.progress
        return .object([
            ("id", .integer(Int(indicator.id))), ("name", .string(indicator.name)), ("kind", .string(indicator.kind.rawValue)),
            ("unit", .string(indicator.unit)), ("baseline", .number(indicator.baseline)), ("target", .number(indicator.target)),
            ("reduction", .bool(progress.isReduction)), ("latest", number(progress.latest?.value)),
            ("latest_date", progress.latest.map { .string($0.date) } ?? .null), ("progress", number(progress.progress)),
            ("progress_display", number(progress.displayProgress)), ("improvement", number(progress.improvement)),
            ("measurements", .array(indicator.measurements.map { measurement in
                .object([("id", .integer(Int(measurement.id))), ("date", .string(measurement.date)), ("value", .number(measurement.value)),
                         ("note", .string(measurement.note))])
            })),
        ])
    }

    static func summary(_ summary: NetworkSummary) -> JSONDocument {
        .object([
            ("total", .integer(summary.total)),
            ("by_stage", .array(summary.byStage.map { .object([("stage", .string($0.key)), ("count", .integer($0.count))]) })),
            ("by_goal", .array(summary.byGoal.map { .object([("goal", .integer($0.goal)), ("count", .integer($0.count))]) })),
            ("by_region", .array(summary.byRegion.map { .object([("region", $0.region.map { .integer($0) } ?? .null), ("count", .integer($0.count))]) })),
            ("by_indicator_kind", .array(summary.byKind.map { row in
                .object([("kind", .string(row.kind.rawValue)), ("indicators", .integer(row.indicators)), ("measured", .integer(row.measured)),
                         ("median_improvement", number(row.medianImprovement))])
            })),
        ])
    }
}
