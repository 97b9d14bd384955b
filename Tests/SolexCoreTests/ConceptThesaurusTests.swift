import Foundation
import SolexCore
import Testing

/// A small hand-made thesaurus. The core cannot tokenize, so terms and texts are cut here the simple way the store's
/// tokenizer cuts Latin text: lower case, no accents, words split at anything that is not a letter or digit.
enum ThesaurusFixture {
    static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    static func concept(_ id: String, _ theme: String, _ targets: [String], _ names: [String: [String]]) -> Concept {
        Concept(id: id, theme: theme, sdgTargets: targets, names: names, terms: names.mapValues { $0.map(words) })
    }

    static let thesaurus = ConceptThesaurus(concepts: [
        concept("civil-registry", "civil-registration", ["16.9", "17.19"], [
            "en": ["civil registry", "civil registration", "registry office"], "fr": ["état civil", "officier d'état civil"],
            "es": ["registro civil"], "pt": ["registro civil", "registo civil", "cartório"],
        ]),
        concept("birth-registration", "civil-registration", ["16.9"], [
            "en": ["birth registration", "birth certificate"], "fr": ["enregistrement des naissances", "acte de naissance"],
            "es": ["registro de nacimientos", "partida de nacimiento"], "pt": ["registro de nascimento", "certidão de nascimento"],
        ]),
        concept("registration", "digital-government", ["16.6"], ["en": ["registration"], "fr": ["enregistrement"]]),
        concept("mobile-money", "financial-inclusion", ["8.10"], [
            "en": ["mobile money", "mobile wallet"], "fr": ["argent mobile", "monnaie électronique"],
            "es": ["dinero móvil", "billetera móvil"], "pt": ["dinheiro móvel", "carteira digital"],
        ]),
        concept("communicable-diseases", "health", ["3.3"], [
            "en": ["malaria", "epidemic"], "fr": ["paludisme", "épidémie"], "es": ["enfermedades transmisibles"],
            "pt": ["doenças transmissíveis"],
        ]),
        concept("noncommunicable-diseases", "health", ["3.4"], [
            "en": ["non-communicable diseases", "diabetes"], "es": ["enfermedades no transmisibles"],
        ]),
        concept("legal-identity", "civil-registration", ["16.9", "16.10"], ["en": ["legal identity"], "fr": ["pièce d'identité"]]),
    ])

    static func ids(_ text: String) -> [String] {
        thesaurus.hits(in: words(text)).map { thesaurus.concepts[$0.concept].id }
    }
}

@Suite("Concept thesaurus")
struct ConceptThesaurusTests {
    let thesaurus = ThesaurusFixture.thesaurus

    @Test("finds concepts in English, French, Spanish and Portuguese", arguments: [
        ("Civil registry offices in rural districts", ["civil-registry"]),
        ("Les registres d'état civil sont incomplets", ["civil-registry"]),
        ("ÉTAT CIVIL", ["civil-registry"]),
        ("Modernizar el registro civil", ["civil-registry"]),
        ("Conservatória do registo civil", ["civil-registry"]),
        ("Late birth registration", ["birth-registration"]),
        ("Faible enregistrement des naissances", ["birth-registration"]),
        ("registro de nacimientos", ["birth-registration"]),
        ("Registro de nascimento gratuito", ["birth-registration"]),
        ("Pagos con dinero móvil o con la billetera móvil", ["mobile-money", "mobile-money"]),
        ("Le paludisme et les épidémies", ["communicable-diseases", "communicable-diseases"]),
        ("Nothing here names a concept", []),
    ])
    func findsConcepts(text: String, expected: [String]) {
        #expect(ThesaurusFixture.ids(text) == expected)
    }

    @Test("singular and plural meet, and function words in between are skipped", arguments: [
        ("birth registrations", ["birth-registration"]),
        ("birth certificates", ["birth-registration"]),
        ("enregistrement de la naissance", ["birth-registration"]),
        ("registro de los nacimientos", ["birth-registration"]),
        ("actes de naissance", ["birth-registration"]),
        ("officiers de l'état civil", ["civil-registry"]),
    ])
    func tolerantMatching(text: String, expected: [String]) {
        #expect(ThesaurusFixture.ids(text) == expected)
    }

    @Test("the longest term wins and hits never overlap")
    func longestMatch() {
        let words = ThesaurusFixture.words("birth registration and registration of a civil registry")
        let hits = thesaurus.hits(in: words)
        #expect(hits.map { thesaurus.concepts[$0.concept].id } == ["birth-registration", "registration", "civil-registry"])
        #expect(hits.map(\.range) == [0..<2, 3..<4, 6..<8])
        for (first, second) in zip(hits, hits.dropFirst()) { #expect(first.range.upperBound <= second.range.lowerBound) }
        // "enregistrement" alone is the generic concept; followed by "des naissances" it is birth registration.
        #expect(ThesaurusFixture.ids("enregistrement") == ["registration"])
        #expect(ThesaurusFixture.ids("enregistrement des naissances") == ["birth-registration"])
    }

    @Test("a negation is never skipped: 'no transmisibles' is not 'transmisibles'")
    func negation() {
        #expect(ThesaurusFixture.ids("enfermedades no transmisibles") == ["noncommunicable-diseases"])
        #expect(ThesaurusFixture.ids("enfermedades transmisibles") == ["communicable-diseases"])
    }

    @Test("an empty word separates fields: a term never runs across it")
    func fieldSeparator() {
        #expect(thesaurus.hits(in: ["birth", "", "registration"]).map { thesaurus.concepts[$0.concept].id } == ["registration"])
        #expect(thesaurus.hits(in: []).isEmpty)
        #expect(ConceptThesaurus.empty.hits(in: ThesaurusFixture.words("birth registration")).isEmpty)
    }

    @Test("concept tokens are readable, once each, and cannot come out of the tokenizer")
    func tokens() {
        let tokens = thesaurus.tokens(in: ThesaurusFixture.words("état civil, birth registration, registro civil"))
        #expect(tokens == ["≈civil-registry", "≈birth-registration"])
        #expect(tokens.allSatisfy { ThesaurusFixture.words($0) != [$0] })
        #expect(thesaurus.concept("birth-registration")?.label == "birth registration")
        #expect(thesaurus.index(of: "mobile-money") == 3)
        #expect(thesaurus.concept("unknown") == nil)
    }

    @Test("a concept's words: every term's words in every language, and its name in each language")
    func conceptWords() throws {
        let index = try #require(thesaurus.index(of: "birth-registration"))
        let all = thesaurus.allWords(of: index)
        #expect(Set(all).isSuperset(of: ["birth", "registration", "certificate", "enregistrement", "naissances", "acte",
                                         "registro", "nacimientos", "partida", "nascimento", "certidao"]))
        #expect(!all.contains("de") && !all.contains("des"), "function words are left out")
        #expect(all.count == Set(all).count)
        #expect(Set(thesaurus.nameWords(of: index)) == ["birth", "registration", "enregistrement", "naissances", "registro",
                                                          "nacimientos", "nascimento"])
    }

    @Test("suggestions: themes and SDG targets from a statement in any language", arguments: [
        ("état civil", "civil-registration", "16.9"),
        ("Les naissances ne sont pas déclarées: peu d'actes de naissance", "civil-registration", "16.9"),
        ("Los pagos con dinero móvil son caros", "financial-inclusion", "8.10"),
        ("Surtos de doenças transmissíveis nas zonas rurais", "health", "3.3"),
        ("Mobile money for the diabetes clinic, and mobile wallets", "financial-inclusion", "8.10"),
    ])
    func suggestions(text: String, theme: String, target: String) {
        let suggested = thesaurus.suggest(words: ThesaurusFixture.words(text))
        #expect(suggested.themes.first?.id == theme)
        #expect(suggested.sdgTargets.first?.id == target)
        #expect(suggested.themes.allSatisfy { $0.score > 0 && $0.score <= 1 })
        #expect(zip(suggested.themes, suggested.themes.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test("suggestion scores are shares of the concepts found; ties are ordered by id, targets in official order")
    func suggestionScores() {
        let suggested = thesaurus.suggest(words: ThesaurusFixture.words("legal identity and argent mobile"))
        #expect(suggested.themes.map(\.id) == ["civil-registration", "financial-inclusion"])
        #expect(suggested.themes.map(\.score) == [0.5, 0.5])
        #expect(suggested.sdgTargets.map(\.id) == ["8.10", "16.9", "16.10"])
        #expect(suggested.concepts.map(\.id) == ["legal-identity", "mobile-money"])
        // Two hits of one concept weigh 1 + ln 2 against 1.
        let repeated = thesaurus.suggest(words: ThesaurusFixture.words("malaria, paludisme, diabetes"))
        #expect(repeated.concepts.map(\.id) == ["communicable-diseases", "noncommunicable-diseases"])
        #expect(abs(repeated.concepts[0].score - (1 + log(2)) / (2 + log(2))) < 1e-12)
        #expect(repeated.themes.map(\.id) == ["health"])
        #expect(repeated.themes.first?.score == 1)
        #expect(thesaurus.suggest(words: ThesaurusFixture.words("nothing to see")).isEmpty)
        #expect(thesaurus.suggest(words: ThesaurusFixture.words("état civil")) == thesaurus.suggest(words: ThesaurusFixture.words("état civil")))
    }

    @Test("SDG target ids sort in official order", arguments: [
        ("16.9", "16.10", true), ("16.10", "16.a", true), ("1.a", "1.b", true), ("8.10", "16.1", true), ("17.19", "17.2", false),
    ])
    func targetOrder(a: String, b: String, before: Bool) {
        #expect(ConceptThesaurus.targetOrder(a, b) == before)
    }
}
