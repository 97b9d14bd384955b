import Foundation
import SolexCore
import Testing
@testable import SolexWeb

/// Every sentence the core, the store and the pages hand to a person carries a message key that the three catalogues
/// have, so a page never falls back to English; English-only reasons stay where only the API and the command line
/// read them.
@Suite struct MessageKeyCoverageTests {
    /// Files whose English-only field errors reach only JSON and the command line (machine formats stay English).
    static let englishOnlyFiles: Set<String> = [
        "SolexCore/Reports/ReportParameterInput.swift",  // the JSON form of report parameters; the web form has keys
        "SolexWeb/NetworkAPIController.swift", "SolexWeb/Problem.swift", "SolexWeb/ReportAPIController.swift",
        "SolexWeb/SearchParameters.swift",  // its errors are shown only by the JSON search
    ]

    static func sources() throws -> [(path: String, text: String)] {
        let root = Repository.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return try files.sorted().map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    @Test("English-only field errors and refusals are made only where the API or the command line reads them")
    func englishOnlyReasonsStayInTheAPI() throws {
        var found: [String] = [], inTheAPI = 0
        for (path, text) in try Self.sources() {
            let uses = try Self.matches(#"(FieldError\(field: (?:[^,()]|\([^()]*\))+, reason:|AgendaRefusal\(constraint: \.\w+, message:)"#, in: text)
            if Self.englishOnlyFiles.contains(path) { inTheAPI += uses.count } else { found += uses.map { "\(path): \($0)" } }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        #expect(inTheAPI >= 20, "the pattern finds the API's English-only reasons (\(inTheAPI))")
    }

    @Test("Every literal message key of an explanation or a scheduler's sentence is in every catalogue")
    func everyLiteralKeyIsTranslated() throws {
        let catalogue = try MessageCatalogue(directory: Repository.web + "/i18n")
        var keys: Set<String> = []
        for (_, text) in try Self.sources() {
            keys.formUnion(try Self.matches(#"(?:Explanation|AgendaSentence)\(\s*"([a-z_]+(?:\.[a-z0-9_]+)+)"\s*[,)]"#, in: text))
        }
        #expect(keys.count > 100, "\(keys.count) keys found")
        for key in keys.sorted() {
            for language in InterfaceLanguage.allCases {
                #expect(catalogue.localizer(language).has(key), "\(key) is missing in \(language.code)")
            }
        }
    }
}
