import Foundation
import Testing
@testable import SolexCore

@Suite("Duplicate screen")
struct DuplicateScreenTests {
    static func profile(_ ref: String, _ country: String, _ themes: [String], _ title: String, _ text: String = "") -> DuplicateProfile {
        func words(_ s: String) -> [String] { s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) }
        return DuplicateProfile(ref: ref, country: country, themes: themes, titleWords: words(title), textWords: words(text))
    }

    static let existing = profile("INN-1", "BGD", ["health"], "Telemedicine in upazila health complexes", "Doctors consult patients by video.")

    @Test("components and rules", arguments: [
        // (probe, expected score or nil when not comparable)
        (profile("", "BGD", ["health"], "Telemedicine in upazila health complexes", "Doctors consult patients by video."), 1.0 as Double?),
        (profile("", "BGD", [], "Telemedicine in upazila health complexes", "Doctors consult patients by video."), 1.0),
        (profile("", "BEN", ["health"], "Telemedicine in upazila health complexes", "Doctors consult patients by video."), nil),
        (profile("", "BGD", ["education"], "Telemedicine in upazila health complexes", "Doctors consult patients by video."), nil),
        (profile("INN-1", "BGD", ["health"], "Telemedicine in upazila health complexes"), nil),
        (profile("", "BGD", ["health"], "School meals", "Lunch for pupils."), 0.0),
    ])
    func scores(probe: DuplicateProfile, expected: Double?) {
        let similarity = DuplicateScreen.similarity(probe, Self.existing)
        #expect(similarity?.score == expected)
    }

    @Test("function words do not count: titles that share only them are not close")
    func functionWords() {
        let a = Self.profile("", "BGD", ["health"], "The system of the people and for the people")
        let b = Self.profile("B", "BGD", ["health"], "On the roads of a country and for the future")
        #expect(DuplicateScreen.similarity(a, b)?.title == 0)
        let c = Self.profile("C", "BGD", ["health"], "Les routes du pays et pour les gens")
        #expect(DuplicateScreen.similarity(a, c)?.title == 0)
    }

    @Test("likely duplicates are ordered by score, then reference, and cut at the limit")
    func ordering() {
        let probe = Self.profile("", "BGD", ["health"], "Telemedicine in upazila health complexes")
        let others = ["INN-3", "INN-2", "INN-4"].map { Self.profile($0, "BGD", ["health"], "Telemedicine in upazila health complexes") }
            + [Self.profile("INN-0", "BGD", ["health"], "Telemedicine in health complexes")]
        let found = DuplicateScreen.likelyDuplicates(of: probe, among: others, limit: 3).map(\.ref)
        #expect(found == ["INN-2", "INN-3", "INN-4"])
    }
}
