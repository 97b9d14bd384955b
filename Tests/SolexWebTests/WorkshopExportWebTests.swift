import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

/// The golden agenda fixtures of the core (Tests/Fixtures/agenda).
private enum GoldenAgenda {
    static let folder = Repository.root.appendingPathComponent("Tests/Fixtures/agenda")
    static func read(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }
}

@Suite("Workshop exports and printable agendas", .serialized)
struct WorkshopExportWebTests {
    static let formats: [(String, String, String)] = [
        ("ics", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR"), ("xml", "application/xml; charset=utf-8", "<schedule"),
        ("json", "application/json; charset=utf-8", "\"schedule\""), ("csv", "text/csv; charset=utf-8", "request,day,date"),
        ("html", "text/html; charset=utf-8", "<!DOCTYPE html>"),
    ]

    @Test("Each export has its content type, a file name, and the same text as the service; a delegation's has only its meetings",
          arguments: formats.map(\.0))
    func exports(ext: String) async throws {
        let fixture = try WorkshopFixture()
        let stored = try fixture.stored()
        let schedule = try #require(stored.schedule)
        let (_, type, start) = try #require(Self.formats.first { $0.0 == ext })
        try await withApp(fixture.database, as: .focalBEN) { client in
            let whole = try await client.execute(uri: "/workshops/dhaka-2017/agenda.\(ext)", method: .get)
            #expect(whole.status == .ok)
            #expect(whole.headers[.contentType] == type)
            let disposition = ext == "html" ? "inline" : "attachment"
            #expect(whole.headers[.contentDisposition] == "\(disposition); filename=\"dhaka-2017-agenda.\(ext)\"")
            #expect(whole.text.contains(start), "\(ext) starts as expected")
            let btn = try await client.execute(uri: "/workshops/dhaka-2017/agenda.\(ext)?delegation=btn", method: .get)
            #expect(btn.status == .ok)
            #expect(btn.headers[.contentDisposition] == "\(disposition); filename=\"dhaka-2017-agenda-BTN.\(ext)\"")
            let mine = schedule.assignments.filter { stored.plan.request($0.request)?.involves("BTN") == true }.map(\.request)
            let others = schedule.assignments.map(\.request).filter { !mine.contains($0) }
            #expect(!mine.isEmpty)
            switch ext {
            case "csv":
                let rows = btn.text.split(separator: "\r\n").dropFirst()
                #expect(rows.map { String($0.split(separator: ",")[0]) }.sorted() == mine.sorted())
                #expect(whole.text == (try fixture.workshops.export("dhaka-2017", format: .csv, actor: .commandLine)))
            case "ics":
                #expect(btn.text.components(separatedBy: "BEGIN:VEVENT").count - 1
                        == mine.count + stored.plan.workshop.sessions.filter { $0.delegations.contains("BTN") }.count)
                for id in mine { #expect(btn.text.contains("UID:" + StableUUID.agenda("dhaka-2017", "meeting", id))) }
                for id in others { #expect(!btn.text.contains("UID:" + StableUUID.agenda("dhaka-2017", "meeting", id)), "\(id) is not BTN's") }
            case "html":
                for id in mine { #expect(btn.text.contains(try #require(Self.counterpartLine(stored, id, "BTN")))) }
                #expect(btn.text.contains("id=\"delegation-BTN\"") && !btn.text.contains("id=\"delegation-BGD\""))
                #expect(whole.text.contains("class=\"data agenda-grid\""))
                // The page's style sheet is allowed by its hash, nothing else.
                let policy = try #require(whole.headers[.contentSecurityPolicy])
                #expect(policy.contains("style-src 'sha256-") && policy.contains("default-src 'none'"))
            default:
                for id in mine { #expect(btn.text.contains(StableUUID.agenda("dhaka-2017", "meeting", id))) }
                for id in others { #expect(!btn.text.contains(StableUUID.agenda("dhaka-2017", "meeting", id)), "\(id) is not BTN's") }
            }
            #expect(try await client.execute(uri: "/workshops/dhaka-2017/agenda.\(ext)?delegation=XYZ", method: .get).status == .notFound)
        }
    }

    /// How a meeting's counterpart is shown on a delegation's page.
    static func counterpartLine(_ stored: StoredWorkshop, _ request: String, _ code: String) -> String? {
        guard let request = stored.plan.request(request) else { return nil }
        let other = request.counterpart(of: code)
        return "(\(other))</td>"
    }

    @Test("Exports of a workshop never scheduled are refused with the reason (409)")
    func notScheduled() async throws {
        let fixture = try WorkshopFixture(scheduled: false)
        try await withApp(fixture.database, as: .organiser) { client in
            for ext in ["ics", "xml", "json", "csv", "html"] {
                let response = try await client.execute(uri: "/workshops/dhaka-2017/agenda.\(ext)", method: .get)
                #expect(response.status == .conflict)
                #expect(response.text.contains("the workshop has no schedule"))
            }
        }
    }

    @Test("agenda.html is the same file as the shared renderer gives the command line; every delegation on its own page")
    func htmlSharedWithCommandLine() async throws {
        let fixture = try WorkshopFixture()
        let stored = try fixture.stored()
        let labels = try fixture.workshops.labels(for: stored.input)
        for (query, selection) in [("", AgendaPrintSelection.grid), ("?delegation=all", .allDelegations), ("?delegation=NPL", .delegation("NPL"))] {
            let file = try await AgendaPrintPage.html(stored, labels: labels, selection: selection, webDirectory: Repository.web)
            try await withApp(fixture.database, as: .organiser) { client in
                let response = try await client.execute(uri: "/workshops/dhaka-2017/agenda.html\(query)", method: .get)
                #expect(response.text == file, "agenda.html\(query)")
            }
            if selection == .allDelegations {
                #expect(file.components(separatedBy: "<section class=\"delegation-agenda\"").count - 1 == stored.plan.delegations.count)
                #expect(file.contains(".delegation-agenda { break-after: page;"), "print CSS: one page per delegation")
                #expect(file.contains("@media print"))
            }
        }
    }

    @Test("A delegation's printable page lists its meetings in time order with time, counterpart, innovation and table")
    func delegationPage() async throws {
        let fixture = try WorkshopFixture()
        let stored = try fixture.stored()
        let schedule = try #require(stored.schedule)
        let english = Localizer(language: .en, messages: [:])
        try await withApp(fixture.database, as: .focalBEN) { client in
            let response = try await client.execute(uri: "/workshops/dhaka-2017/delegations/npl", method: .get)
            #expect(response.status == .ok)
            let page = response.text
            #expect(page.contains("<link rel=\"stylesheet\" href=\"/static/solex.css\">"))
            #expect(page.contains("href=\"/workshops/dhaka-2017\""), "a way back to the workshop")
            #expect(page.contains("Nepal (NPL)"))
            let meetings = schedule.assignments.filter { stored.plan.request($0.request)?.involves("NPL") == true }.sorted { $0.slot < $1.slot }
            var position = page.startIndex
            for meeting in meetings {
                let slot = stored.plan.slots[meeting.slot]
                let row = "<tr><td class=\"nowrap\">\(english.weekdayAndDay(iso: slot.date))</td><td class=\"nowrap\">\(english.times(slot.start, slot.end))</td>"
                let found = try #require(page.range(of: row, range: position..<page.endIndex), "meeting \(meeting.request) in time order")
                position = found.upperBound
                let table = try #require(stored.plan.table(meeting.table)).name
                #expect(page[found.upperBound...].prefix(600).contains("<td>\(table)</td>"))
            }
            #expect(try await client.execute(uri: "/workshops/dhaka-2017/delegations/XYZ", method: .get).status == .notFound)
        }
    }

    @Test("The printable agenda of the fixture workshop equals its golden files (grid and BGD)")
    func golden() async throws {
        let input = try AgendaInput.decode(GoldenAgenda.read("workshop.json")).get()
        let plan = try input.plan().get()
        let schedule = try JSONDecoder().decode(Schedule.self, from: GoldenAgenda.read("result.json"))
        let labels = try JSONDecoder().decode(AgendaLabels.self, from: GoldenAgenda.read("labels.json"))
        let pages = try PageRenderer(webDirectory: Repository.web)
        let updating = ProcessInfo.processInfo.environment["SOLEX_UPDATE_GOLDEN"] == "1"
        for (name, selection) in [("all.html", AgendaPrintSelection.grid), ("BGD.html", .delegation("BGD"))] {
            // A fixed style sheet, so that a change of solex.css does not change the golden files.
            let html = AgendaPrintPage.render(pages, plan: plan, schedule: schedule, labels: labels, selection: selection,
                                              inlineStyle: "/* solex.css */")
            if updating { try Data(html.utf8).write(to: GoldenAgenda.folder.appendingPathComponent(name)) }
            #expect(Data(html.utf8) == (try GoldenAgenda.read(name)), "\(name) differs from its golden file")
        }
    }
}
