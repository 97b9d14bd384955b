import SolexCore
import Testing

@Suite("TextualInput")
struct TextualInputTests {
    private func spec(_ name: String, _ kind: EntryKind = .innovation) throws -> FieldSpec {
        try #require(kind.fields.first { $0.name == name })
    }

    @Test("Lists are split on ';', items trimmed, empty items dropped", arguments: [
        ("", [String]()),
        ("   ", []),
        (";;", []),
        ("health", ["health"]),
        ("health;digital-government", ["health", "digital-government"]),
        (" health ; ;digital-government; ", ["health", "digital-government"]),
        ("a;\n b\t;c\r\n", ["a", "b", "c"]),
        ("one stop shop; e-kyc", ["one stop shop", "e-kyc"]),
        ("বাংলা;ไทย", ["বাংলা", "ไทย"]),
    ])
    func splitsLists(_ cell: String, _ items: [String]) throws {
        #expect(TextualInput.splitList(cell) == items)
        #expect(TextualInput.value(of: cell, for: try spec("themes")) == .list(items))
        #expect(TextualInput.value(of: cell, for: try spec("support_types", .need)) == .list(items))
    }

    @Test("Whole numbers are parsed; anything else is kept as text for the validator", arguments: [
        ("42", FieldValue.integer(42)),
        (" 42 ", .integer(42)),
        ("0", .integer(0)),
        ("-3", .integer(-3)),
        ("10000000000", .integer(10_000_000_000)),
        ("", .null),
        ("   ", .null),
        ("1.5", .text("1.5")),
        ("1,000", .text("1,000")),
        ("many", .text("many")),
        ("99999999999999999999", .text("99999999999999999999")),
    ])
    func parsesIntegers(_ cell: String, _ value: FieldValue) throws {
        #expect(TextualInput.value(of: cell, for: try spec("beneficiaries")) == value)
        #expect(TextualInput.value(of: cell, for: try spec("year_started")) == value)
    }

    @Test("An empty cell of an optional field is null; of other fields, empty text")
    func emptyCells() throws {
        #expect(TextualInput.value(of: "", for: try spec("url")) == .null)
        #expect(TextualInput.value(of: "https://example.org", for: try spec("url")) == .text("https://example.org"))
        #expect(TextualInput.value(of: "", for: try spec("evidence")) == .text(""))
        #expect(TextualInput.value(of: "", for: try spec("title")) == .text(""))
        #expect(TextualInput.value(of: "", for: try spec("created", .need)) == .text(""))
        #expect(TextualInput.value(of: " BGD ", for: try spec("origin_country")) == .text(" BGD "))
    }

    @Test("Cells of canonical values", arguments: [
        (FieldValue.null, ""),
        (.unsupported("an object"), ""),
        (.text("a, \"b\"\nc"), "a, \"b\"\nc"),
        (.integer(1_200_000), "1200000"),
        (.integer(-5), "-5"),
        (.list([]), ""),
        (.list(["health"]), "health"),
        (.list(["health", "digital-government", "é"]), "health;digital-government;é"),
    ])
    func cells(_ value: FieldValue, _ cell: String) {
        #expect(TextualInput.cell(of: value) == cell)
    }

    @Test("A list cell splits back to the same list")
    func listRoundTrip() {
        let items = ["one-stop-shop", "e-kyc", "বাংলা"]
        #expect(TextualInput.splitList(TextualInput.cell(of: .list(items))) == items)
    }

    @Test("A row of cells validates like the JSON record")
    func rowValidates() throws {
        var input = FieldValues()
        for spec in InnovationFields.all {
            input[spec.name] = TextualInput.value(of: TextualInput.cell(of: Fixture.innovation[spec.name] ?? .null), for: spec)
        }
        #expect(Fixture.validator.validate(input, kind: .innovation).success == Fixture.innovation)
    }
}
