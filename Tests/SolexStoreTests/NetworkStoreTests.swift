import Foundation
import GRDB
import SolexCore
@testable import SolexStore
import Testing

@Suite("Network store: members, adoptions, the SDG map on the demo data")
struct NetworkStoreTests {
    /// The demo catalogue with the network's demo members and adoptions.
    static func demo() throws -> Catalogue {
        let catalogue = try Bootstrap.prepare(try AppDatabase.inMemory(), seeds: Seeds.directory)
        try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory)
        try Bootstrap.loadNetworkDemo(into: catalogue, seeds: Seeds.directory)
        return catalogue
    }

    static let focalBEN = Actor(name: "focal-ben@test.example", channel: .api, role: .focalPoint, country: "BEN")
    static let focalBTN = Actor(name: "focal-btn@test.example", channel: .api, role: .focalPoint, country: "BTN")
    static let organiser = Actor(name: "organiser@test.example", channel: .web, role: .organiser)

    @Test("the demo: 15 members by name, 5 adoptions with the stages, indicators and measurements of the seed file")
    func demoData() throws {
        let catalogue = try Self.demo()
        let members = try Members(catalogue: catalogue).list()
        #expect(members.count == 15)
        #expect(members.first?.country == "BGD" && members.last?.country == "THA")  // Bangladesh … Thailand
        let bangladesh = try #require(members.first)
        #expect(bangladesh.innovationCount == 6 && bangladesh.needCount == 0 && bangladesh.adoptionCount == 4)
        #expect(bangladesh.agencies.count == 2)
        let adoptions = try Adoptions(catalogue: catalogue).list()
        #expect(adoptions.map(\.needRef) == ["NEED-BTN-001", "NEED-PRY-001", "NEED-BEN-001", "NEED-KHM-001", "NEED-FJI-001"])
        #expect(adoptions.map(\.stageKey) == ["scale_up", "pilot", "study_visit", "stopped", "not_started"])
        #expect(adoptions[2].id == 3 && adoptions[2].indicators.map(\.id) == [7], "the role table of the web tests uses these ids")
        #expect(adoptions[0].startedOn == "2023-03-01" && adoptions[0].stages.map(\.date) == ["2023-04-10", "2023-09-01", "2024-06-15"])
        let days = try #require(adoptions[0].indicators.first)
        #expect(days.measurements.map(\.value) == [14, 8, 4])
        #expect(days.progress.progress == 17.0 / 16)
        // Each pair reached partnership_started through the pair status, which did not create a second adoption.
        let reports = MatchReports(catalogue: catalogue)
        #expect(try reports.status(need: "NEED-BTN-001", innovation: "INN-BGD-002")?.status == .partnershipStarted)
    }

    @Test("summary across the network, counted by hand from the seed file")
    func summary() throws {
        let summary = try Adoptions(catalogue: try Self.demo()).summary()
        #expect(summary.total == 5)
        #expect(summary.byStage.map(\.count) == [1, 1, 1, 1, 0, 1])
        // Asia: Bhutan and Cambodia; Africa: Benin; Americas: Paraguay; Oceania: Fiji.
        #expect(summary.byRegion.map(\.region) == [2, 9, 19, 142] && summary.byRegion.map(\.count) == [1, 1, 1, 2])
        // Time: Bhutan 21 → 4 (17/21), Paraguay 30 → 18 (12/30); visits: 4 → 2 (1/2), 5 → 4 (1/5).
        let time = try #require(summary.byKind.first { $0.kind == .time }), visits = try #require(summary.byKind.first { $0.kind == .visits })
        #expect(abs((time.medianImprovement ?? 0) - (17.0 / 21 + 0.4) / 2) < 1e-12)
        #expect(abs((visits.medianImprovement ?? 0) - 0.35) < 1e-12)
        let coverage = try #require(summary.byKind.first { $0.kind == .coverage })
        #expect(coverage.indicators == 1 && coverage.measured == 0 && coverage.medianImprovement == nil, "a baseline of 0 has no improvement")
    }

    @Test("the SDG map on the demo: goal 17 and target 17.19 counted by hand; adopted needs are not open, a stopped adoption's need is")
    func demoMap() throws {
        let catalogue = try Self.demo()
        let map = try catalogue.sdgMap()
        let goal = try #require(map.row(17))
        #expect(goal.count.supplyRefs == ["INN-BGD-003", "INN-EST-001", "INN-RWA-001"])
        #expect(goal.count.demandRefs == ["NEED-BOL-001", "NEED-KHM-001", "NEED-MDG-001"])
        let target = try #require(goal.targets.first { $0.id == "17.19" })
        #expect(target.count.supplyRefs == ["INN-BGD-003"] && target.count.demandRefs == ["NEED-KHM-001", "NEED-MDG-001"])
        #expect(map.goals.count == 17 && map.goals.flatMap(\.targets).count == 169)
        #expect(map.regions == [2, 19, 142, 150, 9], "Africa, Americas, Asia, Europe, Oceania")
        let csv = String(decoding: try catalogue.sdgMapCSV(map), as: UTF8.self)
        #expect(csv.contains("\n,,target,17,17.19,"))
        #expect(csv.split(separator: "\n").count == 1 + 17 + 169)
    }

    @Test("a pair reaching partnership_started becomes an adoption in the same transaction, once, audited")
    func automaticAdoption() throws {
        let catalogue = try Self.demo()
        let reports = MatchReports(catalogue: catalogue), adoptions = Adoptions(catalogue: catalogue)
        for status in [PairStatus.contacted, .accepted, .partnershipStarted, .accepted, .partnershipStarted] {
            try reports.setStatus(need: "NEED-NPL-001", innovation: "INN-BGD-006", status: status, actor: .commandLine)
        }
        let created = try adoptions.list().filter { $0.needRef == "NEED-NPL-001" }
        #expect(created.count == 1)
        #expect(created.first?.needCountry == "NPL" && created.first?.innovationCountry == "BGD" && created.first?.stage == nil)
        let audit = try catalogue.auditLog(AuditFilter(action: "adoption.create", subjectRef: String(created.first?.id ?? 0)), actor: .commandLine)
        #expect(audit.total == 1 && audit.entries.first?.actor == "cli")
        // An explicit second adoption of the same pair is refused on innovation.
        #expect(throws: CatalogueError.invalid(ValidationFailure([FieldError(field: "innovation", reason: "this pair is already an adoption")]))) {
            try adoptions.create(need: "NEED-NPL-001", innovation: "INN-BGD-006", actor: .commandLine)
        }
    }

    @Test("the migration turns pairs already at partnership_started into adoptions")
    func backfill() throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        try Migrations.migrator.migrate(queue, upTo: "v6-workshops")
        try queue.write { db in
            for (a2, a3) in [("BD", "BGD"), ("NP", "NPL")] {
                try db.execute(sql: """
                    INSERT INTO country VALUES (?, ?, '000', ?, ?, ?, 142, 'Asia', 34, 'Southern Asia', 1, 'test')
                    """, arguments: [a3, a2, a3, a3, a3])
            }
            let time = "2024-05-06 07:08:09.000"
            try db.execute(sql: """
                INSERT INTO innovation (ref, title, summary, description, origin_country, champion, themes, sdg_targets, tags, scale,
                  evidence_level, evidence, languages, status, created_at, updated_at, created_by, updated_by)
                VALUES ('I1', 'T', 'S', 'D', 'BGD', 'C', '[]', '["16.6"]', '[]', 'pilot', 'anecdotal', '', '[]', 'published', ?, ?, 'x', 'x')
                """, arguments: [time, time])
            for ref in ["N1", "N2"] {
                try db.execute(sql: """
                    INSERT INTO need (ref, title, description, country, themes, sdg_targets, tags, support_types, languages, created, status,
                      created_at, updated_at, created_by, updated_by)
                    VALUES (?, 'T', 'D', 'NPL', '[]', '[]', '[]', '[]', '[]', '2024-01-01', 'published', ?, ?, 'x', 'x')
                    """, arguments: [ref, time, time])
            }
            try db.execute(sql: "INSERT INTO pair_status VALUES ('N1', 'I1', 'partnership_started', '', ?, 'x')", arguments: [time])
            try db.execute(sql: "INSERT INTO pair_status VALUES ('N2', 'I1', 'accepted', '', ?, 'x')", arguments: [time])
        }
        let database = try AppDatabase(queue)
        let rows = try database.read { db in try Row.fetchAll(db, sql: "SELECT need_ref, need_country, innovation_country, started_on, stage FROM adoption") }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        let needRef: String = row["need_ref"], needCountry: String = row["need_country"], innovationCountry: String = row["innovation_country"]
        let startedOn: String = row["started_on"], stage: String? = row["stage"]
        #expect(needRef == "N1" && needCountry == "NPL" && innovationCountry == "BGD")
        #expect(startedOn == "2024-05-06")
        #expect(stage == nil)
    }

    @Test("who may update an adoption: the secretariat, focal points of either country; not other focal points, organisers or visitors")
    func roleRules() throws {
        let catalogue = try Self.demo()
        let adoptions = Adoptions(catalogue: catalogue)
        // Adoption 3: Benin adopts Bangladesh's Union Digital Centres. Adoption 1: Bhutan adopts Bangladesh's.
        try adoptions.recordStage(3, stage: .pilot, date: "2025-02-01", actor: Self.focalBEN)
        let indicator = try adoptions.addIndicator(1, name: "Days", kind: .time, unit: "days", baseline: 10, target: 3, actor: Self.focalBTN)
        #expect(throws: CatalogueError.forbidden(Explanation("error.denied.adoption", english: "A focal point updates only adoptions its country is part of."))) {
            try adoptions.addMeasurement(1, indicator: indicator, date: "2025-01-01", value: 8, actor: Self.focalBEN)
        }
        #expect(throws: CatalogueError.forbidden(Explanation("error.denied.adoption", english: "A focal point updates only adoptions its country is part of."))) {
            try adoptions.create(need: "NEED-NPL-001", innovation: "INN-BGD-006", actor: Self.focalBEN)
        }
        #expect(throws: CatalogueError.forbidden(Explanation("error.denied.role", ["role": "organiser"], english: "Your role (Workshop organiser) does not allow this."))) {
            try adoptions.recordStage(3, stage: .scaleUp, date: "2025-03-01", actor: Self.organiser)
        }
        #expect(throws: CatalogueError.signInRequired) {
            try adoptions.recordStage(3, stage: .scaleUp, date: "2025-03-01", actor: .webVisitor)
        }
        #expect(throws: CatalogueError.forbidden(Explanation("error.denied.role", ["role": "focal_point"], english: "Your role (Country focal point) does not allow this."))) {
            try Members(catalogue: catalogue).add(country: "BEN", joined: "2018-01-01", actor: Self.focalBEN)
        }
        // Benin may create the adoption of its own need with anyone's innovation.
        let own = try adoptions.create(need: "NEED-BEN-001", innovation: "INN-RWA-001", startedOn: "2025-05-05", actor: Self.focalBEN)
        #expect(own.startedOn == "2025-05-05" && own.createdBy == Self.focalBEN.name)
        let audit = try catalogue.auditLog(AuditFilter(subjectKind: "adoption", subjectRef: "3"), actor: .commandLine)
        #expect(audit.entries.first?.action == "adoption.stage" && audit.entries.first?.actor == Self.focalBEN.name)
        #expect(audit.entries.first?.changes == [AuditChange(field: "stage", old: "study_visit", new: "pilot"),
                                                 AuditChange(field: "stage_date", old: "2024-08-12", new: "2025-02-01")])
    }

    @Test("invalid writes name the field and the reason", arguments: [
        ("stage back", "stage", "cannot go from scale_up to pilot; allowed: completed, stopped"),
        ("stage date", "date", "must not be before 2024-06-15, the date of the stage before"),
        ("bad date", "date", "must be a date YYYY-MM-DD"),
        ("same target", "target", "must differ from the baseline"),
        ("no name", "name", "is required"),
        ("long unit", "unit", "must be at most 40 characters"),
        ("member country", "country", "is not an ISO 3166-1 alpha-3 code"),
        ("member joined", "joined", "must be a date YYYY-MM-DD"),
    ])
    func invalid(name: String, field: String, reason: String) throws {
        let catalogue = try Self.demo()
        let adoptions = Adoptions(catalogue: catalogue)
        do {
            switch name {
            case "stage back": try adoptions.recordStage(1, stage: .pilot, date: "2025-01-01", actor: .commandLine)
            case "stage date": try adoptions.recordStage(1, stage: .completed, date: "2024-06-14", actor: .commandLine)
            case "bad date": try adoptions.addMeasurement(1, indicator: 1, date: "2024-02-30", value: 3, actor: .commandLine)
            case "same target": try adoptions.addIndicator(1, name: "Days", kind: .time, unit: "days", baseline: 4, target: 4, actor: .commandLine)
            case "no name": try adoptions.addIndicator(1, name: " ", kind: .time, unit: "days", baseline: 4, target: 2, actor: .commandLine)
            case "long unit":
                try adoptions.addIndicator(1, name: "Days", kind: .time, unit: String(repeating: "d", count: 41), baseline: 4, target: 2, actor: .commandLine)
            case "member country": try Members(catalogue: catalogue).add(country: "XYZ", joined: "2020-01-01", actor: .commandLine)
            default: try Members(catalogue: catalogue).add(country: "BEN", joined: "2020-1-1", actor: .commandLine)
            }
            Issue.record("\(name) was accepted")
        } catch CatalogueError.invalid(let failure) {
            #expect(failure.errors.contains(FieldError(field: field, reason: reason)), "\(failure.errors)")
        }
        #expect(throws: NetworkError.notFound("indicator 99")) {
            try adoptions.addMeasurement(1, indicator: 99, date: "2025-01-01", value: 1, actor: .commandLine)
        }
    }

    @Test("members: add, change (audited with old and new values), remove; focal points come from accounts")
    func members() throws {
        let catalogue = try Self.demo()
        let members = Members(catalogue: catalogue)
        #expect(try members.add(country: "npl", joined: "2017-11-27", actor: .commandLine) == false)
        #expect(try members.add(country: "UGA", joined: "2021-04-01", note: "Joined at the Kampala meeting", actor: .commandLine))
        let accounts = Accounts(database: catalogue.database, bcryptCost: 4)
        _ = try accounts.addUser(email: "fp@uga.example", password: "Correct-horse-battery-9", role: .focalPoint, country: "UGA",
                                 actor: Actor(name: "cli", channel: .cli, role: .admin))
        let uganda = try #require(try members.member("UGA"))
        #expect(uganda.focalPoints == ["fp@uga.example"] && uganda.needCount == 1 && uganda.innovationCount == 0)
        try members.add(country: "UGA", joined: "2021-05-01", note: "Joined at the Kampala meeting", actor: .commandLine)
        let audit = try catalogue.auditLog(AuditFilter(subjectKind: "member", subjectRef: "UGA"), actor: .commandLine)
        #expect(audit.entries.map(\.action) == ["member.update", "member.add"])
        #expect(audit.entries.first?.changes == [AuditChange(field: "joined", old: "2021-04-01", new: "2021-05-01")])
        try members.remove(country: "UGA", actor: .commandLine)
        #expect(try members.member("UGA") == nil)
        #expect(throws: NetworkError.notFound("UGA")) { try members.remove(country: "UGA", actor: .commandLine) }
        let csv = String(decoding: try members.csv(), as: UTF8.self)
        #expect(csv.hasPrefix("country,name,region,subregion,joined,focal_points,agencies,innovations,needs,adoptions,note\n"))
        #expect(csv.split(separator: "\n").count == 16)
    }
}
