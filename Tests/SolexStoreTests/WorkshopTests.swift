import Foundation
import GRDB
import SolexCore
@testable import SolexStore
import Testing

private let organiser = Actor(name: "organiser@example.org", channel: .web, role: .organiser)
private let focalPoint = Actor(name: "focal@example.org", channel: .web, role: .focalPoint, country: "BGD")
private let seedFile = Paths.seeds.appendingPathComponent("workshops/dhaka-2017.json")

/// The demo catalogue in memory with the workshop of the seed file.
private func demoWorkshops(clock: TestClock = TestClock()) throws -> Workshops {
    let catalogue = try makeCatalogue(clock: clock)
    try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory)
    let workshops = Workshops(catalogue: catalogue)
    try workshops.create(file: try Data(contentsOf: seedFile), actor: organiser)
    return workshops
}

private func auditActions(_ workshops: Workshops) throws -> [String] {
    try workshops.catalogue.database.read { db in
        try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE subject_kind = 'workshop' ORDER BY id")
    }
}

@Suite("Workshops: create, requests, schedule, edits, exports, authorization")
struct WorkshopTests {
    @Test("Creating from the seed file stores the workshop with its delegations and requests")
    func createFromSeed() throws {
        let workshops = try demoWorkshops()
        let list = try workshops.list(actor: focalPoint)
        #expect(list.map(\.slug) == ["dhaka-2017"])
        #expect(list[0].delegationCount == 8 && list[0].requestCount == 14 && list[0].scheduledCount == nil)
        #expect(list[0].createdBy == "organiser@example.org")
        let stored = try workshops.require("dhaka-2017", actor: organiser)
        #expect(stored.schedule == nil)
        #expect(stored.input.requests.count == 14)
        #expect(try auditActions(workshops) == ["workshop.create"])
        #expect(throws: WorkshopError.invalid(ValidationFailure([FieldError(field: "id", reason: "a workshop 'dhaka-2017' already exists")]))) {
            try workshops.create(file: try Data(contentsOf: seedFile), actor: organiser)
        }
    }

    @Test("An invalid file lists every problem with its path, and nothing is stored")
    func invalidFile() throws {
        let workshops = Workshops(catalogue: try makeCatalogue())
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: seedFile)) as? [String: Any])
        var tables = try #require(object["tables"] as? [[String: Any]])
        tables[0]["capacity"] = 0
        object["tables"] = tables
        var requests = try #require(object["requests"] as? [[String: Any]])
        requests[1]["champion"] = "XYZ"
        object["requests"] = requests
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            try workshops.create(file: data, actor: organiser)
            Issue.record("an invalid file was accepted")
        } catch WorkshopError.invalid(let failure) {
            let lines = failure.errors.map { "\($0.field): \($0.reason)" }
            #expect(lines.contains("tables[0].capacity: must be at least 1"))
            #expect(lines.contains("requests[1].champion: no delegation 'XYZ'"))
        }
        #expect(throws: WorkshopError.self) { try workshops.create(file: Data("{\"id\": 3}".utf8), actor: organiser) }
        #expect(try workshops.list(actor: organiser).isEmpty)
    }

    @Test("Scheduling stores the schedule; a moved meeting is pinned and kept by the next run")
    func scheduleAndMove() throws {
        let clock = TestClock()
        let workshops = try demoWorkshops(clock: clock)
        let schedule = try workshops.schedule("dhaka-2017", actor: organiser)
        #expect(schedule.scheduledCount == 14 && schedule.upperBound == 14)
        var stored = try workshops.require("dhaka-2017", actor: organiser)
        #expect(stored.schedule == schedule)
        #expect(stored.scheduledAt == clock.now())
        #expect(try workshops.list(actor: organiser)[0].scheduledCount == 14)
        // The pinned request of the file stays where it is pinned.
        let pinned = try #require(stored.input.requests.first { $0.pin != nil })
        #expect(schedule.assignment(of: pinned.id) != nil)

        // Find a move the editor accepts: some scheduled request to a free slot and table.
        var moved: (String, Int, String)?
        search: for assignment in schedule.assignments where assignment.request != pinned.id {
            for slot in stored.plan.slots.indices.reversed() {
                for table in stored.plan.workshop.tables.map(\.id) {
                    if case .success = AgendaEditor.move(assignment.request, toSlot: slot, table: table, in: schedule, plan: stored.plan) {
                        moved = (assignment.request, slot, table)
                        break search
                    }
                }
            }
        }
        let (request, slot, table) = try #require(moved)
        clock.advance()
        let after = try workshops.move("dhaka-2017", request: request, slot: slot, table: table, actor: organiser)
        #expect(after.assignment(of: request) == Assignment(request: request, slot: slot, table: table))
        stored = try workshops.require("dhaka-2017", actor: organiser)
        #expect(stored.schedule == after)
        #expect(stored.input.requests.first { $0.id == request }?.pin != nil)
        // Scheduling again keeps both pinned meetings.
        let again = try workshops.schedule("dhaka-2017", actor: organiser)
        #expect(again.assignment(of: request) == Assignment(request: request, slot: slot, table: table))
        #expect(again.assignment(of: pinned.id) == schedule.assignment(of: pinned.id))
        #expect(try auditActions(workshops) == ["workshop.create", "workshop.schedule", "workshop.move", "workshop.schedule"])
    }

    @Test("A move that breaks a constraint is refused with its reason and changes nothing")
    func moveRefused() throws {
        let workshops = try demoWorkshops()
        #expect(throws: WorkshopError.notScheduled("dhaka-2017")) {
            try workshops.move("dhaka-2017", request: "R01", slot: 0, table: "T1", actor: organiser)
        }
        let schedule = try workshops.schedule("dhaka-2017", actor: organiser)
        // Put a meeting on the table and slot of another meeting.
        let first = schedule.assignments[0], second = try #require(schedule.assignments.first { $0.slot != first.slot })
        do {
            try workshops.move("dhaka-2017", request: second.request, slot: first.slot, table: first.table, actor: organiser)
            Issue.record("a conflicting move was accepted")
        } catch WorkshopError.refused(let refusal) {
            #expect(!refusal.message.isEmpty)
        }
        #expect(throws: WorkshopError.refused(AgendaRefusal(constraint: .unknownTable, message: "no table 'T99'"))) {
            try workshops.move("dhaka-2017", request: first.request, slot: 0, table: "T99", actor: organiser)
        }
        #expect(try workshops.require("dhaka-2017", actor: organiser).schedule == schedule)
        #expect(throws: WorkshopError.notFound("nope")) { try workshops.schedule("nope", actor: organiser) }
    }

    @Test("Requests from a match report: top K or accepted pairs; pairs without both delegations are skipped")
    func requestsFromReport() throws {
        let workshops = try demoWorkshops()
        let reports = MatchReports(catalogue: workshops.catalogue)
        let id = try reports.run(parameters: ReportParameters(top: 3), actor: .commandLine)
        let report = try reports.require(id)
        let result = try workshops.addRequests("dhaka-2017", report: id, selection: .top(2), actor: organiser)
        let considered = report.pairs.filter { $0.rank <= 2 }
        #expect(result.added.count + result.skipped.count == considered.count)
        #expect(result.skipped.contains { $0.reason.hasSuffix("in the workshop") })
        let delegations = Set(try workshops.require("dhaka-2017", actor: organiser).input.delegations.map(\.country))
        for request in result.added {
            let pair = try #require(considered.first { $0.needRef == request.need && $0.innovationRef == request.innovation })
            #expect(request.requester == pair.needCountry && request.champion == pair.innovationCountry && request.priority == pair.score)
            #expect(delegations.contains(request.requester) && delegations.contains(request.champion))
        }
        #expect(try workshops.require("dhaka-2017", actor: organiser).input.requests.count == 14 + result.added.count)
        // Accepted only: none accepted yet.
        let accepted = try workshops.addRequests("dhaka-2017", report: id, selection: .accepted, actor: organiser)
        #expect(accepted.added.isEmpty && accepted.skipped.isEmpty)
        #expect(throws: MatchReportError.notFound(999)) {
            try workshops.addRequests("dhaka-2017", report: 999, selection: .top(1), actor: organiser)
        }
    }

    @Test("Exports in every format, for the workshop and one delegation, with catalogue titles")
    func exports() throws {
        let workshops = try demoWorkshops()
        #expect(throws: WorkshopError.notScheduled("dhaka-2017")) {
            try workshops.export("dhaka-2017", format: .ics, actor: organiser)
        }
        try workshops.schedule("dhaka-2017", actor: organiser)
        let ics = try workshops.export("dhaka-2017", format: .ics, actor: focalPoint)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR"))
        let xml = try workshops.export("dhaka-2017", format: .frabXML, delegation: "btn", actor: organiser)
        #expect(xml.contains("<schedule"))
        let json = try workshops.export("dhaka-2017", format: .frabJSON, actor: organiser)
        #expect(json.contains("\"schedule\""))
        let csv = try workshops.export("dhaka-2017", format: .csv, delegation: "BTN", actor: organiser)
        let rows = csv.split(whereSeparator: \.isNewline).dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("BTN") })
        #expect(csv.contains("Bhutan"))
        #expect(throws: WorkshopError.self) { try workshops.export("dhaka-2017", format: .csv, delegation: "FRA", actor: organiser) }
    }

    @Test("Only organisers, the secretariat and administrators write; everyone signed in reads; nobody anonymous")
    func authorization() throws {
        let workshops = try demoWorkshops()
        let data = try Data(contentsOf: seedFile)
        #expect(throws: CatalogueError.self) { try workshops.create(file: data, actor: focalPoint) }
        #expect(throws: CatalogueError.self) { try workshops.schedule("dhaka-2017", actor: focalPoint) }
        #expect(throws: CatalogueError.signInRequired) { try workshops.list(actor: .webVisitor) }
        #expect(throws: CatalogueError.signInRequired) { try workshops.schedule("dhaka-2017", actor: .webVisitor) }
        try workshops.schedule("dhaka-2017", actor: Actor(name: "s", channel: .web, role: .secretariat))
        #expect(throws: CatalogueError.self) {
            try workshops.move("dhaka-2017", request: "R01", slot: 0, table: "T1", actor: focalPoint)
        }
        #expect(try workshops.list(actor: focalPoint).count == 1)
        #expect(try auditActions(workshops) == ["workshop.create", "workshop.schedule"])
    }
}
