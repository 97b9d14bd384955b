import Testing
@testable import SolexText

@Suite("Word tokenizer")
struct WordTokenizerTests {
    @Test("segments and folds words in every script", arguments: [
        ("Bénin", ["benin"]),
        ("São Tomé e Príncipe", ["sao", "tome", "e", "principe"]),
        ("ÉTAT CIVIL, état-civil", ["etat", "civil", "etat", "civil"]),
        ("สวัสดีครับภาษาไทยง่ายนิดเดียว", ["สวัสดี", "ครับ", "ภาษา", "ไทย", "ง่าย", "นิด", "เดียว"]),
        ("বাংলাদেশ ডিজিটাল সেন্টার", ["বাংলাদেশ", "ডিজিটাল", "সেন্টার"]),
        ("التسجيل المدنـــي", ["التسجيل", "المدني"]),
        ("SDG 16.9 e-KYC", ["sdg", "16.9", "e", "kyc"]),
        ("ｆｕｌｌ－ｗｉｄｔｈ ﬁle", ["full", "width", "file"]),
        ("Tiếng Việt", ["tieng", "viet"]),
        ("l'état civil", ["l", "etat", "civil"]),
        ("registre d’identité", ["registre", "d", "identite"]),
        ("women's groups", ["women", "s", "groups"]),
        ("", []),
        ("  …!?  ", []),
    ])
    func tokens(text: String, expected: [String]) {
        #expect(WordTokenizer.tokens(text) == expected)
        #expect(WordTokenizer.words(text).map(\.text) == expected, "words and tokens agree")
    }

    @Test("word ranges point at the original UTF-8 bytes")
    func ranges() {
        let text = "Dhaka: ঢাকা"
        let words = WordTokenizer.words(text)
        let bytes = Array(text.utf8)
        #expect(words.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["Dhaka", "ঢাকা"])
    }

    @Test("long texts with many words are split completely")
    func longText() {
        let text = Array(repeating: "word", count: 5_000).joined(separator: " ")
        #expect(WordTokenizer.tokens(text).count == 5_000)
    }
}
