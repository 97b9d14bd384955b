import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

/// The home page, the entry lists, entry pages and forms, and the error pages in French and Spanish.
@Suite struct EntryPagesLanguageTests {
    /// What a language's pages say, for the checks shared by French and Spanish.
    struct Language: Sendable, CustomTestStringConvertible {
        var code: String
        var language: InterfaceLanguage
        var newInnovationTitle: String
        var controls: [String]
        var fixProblems: String
        var requiredErrors: [String]
        var yearError: String
        var testDescription: String { code }
    }

    static let languages = [
        Language(code: "fr", language: .fr, newInnovationTitle: "Enregistrer une innovation",
                 controls: ["Agence championne", "Pays d’origine", "(obligatoire)", "Choisir…", "Enregistrer l’innovation", "Annuler",
                            "Cibles des ODD", "Maintenez Ctrl (ou Cmd sur un Mac) pour en choisir plusieurs."],
                 fixProblems: "Veuillez corriger ces problèmes",
                 requiredErrors: ["Agence championne : est obligatoire", "Titre : est obligatoire", "Pays d’origine : est obligatoire",
                                  "Thèmes : exige au moins une valeur"],
                 yearError: "Année de lancement : doit être un nombre entier ou rester vide"),
        Language(code: "es", language: .es, newInnovationTitle: "Registrar una innovación",
                 controls: ["Organismo impulsor", "País de origen", "(obligatorio)", "Elegir…", "Guardar la innovación", "Cancelar",
                            "Metas de los ODS", "Mantenga pulsada la tecla Ctrl (o Cmd en un Mac) para elegir varios."],
                 fixProblems: "Corrija estos problemas",
                 requiredErrors: ["Organismo impulsor: es obligatorio", "Título: es obligatorio", "País de origen: es obligatorio",
                                  "Temas: necesita al menos un valor"],
                 yearError: "Año de inicio: debe ser un número entero o quedar vacío"),
    ]

    @Test(arguments: languages)
    func aFocalPointRegistersAnInnovationInTheirLanguage(_ language: Language) async throws {
        try await withApp(as: nil) { client in
            var session = try await FormSession.start(client, at: "/innovations/new", as: .focalBEN)
            session.cookie += "; solex_lang=\(language.code)"
            let form = try await session.get(client, "/innovations/new")
            #expect(form.status == .ok)
            #expect(form.text.contains("<html lang=\"\(language.code)\">"))
            #expect(form.text.contains(language.newInnovationTitle))
            for control in language.controls { #expect(form.text.contains(control), "\(control)") }
            #expect(!form.text.contains("Champion agency"))

            let failed = try await session.post(client, "/innovations", [("year_started", "soon")])
            #expect(failed.status == .unprocessableContent)
            let page = failed.text
            #expect(page.contains(language.fixProblems))
            for error in language.requiredErrors + [language.yearError] { #expect(page.contains(error), "\(error)") }
            #expect(!page.contains("is required"))
            #expect(!page.contains("must be a whole number"))
        }
    }

    @Test func validationReasonsStayEnglishForTheAPIAndReadInEveryLanguage() throws {
        let database = try demoDatabase()
        let reference = try database.referenceData()
        let validator = EntryValidator(reference: reference, currentYear: 2026)
        let input: FieldValues = [
            "ref": .text("-bad"), "title": .text(String(repeating: "x", count: 201)), "summary": .text("one\u{7}"),
            "description": .text("ok"), "origin_country": .text("ZZZ"), "champion": .text("line\nbreak"),
            "themes": .list(["nope"]), "sdg_targets": .list(["16.9", "16.9"]), "tags": .list(["a;b"]), "scale": .text("huge"),
            "beneficiaries": .integer(-1), "evidence_level": .text("anecdotal"), "languages": .list(["xx"]),
            "year_started": .integer(1700), "url": .text("ftp://example.org"), "colour": .text("red"),
        ]
        guard case .failure(let failure) = validator.validate(input, kind: .innovation) else {
            Issue.record("the input is not valid")
            return
        }
        let reasons = Dictionary(failure.errors.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(reasons["title"]?.reason == "is 201 characters long; the limit is 200")
        #expect(reasons["colour"]?.reason == "is not a field of an innovation")
        #expect(reasons["origin_country"]?.reason == "'ZZZ' is not a known country code (ISO 3166-1 alpha-3, e.g. BGD)")
        #expect(reasons["scale"]?.reason == "'huge' is not one of pilot, subnational, national, multinational")
        let catalogue = try MessageCatalogue(directory: Repository.web + "/i18n")
        for error in failure.errors {
            let explanation = try #require(error.explanation, "\(error.field) has no explanation")
            for language in InterfaceLanguage.allCases {
                let localizer = catalogue.localizer(language)
                #expect(localizer.has(explanation.key), "\(explanation.key)")
                let text = localizer.reason(error)
                #expect(!text.contains("{"), "\(language.code) \(explanation.key): \(text)")
                if language == .en { #expect(text == error.reason) }
            }
        }
        let french = catalogue.localizer(.fr)
        #expect(french.reason(reasons["title"]!) == "compte 201 caractères ; la limite est de 200")
        #expect(french.reason(reasons["year_started"]!) == "doit être compris entre 1800 et 2027")
    }

    @Test(arguments: [
        (InterfaceLanguage.fr, ["Réf.", "Titre", "Pays", "Thèmes", "Statut", "Mise à jour", "Enregistrer une innovation", "Publié",
                                "(sélectionnez un en-tête de colonne pour trier)", "Suivant →"]),
        (.es, ["Ref.", "Título", "País", "Temas", "Estado", "Actualización", "Registrar una innovación", "Publicada",
               "(seleccione un encabezado de columna para ordenar)", "Siguiente →"]),
    ])
    func theListShowsLocalizedColumnsStatusesAndDates(_ language: InterfaceLanguage, _ words: [String]) async throws {
        let database = try demoDatabase()
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let entry = try #require(try catalogue.entry(.innovation, ref: "INN-BGD-001"))
        let day = Localizer(language: language, messages: [:]).day(entry.metadata.updatedAt)
        try await withApp(database, as: nil) { client in
            let response = try await client.execute(uri: "/innovations?per_page=5&lang=\(language.code)", method: .get)
            #expect(response.status == .ok)
            let page = response.text
            for word in words { #expect(page.contains(word), "\(word)") }
            #expect(page.contains(day), "\(day)")
            #expect(!page.contains(">published<"))
            let showing = language == .fr ? "Fiches 1 à 5 sur" : "Fichas 1 a 5 de"
            #expect(page.contains(showing))
        }
    }

    @Test func anEntryPageInSpanishNamesCountriesThemesFieldsAndStatusInSpanish() async throws {
        let database = try demoDatabase()
        let reference = try database.referenceData()
        let catalogue = Catalogue(database: database, reference: reference)
        let entry = try #require(try catalogue.entry(.innovation, ref: "INN-BGD-001"))
        let country = try #require(reference.country(entry.country))
        let themes = entry.list("themes").compactMap { reference.theme($0) }
        #expect(!themes.isEmpty)
        try await withApp(database, as: .secretariat) { client in
            let response = try await client.execute(uri: "/innovations/INN-BGD-001?lang=es", method: .get)
            #expect(response.status == .ok)
            let page = response.text
            #expect(page.contains(">\(country.name.es)</a>"))
            for theme in themes { #expect(page.contains(">\(theme.label.es)</a>"), "\(theme.label.es)") }
            for word in ["Innovación INN-BGD-001", "Publicada", "País de origen", "Organismo impulsor", "Idiomas", "Historial",
                         "Duplicados", "Comparar", "Necesidades a las que esta innovación podría responder", "Creada el"] {
                #expect(page.contains(word), "\(word)")
            }
            #expect(!page.contains("Origin country"))
        }
    }

    @Test func aNeedPageInFrenchExplainsItsProposalsInFrench() async throws {
        try await withApp(as: .secretariat) { client in
            let response = try await client.execute(uri: "/needs/NEED-BEN-001?lang=fr", method: .get)
            #expect(response.status == .ok)
            let page = response.text
            for word in ["Besoin NEED-BEN-001", "Innovations susceptibles de répondre à ce besoin", "Date de la demande", "Appui souhaité"] {
                #expect(page.contains(word), "\(word)")
            }
            #expect(page.contains("Sud-Sud") || page.contains("Triangulaire"))
            #expect(page.range(of: #"score 0,\d\d"#, options: .regularExpression) != nil, "scores use a decimal comma")
            #expect(!page.contains("shared words:"))
        }
    }

    @Test(arguments: [
        ("/innovations/NO-SUCH-REF", InterfaceLanguage.fr, ["Page introuvable", "Erreur 404", "Il n’y a aucune page à cette adresse.",
                                                             "Aller à la page d’accueil"]),
        ("/nowhere", .es, ["Página no encontrada", "Error 404", "No hay ninguna página en esta dirección.", "Ir a la página de inicio"]),
    ])
    func theNotFoundPageSpeaksTheReadersLanguage(_ path: String, _ language: InterfaceLanguage, _ words: [String]) async throws {
        try await withApp(as: nil) { client in
            let response = try await client.execute(uri: path, method: .get, headers: [.cookie: "solex_lang=\(language.code)"])
            #expect(response.status == .notFound)
            for word in words { #expect(response.text.contains(word), "\(word)") }
        }
    }

    @Test func aBadListQueryIsExplainedInFrench() async throws {
        try await withApp(as: nil) { client in
            let response = try await client.execute(uri: "/needs?page=0&lang=fr", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Requête incorrecte"))
            #expect(response.text.contains("Impossible d’afficher cette liste : page : doit être un nombre entier de 1 à 1000000."))
        }
    }

    @Test func aFocalPointRefusedAnotherCountrysEntryReadsWhyInFrench() async throws {
        try await withApp(as: .focalBEN) { client in
            let response = try await client.execute(uri: "/innovations/INN-BGD-001/edit?lang=fr", method: .get)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Accès refusé"))
            #expect(response.text.contains("Un point focal ne modifie que des fiches de son propre pays."))
        }
    }

    @Test func theHomePageCountsAndHeadingsFollowTheLanguage() async throws {
        try await withApp(as: nil) { client in
            let page = try await client.execute(uri: "/?lang=fr", method: .get).text
            for word in ["À propos de Solex", "Dernières innovations", "Derniers besoins", "Tous les besoins", "Enregistrer un besoin"] {
                #expect(page.contains(word), "\(word)")
            }
            #expect(!page.contains("Latest needs"))
        }
    }

    @Test func mergingAndDeletingAskInTheReadersLanguage() async throws {
        try await withApp(as: .secretariat) { client in
            let merge = try await client.execute(uri: "/innovations/INN-BGD-001/merge?duplicate=NOPE&lang=fr", method: .get)
            #expect(merge.status == .unprocessableContent)
            for word in ["Fusionner un doublon dans INN-BGD-001", "Cette fiche ne peut pas être fusionnée",
                         "aucune innovation n’a la référence NOPE", "La fusion retire un doublon du catalogue et conserve cette innovation."] {
                #expect(merge.text.contains(word), "\(word)")
            }
            let delete = try await client.execute(uri: "/needs/NEED-BEN-001/delete?lang=es", method: .get)
            #expect(delete.status == .ok)
            #expect(delete.text.contains("¿Eliminar la necesidad NEED-BEN-001 (<bdi>"))
            #expect(delete.text.contains("Esta acción no se puede deshacer."))
        }
    }

    @Test func theSimilarEntriesWarningSpeaksTheReadersLanguage() async throws {
        let database = try demoDatabase()
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let entry = try #require(try catalogue.entry(.need, ref: "NEED-BEN-001"))
        let query = ["title": entry.title, "description": entry.values["description"]?.textValue ?? "", "country": entry.country]
            .map { "\($0.key)=\(formEncode($0.value))" }.joined(separator: "&")
            + entry.list("themes").map { "&themes=\($0)" }.joined()
        try await withApp(database, as: .focalBEN) { client in
            let response = try await client.execute(uri: "/needs/similar?\(query)&lang=fr", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("Ce besoin est-il déjà enregistré ?"))
            #expect(response.text.range(of: #"similarité \d,\d\d"#, options: .regularExpression) != nil)
        }
    }
}
