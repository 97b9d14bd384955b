import SolexCore
import Testing

@Suite("Innovation and Need")
struct EntriesTests {
    @Test("An innovation reads its validated values and gives them back")
    func innovationRoundTrip() throws {
        let values = try #require(Fixture.validator.validate(Fixture.innovation, kind: .innovation).success)
        let innovation = Innovation(validated: values)
        #expect(innovation.ref == "INN-BGD-001")
        #expect(innovation.originCountry == "BGD")
        #expect(innovation.champion == "a2i Programme")
        #expect(innovation.themes == ["digital-government", "civil-registration"])
        #expect(innovation.sdgTargets == ["16.9", "1.a"])
        #expect(innovation.tags == ["one-stop-shop", "e-services"])
        #expect(innovation.scale == .national)
        #expect(innovation.beneficiaries == 6_000_000)
        #expect(innovation.evidenceLevel == .evaluated)
        #expect(innovation.languages == ["bn", "en"])
        #expect(innovation.yearStarted == 2010)
        #expect(innovation.url == "https://a2i.gov.bd")
        #expect(innovation.values == values)
    }

    @Test("An innovation without optional values keeps them null")
    func innovationOptionals() throws {
        var input = Fixture.innovation
        input["beneficiaries"] = nil
        input["year_started"] = nil
        input["url"] = nil
        input["tags"] = nil
        let values = try #require(Fixture.validator.validate(input, kind: .innovation).success)
        let innovation = Innovation(validated: values)
        #expect(innovation.beneficiaries == nil)
        #expect(innovation.yearStarted == nil)
        #expect(innovation.url == nil)
        #expect(innovation.tags == [])
        #expect(innovation.values == values)
        #expect(innovation.values["url"] == .null)
    }

    @Test("Every scale and evidence level survives the round trip",
          arguments: Scale.allCases, EvidenceLevel.allCases)
    func enumerations(_ scale: Scale, _ level: EvidenceLevel) throws {
        var input = Fixture.innovation
        input["scale"] = .text(scale.rawValue)
        input["evidence_level"] = .text(level.rawValue)
        let values = try #require(Fixture.validator.validate(input, kind: .innovation).success)
        let innovation = Innovation(validated: values)
        #expect(innovation.scale == scale)
        #expect(innovation.evidenceLevel == level)
        #expect(innovation.values == values)
    }

    @Test("A need reads its validated values and gives them back")
    func needRoundTrip() throws {
        let values = try #require(Fixture.validator.validate(Fixture.need, kind: .need).success)
        let need = Need(validated: values)
        #expect(need.ref == "NEED-BEN-001")
        #expect(need.country == "BEN")
        #expect(need.supportTypes == ["study-visit", "technical-assistance"])
        #expect(need.languages == ["fr"])
        #expect(need.created == "2025-03-14")
        #expect(need.values == values)
    }

    @Test("Values have exactly the fields of their kind")
    func valuesHaveTheFields() throws {
        let innovation = Innovation(validated: try #require(Fixture.validator.validate(Fixture.innovation, kind: .innovation).success))
        let need = Need(validated: try #require(Fixture.validator.validate(Fixture.need, kind: .need).success))
        #expect(Set(innovation.values.keys) == Set(EntryKind.innovation.fields.map(\.name)))
        #expect(Set(need.values.keys) == Set(EntryKind.need.fields.map(\.name)))
    }

    @Test("Entry kinds name their country field and plural")
    func kinds() {
        #expect(EntryKind.innovation.countryField == "origin_country")
        #expect(EntryKind.need.countryField == "country")
        #expect(EntryKind.innovation.plural == "innovations")
        #expect(EntryKind.need.plural == "needs")
        #expect(EntryKind.innovation.fields.map(\.name) == [
            "ref", "title", "summary", "description", "origin_country", "champion", "themes", "sdg_targets", "tags",
            "scale", "beneficiaries", "evidence_level", "evidence", "language", "languages", "year_started", "url",
        ])
        #expect(EntryKind.need.fields.map(\.name) == [
            "ref", "title", "description", "country", "themes", "sdg_targets", "tags", "support_types", "language", "languages", "created",
        ])
    }
}
