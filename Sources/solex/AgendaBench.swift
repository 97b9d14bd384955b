import ArgumentParser
import Foundation
import SolexCore

/// `solex agenda bench` (hidden, for `make bench`): schedules the generated benchmark workshop (60 delegations,
/// 400 requests, 2 days x 16 slots x 20 tables) for several seeds and prints time, scheduled count and upper bound.
struct AgendaBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Time the scheduler on generated workshops.", shouldDisplay: false)

    @Option(help: "Seeds to run, comma-separated.") var seeds = "1,2,3,7,8,42"

    func run() throws {
        let parts = seeds.split(separator: ",", omittingEmptySubsequences: false)
        let list = parts.compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard !list.isEmpty, list.count == parts.count else { throw ValidationError("--seeds: give whole numbers separated by commas, e.g. 1,2,42") }
        print("Agenda scheduler: 60 delegations, 400 requests, 2 days x 16 slots x 20 tables")
        print("seed     plan_ms  schedule_ms  scheduled   bound  below_bound")
        for seed in list {
            let result = AgendaBenchmark.run(seed: seed)
            let gap = result.upperBound > 0 ? 100 * Double(result.upperBound - result.scheduled) / Double(result.upperBound) : 0
            print(String(format: "%-6llu %9.1f %12.1f %10d %7d %11.2f%%", seed, result.planSeconds * 1000,
                         result.seconds * 1000, result.scheduled, result.upperBound, gap))
        }
    }
}
