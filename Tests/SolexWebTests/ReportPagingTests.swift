import Foundation
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

@Suite("A long match report, page by page")
struct ReportPagingTests {
    /// The demo catalogue with six copies of each demo need (126 needs), and a stored report (top 2) over it.
    static func withLongReport() throws -> (AppDatabase, Int64, MatchReport) {
        let database = try demoDatabase()
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let lines = try String(contentsOf: Repository.root.appendingPathComponent("Seeds/demo/needs.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        var copies: [String] = []
        for copy in 1...6 {
            for line in lines {
                var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                object["ref"] = "\(object["ref"] as? String ?? "")-COPY\(copy)"
                copies.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("solex-report-paging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("needs.jsonl")
        try copies.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        _ = try catalogue.importFile(.need, from: file, format: .jsonl, actor: .commandLine)
        let reports = MatchReports(catalogue: catalogue)
        let id = try reports.run(name: "Long run", parameters: ReportParameters(top: 2), actor: .commandLine)
        return (database, id, try reports.require(id))
    }

    static func needSections(_ page: String) -> Int { page.components(separatedBy: "<section class=\"report-need\"").count - 1 }

    @Test("50 needs a page in the report's order, with links to the others; the printable page keeps every need")
    func pages() async throws {
        let (database, id, report) = try Self.withLongReport()
        let needs = report.byNeed
        #expect(needs.count == 126)
        try await withApp(database, as: .secretariat) { client in
            let first = try await client.execute(uri: "/reports/\(id)", method: .get) { $0 }
            #expect(first.status == .ok)
            #expect(Self.needSections(first.text) == 50)
            #expect(first.text.contains("Needs 1 to 50 of 126"))
            #expect(first.text.contains("id=\"need-\(needs[0][0].needRef)\"") && first.text.contains("id=\"need-\(needs[49][0].needRef)\""))
            #expect(!first.text.contains("id=\"need-\(needs[50][0].needRef)\""))
            #expect(first.text.contains("<nav class=\"pagination\" aria-label=\"Pages of needs\">"))
            #expect(first.text.contains("<a href=\"/reports/\(id)\" aria-current=\"page\">1</a>"))
            #expect(first.text.contains("<a href=\"/reports/\(id)?page=2\" rel=\"next\">"))

            let last = try await client.execute(uri: "/reports/\(id)?page=3", method: .get) { $0 }
            #expect(last.status == .ok)
            #expect(Self.needSections(last.text) == 26)
            #expect(last.text.contains("Needs 101 to 126 of 126"))
            #expect(last.text.contains("id=\"need-\(needs[125][0].needRef)\""))
            #expect(last.text.contains("<a href=\"/reports/\(id)?page=2\" rel=\"prev\">") && !last.text.contains("rel=\"next\""))

            let print = try await client.execute(uri: "/reports/\(id)/print", method: .get) { $0 }
            #expect(Self.needSections(print.text) == 126)
            #expect(try await client.execute(uri: "/reports/\(id)?page=", method: .get) { Self.needSections($0.text) } == 50, "empty: the first page")
            #expect(!print.text.contains("Needs 1 to") && !print.text.contains("class=\"pagination\""))
        }
    }

    @Test("A page that the report does not have is a 400 page that says which pages there are",
          arguments: ["4", "0", "-1", "two", "2.5"])
    func badPage(page: String) async throws {
        let (database, id, _) = try Self.withLongReport()
        try await withApp(database, as: .secretariat) { client in
            let response = try await client.execute(uri: "/reports/\(id)?page=\(page)", method: .get) { $0 }
            #expect(response.status == .badRequest)
            #expect(response.text.contains("This report has no page \(page) of needs: its needs fill pages 1 to 3."))
        }
    }

    @Test("A status saved for a need on page 2 comes back to page 2, at the pair")
    func statusOnSecondPage() async throws {
        let (database, id, report) = try Self.withLongReport()
        let pair = report.byNeed[60][0]
        try await withApp(database, as: .secretariat) { client in
            let session = try await FormSession.start(client, at: "/reports/\(id)?page=2")
            let form = try await session.get(client, "/reports/\(id)?page=2")
            #expect(form.text.contains("<input type=\"hidden\" name=\"page\" value=\"2\">"), "the form says which page it is on")
            let saved = try await session.post(client, "/pairs/status", [
                ("need", pair.needRef), ("innovation", pair.innovationRef), ("report", "\(id)"), ("page", "2"), ("status", "contacted"),
            ])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/reports/\(id)?page=2&status=1#pair-\(pair.needRef)-\(pair.innovationRef)")
            let refused = try await session.post(client, "/pairs/status", [
                ("need", pair.needRef), ("innovation", pair.innovationRef), ("report", "\(id)"), ("status", "partnership_started"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Needs 51 to 100 of 126"), "the page that shows the need")
            let other = report.byNeed[61][0]
            for junk in ["x", "0", "1", "999999999"] {
                let back = try await session.post(client, "/pairs/status", [
                    ("need", other.needRef), ("innovation", other.innovationRef), ("report", "\(id)"), ("page", junk), ("status", "contacted"),
                ])
                #expect(back.headers[.location] == "/reports/\(id)?status=1#pair-\(other.needRef)-\(other.innovationRef)", "page \(junk)")
            }
            #expect(refused.text.contains("id=\"status-\(pair.needRef)-\(pair.innovationRef)-error\""))
        }
    }
}
