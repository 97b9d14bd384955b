import Foundation
import Mustache
import Testing
@testable import SolexWeb

/// `MustacheViewModel` answers the templates' lookups from a table of property positions; the pages it renders must
/// be exactly those of swift-mustache's own reflection.
@Suite struct MustacheViewModelTests {
    struct PlainRow { var title: String; var note: String?; var tags: [String]; var isNew: Bool }
    struct PlainPage { var heading: String; var rows: [PlainRow]; var empty: String?; var footer: String }
    struct FastRow: MustacheViewModel { var title: String; var note: String?; var tags: [String]; var isNew: Bool }
    struct FastPage: MustacheViewModel { var heading: String; var rows: [FastRow]; var empty: String?; var footer: String }

    /// Names of the row, names of the page looked up from inside a row, optionals present and empty, lists,
    /// inverted sections, a name neither has, and escaping.
    static let template = """
        <h1>{{heading}}</h1>{{#rows}}<li>{{title}} {{#note}}({{.}}){{/note}}{{^note}}-{{/note}} {{#isNew}}new{{/isNew}}\
        {{#tags}}[{{.}}]{{/tags}} {{footer}} {{heading}} {{missing}}</li>{{/rows}}{{^rows}}none{{/rows}}\
        {{#empty}}E{{/empty}}{{^empty}}no empty{{/empty}} {{rows.0.title}}
        """

    static let rows: [(String, String?, [String], Bool)] = [
        ("Birth <registration>", "évaluée", ["a", "b"], true), ("ই-সেবা", nil, [], false), ("Third & last", "", ["x"], true),
    ]

    @Test(arguments: [0, 1, 3])
    func sameHTMLAsReflection(_ count: Int) throws {
        let template = try MustacheTemplate(string: Self.template)
        let picked = Array(Self.rows.prefix(count))
        let plain = PlainPage(heading: "Catalogue \"all\"", rows: picked.map { PlainRow(title: $0.0, note: $0.1, tags: $0.2, isNew: $0.3) },
                              empty: nil, footer: "page 1")
        let fast = FastPage(heading: plain.heading, rows: picked.map { FastRow(title: $0.0, note: $0.1, tags: $0.2, isNew: $0.3) },
                            empty: nil, footer: plain.footer)
        let expected = template.render(plain)
        #expect(template.render(fast) == expected)
        if count > 0 { #expect(expected.contains("Birth &lt;registration&gt;") && expected.contains("page 1 Catalogue")) }
    }

    @Test("Every view model type of the web module answers through the table")
    func everyViewIsListed() throws {
        let root = Repository.root.appendingPathComponent("Sources/SolexWeb")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".swift") }
        let regex = try NSRegularExpression(pattern: #"(?m)^\s*(?:public )?struct ([A-Za-z]+View)\b"#)
        var views: Set<String> = []
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                views.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        let listed = try String(contentsOf: root.appendingPathComponent("ViewModels+Mustache.swift"), encoding: .utf8)
        #expect(views.count > 80)
        for view in views.sorted() { #expect(listed.contains("extension \(view): MustacheViewModel {}"), "\(view)") }
    }
}
