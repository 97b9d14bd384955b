import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

/// Six hand-written entries, so that the pages' counts can be checked by hand:
///
/// | ref         | title                                   | country | themes                     | targets   |
/// |-------------|-----------------------------------------|---------|----------------------------|-----------|
/// | INN-BEN-01  | Mobile birth registration               | BEN     | civil-registration         | 16.9      |
/// | INN-BGD-01  | Union digital centres                   | BGD     | digital-government         | 16.6      |
/// | INN-THA-01  | Online birth notification (Thai summary)| THA     | civil-registration, health | 16.9, 3.8 |
/// | INN-XSS-01  | Safe <script>…</script> kiosks          | BGD     | digital-government         |           |
/// | NEED-BEN-01 | Registre foncier                        | BEN     | land-administration        | 1.4       |
/// | NEED-SEN-01 | État civil des communes                 | SEN     | civil-registration         | 16.9      |
///
/// "birth" is in INN-BEN-01, INN-THA-01 and NEED-SEN-01; "birth registration" in INN-BEN-01 and NEED-SEN-01;
/// "état civil" in INN-BEN-01 and NEED-SEN-01; the summary of INN-XSS-01 is "An <b>x</b> marker in the text.".
func searchDatabase() throws -> AppDatabase {
    let catalogue = try Bootstrap.prepare(try AppDatabase.inMemory(), seeds: Repository.seeds)
    func innovation(_ ref: String, _ title: String, _ summary: String, _ description: String, _ country: String,
                    _ themes: [String], _ targets: [String], _ evidence: String, _ scale: String) -> FieldValues {
        ["ref": .text(ref), "title": .text(title), "summary": .text(summary), "description": .text(description),
         "origin_country": .text(country), "champion": .text("A ministry"), "themes": .list(themes), "sdg_targets": .list(targets),
         "scale": .text(scale), "evidence_level": .text(evidence), "languages": .list(["en"])]
    }
    func need(_ ref: String, _ title: String, _ description: String, _ country: String, _ themes: [String], _ targets: [String]) -> FieldValues {
        ["ref": .text(ref), "title": .text(title), "description": .text(description), "country": .text(country),
         "themes": .list(themes), "sdg_targets": .list(targets), "languages": .list(["fr"]), "created": .text("2025-03-14")]
    }
    let entries: [(EntryKind, FieldValues)] = [
        (.innovation, innovation("INN-BEN-01", "Mobile birth registration", "Health workers record each newborn for the état civil.",
                                 "Village health workers send the records to the commune.", "BEN", ["civil-registration"], ["16.9"],
                                 "monitored", "national")),
        (.innovation, innovation("INN-THA-01", "Online birth notification", "ระบบลงทะเบียนการเกิดออนไลน์สำหรับโรงพยาบาล",
                                 "Maternity wards notify the district office.", "THA", ["civil-registration", "health"], ["16.9", "3.8"],
                                 "evaluated", "pilot")),
        (.innovation, innovation("INN-BGD-01", "Union digital centres", "Land registry copies at the union council.",
                                 "Entrepreneurs run one-stop shops.", "BGD", ["digital-government"], ["16.6"], "monitored", "national")),
        (.innovation, innovation("INN-XSS-01", "Safe <script>alert(1)</script> kiosks", "An <b>x</b> marker in the text.",
                                 "Nothing else.", "BGD", ["digital-government"], [], "anecdotal", "pilot")),
        (.need, need("NEED-SEN-01", "État civil des communes", "Les registres des naissances sont tenus sur papier; birth registration is slow.",
                     "SEN", ["civil-registration"], ["16.9"])),
        (.need, need("NEED-BEN-01", "Registre foncier", "Numériser le registre foncier des communes.", "BEN", ["land-administration"], ["1.4"])),
    ]
    for (kind, input) in entries {
        try catalogue.create(kind, input: input, status: .published, actor: .system)
    }
    return catalogue.database
}

/// Decodes the HTML entities Mustache writes into attributes.
func htmlUnescaped(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        rest = rest[amp...]
        guard let semi = rest.firstIndex(of: ";") else { break }
        let entity = rest[rest.index(after: rest.startIndex)..<semi]
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        if let value = named[String(entity)] {
            out += value
        } else if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
            out.unicodeScalars.append(scalar)
        } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
            out.unicodeScalars.append(scalar)
        } else {
            out += rest[...semi]
        }
        rest = rest[rest.index(after: semi)...]
    }
    return out + rest
}

/// A link to the search page, read back as its parameters (in order, decoded).
struct SearchLink: Hashable, CustomStringConvertible {
    var parameters: [String]

    init(href: String) {
        let query = href.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        parameters = query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part) }
            return decode(parts[0]) + "=" + (parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    init(_ parameters: String...) { self.parameters = parameters }

    var description: String { parameters.joined(separator: "&") }
}

extension String {
    /// The `/search` links of a page (anchors only), decoded.
    var searchLinks: [SearchLink] {
        var links: [SearchLink] = []
        var rest = Substring(self)
        while let start = rest.range(of: "href=\"/search") {
            let hrefStart = rest.index(start.lowerBound, offsetBy: 6)
            guard let end = rest[hrefStart...].firstIndex(of: "\"") else { break }
            links.append(SearchLink(href: htmlUnescaped(String(rest[hrefStart..<end]))))
            rest = rest[end...]
        }
        return links
    }

    /// The entry refs of the result list, in order.
    var resultRefs: [String] {
        components(separatedBy: "<span class=\"ref\">").dropFirst().compactMap { $0.components(separatedBy: "</span>").first }
    }
}

/// Encodes a value for a query string (spaces as '+', every other reserved character escaped).
func queryEncode(_ text: String) -> String { formEncode(text) }

/// A query string shown briefly in test logs (some are thousands of characters long).
struct HostileQuery: Sendable, CustomTestStringConvertible {
    let text: String

    var testDescription: String {
        text.count <= 40 ? text.debugDescription : "\(String(text.prefix(12)).debugDescription)… (\(text.count) characters)"
    }

    /// Query strings meant to break a search: broken FTS5 syntax, SQL, control characters, huge inputs.
    static let corpus: [HostileQuery] = [
        "\"", "\"\"", "\"\"\"", "\"abc", "abc\"", "a\"b\"c\"d", "*", "**", "a*b*", "-", "--", "- -", "-*", "-\"", "^", "^birth", ":",
        "title:birth", "title : x", "{title summary}: birth", "{", "}", "(", ")", "((birth)", "NEAR(", "NEAR(birth registration, 2)",
        "birth NEAR registration", "AND", "OR", "NOT", "birth AND NOT land", "OR OR", "'; DROP TABLE need; --",
        "1; DELETE FROM innovation", "\" OR 1=1 --", "%", "_", "\\", "\u{0}", "birth\u{0}registration", "\u{1}\u{2}\u{7F}",
        "\u{200F}المدني\u{200E}", "\u{202E}birth", "🎉", "👩🏽‍💻 birth", "ـــ", "\u{0301}", "\u{E000}birth\u{E001}",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{layout}}", "&amp;", "+", "%00",
        String(repeating: "a", count: 10_000), String(repeating: "birth ", count: 1_700), String(repeating: "\"", count: 10_000),
        String(repeating: "-a OR ", count: 1_700), String(repeating: "ลงทะเบียน", count: 1_000),
    ].map(HostileQuery.init)
}

@Suite("Search pages and API")
struct SearchWebTests {
    // MARK: The page

    @Test("the search page renders browsing, French, Thai, filtered and paged searches", arguments: [
        ("/search", ["INN-BEN-01", "INN-BGD-01", "INN-THA-01", "INN-XSS-01", "NEED-BEN-01", "NEED-SEN-01"], "Everything in the catalogue (6)"),
        ("/search?q=%C3%A9tat+civil", ["INN-BEN-01", "NEED-SEN-01"], "2 results"),
        ("/search?q=etat%20civil", ["INN-BEN-01", "NEED-SEN-01"], "2 results"),
        ("/search?q=%E0%B8%A5%E0%B8%87%E0%B8%97%E0%B8%B0%E0%B9%80%E0%B8%9A%E0%B8%B5%E0%B8%A2%E0%B8%99", ["INN-THA-01"], "1 result"),
        ("/search?q=birth&country=BEN&country=SEN", ["INN-BEN-01", "NEED-SEN-01"], "2 results"),
        ("/search?q=birth&type=need", ["NEED-SEN-01"], "1 result"),
        ("/search?theme=civil-registration&per_page=2", ["INN-BEN-01", "INN-THA-01"], "3 results"),
        ("/search?theme=civil-registration&per_page=2&page=2", ["NEED-SEN-01"], "3 results"),
        ("/search?sdg=16", ["INN-BEN-01", "INN-BGD-01", "INN-THA-01", "NEED-SEN-01"], "4 results"),
        ("/search?sdg=16.9&sdg=3", ["INN-THA-01"], "1 result"),
        ("/search?region=142&evidence=monitored", ["INN-BGD-01"], "1 result"),
        ("/search?scale=pilot", ["INN-THA-01", "INN-XSS-01"], "2 results"),
    ])
    func pageRenders(uri: String, refs: [String], heading: String) async throws {
        try await withApp(try searchDatabase()) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let text = response.text
                #expect(text.resultRefs.sorted() == refs.sorted())
                #expect(text.contains("<h2 id=\"results-heading\">\(heading)</h2>"))
                #expect(text.contains("<form class=\"search-form\" method=\"get\" action=\"/search\" role=\"search\">"))
                #expect(!text.contains("Nothing matches this search."))
            }
        }
    }

    @Test("browsing lists entries by ref and the query box keeps what was typed")
    func browseAndQueryBox() async throws {
        try await withApp(try searchDatabase()) { client in
            let browse = try await client.execute(uri: "/search", method: .get) { $0.text }
            #expect(browse.resultRefs == ["INN-BEN-01", "INN-BGD-01", "INN-THA-01", "INN-XSS-01", "NEED-BEN-01", "NEED-SEN-01"])
            #expect(browse.contains("<title>Search · Solex</title>"))
            let french = try await client.execute(uri: "/search?q=%C3%A9tat+civil", method: .get) { $0.text }
            #expect(french.contains("value=\"état civil\""))
            #expect(french.contains("<title>Search results · Solex</title>"))
            #expect(french.contains("<mark>état</mark>"))
            let thai = try await client.execute(uri: "/search?q=" + queryEncode("โรงพยาบาล"), method: .get) { $0.text }
            #expect(thai.contains("value=\"โรงพยาบาล\""))
            #expect(thai.contains("<mark>โรงพยาบาล</mark>"))
            #expect(thai.contains("href=\"/innovations/INN-THA-01\""))
        }
    }

    @Test("'+' in the query string is a space", arguments: [
        ("/search?q=birth+registration", "birth registration"),
        ("/search?q=birth%20registration", "birth registration"),
        ("/search?q=%22birth+registration%22", "&quot;birth registration&quot;"),
    ])
    func plusIsSpace(uri: String, value: String) async throws {
        try await withApp(try searchDatabase()) { client in
            let text = try await client.execute(uri: uri, method: .get) { $0.text }
            #expect(text.resultRefs.sorted() == ["INN-BEN-01", "NEED-SEN-01"])
            #expect(text.contains("value=\"\(value)\"") || text.contains("value=\"\(value.replacingOccurrences(of: "&quot;", with: "&#34;"))\""))
            #expect(!text.contains("No entry has all the words"))
            let api = try await client.execute(uri: uri.replacingOccurrences(of: "/search", with: "/api/v1/search"), method: .get) { try json($0) }
            #expect(api["total"] as? Int == 2)
            #expect(api["matched_any_word"] as? Bool == false)
        }
    }

    @Test("a literal '+' arrives as '+'")
    func literalPlus() async throws {
        try await withApp(try searchDatabase()) { client in
            let text = try await client.execute(uri: "/search?q=birth%2Bregistration", method: .get) { $0.text }
            #expect(text.contains("value=\"birth+registration\""))
        }
    }

    // MARK: Shareable links

    @Test("facet, filter and page links carry the query, the filters and the page size")
    func shareableLinks() async throws {
        try await withApp(try searchDatabase()) { client in
            let text = try await client.execute(uri: "/search?q=birth+notification+OR+registration&theme=civil-registration&per_page=1&page=2",
                                                method: .get) { $0.text }
            let q = "q=birth notification OR registration"
            let links = Set(text.searchLinks)
            // Facet options add their value to the current search and go back to page 1.
            #expect(links.contains(SearchLink(q, "country=THA", "theme=civil-registration", "per_page=1")))
            #expect(links.contains(SearchLink(q, "type=need", "theme=civil-registration", "per_page=1")))
            #expect(links.contains(SearchLink(q, "theme=civil-registration", "theme=health", "per_page=1")))
            #expect(links.contains(SearchLink(q, "theme=civil-registration", "sdg=3.8", "per_page=1")))
            #expect(links.contains(SearchLink(q, "theme=civil-registration", "sdg=16", "per_page=1")))
            #expect(links.contains(SearchLink(q, "region=142", "theme=civil-registration", "per_page=1")))
            // The active filter (as a chip and as a selected facet option) links to the search without it.
            #expect(links.contains(SearchLink(q, "per_page=1")))
            #expect(text.contains("Theme: Civil registration"))
            #expect(text.contains("aria-current=\"true\""))
            // Pages keep everything and change only the page.
            #expect(links.contains(SearchLink(q, "theme=civil-registration", "per_page=1")))
            #expect(links.contains(SearchLink(q, "theme=civil-registration", "per_page=1", "page=3")))
            #expect(text.contains("rel=\"prev\"") && text.contains("rel=\"next\""))
            // No link to the search loses the query.
            #expect(text.searchLinks.filter { !$0.parameters.contains(q) } == [SearchLink()])  // the header's link
            // The form resubmits the filters.
            #expect(text.contains("<input type=\"hidden\" name=\"theme\" value=\"civil-registration\">"))
            #expect(text.resultRefs.count == 1)
        }
    }

    @Test("following a facet link and then its removal link gives back the first search")
    func facetRoundTrip() async throws {
        try await withApp(try searchDatabase()) { client in
            let first = try await client.execute(uri: "/search?q=birth", method: .get) { $0.text }
            #expect(first.resultRefs.sorted() == ["INN-BEN-01", "INN-THA-01", "NEED-SEN-01"])
            let facetHref = try #require(first.facetHref(label: "Thailand"))
            #expect(SearchLink(href: facetHref) == SearchLink("q=birth", "country=THA"))
            let narrowed = try await client.execute(uri: facetHref, method: .get) { $0.text }
            #expect(narrowed.resultRefs == ["INN-THA-01"])
            #expect(narrowed.contains("Country: Thailand"))
            // The country facet still counts the other countries of "birth".
            #expect(narrowed.facetHref(label: "Benin").map { SearchLink(href: $0) } == SearchLink("q=birth", "country=BEN", "country=THA"))
            let removeHref = try #require(narrowed.facetHref(label: "Thailand"))
            #expect(SearchLink(href: removeHref) == SearchLink("q=birth"))
            let back = try await client.execute(uri: removeHref, method: .get) { $0.text }
            #expect(back.resultRefs == first.resultRefs)
        }
    }

    // MARK: Counts and the empty state

    @Test("the result line, the empty state and its suggestions")
    func emptyState() async throws {
        try await withApp(try searchDatabase()) { client in
            let some = try await client.execute(uri: "/search?q=birth&per_page=2", method: .get) { $0.text }
            #expect(some.contains("3 results"))
            #expect(some.contains("Showing 1–2 of 3"))
            let none = try await client.execute(uri: "/search?q=zanzibar", method: .get) { $0.text }
            #expect(none.contains("0 results"))
            #expect(none.contains("Nothing matches this search."))
            #expect(none.resultRefs.isEmpty)
            for suggestion in SearchController.suggestions {
                #expect(none.searchLinks.contains(SearchLink("q=" + suggestion)), "\(suggestion)")
            }
            let filteredOut = try await client.execute(uri: "/search?q=birth&country=PER", method: .get) { $0.text }
            #expect(filteredOut.contains("Nothing matches this search."))
            #expect(filteredOut.contains("Country: Peru"))
            let anyWord = try await client.execute(uri: "/search?q=birth+foncier", method: .get) { $0.text }
            #expect(anyWord.contains("No entry has all the words; these have some of them."))
            #expect(anyWord.resultRefs.sorted() == ["INN-BEN-01", "INN-THA-01", "NEED-BEN-01", "NEED-SEN-01"])
        }
    }

    @Test("the demo catalogue answers a French search")
    func demoSearch() async throws {
        try await withApp { client in
            let text = try await client.execute(uri: "/search?q=guichet+unique", method: .get) { $0.text }
            #expect(text.resultRefs.contains("NEED-BEN-001"))
            #expect(text.contains("<mark>guichet</mark>") || text.contains("<mark>unique</mark>"))
        }
    }

    // MARK: Hostile input

    @Test("hostile queries always answer 200 on the page and the API", arguments: HostileQuery.corpus)
    func hostile(_ query: HostileQuery) async throws {
        try await withApp(try searchDatabase()) { client in
            let encoded = queryEncode(query.text)
            try await client.execute(uri: "/search?q=\(encoded)&type=innovation&page=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("<script>alert"))
                #expect(!response.text.contains("<img src=x"))
            }
            try await client.execute(uri: "/api/v1/search?q=\(encoded)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                #expect(body["total"] is Int)
                #expect((body["results"] as? [Any]) != nil)
            }
        }
    }

    /// What the API refuses with a 400 problem (its document says page is a whole number and type innovation or need).
    static let refusedByAPI: Set<String> = ["page=abc", "type=%3Cscript%3E"]

    @Test("odd parameters are clamped or ignored by the page; the API refuses only what its document forbids", arguments: [
        "page=-3", "page=0", "page=abc", "page=99999999999999999999", "per_page=0", "per_page=1000", "per_page=-1", "q", "&&&", "=",
        "q=%", "q=%E0%B8", "q=%ZZ", "type=%3Cscript%3E", "q=a&q=b", "sdg=16.", "sdg=.", "sdg=", "region=abc", "country=",
        "theme=" + String(repeating: "x", count: 5_000),
    ])
    func oddParameters(query: String) async throws {
        try await withApp(try searchDatabase()) { client in
            for path in ["/search", "/api/v1/search"] {
                try await client.execute(uri: "\(path)?\(query)", method: .get) { response in
                    let refused = path.hasPrefix("/api/") && Self.refusedByAPI.contains(query)
                    #expect(response.status == (refused ? .badRequest : .ok), "\(path)")
                    if path == "/search" { #expect(!response.text.contains("<script>")) }
                }
            }
        }
    }

    // MARK: The API

    @Test("GET /api/v1/search has exactly the documented shape")
    func apiShape() async throws {
        try await withApp(try searchDatabase()) { client in
            let body = try await client.execute(uri: "/api/v1/search?q=birth&per_page=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                return try json(response)
            }
            #expect(Set(body.keys) == ["total", "page", "per_page", "matched_any_word", "results", "facets"])
            #expect(body["total"] as? Int == 3)
            #expect(body["page"] as? Int == 1)
            #expect(body["per_page"] as? Int == 2)
            #expect(body["matched_any_word"] as? Bool == false)
            let results = try #require(body["results"] as? [[String: Any]])
            #expect(results.count == 2)
            for result in results {
                #expect(Set(result.keys) == ["type", "ref", "title", "snippet", "score"])
                #expect(result["type"] as? String == "innovation" || result["type"] as? String == "need")
                #expect(result["ref"] is String && result["title"] is String && result["snippet"] is String)
                #expect((result["score"] as? Double ?? -1) >= 0)
            }
            #expect(results.first?["ref"] as? String == "INN-BEN-01" || results.first?["ref"] as? String == "INN-THA-01")
            let facets = try #require(body["facets"] as? [String: Any])
            #expect(Set(facets.keys) == ["type", "country", "region", "theme", "sdg", "sdg_target", "evidence", "scale"])
            func facet(_ name: String) -> [String] {
                ((facets[name] as? [[String: Any]]) ?? []).map { item in
                    #expect(Set(item.keys) == ["value", "count"])
                    return "\(item["value"] as? String ?? "?")=\(item["count"] as? Int ?? -1)"
                }
            }
            #expect(facet("type") == ["innovation=2", "need=1"])
            #expect(facet("country") == ["BEN=1", "SEN=1", "THA=1"])
            #expect(facet("region") == ["2=2", "142=1"])
            #expect(facet("theme") == ["civil-registration=3", "health=1"])
            #expect(facet("sdg") == ["16=3", "3=1"])
            #expect(facet("sdg_target") == ["16.9=3", "3.8=1"])
            #expect(facet("evidence") == ["evaluated=1", "monitored=1"])
            #expect(facet("scale") == ["national=1", "pilot=1"])
            let rare = try await client.execute(uri: "/api/v1/search?q=notification", method: .get) { try json($0) }
            let rareHit = try #require((rare["results"] as? [[String: Any]])?.first)
            #expect(rareHit["ref"] as? String == "INN-THA-01")
            #expect((rareHit["score"] as? Double ?? 0) > 0)
            #expect(rareHit["snippet"] as? String == "Online birth <mark>notification</mark>")
        }
    }

    @Test("the API pages, filters and reports the any-word fallback", arguments: [
        ("/api/v1/search?q=birth&per_page=1&page=3", 3, 3, 1, false, 1),
        ("/api/v1/search?q=birth&per_page=1&page=4", 3, 4, 1, false, 0),
        ("/api/v1/search?q=birth+foncier", 4, 1, 20, true, 4),
        ("/api/v1/search?q=birth&country=THA&country=SEN", 2, 1, 20, false, 2),
        ("/api/v1/search?type=need", 2, 1, 20, false, 2),
        ("/api/v1/search", 6, 1, 20, false, 6),
        ("/api/v1/search?per_page=500&page=-1", 6, 1, 100, false, 6),
        ("/api/v1/search?q=zanzibar", 0, 1, 20, false, 0),
    ])
    func apiValues(uri: String, total: Int, page: Int, perPage: Int, anyWord: Bool, count: Int) async throws {
        try await withApp(try searchDatabase()) { client in
            let body = try await client.execute(uri: uri, method: .get) { try json($0) }
            #expect(body["total"] as? Int == total)
            #expect(body["page"] as? Int == page)
            #expect(body["per_page"] as? Int == perPage)
            #expect(body["matched_any_word"] as? Bool == anyWord)
            #expect((body["results"] as? [Any])?.count == count)
        }
    }

    @Test("snippets are HTML-escaped before the matches are highlighted")
    func escapedSnippets() async throws {
        try await withApp(try searchDatabase()) { client in
            let body = try await client.execute(uri: "/api/v1/search?q=x", method: .get) { try json($0) }
            let results = try #require(body["results"] as? [[String: Any]])
            let hit = try #require(results.first { $0["ref"] as? String == "INN-XSS-01" })
            let snippet = try #require(hit["snippet"] as? String)
            #expect(snippet.contains("&lt;b&gt;<mark>x</mark>&lt;/b&gt;"), "\(snippet)")
            #expect(!snippet.contains("<b>"))
            #expect(!snippet.contains("\u{E000}") && !snippet.contains("\u{E001}"))
            #expect(hit["title"] as? String == "Safe <script>alert(1)</script> kiosks")

            let page = try await client.execute(uri: "/search?q=x", method: .get) { $0.text }
            #expect(page.contains("<mark>x</mark>"))
            #expect(!page.contains("<b>x</b>"))
            #expect(!page.contains("<script>alert(1)</script>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;"))
            #expect(!page.contains("\u{E000}") && !page.contains("\u{E001}"))

            let title = try await client.execute(uri: "/api/v1/search?q=script", method: .get) { try json($0) }
            let titleHit = try #require((title["results"] as? [[String: Any]])?.first)
            #expect((titleHit["snippet"] as? String)?.contains("&lt;<mark>script</mark>&gt;") == true)
        }
    }

    // MARK: The header form

    @Test("every page has the search form in its header", arguments: [
        "/", "/innovations", "/innovations/new", "/innovations/INN-BEN-01", "/innovations/INN-BEN-01/edit", "/needs",
        "/needs/NEED-SEN-01", "/countries", "/countries/BEN", "/themes", "/themes/health", "/sdgs", "/sdgs/16", "/search",
        "/search?q=birth", "/nothing-here",
    ])
    func headerForm(uri: String) async throws {
        try await withApp(try searchDatabase()) { client in
            let text = try await client.execute(uri: uri, method: .get) { $0.text }
            let header = try #require(text.components(separatedBy: "</header>").first)
            #expect(header.contains("<form class=\"site-search\" method=\"get\" action=\"/search\" role=\"search\">"))
            #expect(header.contains("name=\"q\""))
        }
    }
}

extension String {
    /// The href of the facet option labelled `label`.
    func facetHref(label: String) -> String? {
        let marker = "<span dir=\"auto\">\(label)</span>"
        guard let range = range(of: marker) else { return nil }
        let before = self[..<range.lowerBound]
        guard let start = before.range(of: "<a href=\"", options: .backwards) else { return nil }
        let rest = before[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return htmlUnescaped(String(rest[..<end]))
    }
}

@Test("a search page past the last page says so and links to the last page, keeping the search")
func pastTheLastPage() async throws {
    try await withApp { client in
        try await client.execute(uri: "/search?q=registration&page=500", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.text.contains("past the end of the results"))
            #expect(!response.text.contains("Nothing matches this search"))
            #expect(response.text.contains("href=\"/search?q=registration"))
        }
    }
}
