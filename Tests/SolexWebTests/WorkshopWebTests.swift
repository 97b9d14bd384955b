import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

/// The demo database with a stored report (top 3) and the example workshop `dhaka-2017`, scheduled or not.
struct WorkshopFixture {
    static let seedFile = Repository.root.appendingPathComponent("Seeds/workshops/dhaka-2017.json")
    let database: AppDatabase
    let report: Int64
    let workshops: Workshops

    init(scheduled: Bool = true) throws {
        database = try demoDatabase()
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        report = try MatchReports(catalogue: catalogue).run(name: "Workshop run", parameters: ReportParameters(top: 3), actor: .commandLine)
        workshops = Workshops(catalogue: catalogue)
        try workshops.create(file: try Data(contentsOf: Self.seedFile), actor: .commandLine)
        if scheduled { try workshops.schedule("dhaka-2017", actor: .commandLine) }
    }

    func stored() throws -> StoredWorkshop { try workshops.require("dhaka-2017", actor: .commandLine) }
}

/// The fields of a valid new-workshop form.
func workshopFormFields(report: Int64, id: String = "web-workshop") -> [(String, String)] {
    [("id", id), ("name", "Web workshop"), ("venue", "Dhaka"), ("time_zone", "Asia/Dhaka"), ("first_day", "2027-03-01"), ("day_count", "2"),
     ("day_start", "09:00"), ("day_end", "13:00"), ("slot_minutes", "30"), ("break_start", "11:00"), ("break_end", "11:30"), ("table_count", "4"),
     ("table_capacity", "2"), ("max_per_day", "5"), ("report", String(report)), ("selection", "top"), ("top", "2")]
}

@Suite("Workshop pages: create, requests, schedule, edits", .serialized)
struct WorkshopWebTests {
    @Test("Creating a workshop from a stored report: delegations are the countries of the imported pairs")
    func createFromReport() async throws {
        let fixture = try WorkshopFixture(scheduled: false)
        try await withApp(fixture.database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/workshops/new", as: .organiser)
            let form = try await session.get(client, "/workshops/new")
            for id in ["workshop-id", "workshop-name", "venue", "time-zone", "first-day", "day-count", "day-start", "day-end", "slot-minutes",
                       "break-start", "break-end", "table-count", "table-capacity", "max-per-day", "report", "selection-top", "selection-accepted",
                       "top", "workshop-file"] {
                #expect(form.text.contains("id=\"\(id)\""), "control \(id)")
            }
            #expect(form.text.contains(">Create workshop</button>"))
            #expect(form.text.contains("value=\"UTC\""), "UTC is the default time zone")
            let created = try await session.post(client, "/workshops", workshopFormFields(report: fixture.report))
            #expect(created.status == .seeOther)
            #expect(created.headers[.location] == "/workshops/web-workshop?created=1")
            let page = try await session.get(client, "/workshops/web-workshop?created=1")
            #expect(page.status == .ok)
            #expect(page.text.contains("Workshop created."))
            #expect(page.text.contains(">Schedule</button>"))
        }
        let stored = try fixture.workshops.require("web-workshop", actor: .commandLine)
        let report = try #require(try MatchReports(catalogue: fixture.workshops.catalogue).report(fixture.report))
        let pairs = report.pairs.filter { $0.rank <= 2 && $0.needCountry != $0.innovationCountry }
        #expect(stored.input.requests.count == pairs.count)
        #expect(Set(stored.input.delegations.map(\.country)) == Set(pairs.flatMap { [$0.needCountry, $0.innovationCountry] }))
        #expect(stored.plan.workshop.days.map(\.date) == ["2027-03-01", "2027-03-02"])
        #expect(stored.plan.slots.count == 14, "two days of 09:00-13:00 less a half-hour break, in 30-minute slots")
        #expect(stored.input.settings.maxMeetingsPerDelegationPerDay == 5)
    }

    @Test("An invalid form shows the core's messages next to the fields, keeps what was typed, and stores nothing")
    func createInvalid() async throws {
        let fixture = try WorkshopFixture(scheduled: false)
        try await withApp(fixture.database, as: .organiser) { client in
            let session = try await FormSession.start(client, at: "/workshops/new", as: .organiser)
            var fields = workshopFormFields(report: fixture.report, id: "Bad Id!")
            fields = fields.map { $0.0 == "time_zone" ? ("time_zone", "Mars/Olympus") : $0.0 == "day_end" ? ("day_end", "08:00") : $0 }
            let response = try await session.post(client, "/workshops", fields)
            #expect(response.status == .unprocessableContent)
            let page = response.text
            #expect(page.contains("Please fix these problems"))
            #expect(page.contains("id=\"workshop-id-error\""))
            #expect(page.contains("must be lower-case letters and digits"))
            #expect(page.contains("id=\"time-zone-error\""))
            #expect(page.contains("&#39;Mars/Olympus&#39; is not an IANA time zone") || page.contains("'Mars/Olympus' is not an IANA time zone"))
            #expect(page.contains("id=\"day-end-error\""))
            #expect(page.contains("days[0].windows[0]: must end after it starts (09:00 to 08:00)"))
            #expect(page.contains("value=\"Mars/Olympus\""), "typed values are kept")
            #expect(page.contains("value=\"Bad Id!\""))
            let numbers = try await session.post(client, "/workshops", workshopFormFields(report: fixture.report).map {
                $0.0 == "day_count" ? ("day_count", "many") : $0.0 == "report" ? ("report", "") : $0
            })
            #expect(numbers.status == .unprocessableContent)
            #expect(numbers.text.contains("id=\"day-count-error\""))
            #expect(numbers.text.contains("must be a whole number from 1 to 14"))
            #expect(numbers.text.contains("choose a stored match report"))
        }
        #expect(try fixture.workshops.list(actor: .commandLine).map(\.slug) == ["dhaka-2017"])
    }

    @Test("A workshop file can be uploaded instead (multipart); a bad file lists its problems with their paths")
    func upload() async throws {
        let database = try demoDatabase()
        let workshops = Workshops(catalogue: Catalogue(database: database, reference: try database.referenceData()))
        let file = try String(contentsOf: WorkshopFixture.seedFile, encoding: .utf8)
        try await withApp(database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/workshops/new", as: .organiser)
            func upload(_ content: String) async throws -> TestResponse {
                let boundary = "----solexboundary7MA4YWxkTrZu0gW"
                let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(session.token)\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"w.json\"\r\nContent-Type: application/json\r\n\r\n"
                    + content + "\r\n--\(boundary)--\r\n"
                return try await client.execute(uri: "/workshops", method: .post,
                                                headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: session.cookie],
                                                body: ByteBuffer(string: body))
            }
            let bad = try await upload(file.replacingOccurrences(of: "\"capacity\": 6}", with: "\"capacity\": 0}"))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("tables[0].capacity: must be at least 1"))
            let empty = try await upload("")
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("file: choose a workshop file (JSON)"))
            let good = try await upload(file)
            #expect(good.status == .seeOther)
            #expect(good.headers[.location] == "/workshops/dhaka-2017?created=1")
        }
        #expect(try workshops.require("dhaka-2017", actor: .commandLine).input.requests.count == 14)
    }

    @Test("Requests: imported from a report (skipped pairs with reasons) and added by hand; bad ones refused with the field")
    func requests() async throws {
        let fixture = try WorkshopFixture(scheduled: false)
        try await withApp(fixture.database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/workshops/dhaka-2017", as: .organiser)
            let imported = try await session.post(client, "/workshops/dhaka-2017/requests",
                                                  [("source", "report"), ("report", String(fixture.report)), ("selection", "top"), ("top", "2")])
            #expect(imported.status == .ok)
            #expect(imported.text.contains("requests added"))
            #expect(imported.text.contains("in the workshop</li>"), "skipped pairs name their reason")
            let byHand = try await session.post(client, "/workshops/dhaka-2017/requests",
                                                [("source", "hand"), ("need", "NEED-KHM-001"), ("innovation", "INN-LKA-001"), ("priority", "0.25")])
            #expect(byHand.status == .ok)
            #expect(byHand.text.contains("Request NEED-KHM-001~INN-LKA-001 added."))
            let unknown = try await session.post(client, "/workshops/dhaka-2017/requests",
                                                 [("source", "hand"), ("need", "NOPE"), ("innovation", "INN-LKA-001"), ("priority", "x")])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("priority: must be a number of 0 or more"))
            let missing = try await session.post(client, "/workshops/dhaka-2017/requests", [("source", "hand"), ("need", "NOPE"), ("innovation", "INN-LKA-001")])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("need: no need &#39;NOPE&#39;") || missing.text.contains("need: no need 'NOPE'"))
            #expect(missing.text.contains("value=\"NOPE\""), "what was typed is kept")
        }
        let stored = try fixture.stored()
        let added = try #require(stored.input.requests.first { $0.id == "NEED-KHM-001~INN-LKA-001" })
        #expect(added.requester == "KHM" && added.champion == "LKA" && added.priority == 0.25)
        #expect(stored.input.requests.count > 15)
    }

    @Test("Schedule, then the grid shows each meeting, the count next to the bound, delegations and export links")
    func scheduleAndGrid() async throws {
        let fixture = try WorkshopFixture(scheduled: false)
        try await withApp(fixture.database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/workshops/dhaka-2017", as: .organiser)
            let scheduled = try await session.post(client, "/workshops/dhaka-2017/schedule", [])
            #expect(scheduled.status == .seeOther)
            let page = try await session.get(client, "/workshops/dhaka-2017?scheduled=1").text
            #expect(page.contains("<strong>14</strong> of 14 requests scheduled; upper bound <strong>14</strong>"))
            let stored = try fixture.stored()
            let schedule = try #require(stored.schedule)
            for assignment in schedule.assignments { #expect(page.contains("data-request=\"\(assignment.request)\""), "\(assignment.request) in the grid") }
            #expect(page.contains("Day 1 · Sunday 14 May") && page.contains("Day 2 · Monday 15 May"))
            #expect(page.contains("<th scope=\"col\" dir=\"auto\">Meghna Room</th>"))
            #expect(page.contains("href=\"/workshops/dhaka-2017/agenda.ics\""))
            #expect(page.contains("href=\"/workshops/dhaka-2017/delegations/BTN\""))
            #expect(page.contains("href=\"/workshops/dhaka-2017/agenda.csv?delegation=BTN\""))
            for id in ["move-request", "move-slot", "move-table", "swap-first", "swap-second", "request-need", "request-innovation",
                       "request-priority", "import-report"] {
                #expect(page.contains("id=\"\(id)\""), "control \(id)")
            }
            #expect(page.contains(">Move</button>") && page.contains(">Swap</button>"))
            #expect(page.contains("<a href=\"/workshops\" aria-current=\"page\">Workshops</a>"))
            let list = try await session.get(client, "/workshops").text
            #expect(list.contains("href=\"/workshops/dhaka-2017\""))
            #expect(list.contains("14 (bound 14)"))
            #expect(list.contains("14 May 2017 to 15 May 2017"))
            #expect(list.contains(">New workshop</a>"))
        }
    }

    @Test("A conflicting move is refused with its reason and status 409, and nothing changes")
    func moveRefused() async throws {
        let fixture = try WorkshopFixture()
        let before = try fixture.stored()
        // R02 is pinned to the first slot at T1: moving R01 there is refused.
        try await withApp(fixture.database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/workshops/dhaka-2017", as: .organiser)
            let refused = try await session.post(client, "/workshops/dhaka-2017/move", [("request", "R01"), ("slot", "0"), ("table", "T1")])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("Refused: R01 cannot move to Sunday 14 May, 9:00 at Table 1:"))
            let unknown = try await session.post(client, "/workshops/dhaka-2017/move", [("request", "R01"), ("slot", "x"), ("table", "T1")])
            #expect(unknown.status == .unprocessableContent)
            let same = try await session.post(client, "/workshops/dhaka-2017/swap", [("first", "R01"), ("second", "R01")])
            #expect(same.status == .conflict)
            #expect(same.text.contains("R01 cannot be swapped with itself"))
        }
        let after = try fixture.stored()
        #expect(after.schedule == before.schedule)
        #expect(after.input == before.input)
    }

    @Test("A move and a swap that fit are stored and pinned; pin and unpin; scheduling again keeps the pins")
    func moveSwapPin() async throws {
        let fixture = try WorkshopFixture()
        let stored = try fixture.stored()
        let schedule = try #require(stored.schedule)
        // A free place for R03 and a pair of meetings that can be swapped, found with the core's editor.
        var move: (Int, String)?
        search: for slot in stored.plan.slots.indices.reversed() {
            for table in stored.plan.workshop.tables where (try? AgendaEditor.move("R03", toSlot: slot, table: table.id, in: schedule, plan: stored.plan).get()) != nil {
                if schedule.assignment(of: "R03").map({ $0.slot == slot && $0.table == table.id }) == true { continue }
                move = (slot, table.id); break search
            }
        }
        let (slot, table) = try #require(move)
        try await withApp(fixture.database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/workshops/dhaka-2017", as: .organiser)
            let moved = try await session.post(client, "/workshops/dhaka-2017/move", [("request", "R03"), ("slot", String(slot)), ("table", table)])
            #expect(moved.status == .seeOther)
            #expect(moved.headers[.location] == "/workshops/dhaka-2017?saved=1")
        }
        let afterMove = try fixture.stored()
        #expect(afterMove.schedule?.assignment(of: "R03") == Assignment(request: "R03", slot: slot, table: table))
        #expect(afterMove.plan.request("R03")?.pin?.table == table)
        let movedSchedule = try #require(afterMove.schedule)
        let ids = movedSchedule.assignments.map(\.request).filter { $0 != "R03" && $0 != "R02" }
        var pair: (String, String)?
        find: for a in ids { for b in ids where a < b {
            if (try? AgendaEditor.swap(a, b, in: movedSchedule, plan: afterMove.plan).get()) != nil { pair = (a, b); break find }
        } }
        let (first, second) = try #require(pair)
        try await withApp(fixture.database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/workshops/dhaka-2017", as: .organiser)
            #expect(try await session.post(client, "/workshops/dhaka-2017/swap", [("first", first), ("second", second)]).status == .seeOther)
            #expect(try await session.post(client, "/workshops/dhaka-2017/unpin", [("request", "R03")]).status == .seeOther)
            #expect(try await session.post(client, "/workshops/dhaka-2017/pin", [("request", "R05")]).status == .seeOther)
            #expect(try await session.post(client, "/workshops/dhaka-2017/schedule", []).status == .seeOther)
        }
        let final = try fixture.stored()
        let finalSchedule = try #require(final.schedule)
        #expect(finalSchedule.assignment(of: first).map { "\($0.slot) \($0.table)" } == movedSchedule.assignment(of: second).map { "\($0.slot) \($0.table)" })
        #expect(finalSchedule.assignment(of: second).map { "\($0.slot) \($0.table)" } == movedSchedule.assignment(of: first).map { "\($0.slot) \($0.table)" })
        #expect(final.plan.request("R03")?.pin == nil)
        let r05 = try #require(movedSchedule.assignment(of: "R05"))
        #expect(finalSchedule.assignment(of: "R05") == r05, "the pinned meeting stayed where it was")
        #expect(final.plan.request("R05")?.pin?.table == r05.table)
        let actions = try fixture.workshops.catalogue.auditLog(AuditFilter(subjectKind: "workshop", perPage: 100), actor: .commandLine).entries.map(\.action)
        for action in ["workshop.move", "workshop.swap", "workshop.pin", "workshop.unpin"] { #expect(actions.contains(action)) }
    }

    @Test("A focal point may read the workshop but sees no form and cannot change it; anonymous visitors are sent to sign in")
    func roles() async throws {
        let fixture = try WorkshopFixture()
        try await withApp(fixture.database, as: nil) { client in
            let focal = try await FormSession.start(client, at: "/workshops/dhaka-2017", as: .focalBEN)
            let page = try await focal.get(client, "/workshops/dhaka-2017")
            #expect(page.status == .ok)
            #expect(!page.text.contains("id=\"move-form\"") && !page.text.contains(">Schedule</button>"))
            #expect(page.text.contains("<a href=\"/workshops\" aria-current=\"page\">Workshops</a>"))
            #expect(!(try await focal.get(client, "/workshops").text.contains(">New workshop</a>")))
            #expect(try await focal.post(client, "/workshops/dhaka-2017/schedule", []).status == .forbidden)
            let anonymous = try await client.execute(uri: "/workshops/dhaka-2017", method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/sign-in?next=%2Fworkshops%2Fdhaka-2017")
            #expect(!(try await client.execute(uri: "/", method: .get).text.contains("href=\"/workshops\"")))
            let missing = try await focal.get(client, "/workshops/nope")
            #expect(missing.status == .notFound)
        }
    }
}
