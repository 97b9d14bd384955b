import Foundation
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

@Suite("Match report pages and API")
struct ReportWebTests {
    /// A demo database with one stored report (top 3) and its id.
    static func withReport() throws -> (AppDatabase, Int64) {
        let database = try demoDatabase()
        let reports = MatchReports(catalogue: Catalogue(database: database, reference: try database.referenceData()))
        let id = try reports.run(name: "Demo run", parameters: ReportParameters(top: 3), actor: .commandLine)
        return (database, id)
    }

    @Test("The reports page lists runs and offers every parameter with the CSRF field; Reports is the current section")
    func reportsPage() async throws {
        let (database, id) = try Self.withReport()
        try await withApp(database, as: .secretariat) { client in
            try await client.execute(uri: "/reports", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("<a href=\"/reports\" aria-current=\"page\">Reports</a>"))
                #expect(page.contains("href=\"/reports/\(id)\""))
                #expect(page.contains("Demo run"))
                #expect(page.contains("name=\"_csrf\""))
                for control in ["name", "weight_text", "weight_themes", "weight_sdg", "weight_tags", "weight_evidence", "weight_scale",
                                "weight_language", "weight_proximity", "minimum_score", "top", "themes", "regions", "countries",
                                "evidence", "capacity_per_innovation", "capacity_per_need"] {
                    #expect(page.contains("name=\"\(control)\""), "control \(control)")
                }
                #expect(page.contains("<option value=\"142\">Asia</option>"))
                #expect(page.contains("value=\"0.9\""), "the default text weight is filled in")
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("<a href=\"/reports\">Reports</a>"))
            }
        }
    }

    @Test("A run with bad fields comes back with each message next to its field and the typed values kept; nothing is stored")
    func badRun() async throws {
        let database = try demoDatabase()
        try await withApp(database, as: .secretariat) { client in
            let session = try await FormSession.start(client, at: "/reports")
            let response = try await session.post(client, "/reports", [
                ("name", "Kept name"), ("weight_text", "lots"), ("top", "0"), ("themes", "health"), ("countries", "XXX"),
                ("capacity_per_need", "-2"),
            ])
            #expect(response.status == .unprocessableContent)
            let page = response.text
            #expect(page.contains("Please fix these problems"))
            #expect(page.contains("id=\"field-weight_text-error\""))
            #expect(page.contains("must be a number of 0 or more"))
            #expect(page.contains("id=\"field-top-error\""))
            #expect(page.contains("must be a whole number from 1 to 100"))
            #expect(page.contains("id=\"field-countries-error\""))
            #expect(page.contains("id=\"field-capacity_per_need-error\""))
            #expect(page.contains("href=\"#field-weight_text\""))
            #expect(page.contains("value=\"Kept name\""))
            #expect(page.contains("value=\"lots\""))
            #expect(page.contains("<option value=\"health\" selected>"))
        }
        #expect(try MatchReports(catalogue: Catalogue(database: database, reference: try database.referenceData())).list().isEmpty)
    }

    @Test("A good run redirects to the stored report, whose page explains every pair")
    func goodRun() async throws {
        try await withApp { client in
            let session = try await FormSession.start(client, at: "/reports")
            let response = try await session.post(client, "/reports", [
                ("name", "Africa, evaluated"), ("weight_text", "0.8"), ("weight_themes", "0.2"), ("top", "2"), ("regions", "2"),
                ("capacity_per_innovation", "1"), ("capacity_per_need", ""),
            ])
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/reports/") && location.hasSuffix("?saved=1"))
            try await client.execute(uri: location, method: .get) { page in
                #expect(page.status == .ok)
                let text = page.text
                #expect(text.contains("Report stored."))
                #expect(text.contains("Africa, evaluated"))
                #expect(text.contains("Regions of the needs</dt><dd>Africa"))
                #expect(text.contains("Capacity per innovation</dt><dd>1 need<"))
                #expect(text.contains("Contributions</dt>"))
                #expect(text.contains("Text 0."))
                #expect(text.contains("Shared words</dt>"))
                #expect(text.contains("South-South") || text.contains("Triangular"))
                #expect(text.contains("class=\"badge assigned\""))
                #expect(text.contains("action=\"/pairs/status\""))
                #expect(text.contains("badge pair-status-proposed"))
                #expect(!text.contains("NEED-BTN-001"), "a need outside Africa is not in the report")
            }
        }
    }

    @Test("Exports have the right content types and content; the printable page has no forms",
          arguments: [
              ("export.csv", "text/csv; charset=utf-8", "report,need,need_title"),
              ("export.json", "application/json", "\"pairs\":["),
              ("print", "text/html; charset=utf-8", "Solex · match report"),
          ])
    func exports(path: String, contentType: String, content: String) async throws {
        let (database, id) = try Self.withReport()
        try await withApp(database, as: .secretariat) { client in
            try await client.execute(uri: "/reports/\(id)/\(path)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == contentType)
                #expect(response.text.contains(content))
                if path == "print" {
                    #expect(!response.text.contains("<form"))
                    #expect(response.text.contains("Shared words"))
                } else {
                    #expect(response.headers[.contentDisposition] == "attachment; filename=\"solex-report-\(id).\(path.dropFirst(7))\"")
                }
                if path == "export.csv" { #expect(response.text.contains("contribution_text,contribution_themes")) }
            }
        }
    }

    @Test("Forms without the CSRF token are refused with 403", arguments: ["/reports", "/pairs/status"])
    func csrf(path: String) async throws {
        let (database, id) = try Self.withReport()
        try await withApp(database, as: .secretariat) { client in
            let session = try await FormSession.start(client, at: "/reports")
            let response = try await session.post(client, path, [("top", "2"), ("need", "NEED-BEN-001"), ("innovation", "INN-KEN-001"),
                                                                 ("status", "contacted"), ("report", "\(id)")], token: "")
            #expect(response.status == .forbidden)
        }
        let reports = MatchReports(catalogue: Catalogue(database: database, reference: try database.referenceData()))
        #expect(try reports.list().count == 1)
        #expect(try reports.status(need: "NEED-BEN-001", innovation: "INN-KEN-001") == nil)
    }

    @Test("A pair's status changes from the report page; a move that is not allowed is shown next to the pair")
    func pairStatus() async throws {
        let (database, id) = try Self.withReport()
        let reports = MatchReports(catalogue: Catalogue(database: database, reference: try database.referenceData()))
        let pair = try #require(try reports.require(id).pairs.first)
        try await withApp(database, as: .secretariat) { client in
            let session = try await FormSession.start(client, at: "/reports/\(id)")
            let saved = try await session.post(client, "/pairs/status", [
                ("need", pair.needRef), ("innovation", pair.innovationRef), ("report", "\(id)"), ("status", "contacted"),
                ("note", "Met at <the> forum"),
            ])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/reports/\(id)?status=1#pair-\(pair.needRef)-\(pair.innovationRef)")
            try await client.execute(uri: "/reports/\(id)?status=1", method: .get) { page in
                #expect(page.text.contains("Status saved."))
                #expect(page.text.contains("badge pair-status-contacted\">Contacted"))
                #expect(page.text.contains("Met at &lt;the&gt; forum"))
            }
            let refused = try await session.post(client, "/pairs/status", [
                ("need", pair.needRef), ("innovation", pair.innovationRef), ("report", "\(id)"), ("status", "partnership_started"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("The status cannot go from Contacted to Partnership started; allowed: Proposed, Contacted, Accepted, Declined."))
            #expect(refused.text.contains("id=\"status-\(pair.needRef)-\(pair.innovationRef)-error\""))
            let unknown = try await session.post(client, "/pairs/status", [
                ("need", "NOPE"), ("innovation", pair.innovationRef), ("report", "\(id)"), ("status", "contacted"),
            ])
            #expect(unknown.status == .notFound)
        }
        #expect(try reports.status(need: pair.needRef, innovation: pair.innovationRef)?.status == .contacted)
    }

    @Test("Two reports compared on a page: new, dropped and moved pairs")
    func diffPage() async throws {
        let (database, first) = try Self.withReport()
        let reports = MatchReports(catalogue: Catalogue(database: database, reference: try database.referenceData()))
        let second = try reports.run(parameters: ReportParameters(top: 5), actor: .commandLine)
        try await withApp(database, as: .secretariat) { client in
            try await client.execute(uri: "/reports/diff?from=\(first)&to=\(second)", method: .get) { response in
                #expect(response.status == .ok)
                let added = try reports.diff(from: first, to: second).diff.added.count
                #expect(response.text.contains("New pairs (\(added))"))
                #expect(response.text.contains("Dropped pairs (0)"))
                #expect(response.text.contains("Moved pairs (0)"))
            }
            try await client.execute(uri: "/reports/diff?from=\(first)&to=999", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/reports/diff?from=x", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/reports/999", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/reports/abc", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("The OpenAPI document describes the report parameters, with the capacities")
    func openAPI() throws {
        let reference = try demoDatabase().referenceData()
        let text = OpenAPIDocument.make(reference: reference, currentYear: 2026).text
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let properties = try #require(schemas["ReportParameters"]?["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(ReportParameters.jsonKeys))
        let run = try #require(schemas["ReportRun"]?["properties"] as? [String: Any])
        #expect(run["name"] != nil && run["capacity_per_need"] != nil)
        for name in ["ReportSummary", "ReportList", "Report", "ReportPair", "ReportDiff"] { #expect(schemas[name] != nil, "\(name)") }
    }

    @Test("The JSON API runs, lists, shows and compares reports; bad parameters are a 422 problem naming each field")
    func api() async throws {
        let (database, first) = try Self.withReport()
        try await withApp(database, as: .secretariat) { client in
            let created = try await sendJSON(client, "/api/v1/reports", .post,
                                             #"{"name": "API run", "top": 2, "weights": {"themes": 0.2}, "evidence": ["evaluated", "experimental"]}"#)
            #expect(created.status == .created)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: Any])
            let id = try #require(object["id"] as? Int)
            #expect(created.headers[.location] == "/api/v1/reports/\(id)")
            #expect(object["name"] as? String == "API run")
            #expect((object["parameters"] as? [String: Any])?["evidence"] as? [String] == ["evaluated", "experimental"])

            let invalid = try await sendJSON(client, "/api/v1/reports", .post, #"{"top": 0, "themes": ["space"], "colour": 1}"#)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.headers[.contentType] == "application/problem+json")
            let problem = try #require(try JSONSerialization.jsonObject(with: Data(buffer: invalid.body)) as? [String: Any])
            let fields = (problem["errors"] as? [[String: String]])?.compactMap { $0["field"] }
            #expect(fields == ["colour", "top", "themes"])
            let notJSON = try await client.execute(uri: "/api/v1/reports", method: .post, headers: [.contentType: "text/plain"],
                                                   body: ByteBuffer(string: "top=2"))
            #expect(notJSON.status == .unsupportedMediaType)

            try await client.execute(uri: "/api/v1/reports", method: .get) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect((list["reports"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [id, Int(first)])
            }
            try await client.execute(uri: "/api/v1/reports/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.text.contains("\"shared_terms\""))
            }
            try await client.execute(uri: "/api/v1/reports/\(first)/diff/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let diff = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(diff["added"] is [Any] && diff["dropped"] is [Any] && diff["moved"] is [Any] && diff["unchanged"] is Int)
            }
            try await client.execute(uri: "/api/v1/reports/999", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/api/v1/reports/\(first)/diff/999", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
