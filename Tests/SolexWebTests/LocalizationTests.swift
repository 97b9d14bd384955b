import Foundation
import SolexCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SolexWeb

/// The interface catalogues (Web/i18n) against the templates and the code that use them.
@Suite struct CatalogueCompletenessTests {
    @Test func everyLanguageHasEveryKeyWithTheSamePlaceholdersAndTags() throws {
        do {
            let catalogue = try MessageCatalogue(directory: Repository.web + "/i18n")
            #expect(catalogue.keys.count > 50)
        } catch let problems as MessageCatalogue.Problems {
            Issue.record(Comment(rawValue: "catalogue problems:\n" + problems.lines.joined(separator: "\n")))
        }
    }

    static let templates = try! PageRenderer.templateSources(Repository.web + "/templates").keys.sorted()

    @Test(arguments: templates)
    func templateUsesOnlyKnownKeys(_ template: String) throws {
        let catalogue = try MessageCatalogue(directory: Repository.web + "/i18n")
        let source = try PageRenderer.templateSources(Repository.web + "/templates")[template] ?? ""
        let unknown = TemplateTranslator.keys(in: source).filter { !catalogue.keys.contains($0) }
        #expect(unknown.isEmpty, "\(template).mustache uses keys the catalogue lacks: \(unknown)")
    }

    /// Every word a reader sees in a template comes from the catalogue: text between tags and the attributes a
    /// person reads (aria-label, placeholder, title, alt) hold only `[[key]]` messages and `{{values}}`.
    @Test(arguments: templates)
    func templateHasNoTextOutsideTheCatalogue(_ template: String) throws {
        let source = try PageRenderer.templateSources(Repository.web + "/templates")[template] ?? ""
        let bare = UntranslatedText.find(in: source)
        #expect(bare.isEmpty, "\(template).mustache has text that is not a catalogue message: \(bare)")
    }

    /// Keys given as literals to `Localizer.t` in the web code exist.
    @Test func codeUsesOnlyKnownKeys() throws {
        let catalogue = try MessageCatalogue(directory: Repository.web + "/i18n")
        let sources = Repository.root.appendingPathComponent("Sources/SolexWeb")
        let regex = try NSRegularExpression(pattern: #"\bt\("([a-z0-9_.]+)"\s*[,)]"#)
        var unknown: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(!files.isEmpty)
        for file in files.sorted() {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                if !catalogue.keys.contains(key) { unknown.append("\(file): \(key)") }
            }
        }
        #expect(unknown.isEmpty, "keys missing from the catalogue: \(unknown)")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var french: [String: String]
        var problem: String
        var testDescription: String { name }
    }

    static let english = ["a.plain": "Save", "a.count": "{count} entries", "a.link": "Read <a href=\"/x\">this</a>"]

    @Test(arguments: [
        Case(name: "missing key", french: ["a.plain": "Enregistrer", "a.count": "{count} fiches"], problem: "fr: 'a.link' is missing"),
        Case(name: "extra key", french: english.merging(["a.extra": "x"]) { $1 }, problem: "fr: 'a.extra' is not in English"),
        Case(name: "placeholder renamed", french: english.merging(["a.count": "{nombre} fiches"]) { $1 },
             problem: "fr: 'a.count' has placeholders [\"nombre\"], English has [\"count\"]"),
        Case(name: "tag lost", french: english.merging(["a.link": "Lire ceci"]) { $1 }, problem: "fr: 'a.link' has other HTML tags than English"),
    ])
    func catalogueProblemsAreNamed(_ example: Case) {
        #expect(throws: MessageCatalogue.Problems.self) {
            try MessageCatalogue(messages: [.en: Self.english, .fr: example.french, .es: Self.english])
        }
        do {
            _ = try MessageCatalogue(messages: [.en: Self.english, .fr: example.french, .es: Self.english])
        } catch let problems as MessageCatalogue.Problems {
            #expect(problems.lines == [example.problem])
        } catch {
            Issue.record("unexpected error")
        }
    }

    @Test func malformedLinesAreReportedWithTheirNumbers() {
        let parsed = MessageCatalogue.parse("# comment\n\ngood.key = Fine\nno separator\nBad Key = x\ngood.key = again\nx.y = {{raw}}\n", file: "fr.messages")
        #expect(parsed.messages == ["good.key": "Fine"])
        #expect(parsed.problems == [
            "fr.messages line 4: expected 'key = text'",
            "fr.messages line 5: 'Bad Key' is not a key (lower-case letters, digits, '_', '.')",
            "fr.messages line 6: 'good.key' is given twice",
            "fr.messages line 7: 'x.y' holds template syntax",
        ])
    }

    @Test func markersBecomeMessagesWithTemplateVariables() {
        let messages = ["list.showing": "Showing {from} of {total}", "search.hint": "Type \"words\""]
        let source = "<p>[[list.showing]]</p><input placeholder=\"[[search.hint]]\"><p>[[nope]]</p>"
        let result = TemplateTranslator.translate(source, named: "t", messages: messages)
        #expect(result.text == "<p>Showing {{from}} of {{total}}</p><input placeholder=\"Type &quot;words&quot;\"><p>nope</p>")
        #expect(result.unknown == [TemplateTranslator.UnknownKey(template: "t", key: "nope")])
    }

    @Test func lintFindsBareTextAndReadableAttributes() {
        #expect(UntranslatedText.find(in: "<p>[[a.b]] {{name}}</p><input aria-label=\"[[a.c]]\">").isEmpty)
        #expect(UntranslatedText.find(in: "<p>Hello {{name}}</p>") == ["Hello"])
        #expect(UntranslatedText.find(in: "<input placeholder=\"Type here\">") == ["placeholder=\"Type here\""])
        #expect(UntranslatedText.find(in: "<p>Solex · 2026 — {{x}}</p><script src=\"/static/a.js\"></script>").isEmpty)
    }
}

/// Finds words in a template that do not come from the catalogue.
enum UntranslatedText {
    /// Words that are the same in every language (names of the product and of file formats).
    static let sameInEveryLanguage: Set<String> = ["Solex", "API", "CSV", "JSON", "XML", "ICS", "HTML", "SVG", "iCalendar", "frab", "OpenAPI"]

    static func find(in source: String) -> [String] {
        var text = source
        for pattern in [#"<script\b[\s\S]*?</script>"#, #"<style\b[\s\S]*?</style>"#, #"<!--[\s\S]*?-->"#, #"\{\{[\s\S]*?\}\}"#, #"\[\[[^\[\]]*\]\]"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        // A partial that is only attributes (put inside a tag by the template that uses it) is read as a tag.
        if !text.contains("<") && !text.contains(">") && text.contains("=\"") { text = "<partial " + text + ">" }
        var found: [String] = []
        let attribute = try! NSRegularExpression(pattern: #"\b(aria-label|placeholder|title|alt|aria-description)="([^"]*)""#)
        let tag = try! NSRegularExpression(pattern: #"<[^>]*>"#)
        for match in tag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let tagText = String(text[Range(match.range, in: text)!])
            for attr in attribute.matches(in: tagText, range: NSRange(tagText.startIndex..., in: tagText)) {
                let value = String(tagText[Range(attr.range(at: 2), in: tagText)!])
                if hasWords(value) { found.append(String(tagText[Range(attr.range, in: tagText)!])) }
            }
        }
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: #"&[a-zA-Z]+;|&#[0-9]+;"#, with: " ", options: .regularExpression)
        for line in text.split(whereSeparator: \.isNewline) where hasWords(String(line)) {
            found.append(line.trimmingCharacters(in: .whitespaces))
        }
        return found
    }

    private static func hasWords(_ text: String) -> Bool {
        text.split(whereSeparator: { !$0.isLetter }).contains { !sameInEveryLanguage.contains(String($0)) }
    }
}

/// Every field of an entry has its label, and its help where it has one, in the catalogue (the form looks them up
/// by field name, so the literal-key test cannot see them).
@Suite struct FieldCatalogueTests {
    @Test(arguments: EntryKind.allCases)
    func everyFieldHasItsLabelAndHelp(_ kind: EntryKind) throws {
        let catalogue = try MessageCatalogue(directory: Repository.web + "/i18n")
        for spec in kind.fields {
            #expect(catalogue.keys.contains("field." + spec.name), "field.\(spec.name)")
            if !spec.help.isEmpty { #expect(catalogue.keys.contains("help.\(kind.rawValue).\(spec.name)"), "help.\(kind.rawValue).\(spec.name)") }
        }
    }
}

/// Refusals carry their message key from where they are decided, with their English text (what the API and the
/// command line say); pages show them in their language.
@Suite struct RefusalCatalogueTests {
    /// Every literal refusal in the sources: its key and its English text.
    static func literalRefusals() throws -> [(key: String, english: String)] {
        let patterns = [#"denied\("([a-z_]+)", "([^"\\]+)"\)"#, #"Explanation\("error\.denied\.([a-z_]+)", english: "([^"\\]+)"\)"#]
        let regexes = try patterns.map { try NSRegularExpression(pattern: $0) }
        let sources = Repository.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        var refusals: [(key: String, english: String)] = []
        for file in files.sorted() {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for regex in regexes {
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    refusals.append(("error.denied." + String(text[Range(match.range(at: 1), in: text)!]),
                                     String(text[Range(match.range(at: 2), in: text)!])))
                }
            }
        }
        return refusals
    }

    @Test func everyRefusalInTheSourcesIsInTheCatalogueWithItsEnglishText() throws {
        let catalogue = try MessageCatalogue(directory: Repository.web + "/i18n")
        let english = catalogue.localizer(.en), french = catalogue.localizer(.fr)
        let refusals = try Self.literalRefusals()
        #expect(refusals.count >= 13)
        for refusal in refusals {
            let reason = Explanation(refusal.key, english: refusal.english)
            #expect(catalogue.keys.contains(refusal.key), "\(refusal.key) is not in the catalogue")
            #expect(ErrorMiddleware.refusal(reason, english) == refusal.english, "\(refusal.key)")
            #expect(ErrorMiddleware.refusal(reason, french) != refusal.english, "\(refusal.key) in French")
        }
    }

    @Test("a refusal naming the role shows the role's name in the page's language")
    func roleRefusal() throws {
        let catalogue = try MessageCatalogue(directory: Repository.web + "/i18n")
        let actor = Actor(name: "org@example.org", channel: .web, role: .organiser, userID: 1)
        guard case .forbidden(let reason) = AccessPolicy.decide(actor, .manageMembers) else {
            Issue.record("an organiser may manage members")
            return
        }
        #expect(reason.key == "error.denied.role")
        #expect(ErrorMiddleware.refusal(reason, catalogue.localizer(.en)) == reason.english)
        let french = ErrorMiddleware.refusal(reason, catalogue.localizer(.fr))
        #expect(french.contains(catalogue.localizer(.fr).t("role.organiser")), "\(french)")
        #expect(ErrorMiddleware.refusal(Explanation("error.denied.unknown_key", english: "Not allowed."), catalogue.localizer(.fr)) == "Not allowed.")
    }
}
