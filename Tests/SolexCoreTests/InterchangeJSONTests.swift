import SolexCore
import Testing

@Suite("InterchangeJSON")
struct InterchangeJSONTests {
    /// A need whose every field is given.
    private func need(title: String = "T", description: String = "D", tags: [String] = []) -> FieldValues {
        [
            "ref": .text("N-1"), "title": .text(title), "description": .text(description), "country": .text("BGD"),
            "themes": .list([]), "sdg_targets": .list(["16.9", "1.a"]), "tags": .list(tags),
            "support_types": .list(["study-visit"]), "language": .text("en"), "languages": .list(["en"]), "created": .text("2025-01-31"),
        ]
    }

    @Test("Keys in field order, ', ' and ': ' separators, empty lists")
    func needLine() {
        #expect(InterchangeJSON.line(need(), kind: .need) == #"""
            {"ref": "N-1", "title": "T", "description": "D", "country": "BGD", "themes": [], "sdg_targets": ["16.9", "1.a"], "tags": [], "support_types": ["study-visit"], "language": "en", "languages": ["en"], "created": "2025-01-31"}
            """#)
    }

    @Test("Integers, nulls, and missing fields written as null or []")
    func innovationLine() {
        let values: FieldValues = [
            "ref": .text("I-1"), "title": .text("T"), "summary": .text("S"), "description": .text("D"),
            "origin_country": .text("THA"), "champion": .text("C"), "themes": .list(["health"]),
            "scale": .text("pilot"), "beneficiaries": .integer(1_200_000), "evidence_level": .text("anecdotal"),
            "evidence": .text(""), "language": .text("th"), "languages": .list(["th", "en"]), "year_started": .integer(2019), "url": .null,
        ]
        #expect(InterchangeJSON.line(values, kind: .innovation) == #"""
            {"ref": "I-1", "title": "T", "summary": "S", "description": "D", "origin_country": "THA", "champion": "C", "themes": ["health"], "sdg_targets": [], "tags": [], "scale": "pilot", "beneficiaries": 1200000, "evidence_level": "anecdotal", "evidence": "", "language": "th", "languages": ["th", "en"], "year_started": 2019, "url": null}
            """#)
    }

    @Test("Strings are escaped as Python's json.dumps(ensure_ascii=False) escapes them", arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        ("a\nb", #""a\nb""#),
        ("a\rb", #""a\rb""#),
        ("a\r\nb", #""a\r\nb""#),
        ("a\tb", #""a\tb""#),
        ("a\u{08}b", #""a\bb""#),
        ("a\u{0C}b", #""a\fb""#),
        ("a\u{01}b", #""a\u0001b""#),
        ("\u{00}", #""\u0000""#),
        ("a\u{1F}b", #""a\u001fb""#),
        ("a\u{1B}b", #""a\u001bb""#),
        ("del\u{7F}", "\"del\u{7F}\""),
        ("line\u{2028}sep", "\"line\u{2028}sep\""),
        ("/slash/", #""/slash/""#),
        ("café é", #""café é""#),
        ("বাংলাদেশ", #""বাংলাদেশ""#),
        ("ประเทศไทย", #""ประเทศไทย""#),
        ("العربية", #""العربية""#),
        ("e\u{301}", "\"e\u{301}\""),
        ("😀", #""😀""#),
        ("", "\"\""),
    ])
    func escapes(_ text: String, _ expected: String) {
        var out = ""
        InterchangeJSON.appendString(text, to: &out)
        #expect(Array(out.unicodeScalars) == Array(expected.unicodeScalars))
        let line = InterchangeJSON.line(need(title: text), kind: .need)
        #expect(line.contains(#""title": "# + expected + #", "description""#))
    }

    @Test("A whole record with every kind of escape, byte for byte")
    func wholeRecord() {
        let line = InterchangeJSON.line(
            need(title: "Say \"hi\" \\ back", description: "a\nb\rc\td\u{08}e\u{0C}f\u{01}g\u{7F}h", tags: ["é", "বাংলা", "ไทย"]),
            kind: .need)
        let expected = #"{"ref": "N-1", "title": "Say \"hi\" \\ back", "description": "a\nb\rc\td\be\ff\u0001g"#
            + "\u{7F}" + #"h", "country": "BGD", "themes": [], "sdg_targets": ["16.9", "1.a"], "tags": ["é", "বাংলা", "ไทย"], "support_types": ["study-visit"], "language": "en", "languages": ["en"], "created": "2025-01-31"}"#
        #expect(Array(line.utf8) == Array(expected.utf8))
    }

    @Test("A written line parses back to the same values")
    func roundTrip() throws {
        let values = need(title: "q\"\\\u{01}\u{7F}বাংলা", description: "a\r\nb\u{0C}", tags: ["x", "é"])
        #expect(try InterchangeJSON.parse(Substring(InterchangeJSON.line(values, kind: .need))) == values)
    }

    @Test("JSON values become field values", arguments: [
        (#"{"v": 42}"#, FieldValue.integer(42)),
        (#"{"v": -7}"#, .integer(-7)),
        (#"{"v": 0}"#, .integer(0)),
        (#"{"v": 1}"#, .integer(1)),
        (#"{"v": 10000000000}"#, .integer(10_000_000_000)),
        (#"{"v": 1.0}"#, .integer(1)),
        (#"{"v": 2.0}"#, .integer(2)),
        (#"{"v": 1.5}"#, .unsupported("a decimal number")),
        (#"{"v": 1e300}"#, .unsupported("a decimal number")),
        (#"{"v": true}"#, .unsupported("true/false")),
        (#"{"v": false}"#, .unsupported("true/false")),
        (#"{"v": {}}"#, .unsupported("an object")),
        (#"{"v": {"a": "b"}}"#, .unsupported("an object")),
        (#"{"v": [1, 2]}"#, .unsupported("a list with non-text items")),
        (#"{"v": ["a", null]}"#, .unsupported("a list with non-text items")),
        (#"{"v": ["a", ["b"]]}"#, .unsupported("a list with non-text items")),
        (#"{"v": []}"#, .list([])),
        (#"{"v": ["a", "b"]}"#, .list(["a", "b"])),
        (#"{"v": null}"#, .null),
        (#"{"v": ""}"#, .text("")),
        (#"{"v": "1"}"#, .text("1")),
        (#"{"v": "a\nb\u0001\u00e9"}"#, .text("a\nb\u{01}é")),
        (#"{"v": "\ud83d\ude00"}"#, .text("😀")),
    ])
    func parsesValues(_ json: String, _ expected: FieldValue) throws {
        let values = try InterchangeJSON.parse(Substring(json))
        #expect(values == ["v": expected])
    }

    @Test("Several keys, unknown keys kept")
    func parsesObject() throws {
        let values = try InterchangeJSON.parse(#"{"ref": "A", "n": 3, "extra": [], "x": null}"#)
        #expect(values == ["ref": .text("A"), "n": .integer(3), "extra": .list([]), "x": .null])
    }

    @Test("Invalid JSON is a syntax error", arguments: [
        "", "{", #"{"ref": }"#, "not json", #"{'a': 1}"#, #"{"a": 1} x"#, #"{"a": NaN}"#,
        #"{"a": 01}"#, "{\"a\": \"raw\ttab\"}", #"{"a": "\x"}"#,
    ])
    func invalidJSON(_ line: String) {
        #expect(throws: InterchangeJSON.SyntaxError.self) { try InterchangeJSON.parse(Substring(line)) }
        do {
            _ = try InterchangeJSON.parse(Substring(line))
        } catch {
            #expect(error.reason == "is not valid JSON")
        }
    }

    @Test("A trailing comma is invalid JSON, as Python's json module says", arguments: [
        #"{"ref": "A",}"#, #"{"tags": ["a",]}"#,
    ])
    func trailingComma(_ line: String) {
        #expect(throws: InterchangeJSON.SyntaxError.self) { try InterchangeJSON.parse(Substring(line)) }
    }

    @Test("JSON that is not an object is a syntax error", arguments: [
        "[]", #"[{"ref": "A"}]"#, #""text""#, "42", "null", "true",
    ])
    func notAnObject(_ line: String) {
        #expect(throws: InterchangeJSON.SyntaxError.self) { try InterchangeJSON.parse(Substring(line)) }
        do {
            _ = try InterchangeJSON.parse(Substring(line))
        } catch {
            #expect(error.reason == "is not a JSON object")
        }
    }
}
