import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SolexWeb

/// The reference pages, the search, the members directory, the SDG map and the adoptions in French and Spanish:
/// reference labels, interface messages, numbers and dates in the page's language.
@Suite("Reference, search and network pages in French and Spanish", .serialized)
struct NetworkLanguageTests {
    struct Page: Sendable, CustomTestStringConvertible {
        var path: String
        var language: String
        /// Texts the page must contain.
        var expected: [String]
        /// English texts the page must no longer contain.
        var english: [String] = []
        var testDescription: String { "\(path) in \(language)" }
    }

    /// Narrow and ordinary no-break spaces: French and Spanish put one of them between a number and "%" or between
    /// groups of digits.
    static func spaced(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
    }

    static let pages: [Page] = [
        Page(path: "/countries", language: "fr", expected: ["<h1", "Pays, avec le nombre d’innovations", "Bénin", "Afrique subsaharienne", "Asie du Sud", "Sud global"],
             english: ["Sub-Saharan Africa", "Global South"]),
        Page(path: "/countries", language: "es", expected: ["Benín", "Bangladés", "África subsahariana", "Asia meridional", "Sur Global", ">Sí<"],
             english: ["Southern Asia", ">Yes<"]),
        Page(path: "/countries/BGD", language: "fr", expected: ["Région M49 de l’ONU", "Asie du Sud", "Oui (économies en développement selon la CNUCED",
                                                               "Membre du réseau"],
             english: ["UN M49 region", "Southern Asia", "Network member"]),
        Page(path: "/countries/BGD", language: "es", expected: ["<title>Bangladés", "Subregión M49 de las Naciones Unidas", "Asia meridional", "Necesidades (",
                                                               "Miembro de la red"],
             english: ["Southern Asia", "Needs (", "Network member"]),
        Page(path: "/themes", language: "fr", expected: ["Thèmes", "Gouvernement numérique", "Chaque innovation et chaque besoin est classé",
                                                          "Services publics en ligne, identité numérique"],
             english: ["Digital government", "Every innovation", "Online public services"]),
        Page(path: "/themes", language: "es", expected: ["Temas", "Gobierno digital", "Nombre</th>", "Servicios públicos en línea"],
             english: ["Digital government", "Online public services"]),
        Page(path: "/themes/health", language: "es", expected: ["<title>Salud", "Atención primaria de salud, prevención de enfermedades"],
             english: ["Delivery of primary care"]),
        Page(path: "/sdgs/3", language: "fr", expected: ["Objectif 3 : Bonne santé et bien-être", "Cibles", "Besoins ("],
             english: ["Good health and well-being", "Targets"]),
        Page(path: "/sdgs/3", language: "es", expected: ["Objetivo 3: Salud y bienestar", "Metas", "Innovaciones ("],
             english: ["Good health and well-being"]),
        Page(path: "/search?q=registration", language: "fr", expected: ["Résultats de la recherche", "Affiner les résultats", "Mots à rechercher",
                                                                       "Objectif de développement durable", "Résultats 1 à"],
             english: ["Narrow the results", "Showing"]),
        Page(path: "/search?q=registration", language: "es", expected: ["Resultados de la búsqueda", "Afinar los resultados", "resultados</h2>", "Tema"],
             english: ["Narrow the results", "Showing"]),
        Page(path: "/members", language: "fr", expected: ["pays membres, par nom", "Bénin", "Asie du Sud", "14 juin 2018", "Points focaux"],
             english: ["member countries", "2018-06-14"]),
        Page(path: "/members", language: "es", expected: ["países miembros, por nombre", "Benín", "Bangladés", "14 de junio de 2018"],
             english: ["member countries", "2018-06-14"]),
        Page(path: "/members/BGD", language: "fr", expected: ["Membre depuis", "27 novembre 2017", "Asie du Sud", "Sud global (économies en développement",
                                                            "Innovations proposées", "comptes de points focaux"],
             english: ["Member since", "focal point account"]),
        Page(path: "/members/BGD", language: "es", expected: ["<title>Bangladés", "Miembro desde", "27 de noviembre de 2017", "Innovaciones ofrecidas",
                                                            "Adopciones"],
             english: ["Member since"]),
        Page(path: "/sdg-map", language: "fr", expected: ["Carte des ODD : offre et demande", "3. Bonne santé et bien-être", ">Afrique</th>",
                                                        "Offre et demande par objectif de développement durable et par région", "Toutes les régions"],
             english: ["Supply and demand by SDG goal", "All regions", "more demand"]),
        Page(path: "/sdg-map", language: "es", expected: ["Mapa de los ODS: oferta y demanda", "3. Salud y bienestar", ">África</th>", "brecha +",
                                                        "Todos los temas"],
             english: ["Supply and demand by SDG goal", "All themes"]),
        Page(path: "/sdg-map/17", language: "fr", expected: ["Objectif 17 : offre", "Cible 17.", "Barre du haut : offre (innovations)"],
             english: ["Upper bar", "Target 17."]),
        Page(path: "/adoptions", language: "fr", expected: ["Adoptions par étape", "Délai par prestation", "Visite d’étude", "Bhoutan", "Pas encore commencée"],
             english: ["Time per service", "Study visit"]),
        Page(path: "/adoptions", language: "es", expected: ["Adopciones por etapa", "Tiempo por trámite", "Visita de estudio", "Bután"],
             english: ["Time per service", "Study visit"]),
        Page(path: "/adoptions/1", language: "fr", expected: ["Réduction (cible inférieure à la valeur de référence)", "30 septembre 2024", "Bhoutan",
                                                            "Valeur de référence 21, cible 5, dernière valeur 4 le 30 sept. 2024"],
             english: ["Reduction", "2024-09-30", "latest 4"]),
        Page(path: "/adoptions/1", language: "es", expected: ["Reducción (meta por debajo de la línea de base)", "30 de septiembre de 2024", "Bután",
                                                            "Mediciones del gráfico anterior"],
             english: ["Reduction", "2024-09-30"]),
    ]

    @Test(arguments: pages)
    func pageIsInItsLanguage(_ page: Page) async throws {
        try await withApp(try networkDemoDatabase(), as: nil) { client in
            let response = try await client.execute(uri: page.path, method: .get, headers: [.cookie: "solex_lang=\(page.language)"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentLanguage] == page.language)
            let text = response.text
            for expected in page.expected { #expect(text.contains(expected), "\(page.path) in \(page.language) lacks \(expected)") }
            for english in page.english { #expect(!text.contains(english), "\(page.path) in \(page.language) still says \(english)") }
        }
    }

    @Test(arguments: [
        ("fr", "1 200", "106 %", "60 %"),
        ("es", "1200", "106 %", "60 %"),
        ("en", "1,200", "106%", "60%"),
    ])
    func adoptionNumbersFollowTheLanguage(_ language: String, _ thousands: String, _ progress: String, _ median: String) async throws {
        try await withApp(try networkDemoDatabase(), as: nil) { client in
            let page = Self.spaced(try await client.execute(uri: "/adoptions/1?lang=\(language)", method: .get).text)
            #expect(page.contains("<td class=\"num\">\(thousands)</td>"), "the cost baseline")
            #expect(page.contains("<td class=\"num\">\(progress)</td>"))
            let list = Self.spaced(try await client.execute(uri: "/adoptions?lang=\(language)", method: .get).text)
            #expect(list.contains("<td class=\"num\">\(median)</td>"), "median improvement of time")
        }
    }

    @Test(arguments: [
        ("fr", "Date d’adhésion : doit être une date au format AAAA-MM-JJ", "Pays : n’est pas un code ISO 3166-1 alpha-3", "Veuillez corriger ces problèmes"),
        ("es", "Fecha de incorporación: debe ser una fecha con el formato AAAA-MM-DD", "País: no es un código ISO 3166-1 alfa-3", "Corrija estos problemas"),
    ])
    func memberFormProblemsAreTranslated(_ language: String, _ joined: String, _ country: String, _ title: String) async throws {
        try await withApp(try networkDemoDatabase(), as: nil) { client in
            var secretariat = try await FormSession.start(client, at: "/members", as: .secretariat)
            secretariat.cookie += "; solex_lang=\(language)"
            let bad = try await secretariat.post(client, "/members", [("country", "XXX"), ("joined", "2021-02-30")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains(joined) && bad.text.contains(country) && bad.text.contains(title))
            #expect(!bad.text.contains("must be a date"))
        }
    }

    @Test(arguments: [
        ("fr", "Cible : doit différer de la valeur de référence", "Valeur : doit être un nombre",
         "Étape : impossible de passer de « Projet pilote » à « Visite d’étude » ; étapes possibles : Mise à l’échelle, Terminée, Arrêtée"),
        ("es", "Meta: debe ser distinta de la línea de base", "Valor: debe ser un número",
         "Etapa: no se puede pasar de «Proyecto piloto» a «Visita de estudio»; etapas posibles: Ampliación de escala, Finalizada, Interrumpida"),
    ])
    func adoptionFormProblemsAreTranslated(_ language: String, _ target: String, _ value: String, _ stage: String) async throws {
        try await withApp(try networkDemoDatabase(), as: nil) { client in
            var benin = try await FormSession.start(client, at: "/adoptions/3", as: .focalBEN)
            benin.cookie += "; solex_lang=\(language)"
            let same = try await benin.post(client, "/adoptions/3/indicators",
                                            [("name", "Days"), ("kind", "time"), ("unit", "days"), ("baseline", "12"), ("target", "12")])
            #expect(same.status == .unprocessableContent && same.text.contains(target))
            let notNumber = try await benin.post(client, "/adoptions/3/indicators/7/measurements", [("date", "2025-04-01"), ("value", "twelve")])
            #expect(notNumber.status == .unprocessableContent && notNumber.text.contains(value))
            #expect(try await benin.post(client, "/adoptions/3/stages", [("stage", "pilot"), ("date", "2025-02-01")]).status == .seeOther)
            let back = try await benin.post(client, "/adoptions/3/stages", [("stage", "study_visit"), ("date", "2025-03-01")])
            #expect(back.status == .unprocessableContent && back.text.contains(stage))
        }
    }

    @Test func chartsSpeakThePageLanguage() async throws {
        let localizer = try MessageCatalogue(directory: Repository.web + "/i18n").localizer(.fr)
        let network = NetworkPresenter(reference: try demoDatabase().referenceData(), localizer: localizer)
        #expect(Self.spaced(network.decimal(1234.5)) == "1 234,5")
        #expect(network.signed(-2) == "−2" && network.signed(3) == "+3")
        #expect(network.mapWords.legend(3) == "écart +3 : demande bien supérieure")
        #expect(network.chartWords.point("2024-09-30", "4", "jours") == "2024-09-30 : 4 jours")
    }
}
