import Foundation
import SolexCore
@testable import SolexStore
import Testing

@Suite("Concept thesaurus seeds")
struct ThesaurusSeedTests {
    let reference = Seeds.reference
    var thesaurus: ConceptThesaurus { reference.thesaurus }

    @Test("every theme has at least ten concepts, each named in English, French, Spanish and Portuguese")
    func coverage() {
        #expect(thesaurus.concepts.count >= 160)
        #expect(Set(thesaurus.concepts.map(\.id)).count == thesaurus.concepts.count)
        for theme in reference.themes {
            #expect(thesaurus.concepts.filter { $0.theme == theme.slug }.count >= 10, "\(theme.slug)")
        }
        for concept in thesaurus.concepts {
            #expect(Set(concept.names.keys) == ["en", "fr", "es", "pt"], "\(concept.id)")
            #expect(concept.names.values.allSatisfy { $0.count >= 2 }, "\(concept.id) has several terms per language")
            #expect(!concept.sdgTargets.isEmpty && concept.sdgTargets.allSatisfy { reference.target($0) != nil }, "\(concept.id)")
            #expect(concept.terms.values.joined().allSatisfy { !$0.isEmpty }, "\(concept.id)")
        }
    }

    @Test("statements in any of the four languages suggest the right theme and SDG target", arguments: [
        ("état civil", "civil-registration", "16.9"),
        ("Enregistrement des naissances dans les villages", "civil-registration", "16.9"),
        ("Registro de nacimientos en zonas rurales", "civil-registration", "16.9"),
        ("Registro de nascimentos nas aldeias", "civil-registration", "16.9"),
        ("Mobile money agents in rural areas", "financial-inclusion", "8.10"),
        ("Acceso al agua potable", "water-sanitation", "6.1"),
        ("Défécation à l'air libre et latrines", "water-sanitation", "6.2"),
        ("Campañas de vacunación", "health", "3.b"),
        ("Desemprego juvenil nas cidades", "employment-skills", "8.6"),
        ("Violences conjugales", "gender-inclusion", "5.2"),
        ("Le cadastre et les titres fonciers", "land-administration", "1.4"),
        ("Système d'alerte précoce aux inondations", "disaster-risk", "13.1"),
        ("Paneles solares para escuelas rurales", "energy", "7.2"),
        ("Aide juridictionnelle gratuite", "justice", "16.3"),
        ("Desmatamento ilegal na Amazônia", "environment-climate", "15.2"),
        ("Ramassage des ordures ménagères", "urban-services", "11.6"),
        ("Cantines scolaires", "education", "4.1"),
        ("Transferts monétaires aux ménages pauvres", "social-protection", "1.3"),
        ("Vulgarisation agricole", "agriculture", "2.3"),
        ("Un guichet unique pour les démarches", "digital-government", "16.6"),
    ])
    func suggestions(text: String, theme: String, target: String) {
        let suggested = thesaurus.suggest(texts: [text])
        #expect(suggested.themes.first?.id == theme, "\(text): \(suggested.themes)")
        #expect(suggested.sdgTargets.contains { $0.id == target }, "\(text): \(suggested.sdgTargets)")
    }

    @Test("the database keeps the thesaurus as read, and a new seed replaces its concepts")
    func storedThesaurus() throws {
        let database = try AppDatabase.inMemory()
        try database.saveReferenceData(reference)
        let stored = try database.referenceData().thesaurus
        #expect(stored.concepts == thesaurus.concepts)
        let fewer = ReferenceData(countries: reference.countries, goals: reference.goals, targets: reference.targets,
                                  themes: reference.themes, languages: reference.languages,
                                  thesaurus: ConceptThesaurus(concepts: Array(thesaurus.concepts.prefix(3))))
        try database.saveReferenceData(fewer)
        #expect(try database.referenceData().thesaurus.concepts.map(\.id) == thesaurus.concepts.prefix(3).map(\.id))
    }

    @Test("the catalogue exposes the thesaurus and suggests from several fields")
    func catalogueSuggestions() throws {
        let catalogue = try makeCatalogue()
        #expect(catalogue.thesaurus.concepts.count == thesaurus.concepts.count)
        let suggested = catalogue.suggestions(for: ["Mobile birth", "registration of births by phone"])
        #expect(suggested.concepts.first?.id == "birth-registration")
        // A term never runs from one field into the next.
        #expect(!catalogue.suggestions(for: ["Mobile birth", "registration"]).concepts.contains { $0.id == "birth-registration" })
        #expect(catalogue.suggestions(for: []).isEmpty)
    }
}

@Suite("Concept thesaurus validation")
struct ThesaurusValidationTests {
    static let header = "concept,theme,sdg_targets,en,fr,es,pt"

    /// A seed folder with the real vocabularies and `concepts` as concepts.csv.
    private func seeds(_ concepts: String, in folder: TemporaryFolder) throws -> SeedDirectory {
        for name in ["countries.csv", "sdg_goals.csv", "sdg_targets.csv", "themes.csv", "languages.csv"] {
            _ = try folder.file(name, try Data(contentsOf: Paths.seeds.appendingPathComponent(name)))
        }
        _ = try folder.file("concepts.csv", concepts)
        return SeedDirectory(folder.url)
    }

    @Test("a valid file loads, its terms cut into words")
    func valid() throws {
        let folder = try TemporaryFolder()
        let directory = try seeds(Self.header + "\nbirth-registration,civil-registration,16.9;17.19,birth registration|birth certificates,"
                                  + "enregistrement des naissances,registro de nacimientos,\"registro de nascimento | certidão\"\n", in: folder)
        let thesaurus = try directory.referenceData().thesaurus
        let concept = try #require(thesaurus.concept("birth-registration"))
        #expect(concept.sdgTargets == ["16.9", "17.19"])
        #expect(concept.names == ["en": ["birth registration", "birth certificates"], "fr": ["enregistrement des naissances"],
                                  "es": ["registro de nacimientos"], "pt": ["registro de nascimento", "certidão"]])
        #expect(concept.terms["pt"] == [["registro", "de", "nascimento"], ["certidao"]])
        #expect(concept.label == "birth registration")
    }

    @Test("problems name the file, the line and the field", arguments: [
        ("birth-registration,civil-registrations,16.9,birth registration,,,", 2, "theme: unknown theme 'civil-registrations'"),
        ("birth-registration,civil-registration,16.9;16.99,birth registration,,,", 2, "sdg_targets: unknown SDG target '16.99'"),
        ("birth-registration,civil-registration,16.9,birth registration,,,\nbirth-registration,health,3.1,births,,,", 3,
         "concept: 'birth-registration' is already defined on line 2"),
        ("Birth Registration,civil-registration,16.9,birth registration,,,", 2, "concept: 'Birth Registration' is not an id"),
        ("birth-registration,civil-registration,16.9, | ,,,", 2, "en, fr, es, pt: the concept has no terms"),
        ("birth-registration,civil-registration,16.9,birth registration,naissances|—,,", 2, "fr: the term '—' has no words"),
        ("birth-registration,civil-registration,16.9,birth registration", 2, "has 4 cells; the header has 7"),
    ])
    func problems(rows: String, line: Int, reason: String) throws {
        let folder = try TemporaryFolder()
        let directory = try seeds(Self.header + "\n" + rows + "\n", in: folder)
        do {
            _ = try directory.referenceData()
            Issue.record("no error for \(rows)")
        } catch let error as SeedError {
            #expect(error.file == "concepts.csv")
            #expect(error.line == line)
            #expect(error.reason.hasPrefix(reason), "\(error.reason)")
            #expect(error.description.hasPrefix("concepts.csv:\(line): "))
        }
    }

    @Test("a missing column or file is refused")
    func missing() throws {
        let folder = try TemporaryFolder()
        let directory = try seeds("concept,theme,sdg_targets,en,fr,es\n", in: folder)
        #expect(throws: SeedError.self) { try directory.referenceData() }
        do {
            _ = try directory.referenceData()
        } catch let error as SeedError {
            #expect(error.description == "concepts.csv:1: has no column 'pt'")
        }
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("concepts.csv"))
        do {
            _ = try directory.referenceData()
            Issue.record("no error without concepts.csv")
        } catch let error as SeedError {
            #expect(error.description == "concepts.csv:0: cannot be read")
        }
    }
}

@Suite("Matching across languages")
struct CrossLanguageMatchingTests {
    /// Three English innovations from Bangladesh and Kenya, and a bare French need from Benin (no themes, SDG targets
    /// or tags) about birth registration.
    private func catalogue(thesaurus: Bool = true) throws -> (Catalogue, StoredEntry) {
        let seeded = try makeCatalogue()
        let catalogue = thesaurus ? seeded : Catalogue(
            database: seeded.database,
            reference: ReferenceData(countries: seeded.reference.countries, goals: seeded.reference.goals,
                                     targets: seeded.reference.targets, themes: seeded.reference.themes,
                                     languages: seeded.reference.languages))
        func innovation(_ ref: String, _ country: String, _ title: String, _ summary: String, themes: [String], targets: [String]) throws {
            var input = Input.innovation(ref, title: title, country: country, themes: themes, targets: targets)
            input["summary"] = .text(summary)
            try catalogue.create(.innovation, input: input, status: .published, actor: .commandLine)
        }
        try innovation("INN-BGD-001", "BGD", "Birth registration at the health post",
                       "Health workers register births and issue birth certificates on a phone.",
                       themes: ["civil-registration"], targets: ["16.9"])
        try innovation("INN-BGD-002", "BGD", "Mobile money for market traders in villages", "Traders are paid in a mobile wallet.",
                       themes: ["financial-inclusion"], targets: ["8.10"])
        try innovation("INN-KEN-001", "KEN", "Solar mini-grids for remote villages", "Villages get electricity from solar mini-grids.",
                       themes: ["energy"], targets: ["7.1"])
        var need = Input.need("NEED-BEN-900", title: "Enregistrement des naissances dans les villages")
        need["description"] = .text("Dans nos villages, beaucoup d'enfants n'ont pas d'acte de naissance.")
        let stored = try catalogue.create(.need, input: need, status: .published, actor: .commandLine)
        return (catalogue, stored)
    }

    @Test("a bare French need finds the English innovation on the same concept, and the concept explains the pair")
    func frenchNeedEnglishInnovation() throws {
        let (catalogue, need) = try catalogue()
        let proposals = try catalogue.proposals(for: need, top: 3)
        let best = try #require(proposals.first?.0)
        #expect(best.innovation == "INN-BGD-001")
        #expect(best.explanation.sharedTerms.contains("≈birth-registration"))
        #expect(best.explanation.sharedThemes == ["civil-registration"], "themes suggested by the thesaurus")
        #expect(best.explanation.sharedTargets.contains("16.9"))
        #expect(proposals.count == 3)
    }

    @Test("without the thesaurus the pair shares no concept and no classification")
    func withoutThesaurus() throws {
        let (catalogue, need) = try catalogue(thesaurus: false)
        let proposals = try catalogue.proposals(for: need, top: 3)
        #expect(proposals.allSatisfy { !$0.0.explanation.sharedTerms.contains { $0.hasPrefix(ConceptThesaurus.tokenPrefix) } })
        #expect(proposals.allSatisfy { $0.0.explanation.sharedThemes.isEmpty })
        #expect(proposals.first?.0.innovation != "INN-BGD-001")
    }

    @Test("the match corpus carries concept tokens, translations and suggested classification")
    func corpus() throws {
        let (catalogue, _) = try catalogue()
        let corpus = try catalogue.matchCorpus()
        let need = try #require(corpus.needs.first { $0.ref == "NEED-BEN-900" })
        #expect(need.themes == ["civil-registration"])
        #expect(need.sdgTargets.first == "16.9")
        #expect(need.words.contains("≈birth-registration"))
        #expect(need.words.contains("birth") && need.words.contains("registration"), "the concept's English name")
        let innovation = try #require(corpus.innovations.first { $0.ref == "INN-BGD-001" })
        // An innovation names its concepts by index; the matcher reads their words from one shared table.
        let table = ConceptMatching.expansionWords(catalogue.thesaurus)
        let added = innovation.expansions.flatMap { table[Int($0)] }
        #expect(added.filter { $0 == "≈birth-registration" }.count == ConceptMatching.tokenRepeats)
        #expect(added.contains("naissances") && added.contains("nacimientos"))
        #expect(innovation.themes == ["civil-registration"], "an innovation keeps its own themes")
        #expect(!added.contains("de"), "function words are not added")
    }

    @Test("the matcher read batch by batch from the store scores exactly as the one built from the corpus")
    func streamedMatcher() throws {
        let (catalogue, _) = try catalogue()
        let corpus = try catalogue.matchCorpus()
        let (streamed, needs) = try catalogue.matcherAndNeeds()
        #expect(needs.map(\.ref) == corpus.needs.map(\.ref))
        let expected = catalogue.makeMatcher(corpus.innovations).matches(for: corpus.needs, top: 5)
        let actual = streamed.matches(for: needs, top: 5)
        #expect(!expected.joined().isEmpty)
        #expect(actual.map { $0.map(\.innovation) } == expected.map { $0.map(\.innovation) })
        #expect(actual.map { $0.map(\.score) } == expected.map { $0.map(\.score) })
    }
}
