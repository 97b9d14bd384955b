import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SolexWeb

@Suite("HTML pages")
struct PagesTests {
    @Test("every page renders with its content", arguments: [
        ("/", "Register an innovation"),
        ("/innovations", "INN-BGD-001"),
        ("/innovations?sort=title&order=desc&page=1", "Innovations"),
        ("/innovations?country=BGD", "Bangladesh"),
        ("/innovations/INN-BGD-001", "Union Digital Centres"),
        ("/innovations/INN-BGD-001/edit", "Save changes"),
        ("/innovations/INN-BGD-001/delete", "cannot be undone"),
        ("/innovations/new", "Register an innovation"),
        ("/needs", "NEED-BEN-001"),
        ("/needs/NEED-BEN-001", "Créer des centres"),
        ("/needs/new", "Register a need"),
        ("/countries", "Bangladesh"),
        ("/countries/BGD", "Southern Asia"),
        ("/themes", "Digital government"),
        ("/themes/civil-registration", "Civil registration"),
        ("/sdgs", "Goal 16"),
        ("/sdgs/16", "16.9"),
    ])
    func pageRenders(uri: String, expected: String) async throws {
        try await withApp { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains(expected))
                #expect(response.text.contains("<nav"))
            }
        }
    }

    @Test("unknown pages and entries answer 404 with an error page", arguments: [
        "/nothing-here", "/innovations/NOPE", "/needs/NOPE/edit", "/countries/XXX", "/themes/unknown", "/sdgs/18", "/sdgs/abc",
    ])
    func notFound(uri: String) async throws {
        try await withApp { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("There is no page at this address"))
            }
        }
    }

    @Test("a list page far past the end renders (no crash) and links back to real pages", arguments: [
        "/innovations?page=999999", "/needs?page=500&per_page=100",
    ])
    func pagePastTheEnd(uri: String) async throws {
        try await withApp { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("page=2") || response.text.contains("href=\"/needs\""))
            }
        }
    }

    @Test("visible page links stay within the pages that exist", arguments: [(1, 1), (3, 10), (500, 4), (-5, 3), (2, 0)])
    func visiblePages(current: Int, count: Int) {
        let pages = PaginationView.visiblePages(current: current, count: count)
        #expect(pages.allSatisfy { (1...max(1, count)).contains($0) })
        #expect(pages.contains(1))
    }

    @Test("bad list parameters answer 400, not 500", arguments: ["/innovations?page=0", "/needs?sort=nope", "/innovations?country=ZZZ"])
    func badListParameters(uri: String) async throws {
        try await withApp { client in
            try await client.execute(uri: uri, method: .get) { response in #expect(response.status == .badRequest) }
        }
    }

    @Test("security headers are on every response", arguments: ["/", "/api/v1/innovations", "/static/solex.css", "/nothing"])
    func securityHeaders(uri: String) async throws {
        try await withApp { client in
            try await client.execute(uri: uri, method: .get) { response in
                let csp = try #require(response.headers[.contentSecurityPolicy])
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
        }
    }

    @Test("text from entries is escaped on every page that shows it")
    func escapesEntryText() async throws {
        let database = try demoDatabase()
        try await withApp(database) { client in
            let payload = "<script>alert(1)</script>"
            let created = try await sendJSON(client, "/api/v1/innovations", .post, innovationJSON(ref: "XSS-1", title: payload))
            #expect(created.status == .created)
            for uri in ["/", "/innovations?sort=updated&order=desc", "/innovations/XSS-1", "/innovations/XSS-1/edit", "/countries/BEN", "/themes/civil-registration"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(!response.text.contains(payload), "raw payload on \(uri)")
                    #expect(response.text.contains("&lt;script&gt;"), "escaped payload missing on \(uri)")
                }
            }
        }
    }

    @Test("the list pages and sorts: ties broken by ref, page links keep the filters")
    func listPaging() async throws {
        try await withApp { client in
            try await client.execute(uri: "/innovations?per_page=5&page=2&theme=digital-government", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("theme=digital-government"))
                #expect(response.text.contains("Showing 6–10 of"))
            }
        }
    }
}

@Test("a need's page lists the innovations that could answer it, from other countries, with reasons")
func needProposals() async throws {
    try await withApp { client in
        try await client.execute(uri: "/needs/NEED-BEN-001", method: .get) { response in
            let page = response.text
            #expect(page.contains("Innovations that could answer this need"))
            let section = page.components(separatedBy: "proposals-heading").last ?? ""
            #expect(section.contains("href=\"/innovations/INN-"))
            #expect(!section.contains("href=\"/innovations/INN-BEN-"), "never the need's own country")
            #expect(section.contains("shared words:"))
            #expect(section.contains("South-South") || section.contains("Triangular"))
        }
        try await client.execute(uri: "/innovations/INN-BGD-001", method: .get) { response in
            #expect(!response.text.contains("Innovations that could answer this need"))
        }
    }
}

@Test("an innovation's page lists the needs that count it among their best proposals, with its rank there")
func innovationAnswers() async throws {
    try await withApp { client in
        var best = ""
        try await client.execute(uri: "/needs/NEED-BEN-001", method: .get) { response in
            let section = response.text.components(separatedBy: "proposals-heading").last ?? ""
            let link = section.components(separatedBy: "href=\"/innovations/").dropFirst().first ?? ""
            best = String(link.prefix { $0 != "\"" })
        }
        #expect(!best.isEmpty)
        try await client.execute(uri: "/innovations/\(best)", method: .get) { response in
            let page = response.text
            #expect(page.contains("Needs this innovation could answer"))
            let section = page.components(separatedBy: "answers-heading").last ?? ""
            let item = section.components(separatedBy: "<li>").first { $0.contains("href=\"/needs/NEED-BEN-001\"") }
            #expect(item?.contains("#1 of its proposals") == true, "the need's best proposal lists the need as #1")
            #expect(item?.contains("shared words:") == true)
        }
        try await client.execute(uri: "/needs/NEED-BEN-001", method: .get) { response in
            #expect(!response.text.contains("Needs this innovation could answer"))
        }
    }
}
