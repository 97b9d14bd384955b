import SolexCore
import Testing

/// One line of the parsing table: what was typed, the required groups and the excluded terms.
struct ParsingCase: Sendable, CustomTestStringConvertible {
    let input: String
    let required: [[SearchExpression.Term]]
    let excluded: [SearchExpression.Term]

    init(_ input: String, _ required: [[SearchExpression.Term]], _ excluded: [SearchExpression.Term] = []) {
        self.input = input
        self.required = required
        self.excluded = excluded
    }

    var testDescription: String { input.debugDescription }
}

/// One line of the FTS5 table: what was typed and the two FTS5 strings expected.
struct FTSCase: Sendable, CustomTestStringConvertible {
    let input: String
    let required: String?
    let excluded: String?

    init(_ input: String, _ required: String?, _ excluded: String? = nil) {
        self.input = input
        self.required = required
        self.excluded = excluded
    }

    var testDescription: String { input.debugDescription }
}

/// A query string shown briefly in test logs (some are thousands of characters long).
struct ShortText: Sendable, CustomTestStringConvertible {
    let text: String

    var testDescription: String {
        text.count <= 40 ? text.debugDescription : "\(String(text.prefix(12)).debugDescription)… (\(text.count) characters)"
    }
}

@Suite("Search expression")
struct SearchExpressionTests {
    typealias Term = SearchExpression.Term

    static let parsing: [ParsingCase] = [
        // Words, phrases, prefixes.
        ParsingCase("birth registration", [[.word("birth")], [.word("registration")]]),
        ParsingCase("  spaced \t  out  ", [[.word("spaced")], [.word("out")]]),
        ParsingCase("\"birth registration\"", [[.phrase("birth registration")]]),
        ParsingCase("\"birth registration\" benin", [[.phrase("birth registration")], [.word("benin")]]),
        ParsingCase("regist*", [[.prefix("regist")]]),
        ParsingCase("regist* civil", [[.prefix("regist")], [.word("civil")]]),
        ParsingCase("état-civil", [[.word("état-civil")]]),
        ParsingCase("ลงทะเบียน", [[.word("ลงทะเบียน")]]),
        ParsingCase("জন্ম নিবন্ধন", [[.word("জন্ম")], [.word("নিবন্ধন")]]),
        ParsingCase("السجل المدنـــي", [[.word("السجل")], [.word("المدنـــي")]]),
        ParsingCase("or and", [[.word("or")], [.word("and")]]),
        // OR joins its neighbours into one group.
        ParsingCase("birth OR naissance", [[.word("birth"), .word("naissance")]]),
        ParsingCase("a OR b OR c d", [[.word("a"), .word("b"), .word("c")], [.word("d")]]),
        ParsingCase("\"civil status\" OR regist*", [[.phrase("civil status"), .prefix("regist")]]),
        ParsingCase("OR birth", [[.word("birth")]]),
        ParsingCase("birth OR", [[.word("birth")]]),
        ParsingCase("OR", []),
        ParsingCase("OR OR OR", []),
        ParsingCase("a OR OR b", [[.word("a"), .word("b")]]),
        // Exclusions.
        ParsingCase("registration -land", [[.word("registration")]], [.word("land")]),
        ParsingCase("-land", [], [.word("land")]),
        ParsingCase("-\"land registry\" birth", [[.word("birth")]], [.phrase("land registry")]),
        ParsingCase("-regist*", [], [.prefix("regist")]),
        ParsingCase("-OR", [], [.word("OR")]),
        ParsingCase("a OR -b c", [[.word("a")], [.word("c")]], [.word("b")]),
        ParsingCase("- land", [[.word("land")]]),
        ParsingCase("one-stop", [[.word("one-stop")]]),
        // Lone operators and broken syntax.
        ParsingCase("-", []),
        ParsingCase("--", []),
        ParsingCase("*", []),
        ParsingCase("**", []),
        ParsingCase("\"", []),
        ParsingCase("\"\"", []),
        ParsingCase("\" \"", []),
        ParsingCase("\"abc", [[.phrase("abc")]]),
        ParsingCase("\"unbalanced phrase", [[.phrase("unbalanced phrase")]]),
        ParsingCase("abc\"def ghi\"", [[.word("abc")], [.phrase("def ghi")]]),
        ParsingCase("NEAR(", [[.word("NEAR(")]]),
        ParsingCase("NEAR(a b)", [[.word("NEAR(a")], [.word("b)")]]),
        ParsingCase("AND", [[.word("AND")]]),
        ParsingCase("NOT", [[.word("NOT")]]),
        ParsingCase("title:x", [[.word("title:x")]]),
        ParsingCase("'; DROP TABLE need; --", [[.word("DROP")], [.word("TABLE")], [.word("need;")]]),
        ParsingCase("🎉", []),
        ParsingCase("🎉 birth 🚀", [[.word("birth")]]),
        ParsingCase("!?.,;:()[]{}^", []),
        ParsingCase("", []),
        ParsingCase("   ", []),
        ParsingCase("\u{200F}\u{200E}", []),
    ]

    @Test("parses what people type", arguments: parsing)
    func parses(_ line: ParsingCase) {
        let expression = SearchExpression(parsing: line.input)
        #expect(expression.required == line.required)
        #expect(expression.excluded == line.excluded)
        #expect(expression.isEmpty == (line.required.isEmpty && line.excluded.isEmpty))
    }

    static let fts: [FTSCase] = [
        FTSCase("birth registration", #""birth" AND "registration""#),
        FTSCase("\"birth registration\"", #""birth registration""#),
        FTSCase("regist*", #""regist"*"#),
        FTSCase("a OR b c", #"("a" OR "b") AND "c""#),
        FTSCase("a OR b OR \"c d\" e*", #"("a" OR "b" OR "c d") AND "e"*"#),
        FTSCase("registration -land -\"land registry\" -regist*", #""registration""#, #""land" OR "land registry" OR "regist"*"#),
        FTSCase("-land", nil, #""land""#),
        FTSCase("OR", nil, nil),
        FTSCase("", nil, nil),
        FTSCase("NEAR(", #""NEAR(""#),
        FTSCase("AND OR NOT", #"("AND" OR "NOT")"#),
        FTSCase("title:x", #""title:x""#),
        FTSCase("'; DROP TABLE need; --", #""DROP" AND "TABLE" AND "need;""#),
        FTSCase("x^ {y}", #""x^" AND "{y}""#),
    ]

    @Test("builds FTS5 strings with every term quoted", arguments: fts)
    func ftsStrings(_ line: FTSCase) {
        let expression = SearchExpression(parsing: line.input)
        #expect(expression.ftsRequired == line.required)
        #expect(expression.ftsExcluded == line.excluded)
    }

    @Test("double quotes inside a term are doubled in the FTS5 string", arguments: [
        (Term.word("say\"hi"), #""say""hi""#),
        (Term.phrase("a \"b\" c"), #""a ""b"" c""#),
        (Term.prefix("x\""), #""x"""*"#),
        (Term.word("\""), #""""""#),
    ])
    func quotesDoubled(term: Term, expected: String) {
        var expression = SearchExpression(parsing: "")
        expression.required = [[term]]
        expression.excluded = [term]
        #expect(expression.ftsRequired == expected)
        #expect(expression.ftsExcluded == expected)
    }

    @Test("any word makes one OR group of every required term and keeps the exclusions", arguments: [
        ("birth registration", [[Term.word("birth"), .word("registration")]], [Term]()),
        ("a OR b c -d", [[.word("a"), .word("b"), .word("c")]], [.word("d")]),
        ("\"civil status\" regist*", [[.phrase("civil status"), .prefix("regist")]], []),
        ("single", [[.word("single")]], []),
        ("-only", [], [.word("only")]),
        ("", [], []),
    ])
    func anyWord(input: String, required: [[Term]], excluded: [Term]) {
        let any = SearchExpression(parsing: input).anyWord
        #expect(any.required == required)
        #expect(any.excluded == excluded)
    }

    @Test("any word of two words gives an OR query")
    func anyWordFTS() {
        #expect(SearchExpression(parsing: "birth zanzibar -land").anyWord.ftsRequired == #"("birth" OR "zanzibar")"#)
        #expect(SearchExpression(parsing: "birth zanzibar -land").anyWord.ftsExcluded == #""land""#)
    }

    @Test("the required words are listed as typed")
    func requiredWords() {
        #expect(SearchExpression(parsing: "birth OR naissance regist* \"civil status\" -land").requiredWords
            == ["birth", "naissance", "regist*", "civil status"])
    }

    static let hostile: [ShortText] = [
        "\"", "\"\"", "\"\"\"", "\"abc", "abc\"", "a\"b\"c\"d", "*", "**", "a*b*", "-", "--", "- -", "-*", "-\"", "^", "^a", ":",
        "title:x", "title : x", "{title summary}: x", "{", "}", "(", ")", "((a)", "NEAR(", "NEAR(a b, 2)", "a NEAR b", "AND", "OR",
        "NOT", "a AND NOT b", "OR OR", "'; DROP TABLE need; --", "1; DELETE FROM innovation", "\" OR 1=1 --", "%", "_", "\\",
        "\u{0}", "a\u{0}b", "\u{1}\u{2}\u{7F}", "\u{200F}شيء\u{200E}", "\u{202E}abc", "🎉", "👩🏽‍💻 ok", "ـــ", "\u{0301}",
        String(repeating: "a", count: 10_000), String(repeating: "a ", count: 5_000), String(repeating: "\"", count: 10_000),
        String(repeating: "-a OR ", count: 1_700),
    ].map(ShortText.init)

    @Test("any input parses into quoted terms with a letter or digit, never an operator", arguments: hostile)
    func hostileInput(_ input: ShortText) {
        let expression = SearchExpression(parsing: input.text)
        let terms = expression.required.flatMap { $0 } + expression.excluded
        for term in terms {
            switch term {
            case .word(let text), .prefix(let text), .phrase(let text):
                #expect(!text.contains("\""))
                #expect(!text.contains("*"))
                #expect(text.contains { $0.isLetter || $0.isNumber })
            }
        }
        #expect(expression.required.allSatisfy { !$0.isEmpty })
        #expect((expression.ftsRequired == nil) == expression.required.isEmpty)
        #expect((expression.ftsExcluded == nil) == expression.excluded.isEmpty)
    }
}

@Test("OR after an exclusion does not join the next word to the exclusion's neighbour")
func orAfterExclusion() {
    let expression = SearchExpression(parsing: "a -b OR c")
    #expect(expression.required == [[.word("a")], [.word("c")]])
    #expect(expression.excluded == [.word("b")])
}
