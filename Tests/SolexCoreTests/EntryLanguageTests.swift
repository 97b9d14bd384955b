import Foundation
@testable import SolexCore
import Testing

/// The entry's own language (`language`) and the languages of its material (`languages`).
@Suite struct EntryLanguageTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var language: FieldValue?
        var languages: FieldValue?
        var expectedLanguage: String
        var expectedLanguages: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "both given", language: .text("fr"), languages: .list(["fr", "en"]), expectedLanguage: "fr", expectedLanguages: ["fr", "en"]),
        Case(name: "older input: first of languages", language: nil, languages: .list(["th", "en"]), expectedLanguage: "th", expectedLanguages: ["th", "en"]),
        Case(name: "language alone", language: .text("fr"), languages: .list([]), expectedLanguage: "fr", expectedLanguages: ["fr"]),
        Case(name: "written in a language its material is not in", language: .text("en"), languages: .list(["fr", "bn"]),
             expectedLanguage: "en", expectedLanguages: ["fr", "bn"]),
    ])
    func validatedEntriesAlwaysHaveTheirLanguage(_ example: Case) throws {
        var input = Fixture.innovation
        input["language"] = example.language
        input["languages"] = example.languages
        let values = try #require(Fixture.validator.validate(input, kind: .innovation).success)
        #expect(values["language"] == .text(example.expectedLanguage))
        #expect(values["languages"] == .list(example.expectedLanguages))
    }

    @Test func anUnknownLanguageIsRefusedByName() throws {
        var input = Fixture.innovation
        input["language"] = .text("xx")
        guard case .failure(let failure) = Fixture.validator.validate(input, kind: .innovation) else {
            Issue.record("an unknown language was accepted")
            return
        }
        #expect(failure.errors.map(\.field) == ["language"])
    }

    @Test func neitherGivenIsRefusedOnLanguages() {
        var input = Fixture.innovation
        input["language"] = nil
        input["languages"] = .list([])
        guard case .failure(let failure) = Fixture.validator.validate(input, kind: .innovation) else {
            Issue.record("an entry without a language was accepted")
            return
        }
        #expect(failure.errors.map(\.field) == ["language"])
    }
}
