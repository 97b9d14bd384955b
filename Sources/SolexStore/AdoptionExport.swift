import Foundation
import SolexCore

extension Adoptions {
    /// The summary of every adoption (see `NetworkSummary`).
    public func summary() throws -> NetworkSummary {
        let reference = catalogue.reference
        return NetworkSummary(try list().map { adoption in
            NetworkSummary.Item(stage: adoption.stageKey, goals: adoption.goals, region: reference.country(adoption.needCountry)?.regionCode,
                                indicators: adoption.indicators.map { ($0.kind, $0.progress.improvement) })
        })
    }

    /// The header of the adoptions CSV.
    public static let csvHeader = ["adoption", "need", "need_country", "innovation", "innovation_country", "stage", "stage_date",
                                   "started_on", "indicator", "name", "kind", "unit", "baseline", "target", "latest", "latest_date",
                                   "measurements", "progress", "improvement"]

    /// One row per indicator of each adoption (one row with empty indicator cells for an adoption without indicators):
    /// the numbers shown on the adoption pages. Progress and improvement are fractions (0.85 = 85%), unclamped.
    public static func csvRows(_ adoptions: [Adoption]) -> [[String]] {
        var rows = [csvHeader]
        for adoption in adoptions {
            let head = [String(adoption.id), adoption.needRef, adoption.needCountry, adoption.innovationRef, adoption.innovationCountry,
                        adoption.stageKey, adoption.stageDate ?? "", adoption.startedOn]
            if adoption.indicators.isEmpty { rows.append(head + Array(repeating: "", count: csvHeader.count - head.count)) }
            for indicator in adoption.indicators {
                let progress = indicator.progress
                rows.append(head + [String(indicator.id), indicator.name, indicator.kind.rawValue, indicator.unit,
                                    Statistics.format(indicator.baseline), Statistics.format(indicator.target),
                                    progress.latest.map { Statistics.format($0.value) } ?? "", progress.latest?.date ?? "",
                                    String(indicator.measurements.count), progress.progress.map { Statistics.format($0, digits: 4) } ?? "",
                                    progress.improvement.map { Statistics.format($0, digits: 4) } ?? ""])
            }
        }
        return rows
    }

    /// Every adoption as CSV (see `csvRows`).
    public func csv() throws -> Data { try CSVFile.text(rows: Self.csvRows(try list())) }
}
