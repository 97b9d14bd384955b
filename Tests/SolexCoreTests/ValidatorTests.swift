import SolexCore
import Testing

/// One bad value of one field and the reason the validator must give.
struct BadField: Sendable, CustomTestStringConvertible {
    let kind: EntryKind
    let field: String
    /// nil removes the field from the input.
    let value: FieldValue?
    let reason: String

    init(_ kind: EntryKind, _ field: String, _ value: FieldValue?, _ reason: String) {
        self.kind = kind
        self.field = field
        self.value = value
        self.reason = reason
    }

    var testDescription: String {
        let shown = value.map { String(String(describing: $0).prefix(40)) } ?? "absent"
        return "\(kind.rawValue).\(field) = \(shown)"
    }
}

private func long(_ count: Int) -> FieldValue { .text(String(repeating: "a", count: count)) }

private let badInnovationFields: [BadField] = [
    // Required text
    BadField(.innovation, "title", nil, "is required"),
    BadField(.innovation, "title", .text(""), "is required"),
    BadField(.innovation, "title", .text("   "), "is required"),
    BadField(.innovation, "title", .integer(1), "must be text"),
    BadField(.innovation, "summary", .null, "is required"),
    BadField(.innovation, "champion", .text("\t"), "is required"),
    BadField(.innovation, "evidence", .list([]), "must be text"),
    // Lengths
    BadField(.innovation, "title", long(FieldLimits.title + 1), "is 201 characters long; the limit is 200"),
    BadField(.innovation, "summary", long(FieldLimits.summary + 1), "is 1001 characters long; the limit is 1000"),
    BadField(.innovation, "description", long(FieldLimits.description + 1), "is 20001 characters long; the limit is 20000"),
    BadField(.innovation, "champion", long(FieldLimits.champion + 1), "is 201 characters long; the limit is 200"),
    BadField(.innovation, "evidence", long(FieldLimits.evidence + 1), "is 5001 characters long; the limit is 5000"),
    BadField(.innovation, "url", .text("https://example.org/" + String(repeating: "a", count: FieldLimits.url)),
             "the limit is 500"),
    // Ref
    BadField(.innovation, "ref", nil, "is required"),
    BadField(.innovation, "ref", .text(" "), "is required"),
    BadField(.innovation, "ref", .integer(7), "must be text"),
    BadField(.innovation, "ref", long(FieldLimits.ref + 1), "is 41 characters long; the limit is 40"),
    BadField(.innovation, "ref", .text("INN BGD"), "may contain only letters, digits, '.', '_' and '-'"),
    BadField(.innovation, "ref", .text("INN/001"), "may contain only letters"),
    BadField(.innovation, "ref", .text("INN-É"), "may contain only letters"),
    BadField(.innovation, "ref", .text("-INN-001"), "must start with a letter or digit"),
    BadField(.innovation, "ref", .text("_INN"), "must start with a letter or digit"),
    // Country
    BadField(.innovation, "origin_country", .text("XXX"), "'XXX' is not a known country code"),
    BadField(.innovation, "origin_country", .text("bgd"), "'bgd' is not a known country code"),
    BadField(.innovation, "origin_country", .text("BD"), "'BD' is not a known country code"),
    BadField(.innovation, "origin_country", nil, "is required"),
    BadField(.innovation, "origin_country", .list(["BGD"]), "must be text"),
    // Codes
    BadField(.innovation, "themes", .list(["space"]), "'space' is not a known theme"),
    BadField(.innovation, "sdg_targets", .list(["18.1"]), "'18.1' is not a known SDG target"),
    BadField(.innovation, "sdg_targets", .list(["16.9", "1.z"]), "'1.z' is not a known SDG target"),
    BadField(.innovation, "languages", .list(["xx"]), "'xx' is not a known language code"),
    BadField(.innovation, "themes", .list(["health", "health"]), "lists 'health' twice"),
    BadField(.innovation, "sdg_targets", .list(["16.9", "1.1", "16.9"]), "lists '16.9' twice"),
    BadField(.innovation, "languages", .list(["en", "bn", "en"]), "lists 'en' twice"),
    BadField(.innovation, "themes", .list([]), "needs at least one value"),
    BadField(.innovation, "themes", nil, "needs at least one value"),
    BadField(.innovation, "language", .text("xx"), "'xx' is not a known language code"),
    BadField(.innovation, "themes", .text("health"), "must be a list"),
    BadField(.innovation, "sdg_targets", .unsupported("an object"), "must be a list"),
    // Enumerations
    BadField(.innovation, "scale", .text("global"), "'global' is not one of pilot, subnational, national, multinational"),
    BadField(.innovation, "scale", .text("National"), "'National' is not one of"),
    BadField(.innovation, "scale", nil, "is required"),
    BadField(.innovation, "evidence_level", .text("strong"),
             "'strong' is not one of anecdotal, monitored, evaluated, experimental"),
    // Numbers
    BadField(.innovation, "beneficiaries", .integer(-1), "must be between 0 and 10000000000"),
    BadField(.innovation, "beneficiaries", .integer(10_000_000_001), "must be between 0 and 10000000000"),
    BadField(.innovation, "beneficiaries", .text("1.5"), "must be a whole number or empty"),
    BadField(.innovation, "beneficiaries", .text("many"), "must be a whole number or empty"),
    BadField(.innovation, "beneficiaries", .unsupported("a decimal number"), "must be a whole number or empty"),
    BadField(.innovation, "year_started", .integer(1799), "must be between 1800 and 2026"),
    BadField(.innovation, "year_started", .integer(Fixture.currentYear + 2), "must be between 1800 and 2026"),
    // URL
    BadField(.innovation, "url", .text("ftp://example.org"), "must be a web address starting with https:// or http://"),
    BadField(.innovation, "url", .text("www.example.org"), "must be a web address starting with https://"),
    BadField(.innovation, "url", .text("https://"), "must be a web address starting with https://"),
    BadField(.innovation, "url", .text("https://example.org/a b"), "must be a web address starting with https://"),
    BadField(.innovation, "url", .text("javascript:alert(1)"), "must be a web address starting with https://"),
    BadField(.innovation, "url", .integer(1), "must be a web address or null"),
    // Tags
    BadField(.innovation, "tags", .list(["a;b"]), "has the tag 'a;b' with ';', a line break"),
    BadField(.innovation, "tags", .list(["a\nb"]), "with ';', a line break"),
    BadField(.innovation, "tags", .list([""]), "has an empty tag"),
    BadField(.innovation, "tags", .list(["ok", "  "]), "has an empty tag"),
    BadField(.innovation, "tags", .list([String(repeating: "t", count: FieldLimits.tagLength + 1)]),
             "of 61 characters; the limit is 60"),
    BadField(.innovation, "tags", .list((1...FieldLimits.tagCount + 1).map { "t\($0)" }), "has 21 tags; the limit is 20"),
    BadField(.innovation, "tags", .list(["x", "y", "x"]), "lists 'x' twice"),
    BadField(.innovation, "tags", .text("x"), "must be a list"),
    // Control characters and line breaks
    BadField(.innovation, "title", .text("a\u{01}b"), "contains the control character U+0001"),
    BadField(.innovation, "summary", .text("a\u{7F}b"), "contains the control character U+007F"),
    BadField(.innovation, "description", .text("a\u{00}b"), "contains the control character U+0000"),
    BadField(.innovation, "evidence", .text("a\u{1B}[0m"), "contains the control character U+001B"),
    BadField(.innovation, "title", .text("two\nlines"), "must be a single line"),
    BadField(.innovation, "champion", .text("two\rlines"), "must be a single line"),
    BadField(.innovation, "title", .text("two\r\nlines"), "must be a single line"),
    // Unknown keys
    BadField(.innovation, "colour", .text("red"), "is not a field of an innovation"),
    BadField(.innovation, "country", .text("BGD"), "is not a field of an innovation"),
]

private let badNeedFields: [BadField] = [
    BadField(.need, "title", nil, "is required"),
    BadField(.need, "title", long(FieldLimits.title + 1), "is 201 characters long; the limit is 200"),
    BadField(.need, "description", long(FieldLimits.description + 1), "is 20001 characters long; the limit is 20000"),
    BadField(.need, "description", .text("a\u{07}"), "contains the control character U+0007"),
    BadField(.need, "ref", .text("NEED 1"), "may contain only letters"),
    BadField(.need, "country", .text("XXX"), "'XXX' is not a known country code"),
    BadField(.need, "country", nil, "is required"),
    BadField(.need, "themes", .list(["space"]), "'space' is not a known theme"),
    BadField(.need, "sdg_targets", .list(["1.z"]), "'1.z' is not a known SDG target"),
    BadField(.need, "support_types", .list(["training"]),
             "'training' is not one of study-visit, technical-assistance, peer-learning, secondment, software-transfer, financing"),
    BadField(.need, "support_types", .list(["financing", "financing"]), "lists 'financing' twice"),
    BadField(.need, "language", .text("zz"), "'zz' is not a known language code"),
    BadField(.need, "tags", .list(["x;y"]), "with ';', a line break"),
    BadField(.need, "description", .text("marked \u{E000}text"), "contains the character U+E000, which Solex reserves"),
    BadField(.need, "created", .text("2025-02-30"), "must be a date written YYYY-MM-DD"),
    BadField(.need, "created", .text("2025-2-3"), "must be a date written YYYY-MM-DD"),
    BadField(.need, "created", .text("14/03/2025"), "must be a date written YYYY-MM-DD"),
    BadField(.need, "created", .text(""), "is required"),
    BadField(.need, "created", nil, "is required"),
    BadField(.need, "created", .integer(20250314), "must be text"),
    BadField(.need, "summary", .text("A summary"), "is not a field of a need"),
    BadField(.need, "origin_country", .text("BEN"), "is not a field of a need"),
]

@Suite("EntryValidator")
struct ValidatorTests {
    @Test("The fixtures are valid")
    func fixturesAreValid() {
        for kind in EntryKind.allCases {
            let result = Fixture.validator.validate(Fixture.valid(kind), kind: kind)
            #expect(result.failure == nil, "\(kind)")
            #expect(result.success == Fixture.valid(kind), "\(kind)")
        }
    }

    @Test("A bad value is reported on its field with a reason", arguments: badInnovationFields + badNeedFields)
    func rejects(_ bad: BadField) throws {
        var input = Fixture.valid(bad.kind)
        input[bad.field] = bad.value
        let failure = try #require(Fixture.validator.validate(input, kind: bad.kind).failure)
        #expect(failure.errors.count == 1, "\(failure.errors)")
        let error = try #require(failure.errors.first)
        #expect(error.field == bad.field)
        #expect(error.reason.contains(bad.reason), "reason was: \(error.reason)")
    }

    @Test("Values at the limits are accepted", arguments: [
        ("title", long(FieldLimits.title)),
        ("summary", long(FieldLimits.summary)),
        ("champion", long(FieldLimits.champion)),
        ("ref", .text(String(repeating: "R", count: FieldLimits.ref))),
        ("ref", .text("1.a_b-C")),
        ("title", .text("tab\there")),
        ("summary", .text("two\nlines\r\nand more")),
        ("evidence", .text("")),
        ("beneficiaries", .integer(0)),
        ("beneficiaries", .integer(10_000_000_000)),
        ("year_started", .integer(1800)),
        ("year_started", .integer(Fixture.currentYear + 1)),
        ("url", .text("http://example.org")),
        ("url", .text("HTTPS://example.org/path?q=1")),
        ("tags", .list([String(repeating: "t", count: FieldLimits.tagLength)])),
        ("tags", .list((1...FieldLimits.tagCount).map { "t\($0)" })),
        ("tags", .list(["বাংলা", "ไทย"])),
        ("themes", .list(["health", "digital-government", "civil-registration"])),
    ] as [(String, FieldValue)])
    func acceptsAtTheLimit(_ field: String, _ value: FieldValue) throws {
        var input = Fixture.innovation
        input[field] = value
        let output = try #require(Fixture.validator.validate(input, kind: .innovation).success)
        #expect(output[field] == value)
    }

    @Test("Empty optional values become null", arguments: [
        ("beneficiaries", FieldValue.text("")), ("beneficiaries", .text("  ")), ("beneficiaries", .null),
        ("year_started", .text("")), ("url", .text("")), ("url", .null),
    ])
    func emptyOptionalBecomesNull(_ field: String, _ value: FieldValue) throws {
        var input = Fixture.innovation
        input[field] = value
        let output = try #require(Fixture.validator.validate(input, kind: .innovation).success)
        #expect(output[field] == .null)
    }

    @Test("A minimal innovation comes back with every field, in canonical form")
    func minimalInnovationIsCanonical() throws {
        var input = Fixture.innovation
        for optional in ["sdg_targets", "tags", "beneficiaries", "evidence", "year_started", "url"] {
            input[optional] = nil
        }
        let output = try #require(Fixture.validator.validate(input, kind: .innovation).success)
        #expect(Set(output.keys) == Set(InnovationFields.all.map(\.name)))
        #expect(output["sdg_targets"] == .list([]))
        #expect(output["tags"] == .list([]))
        #expect(output["beneficiaries"] == .null)
        #expect(output["year_started"] == .null)
        #expect(output["url"] == .null)
        #expect(output["evidence"] == .text(""))
        #expect(output["title"] == Fixture.innovation["title"])
        #expect(output["languages"] == .list(["bn", "en"]))
    }

    @Test("A minimal need comes back with every field, in canonical form")
    func minimalNeedIsCanonical() throws {
        var input = Fixture.need
        for optional in ["themes", "sdg_targets", "tags", "support_types"] {
            input[optional] = nil
        }
        let output = try #require(Fixture.validator.validate(input, kind: .need).success)
        #expect(Set(output.keys) == Set(NeedFields.all.map(\.name)))
        for list in ["themes", "sdg_targets", "tags", "support_types"] {
            #expect(output[list] == .list([]), "\(list)")
        }
        #expect(output["created"] == .text("2025-03-14"))
    }

    @Test("Every problem is reported, in field order, unknown keys last and sorted")
    func reportsEveryProblem() throws {
        var input = Fixture.innovation
        input["zebra"] = .text("z")
        input["url"] = .text("nope")
        input["title"] = nil
        input["alpha"] = .integer(1)
        input["origin_country"] = .text("XXX")
        let failure = try #require(Fixture.validator.validate(input, kind: .innovation).failure)
        #expect(failure.errors.map(\.field) == ["title", "origin_country", "url", "alpha", "zebra"])
    }

    @Test("The latest year follows the validator's current year")
    func yearFollowsCurrentYear() {
        var input = Fixture.innovation
        input["year_started"] = .integer(2031)
        let in2030 = EntryValidator(reference: Fixture.reference, currentYear: 2030)
        let in2029 = EntryValidator(reference: Fixture.reference, currentYear: 2029)
        #expect(in2030.validate(input, kind: .innovation).success != nil)
        #expect(in2029.validate(input, kind: .innovation).failure?.errors == [
            FieldError(field: "year_started", reason: "must be between 1800 and 2030"),
        ])
    }

    @Test("isCalendarDate", arguments: [
        ("2024-02-29", true), ("2000-02-29", true), ("2023-02-28", true), ("2025-12-31", true), ("1800-01-01", true),
        ("2023-02-29", false), ("1900-02-29", false), ("2100-02-29", false), ("2025-02-30", false), ("2025-04-31", false),
        ("2025-2-3", false), ("2025-02-3", false), ("25-02-03", false), ("2025-13-01", false), ("2025-00-10", false),
        ("2025-01-00", false), ("2025-01-32", false), ("20250101", false), ("2025/01/01", false), ("2025-01-01T00:00", false),
        (" 2025-01-01", false), ("2025-01-01 ", false), ("+025-01-01", false), ("２０２５-01-01", false), ("", false),
        ("2025-01-01-01", false),
    ])
    func calendarDate(_ text: String, _ valid: Bool) {
        #expect(EntryValidator.isCalendarDate(text) == valid)
    }

    @Test("isValidRef", arguments: [
        ("INN-BGD-001", true), ("a", true), ("7", true), ("1.2_3-x", true), ("NEED.BEN_2025", true),
        (String(repeating: "x", count: 100), true),
        ("", false), ("-abc", false), (".abc", false), ("_abc", false), ("a b", false), ("a/b", false), ("a+b", false),
        ("É", false), ("aé", false), ("a\n", false), ("١٢٣", false), ("ab:c", false),
    ])
    func validRef(_ text: String, _ valid: Bool) {
        #expect(EntryValidator.isValidRef(text) == valid)
    }
}
