import Foundation
import SolexCore
import Testing

@Suite("Report parameters: reading, validation, JSON")
struct ReportParameterTests {
    @Test("Typed text is read into canonical parameters")
    func readsText() throws {
        let text = ReportParameterText(
            weights: ["text": "0.5", "themes": " 0.25 ", "proximity": ""], minimumScore: "0.1", top: "7",
            themes: ["health;civil-registration", "health"], regions: ["asia", "202"], countries: ["ken", "BGD"],
            evidence: ["experimental", "monitored"], capacityPerInnovation: "2", capacityPerNeed: "")
        let parameters = try ReportParameters.parse(text, reference: Fixture.reference).get()
        #expect(parameters.weights.text == 0.5)
        #expect(parameters.weights.themes == 0.25)
        #expect(parameters.weights.sdg == MatchWeights.defaults.sdg)
        #expect(parameters.minimumScore == 0.1)
        #expect(parameters.top == 7)
        #expect(parameters.themes == ["health", "civil-registration"])
        #expect(parameters.regions == ["142", "202"])
        #expect(parameters.countries == ["BGD", "KEN"])
        #expect(parameters.evidence == [.monitored, .experimental])
        #expect(parameters.capacityPerInnovation == 2)
        #expect(parameters.capacityPerNeed == nil)
        #expect(parameters.usesCapacities)
    }

    @Test("Empty text gives the defaults")
    func emptyText() throws {
        let parameters = try ReportParameters.parse(ReportParameterText(), reference: Fixture.reference).get()
        #expect(parameters == ReportParameters())
        #expect(parameters.top == 10 && parameters.minimumScore == 0 && !parameters.usesCapacities && !parameters.hasFilters)
    }

    @Test("Each bad value names its field and says why",
          arguments: [
              (ReportParameterText(weights: ["text": "much"]), "weights.text", "must be a number of 0 or more"),
              (ReportParameterText(weights: ["text": "-1"]), "weights.text", "must be a number of 0 or more"),
              (ReportParameterText(weights: ["text": "1e308"]), "weights.text", "must be at most 1000000"),
              (ReportParameterText(weights: ["colour": "1"]), "weights.colour", "is not a weight; known: text, themes, sdg, tags, evidence, scale, language, proximity"),
              (ReportParameterText(weights: ["text": "0", "themes": "0", "sdg": "0", "tags": "0"]), "weights", "at least one weight must be above 0"),
              (ReportParameterText(minimumScore: "high"), "minimum_score", "must be a number of 0 or more"),
              (ReportParameterText(minimumScore: "-0.5"), "minimum_score", "must be a number of 0 or more"),
              (ReportParameterText(minimumScore: "2"), "minimum_score", "must not be above 1, the highest score these weights can give"),
              (ReportParameterText(top: "0"), "top", "must be a whole number from 1 to 100"),
              (ReportParameterText(top: "101"), "top", "must be a whole number from 1 to 100"),
              (ReportParameterText(top: "2.5"), "top", "must be a whole number from 1 to 100"),
              (ReportParameterText(themes: ["space"]), "themes", "'space' is not a known theme"),
              (ReportParameterText(regions: ["Atlantis"]), "regions", "'Atlantis' is not a UN M49 region or sub-region (give its code, e.g. 142, or its name, e.g. Asia)"),
              (ReportParameterText(countries: ["XXX"]), "countries", "'XXX' is not a known country code (ISO 3166-1 alpha-3, e.g. BGD)"),
              (ReportParameterText(evidence: ["rumour"]), "evidence", "'rumour' is not one of anecdotal, monitored, evaluated, experimental"),
              (ReportParameterText(capacityPerInnovation: "0"), "capacity_per_innovation", "must be a whole number from 1 to 1000, or left empty for no limit"),
              (ReportParameterText(capacityPerNeed: "many"), "capacity_per_need", "must be a whole number from 1 to 1000, or left empty for no limit"),
          ])
    func refusesText(text: ReportParameterText, field: String, reason: String) {
        guard case .failure(let failure) = ReportParameters.parse(text, reference: Fixture.reference) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(failure.errors == [FieldError(field: field, reason: reason)])
    }

    @Test("Every problem is reported at once")
    func everyProblem() {
        let text = ReportParameterText(top: "x", themes: ["space"], countries: ["XXX"], capacityPerNeed: "0")
        guard case .failure(let failure) = ReportParameters.parse(text, reference: Fixture.reference) else {
            Issue.record("accepted")
            return
        }
        #expect(failure.errors.map(\.field) == ["top", "themes", "countries", "capacity_per_need"])
    }

    @Test("The JSON form reads with snake_case keys; missing keys keep their defaults")
    func readsJSON() throws {
        let json = """
            {"weights": {"text": 0.6, "tags": 0.4}, "minimum_score": 0.05, "top": 3, "themes": ["health"], "regions": [142, "Africa"],
             "countries": ["BEN"], "evidence": ["evaluated"], "capacity_per_innovation": 2, "capacity_per_need": null}
            """
        guard case .object(let members) = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else {
            Issue.record("not an object")
            return
        }
        let parameters = try ReportParameters.parse(json: members, reference: Fixture.reference).get()
        #expect(parameters.weights.text == 0.6 && parameters.weights.tags == 0.4 && parameters.weights.themes == 0.03)
        #expect(parameters.minimumScore == 0.05 && parameters.top == 3)
        #expect(parameters.regions == ["2", "142"])
        #expect(parameters.evidence == [.evaluated])
        #expect(parameters.capacityPerInnovation == 2 && parameters.capacityPerNeed == nil)
        #expect(try ReportParameters.parse(json: [:], reference: Fixture.reference).get() == ReportParameters())
    }

    @Test("Bad JSON values name their field",
          arguments: [
              (#"{"top": "ten"}"#, "top"),
              (#"{"top": 1.5}"#, "top"),
              (#"{"weights": [1]}"#, "weights"),
              (#"{"weights": {"txt": 1}}"#, "weights.txt"),
              (#"{"weights": {"text": -1}}"#, "weights.text"),
              (#"{"themes": [1]}"#, "themes"),
              (#"{"themes": {"a": 1}}"#, "themes"),
              (#"{"evidence": ["rumour"]}"#, "evidence"),
              (#"{"capacity_per_need": "two"}"#, "capacity_per_need"),
              (#"{"minimum_score": true}"#, "minimum_score"),
              (#"{"colour": "red"}"#, "colour"),
              (#"{"regions": [""], "themes": null}"#, "regions"),
              (#"{"countries": ["BGD", "  "]}"#, "countries"),
          ])
    func refusesJSON(json: String, field: String) throws {
        guard case .object(let members) = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else {
            Issue.record("not an object")
            return
        }
        guard case .failure(let failure) = ReportParameters.parse(json: members, reference: Fixture.reference) else {
            Issue.record("accepted \(json)")
            return
        }
        #expect(failure.errors.map(\.field) == [field])
    }

    @Test("Encoding and decoding give the same parameters; capacities are written as null when not set")
    func roundTrip() throws {
        let parameters = ReportParameters(minimumScore: 0.2, top: 4, themes: ["health"], regions: ["142"], countries: ["BGD"],
                                          evidence: [.evaluated], capacityPerInnovation: 3)
        let text = parameters.jsonText
        #expect(text.contains(#""capacity_per_need":null"#))
        #expect(text.contains(#""capacity_per_innovation":3"#))
        #expect(text.contains(#""minimum_score":0.2"#))
        #expect(try JSONDecoder().decode(ReportParameters.self, from: Data(text.utf8)) == parameters)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReportParameters.self, from: Data(#"{"colour": 1}"#.utf8)) }
    }

    @Test("Parameters turn back into the text of a form")
    func backToText() throws {
        let parameters = ReportParameters(minimumScore: 0.25, top: 4, countries: ["BGD"], capacityPerNeed: 2)
        let text = ReportParameterText(parameters)
        #expect(text.top == "4" && text.minimumScore == "0.25" && text.capacityPerNeed == "2" && text.capacityPerInnovation == "")
        #expect(text.weights["text"] == "0.9")
        #expect(try ReportParameters.parse(text, reference: Fixture.reference).get() == parameters)
    }
}

@Suite("Report diff")
struct ReportDiffTests {
    typealias Pair = ReportDiff.Pair

    @Test("New, dropped and moved pairs between two runs",
          arguments: [
              // (old, new, added, dropped, moved, unchanged)
              ([], [], [String](), [String](), [String](), 0),
              ([("N1", "A", 1)], [("N1", "A", 1)], [], [], [], 1),
              ([("N1", "A", 1)], [("N1", "A", 1), ("N1", "B", 2)], ["N1/B"], [], [], 1),
              ([("N1", "A", 1), ("N1", "B", 2)], [("N1", "A", 1)], [], ["N1/B"], [], 1),
              ([("N1", "A", 1), ("N1", "B", 2)], [("N1", "B", 1), ("N1", "A", 2)], [], [], ["N1/B:2>1", "N1/A:1>2"], 0),
              ([("N1", "A", 1), ("N2", "A", 1)], [("N2", "B", 1), ("N1", "A", 1)], ["N2/B"], ["N2/A"], [], 1),
              ([("N2", "C", 1), ("N1", "A", 1)], [("N1", "C", 1), ("N1", "A", 2)], ["N1/C"], ["N2/C"], ["N1/A:1>2"], 0),
          ] as [([(String, String, Int)], [(String, String, Int)], [String], [String], [String], Int)])
    func diff(old: [(String, String, Int)], new: [(String, String, Int)], added: [String], dropped: [String], moved: [String],
              unchanged: Int) {
        let result = ReportDiff(old: old.map { Pair(need: $0.0, innovation: $0.1, rank: $0.2, score: 1 / Double($0.2)) },
                                new: new.map { Pair(need: $0.0, innovation: $0.1, rank: $0.2, score: 1 / Double($0.2)) })
        #expect(result.added.map { "\($0.need)/\($0.innovation)" } == added)
        #expect(result.dropped.map { "\($0.need)/\($0.innovation)" } == dropped)
        #expect(result.moved.map { "\($0.need)/\($0.innovation):\($0.oldRank)>\($0.newRank)" } == moved)
        #expect(result.unchanged == unchanged)
        #expect(result.isEmpty == (added.isEmpty && dropped.isEmpty && moved.isEmpty))
    }

    @Test("A moved pair carries its old and new scores; a changed score at the same rank is not a move")
    func scores() {
        let old = [Pair(need: "N", innovation: "A", rank: 1, score: 0.9), Pair(need: "N", innovation: "B", rank: 2, score: 0.5)]
        let new = [Pair(need: "N", innovation: "B", rank: 1, score: 0.8), Pair(need: "N", innovation: "A", rank: 2, score: 0.7)]
        let result = ReportDiff(old: old, new: new)
        #expect(result.moved.first == ReportDiff.Moved(need: "N", innovation: "B", oldRank: 2, newRank: 1, oldScore: 0.5, newScore: 0.8))
        #expect(result.moved.first?.rankChange == 1)
        let rescored = ReportDiff(old: old, new: [Pair(need: "N", innovation: "A", rank: 1, score: 0.1)] + old.dropFirst())
        #expect(rescored.isEmpty && rescored.unchanged == 2)
    }
}

@Suite("Pair status")
struct PairStatusTests {
    @Test("Allowed moves", arguments: [
        (PairStatus.proposed, PairStatus.contacted, true),
        (.proposed, .declined, true),
        (.proposed, .accepted, false),
        (.proposed, .partnershipStarted, false),
        (.contacted, .accepted, true),
        (.contacted, .proposed, true),
        (.accepted, .partnershipStarted, true),
        (.accepted, .declined, true),
        (.partnershipStarted, .declined, false),
        (.partnershipStarted, .accepted, true),
        (.declined, .proposed, true),
        (.declined, .contacted, true),
        (.declined, .accepted, false),
        (.contacted, .contacted, true),
    ])
    func moves(from: PairStatus, to: PairStatus, allowed: Bool) {
        #expect(from.canMove(to: to) == allowed)
        #expect((from.refusal(to: to) == nil) == allowed)
    }

    @Test("Raw values, labels and the refusal message")
    func names() {
        #expect(PairStatus.allCases.map(\.rawValue) == ["proposed", "contacted", "accepted", "declined", "partnership_started"])
        #expect(PairStatus.partnershipStarted.label == "Partnership started")
        #expect(PairStatus.initial == .proposed)
        #expect(PairStatus.proposed.refusal(to: .accepted)?.english == "cannot go from proposed to accepted; allowed: proposed, contacted, declined")
    }
}
