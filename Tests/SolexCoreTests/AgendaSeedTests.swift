import Foundation
import SolexCore
import Testing

@Suite("Agenda example workshop and benchmark")
struct AgendaSeedTests {
    static let seeds = AgendaFixture.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Seeds")

    /// The `ref` and country of every line of a demo JSONL file.
    static func refs(_ name: String, country: String) throws -> [String: String] {
        let text = try String(contentsOf: seeds.appendingPathComponent("demo/\(name).jsonl"), encoding: .utf8)
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            result[object["ref"] as! String] = object[country] as? String
        }
        return result
    }

    @Test("The Dhaka example is valid, its requests name demo entries of the right countries, and all are scheduled")
    func dhaka() throws {
        let data = try Data(contentsOf: Self.seeds.appendingPathComponent("workshops/dhaka-2017.json"))
        let plan = try AgendaInput.decode(data).get().plan().get()
        let needs = try Self.refs("needs", country: "country"), innovations = try Self.refs("innovations", country: "origin_country")
        for request in plan.input.requests {
            #expect(needs[request.need] == request.requester, "\(request.id): \(request.need)")
            #expect(innovations[request.innovation] == request.champion, "\(request.id): \(request.innovation)")
        }
        #expect(plan.workshop.sessions.count == 2 && plan.days.count == 2 && plan.workshop.tables.count == 6)
        let schedule = AgendaScheduler.schedule(plan)
        #expect(AgendaChecks.violations(plan, schedule).isEmpty)
        #expect(schedule.scheduledCount == plan.input.requests.count && schedule.upperBound == schedule.scheduledCount)
    }

    @Test("The benchmark instance has the announced shape and is scheduled within 2% of the bound")
    func benchmark() throws {
        let input = AgendaBenchmark.instance(seed: 42)
        let plan = try input.plan().get()
        #expect(input.delegations.count == 60 && input.requests.count == 400)
        #expect(plan.days.count == 2 && plan.days.allSatisfy { $0.slots.count == 16 } && plan.workshop.tables.count == 20)
        let result = AgendaBenchmark.run(seed: 42)
        #expect(result.scheduled <= result.upperBound && result.upperBound <= 400)
        #expect(Double(result.scheduled) >= 0.98 * Double(result.upperBound), "\(result.scheduled) of \(result.upperBound)")
    }
}
