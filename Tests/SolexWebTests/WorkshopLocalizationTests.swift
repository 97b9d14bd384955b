import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

/// What the workshop pages and the printable agendas say in French and Spanish: headings, form labels and errors,
/// the scheduler's reasons, numbers, days and country names.
@Suite("Workshop pages in French and Spanish", .serialized)
struct WorkshopLocalizationTests {
    /// Words of each language the pages must show.
    struct Words: Sendable, CustomTestStringConvertible {
        var language: InterfaceLanguage
        var listCaption: String
        var listDates: String
        var listScheduled: String
        var newButton: String
        var rangeError: String
        var reportError: String
        var gridHeading: String
        var firstDay: String
        var scheduledCount: String
        var moveLegend: String
        var printHeading: String
        var meetsHeader: String
        /// The name of Bhutan.
        var bhutan: String
        var weekdays: [String]
        var testDescription: String { language.code }
    }

    static let words = [
        Words(language: .fr, listCaption: "Ateliers, par identifiant", listDates: "du 14 mai 2017 au 15 mai 2017", listScheduled: "14 (borne 14)",
              newButton: ">Créer l’atelier</button>", rangeError: "doit être un nombre entier de 1 à 14",
              reportError: "choisissez un rapport de mise en relation enregistré", gridHeading: "Rencontres par créneau et par table",
              firstDay: "Jour 1 · dimanche 14 mai", scheduledCount: "<strong>14</strong> demandes planifiées sur 14",
              moveLegend: "<legend>Déplacer une rencontre</legend>",
              printHeading: "<p class=\"print-masthead\">Solex · programme de l’atelier</p>", meetsHeader: "<th scope=\"col\">Rencontre</th>",
              bhutan: "Bhoutan", weekdays: ["dimanche", "lundi"]),
        Words(language: .es, listCaption: "Talleres, por identificador", listDates: "del 14 de mayo de 2017 al 15 de mayo de 2017",
              listScheduled: "14 (cota 14)", newButton: ">Crear taller</button>", rangeError: "debe ser un número entero de 1 a 14",
              reportError: "elija un informe de correspondencias guardado", gridHeading: "Reuniones por franja y mesa",
              firstDay: "Día 1 · domingo", scheduledCount: "<strong>14</strong> de 14 solicitudes programadas",
              moveLegend: "<legend>Mover una reunión</legend>",
              printHeading: "<p class=\"print-masthead\">Solex · agenda del taller</p>", meetsHeader: "<th scope=\"col\">Se reúne con</th>",
              bhutan: "Bután", weekdays: ["domingo", "lunes"]),
    ]

    @Test("The list of workshops: caption, days written out, the count next to the bound", arguments: words)
    func list(_ words: Words) async throws {
        let fixture = try WorkshopFixture()
        try await withApp(fixture.database, as: .organiser) { client in
            let response = try await client.execute(uri: "/workshops?lang=\(words.language.code)", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentLanguage] == words.language.code)
            let page = response.text
            #expect(page.contains(words.listCaption))
            #expect(page.contains(words.listDates))
            #expect(page.contains(words.listScheduled))
            #expect(!page.contains("Workshops, by identifier") && !page.contains("not scheduled"))
        }
    }

    @Test("The new-workshop form and the errors of a refused post", arguments: words)
    func newWorkshop(_ words: Words) async throws {
        let fixture = try WorkshopFixture(scheduled: false)
        try await withApp(fixture.database, as: .organiser) { client in
            var session = try await FormSession.start(client, at: "/workshops/new", as: .organiser)
            session.cookie += "; solex_lang=\(words.language.code)"
            let form = try await session.get(client, "/workshops/new")
            #expect(form.text.contains(words.newButton))
            #expect(!form.text.contains("Create workshop") && !form.text.contains("(required)"))
            var fields = workshopFormFields(report: fixture.report)
            fields = fields.map { $0.0 == "day_count" ? ("day_count", "40") : $0.0 == "report" ? ("report", "") : $0 }
            let refused = try await session.post(client, "/workshops", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(words.rangeError))
            #expect(refused.text.contains(words.reportError))
            #expect(!refused.text.contains("must be a whole number"))
        }
    }

    @Test("A workshop's page: headings, the grid's days, counts and the forms", arguments: words)
    func workshopPage(_ words: Words) async throws {
        let fixture = try WorkshopFixture()
        try await withApp(fixture.database, as: .organiser) { client in
            let session = try await FormSession.start(client, at: "/workshops/new", as: .organiser)
            let created = try await session.post(client, "/workshops", workshopFormFields(report: fixture.report))
            #expect(created.status == .seeOther)
            let fresh = try await client.execute(uri: "/workshops/web-workshop?created=1&lang=\(words.language.code)", method: .get)
            #expect(fresh.status == .ok)
            #expect(!fresh.text.contains("Workshop created.") && !fresh.text.contains("Not scheduled yet"))
            let response = try await client.execute(uri: "/workshops/dhaka-2017?lang=\(words.language.code)", method: .get)
            let page = response.text
            #expect(page.contains(words.gridHeading))
            #expect(page.contains(words.firstDay))
            #expect(page.contains(words.scheduledCount))
            #expect(page.contains(words.moveLegend))
            #expect(page.contains("<td>\(words.bhutan) <span class=\"ref\">BTN</span></td>"), "delegations named in the language")
            #expect(!page.contains("Meetings by slot and table") && !page.contains("Day 1 ·") && !page.contains("Printable page"))
        }
    }

    @Test("A refused move gives its reason in French")
    func refusedMoveInFrench() async throws {
        let fixture = try WorkshopFixture()
        try await withApp(fixture.database, as: .organiser) { client in
            var session = try await FormSession.start(client, at: "/workshops/dhaka-2017", as: .organiser)
            session.cookie += "; solex_lang=fr"
            let refused = try await session.post(client, "/workshops/dhaka-2017/move", [("request", "R01"), ("slot", "0"), ("table", "T1")])
            #expect(refused.status == .conflict)
            let text = refused.text
            #expect(text.contains("Refusé : R01 ne peut pas être déplacée le dimanche 14 mai à 9:00, Table 1 : "))
            #expect(["n’est pas disponible", "participe alors", "est déjà en rencontre", "a déjà", "accueille alors", "est occupée par la rencontre",
                     "places et la rencontre"].contains { text.contains($0) }, "the conflict in French")
            #expect(!text.contains("cannot move"))
            let same = try await session.post(client, "/workshops/dhaka-2017/swap", [("first", "R01"), ("second", "R01")])
            #expect(same.text.contains("Refusé : R01 ne peut pas être échangée avec elle-même."))
            let noSlot = try await session.post(client, "/workshops/dhaka-2017/move", [("request", "R01"), ("slot", "x"), ("table", "T1")])
            #expect(noSlot.text.contains("Refusé : slot : choisissez un créneau."))
        }
    }

    @Test("The printable agenda and a delegation's page: headings, day names, country names", arguments: words)
    func printable(_ words: Words) async throws {
        let fixture = try WorkshopFixture()
        try await withApp(fixture.database, as: .focalBEN) { client in
            let code = words.language.code
            let grid = try await client.execute(uri: "/workshops/dhaka-2017/agenda.html?lang=\(code)", method: .get)
            #expect(grid.status == .ok)
            #expect(grid.headers[.contentLanguage] == code)
            #expect(grid.text.contains("<html lang=\"\(code)\">"))
            #expect(grid.text.contains(words.printHeading))
            #expect(grid.text.contains("<h2>\(words.gridHeading)</h2>"))
            #expect(grid.text.contains(words.firstDay))
            let delegation = try await client.execute(uri: "/workshops/dhaka-2017/delegations/BTN?lang=\(code)", method: .get)
            #expect(delegation.status == .ok)
            let page = delegation.text
            #expect(page.contains("<html lang=\"\(code)\">"))
            #expect(page.contains(words.meetsHeader))
            #expect(page.contains("\(words.bhutan) (BTN)"))
            #expect(words.weekdays.contains { page.contains("<td class=\"nowrap\">\($0)") }, "meetings dated with their weekday")
            #expect(!page.contains(">Meets<") && !page.contains("Back to the workshop"))
        }
    }

    @Test("A scheduler's sentence is said with its nested sentences in the reader's language")
    func nestedSentence() throws {
        let catalogue = try MessageCatalogue(directory: Repository.web + "/i18n")
        let why = AgendaSentence("agenda.conflict.unavailable", ["code": "BTN"], english: "BTN is not available then")
        let sentence = AgendaSentence("agenda.refusal.cannot_move", ["request": "R01", "slot": "2017-05-14 09:00", "table": "Table 1"],
                                      localized: ["slot": .moment(day: "2017-05-14", time: "09:00")],
                                      nested: ["why": [why]], english: "R01 cannot move to 2017-05-14 09:00 at Table 1: BTN is not available then")
        #expect(catalogue.localizer(.en).text(sentence) == "R01 cannot move to Sunday 14 May, 9:00 at Table 1: BTN is not available then")
        #expect(catalogue.localizer(.fr).text(sentence)
            == "R01 ne peut pas être déplacée le dimanche 14 mai à 9:00, Table 1 : BTN n’est pas disponible à ce moment-là")
        #expect(catalogue.localizer(.es).text(sentence)
            == "R01 no puede moverse al domingo, 14 de mayo a las 9:00, Table 1: BTN no está disponible en ese momento")
        #expect(Localizer.untranslated.text(sentence) == sentence.english, "no catalogue: the English text")
    }
}
