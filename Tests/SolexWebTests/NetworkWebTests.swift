import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

@Suite("Network pages and API: the same numbers in pages, CSV and JSON; forms; role rules", .serialized)
struct NetworkWebTests {
    /// The cells of a CSV line, quotes understood (enough for the exports' rows).
    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { cell.append("\""); characters.removeFirst() } else { quoted = false }
                } else { cell.append(character) }
            } else if character == "\"" { quoted = true
            } else if character == "," { cells.append(cell); cell = ""
            } else { cell.append(character) }
        }
        cells.append(cell)
        return cells
    }

    @Test("SDG map: the page, the CSV and the JSON give goal 16 and target 17.19 the same numbers, filtered alike")
    func mapNumbers() async throws {
        try await withApp(try networkDemoDatabase(), as: nil) { client in
            for query in ["", "?region=142", "?theme=digital-government", "?region=2&theme=civil-registration"] {
                let api = try json(try await client.execute(uri: "/api/v1/sdg-map" + query, method: .get))
                let goals = try #require(api["goals"] as? [[String: Any]])
                #expect(goals.count == 17)
                let goal16 = try #require(goals.first { $0["goal"] as? Int == 16 })
                let (supply, demand, gap) = (goal16["supply"] as? Int ?? -1, goal16["demand"] as? Int ?? -1, goal16["gap"] as? Int ?? -99)
                #expect(gap == demand - supply)
                let csv = try await client.execute(uri: "/sdg-map.csv" + query, method: .get)
                #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
                let row = try #require(csv.text.split(separator: "\n").map(Self.cells).first { $0.count == 9 && $0[2] == "goal" && $0[3] == "16" })
                #expect(row.suffix(3) == [String(supply), String(demand), String(gap)], "\(query)")
                let page = try await client.execute(uri: "/sdg-map" + query, method: .get)
                #expect(page.status == .ok)
                let signed = gap > 0 ? "+\(gap)" : gap < 0 ? "−\(-gap)" : "0"
                #expect(page.text.contains("16. Peace, justice and strong institutions</a></th><td class=\"num\">\(supply)</td><td class=\"num\">\(demand)</td><td class=\"num\">\(signed)</td>"),
                        "\(query)")
            }
            let goal = try await client.execute(uri: "/sdg-map/17", method: .get)
            #expect(goal.text.contains("<td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\">+1</td>"), "target 17.19")
            #expect(goal.text.contains("NEED-KHM-001") && goal.text.contains("NEED-MDG-001") && !goal.text.contains("NEED-FJI-001"))
            #expect(goal.text.contains("role=\"img\""))
            #expect(try await client.execute(uri: "/sdg-map/18", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/sdg-map?region=not-a-region&theme=%3Cscript%3E", method: .get).status == .ok)
        }
    }

    @Test("an adoption: the page, the CSV and the JSON show the same baseline, target, latest, progress and improvement")
    func adoptionNumbers() async throws {
        try await withApp(try networkDemoDatabase(), as: nil) { client in
            let api = try json(try await client.execute(uri: "/api/v1/adoptions/1", method: .get))
            let indicators = try #require(api["indicators"] as? [[String: Any]])
            let days = try #require(indicators.first)
            #expect(days["baseline"] as? Double == 21 && days["target"] as? Double == 5 && days["latest"] as? Double == 4)
            #expect(days["progress"] as? Double == 17.0 / 16 && days["progress_display"] as? Double == 1 && days["reduction"] as? Bool == true)
            let csv = try await client.execute(uri: "/adoptions.csv", method: .get)
            let row = try #require(csv.text.split(separator: "\n").map(Self.cells).first { $0.first == "1" && $0[8] == "1" })
            #expect(Array(row[12...18]) == ["21", "5", "4", "2024-09-30", "3", "1.0625", "0.8095"])
            let page = try await client.execute(uri: "/adoptions/1", method: .get)
            #expect(page.text.contains("<td class=\"num\">21</td><td class=\"num\">5</td><td class=\"num\">4</td><td class=\"nowrap\">30 September 2024</td><td class=\"num\">106%</td><td class=\"num\">81%</td>"))
            #expect(page.text.contains("<meter id=\"indicator-1-meter\" min=\"0\" max=\"100\" value=\"100\">106%</meter>"))
            #expect(page.text.components(separatedBy: "role=\"img\"").count - 1 == 4, "one chart per indicator")
            #expect(!page.text.contains("Add a measurement"), "no forms for a visitor")
            let list = try await client.execute(uri: "/adoptions", method: .get)
            #expect(list.text.contains("<tr><th scope=\"row\">Time per service</th><td class=\"num\">2</td><td class=\"num\">2</td><td class=\"num\">60%</td></tr>"))
            let summary = try #require(try json(try await client.execute(uri: "/api/v1/adoptions", method: .get))["summary"] as? [String: Any])
            #expect(summary["total"] as? Int == 5)
        }
    }

    @Test("members: directory, page and JSON; focal point addresses for signed-in people only; the secretariat's form")
    func members() async throws {
        let database = try networkDemoDatabase()
        try await withApp(database, as: nil) { client in
            let directory = try await client.execute(uri: "/members", method: .get)
            #expect(directory.text.contains("15 member countries") && !directory.text.contains("action=\"/members\""))
            let benin = try await client.execute(uri: "/members/BEN", method: .get)
            #expect(benin.text.contains("1 focal point account; sign in to see its address.") && !benin.text.contains("focal-ben@test.example"))
            #expect(benin.text.contains("The follow-up of pairs is seen by the secretariat"))
            #expect(try await client.execute(uri: "/members/UGA", method: .get).status == .notFound, "not a member")
            let anonymous = try json(try await client.execute(uri: "/api/v1/members/BEN", method: .get))
            #expect(anonymous["focal_points"] is NSNull && anonymous["focal_point_count"] as? Int == 1 && anonymous["joined"] as? String == "2018-06-14")

            let focal = try await FormSession.start(client, at: "/members/BEN", as: .focalBEN)
            let seen = try await focal.get(client, "/members/BEN")
            #expect(seen.text.contains("focal-ben@test.example") && seen.text.contains("Pairs with a recorded status"))
            #expect(seen.text.contains("Créer des centres de services publics"), "Benin's pairing with Bangladesh")

            let secretariat = try await FormSession.start(client, at: "/members", as: .secretariat)
            let bad = try await secretariat.post(client, "/members", [("country", "UGA"), ("joined", "2021-02-30"), ("note", "<b>x</b>")])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Joined on: must be a date YYYY-MM-DD"))
            #expect(bad.text.contains("&lt;b&gt;x&lt;/b&gt;</textarea>"))
            let good = try await secretariat.post(client, "/members", [("country", "UGA"), ("joined", "2021-02-28")])
            #expect(good.status == .seeOther && good.headers[.location] == "/members?saved=1")
            #expect(try await client.execute(uri: "/members/UGA", method: .get).status == .ok)
            let csv = try await client.execute(uri: "/members.csv", method: .get)
            #expect(csv.text.contains("\nUGA,Uganda,Africa,Sub-Saharan Africa,2021-02-28,0,,0,1,0,\n"))
        }
    }

    @Test("the secretariat removes a member after a question; its entries stay; others see no link and are refused")
    func removeMember() async throws {
        let database = try networkDemoDatabase()
        try await withApp(database, as: nil) { client in
            let country = try await client.execute(uri: "/countries/BEN", method: .get) { String(buffer: $0.body) }
            #expect(country.contains("<dt>Network member</dt>") && country.contains("<dd><a href=\"/members/BEN\">Since "))
            let focal = try await FormSession.start(client, at: "/members/BEN", as: .focalBEN)
            #expect(try await focal.get(client, "/members/BEN").text.contains("/members/BEN/remove") == false)
            #expect(try await focal.post(client, "/members/BEN/remove", []).status == .forbidden)

            let secretariat = try await FormSession.start(client, at: "/members/BEN", as: .secretariat)
            #expect(try await secretariat.get(client, "/members/BEN").text.contains("href=\"/members/BEN/remove\""))
            let question = try await secretariat.get(client, "/members/BEN/remove")
            #expect(question.status == .ok && question.text.contains("Remove Benin (member since") && question.text.contains("action=\"/members/BEN/remove\""))
            #expect(question.text.contains("name=\"_csrf\""))
            #expect(try await secretariat.post(client, "/members/BEN/remove", [], token: "forged").status == .forbidden, "CSRF")
            let removed = try await secretariat.post(client, "/members/BEN/remove", [])
            #expect(removed.status == .seeOther && removed.headers[.location] == "/members?removed=BEN")
            #expect(try await secretariat.get(client, "/members?removed=BEN").text.contains("Benin is no longer a member."))
            #expect(try await client.execute(uri: "/members/BEN", method: .get).status == .notFound)
            #expect(try await secretariat.get(client, "/members/BEN/remove").status == .notFound, "no longer a member")
            #expect(try await client.execute(uri: "/needs/NEED-BEN-001", method: .get).status == .ok, "its entries stay")
            let former = try await client.execute(uri: "/countries/BEN", method: .get) { String(buffer: $0.body) }
            #expect(former.contains("<dt>Network member</dt>\n<dd>No</dd>") && !former.contains("href=\"/members/BEN\""))
        }
    }

    @Test("adoption forms: a focal point of the pair records a stage, an indicator and a measurement; problems are named; others are refused")
    func forms() async throws {
        let database = try networkDemoDatabase()
        try await withApp(database, as: nil) { client in
            let benin = try await FormSession.start(client, at: "/adoptions/3", as: .focalBEN)
            let page = try await benin.get(client, "/adoptions/3")
            #expect(page.text.contains("Record a stage") && page.text.contains("Add an indicator") && page.text.contains("Add a measurement"))
            #expect(try await benin.post(client, "/adoptions/3/stages", [("stage", "pilot"), ("date", "2025-02-01")]).status == .seeOther)
            let back = try await benin.post(client, "/adoptions/3/stages", [("stage", "study_visit"), ("date", "2025-03-01"), ("note", "again")])
            #expect(back.status == .unprocessableContent && back.text.contains("Stage: cannot go from Pilot to Study visit; allowed: Scale-up, Completed, Stopped"))
            #expect(back.text.contains("value=\"2025-03-01\""), "what was typed is kept")
            let indicator = try await benin.post(client, "/adoptions/3/indicators",
                                                 [("name", "Days to register a business"), ("kind", "time"), ("unit", "days"), ("baseline", "12"), ("target", "12")])
            #expect(indicator.status == .unprocessableContent && indicator.text.contains("Target: must differ from the baseline"))
            #expect(try await benin.post(client, "/adoptions/3/indicators",
                                         [("name", "Days to register a business"), ("kind", "time"), ("unit", "days"), ("baseline", "12"), ("target", "2,5")]).status == .seeOther)
            let notNumber = try await benin.post(client, "/adoptions/3/indicators/7/measurements", [("date", "2025-04-01"), ("value", "twelve")])
            #expect(notNumber.status == .unprocessableContent && notNumber.text.contains("Value: must be a number"))
            #expect(try await benin.post(client, "/adoptions/3/indicators/7/measurements", [("date", "2025-04-01"), ("value", "9")]).status == .seeOther)
            #expect(try await benin.post(client, "/adoptions/3/indicators/99/measurements", [("date", "2025-04-01"), ("value", "9")]).status == .notFound)
            // Bhutan's adoption is not Benin's.
            #expect(try await benin.get(client, "/adoptions/1").text.contains("Record a stage") == false)
            #expect(try await benin.post(client, "/adoptions/1/stages", [("stage", "completed"), ("date", "2025-02-01")]).status == .forbidden)
            #expect(try await sendJSON(client, "/api/v1/adoptions/1/stages", .post, "{\"stage\": \"completed\", \"date\": \"2025-02-01\"}", as: .focalNPL).status == .forbidden)
            let nepal = try await sendJSON(client, "/api/v1/adoptions/3/indicators/7/measurements", .post, "{\"date\": \"2025-05-01\", \"value\": 12}", as: .focalNPL)
            #expect(nepal.status == .forbidden)
            // The JSON API as Benin's focal point.
            let measured = try await sendJSON(client, "/api/v1/adoptions/3/indicators/7/measurements", .post, "{\"date\": \"2025-05-01\", \"value\": 12}", as: .focalBEN)
            #expect(measured.status == .created)
            #expect(try json(measured)["latest"] as? Double == 12)
            let invalid = try await sendJSON(client, "/api/v1/adoptions/3/indicators", .post, "{\"name\": \"\", \"kind\": \"speed\", \"unit\": \"x\", \"baseline\": \"1\"}", as: .focalBEN)
            #expect(invalid.status == .unprocessableContent)
            let fields = try #require(try json(invalid)["errors"] as? [[String: String]]).map { $0["field"] ?? "" }
            #expect(fields == ["name", "baseline", "target", "kind"])
        }
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let audit = try catalogue.auditLog(AuditFilter(subjectKind: "adoption", subjectRef: "3"), actor: .commandLine)
        #expect(audit.entries.prefix(4).map(\.action) == ["adoption.measurement", "adoption.measurement", "adoption.indicator", "adoption.stage"])
        #expect(audit.entries.prefix(4).allSatisfy { $0.actor == TestUser.focalBEN.email })
        let adoption = try Adoptions(catalogue: catalogue).require(3)
        #expect(adoption.stage == .pilot && adoption.indicators.count == 2 && adoption.indicators[1].target == 2.5)
    }

    @Test("setting a pair's status to partnership started on the report page creates the adoption, shown in the list")
    func automaticFromPage() async throws {
        let database = try networkDemoDatabase()
        try await withApp(database, as: nil) { client in
            let secretariat = try await FormSession.start(client, at: "/adoptions", as: .secretariat)
            for status in ["contacted", "accepted", "partnership_started"] {
                let response = try await secretariat.post(client, "/pairs/status", [("need", "NEED-UGA-001"), ("innovation", "INN-ZAF-001"), ("status", status)])
                #expect(response.status == .seeOther)
            }
            let list = try await secretariat.get(client, "/adoptions")
            #expect(list.text.contains("/adoptions/6") && list.text.contains("Digital tools for village health teams"))
            let created = try await sendJSON(client, "/api/v1/adoptions", .post, "{\"need\": \"NEED-UGA-001\", \"innovation\": \"INN-ZAF-001\"}")
            #expect(created.status == .conflict, "already an adoption")
        }
    }
}
