import Foundation
import SolexCore

/// An adoption of the demo seed file `network/adoptions.json`.
struct AdoptionSeed: Decodable {
    struct Stage: Decodable {
        var stage: AdoptionStage
        var date: String
        var note: String
    }

    struct Indicator: Decodable {
        var name: String
        var kind: IndicatorKind
        var unit: String
        var baseline: Double
        var target: Double
        var measurements: [IndicatorMeasurement]
    }

    var need: String
    var innovation: String
    var started_on: String
    var stages: [Stage]
    var indicators: [Indicator]
}

extension SeedDirectory {
    /// The member countries file (`network/members.csv`: country, joined, note).
    public var membersFile: URL { url.appendingPathComponent("network/members.csv") }
    /// The demo adoptions file (`network/adoptions.json`).
    public var adoptionsFile: URL { url.appendingPathComponent("network/adoptions.json") }

    /// The members of `network/members.csv` as (country, joined, note).
    func members() throws -> [(country: String, joined: String, note: String)] {
        try rows("network/members.csv", ["country", "joined", "note"]) { cell, _ in (cell("country"), cell("joined"), cell("note")) }
    }
}

extension Bootstrap {
    /// Loads the network's demo data of `seeds`, if its files are there: the member countries, then each demo adoption
    /// (created with its start date, its pair moved to `partnership_started`, its stages, indicators and measurements).
    /// Adoptions whose pair already is one are left as they are.
    public static func loadNetworkDemo(into catalogue: Catalogue, seeds: SeedDirectory) throws {
        let files = FileManager.default
        let members = Members(catalogue: catalogue)
        if files.fileExists(atPath: seeds.membersFile.path) {
            for member in try seeds.members() {
                try members.add(country: member.country, joined: member.joined, note: member.note, actor: .system)
            }
        }
        guard files.fileExists(atPath: seeds.adoptionsFile.path) else { return }
        let seedsList: [AdoptionSeed]
        do {
            seedsList = try JSONDecoder().decode([AdoptionSeed].self, from: Data(contentsOf: seeds.adoptionsFile))
        } catch {
            throw SeedError(file: "network/adoptions.json", line: 0, reason: "is not a valid list of adoptions")
        }
        let adoptions = Adoptions(catalogue: catalogue), reports = MatchReports(catalogue: catalogue)
        let existing = Set(try adoptions.list().map { "\($0.needRef)/\($0.innovationRef)" })
        for seed in seedsList where !existing.contains("\(seed.need)/\(seed.innovation)") {
            let adoption = try adoptions.create(need: seed.need, innovation: seed.innovation, startedOn: seed.started_on, actor: .system)
            for status in [PairStatus.contacted, .accepted, .partnershipStarted] {
                try reports.setStatus(need: seed.need, innovation: seed.innovation, status: status, actor: .system)
            }
            for stage in seed.stages {
                try adoptions.recordStage(adoption.id, stage: stage.stage, date: stage.date, note: stage.note, actor: .system)
            }
            for indicator in seed.indicators {
                let id = try adoptions.addIndicator(adoption.id, name: indicator.name, kind: indicator.kind, unit: indicator.unit,
                                                    baseline: indicator.baseline, target: indicator.target, actor: .system)
                for measurement in indicator.measurements {
                    try adoptions.addMeasurement(adoption.id, indicator: id, date: measurement.date, value: measurement.value, actor: .system)
                }
            }
        }
    }
}
