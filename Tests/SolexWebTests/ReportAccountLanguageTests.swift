import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

/// The match report, sign-in, account, review, audit and user pages in French and Spanish: labels, form errors,
/// numbers and dates in the reader's language.
@Suite struct ReportAccountLanguageTests {
    /// The messages of `language`, to compute the dates a page should show.
    static func localizer(_ language: InterfaceLanguage) throws -> Localizer {
        try MessageCatalogue(directory: Repository.web + "/i18n").localizer(language)
    }

    struct SignInCase: Sendable, CustomTestStringConvertible {
        var language: String
        var emailLabel: String
        var note: String
        var wrong: String
        var testDescription: String { language }
    }

    @Test(arguments: [
        SignInCase(language: "fr", emailLabel: ">Adresse électronique</label>", note: "Les comptes sont créés par les administrateurs du réseau.",
                   wrong: "Adresse électronique ou mot de passe incorrect."),
        SignInCase(language: "es", emailLabel: ">Correo electrónico</label>", note: "Las cuentas las crean los administradores de la red.",
                   wrong: "Correo electrónico o contraseña incorrectos."),
    ])
    func signInPageAndItsFailure(_ example: SignInCase) async throws {
        try await withApp(as: nil) { client in
            let first = try await client.execute(uri: "/sign-in?lang=\(example.language)", method: .get)
            #expect(first.status == .ok)
            #expect(first.text.contains("<html lang=\"\(example.language)\">"))
            #expect(first.text.contains(example.emailLabel))
            #expect(first.text.contains(example.note))
            #expect(!first.text.contains("Accounts are created"))
            let csrf = try #require(setCookies(first)["solex_csrf"])
            let session = FormSession(cookie: "solex_csrf=\(csrf); solex_lang=\(example.language)", token: csrf)
            let wrong = try await session.post(client, "/sign-in", [("email", TestUser.secretariat.email), ("password", "not the password!")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains(example.wrong))
            #expect(!wrong.text.contains("Wrong e-mail or password."))
        }
    }

    @Test("The reports page, a report and its printable page in French, with French numbers and dates")
    func reportPagesInFrench() async throws {
        let (database, id) = try ReportWebTests.withReport()
        let report = try MatchReports(catalogue: Catalogue(database: database, reference: try database.referenceData())).require(id)
        let french = try Self.localizer(.fr)
        let run = french.dateTime(report.summary.createdAt) + " UTC"
        let score = "score " + french.decimal(try #require(report.pairs.first).score, digits: 3)
        try await withApp(database, as: .secretariat) { client in
            let list = try await client.execute(uri: "/reports?lang=fr", method: .get)
            #expect(list.status == .ok)
            for text in ["<h1 dir=\"auto\">Rapports de mise en correspondance</h1>", "Rapports enregistrés", "<legend>Pondérations</legend>",
                         "Exécuter et enregistrer le rapport", "<option value=\"health\">Santé</option>", "(sous-région)",
                         ">Niveaux de preuve des innovations</label>", "<option value=\"monitored\">Suivie</option>", run] {
                #expect(list.text.contains(text), "reports page: \(text)")
            }
            #expect(!list.text.contains("Stored reports"))

            let page = try await client.execute(uri: "/reports/\(id)?lang=fr", method: .get)
            #expect(page.status == .ok)
            for text in ["À propos de ce rapport", "<dt>Besoins examinés</dt>", "Innovations proposées, besoin par besoin",
                         "<dt>Capacité par innovation</dt><dd>sans limite</dd>", "Texte 0,9", "<dt>Contributions</dt>",
                         "badge pair-status-proposed\">Proposée", "Enregistrer le statut", "Exporter en CSV", "Version imprimable",
                         "\(run) par ", score] {
                #expect(page.text.contains(text), "report page: \(text)")
            }
            #expect(page.text.contains("Sud-Sud") || page.text.contains("Triangulaire"))
            #expect(!page.text.contains("About this report"))

            let print = try await client.execute(uri: "/reports/\(id)/print?lang=fr", method: .get)
            #expect(print.status == .ok)
            for text in ["<html lang=\"fr\">", "rapport de mise en correspondance Solex</title>", "Solex · rapport de mise en correspondance \(id)",
                         "Retour au rapport", "Paramètres"] {
                #expect(print.text.contains(text), "print page: \(text)")
            }
            #expect(!print.text.contains("<form"))
        }
    }

    @Test("A failing new report in French: each reason in French next to its field and in the summary")
    func badRunInFrench() async throws {
        try await withApp(as: .secretariat) { client in
            var session = try await FormSession.start(client, at: "/reports")
            session.cookie += "; solex_lang=fr"
            let response = try await session.post(client, "/reports", [
                ("name", "Nom gardé"), ("weight_text", "beaucoup"), ("top", "0"), ("countries", "XXX"), ("capacity_per_need", "-2"),
            ])
            #expect(response.status == .unprocessableContent)
            for text in ["Veuillez corriger ces problèmes", "Pondération « texte » : doit être un nombre supérieur ou égal à 0",
                         "Innovations par besoin (K premières) : doit être un nombre entier de 1 à 100",
                         "« XXX » n’est pas un code de pays connu (ISO 3166-1 alpha-3, par ex. BGD)",
                         "doit être un nombre entier de 1 à 1000, ou rester vide pour ne fixer aucune limite",
                         "<span class=\"visually-hidden\">Erreur :</span>", "value=\"Nom gardé\""] {
                #expect(response.text.contains(text), "bad run: \(text)")
            }
            #expect(!response.text.contains("must be a number of 0 or more"))
        }
    }

    @Test("A pair status that is not allowed is refused in French, naming the statuses")
    func refusedStatusInFrench() async throws {
        let (database, id) = try ReportWebTests.withReport()
        let pair = try #require(try MatchReports(catalogue: Catalogue(database: database, reference: try database.referenceData())).require(id).pairs.first)
        try await withApp(database, as: .secretariat) { client in
            var session = try await FormSession.start(client, at: "/reports/\(id)")
            session.cookie += "; solex_lang=fr"
            let refused = try await session.post(client, "/pairs/status", [
                ("need", pair.needRef), ("innovation", pair.innovationRef), ("report", "\(id)"), ("status", "partnership_started"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Le statut ne peut pas passer de « Proposée » à « Partenariat lancé » ; statuts possibles : Proposée, Contact établi, Déclinée."))
        }
    }

    @Test("The review queue and the audit log in Spanish, with Spanish dates")
    func reviewAndAuditInSpanish() async throws {
        let database = try demoDatabase()
        try addTestUsers(database)
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let added = try #require(try catalogue.auditLog(AuditFilter(action: "user.add"), actor: .commandLine).entries.first)
        let spanish = try Self.localizer(.es)
        try await withApp(database, as: .secretariat) { client in
            let review = try await client.execute(uri: "/review?lang=es", method: .get)
            #expect(review.status == .ok)
            #expect(review.text.contains("<h1 dir=\"auto\">Cola de revisión</h1>"))
            #expect(review.text.contains("Fichas pendientes de revisión: "))
            #expect(!review.text.contains("Entries waiting"))

            let audit = try await client.execute(uri: "/audit?lang=es&action=user.add", method: .get)
            #expect(audit.status == .ok)
            for text in ["<h1 dir=\"auto\">Registro de auditoría</h1>", ">Quién</label>", "\(TestUser.allCases.count) modificaciones registradas.",
                         "Exportar en CSV", "<td>Creación de cuenta</td>", "cuenta \(added.subjectRef)", "(línea de comandos)",
                         spanish.dateTime(added.at)] {
                #expect(audit.text.contains(text), "audit page: \(text)")
            }
            #expect(!audit.text.contains("recorded writes"))
        }
    }

    @Test("Changing one's password in French: the page and the refusals of the current password and of a short one")
    func passwordPageInFrench() async throws {
        try await withApp(as: .organiser) { client in
            let page = try await client.execute(uri: "/account/password?lang=fr", method: .get)
            #expect(page.status == .ok)
            for text in ["<h1 dir=\"auto\">Changer votre mot de passe</h1>", ">Mot de passe actuel</label>", ">Nouveau mot de passe</label>",
                         "Au moins 12 caractères ; ni votre adresse électronique, ni un mot de passe courant.", ">Changer le mot de passe</button>"] {
                #expect(page.text.contains(text), "password page: \(text)")
            }
            var session = try await FormSession.start(client, at: "/account/password", as: .organiser)
            session.cookie += "; solex_lang=fr"
            let wrong = try await session.post(client, "/account/password", [("current", "not the password!"), ("password", "A-much-longer-one-42")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("Le mot de passe actuel est incorrect."))
            let short = try await session.post(client, "/account/password", [("current", TestUser.password), ("password", "short")])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("Le mot de passe doit comporter au moins 12 caractères."))
        }
    }

    @Test("API tokens in Spanish and accounts in French, with a refused account in French")
    func tokensAndUsers() async throws {
        try await withApp(as: .admin) { client in
            let tokens = try await client.execute(uri: "/account/tokens?lang=es", method: .get)
            #expect(tokens.status == .ok)
            #expect(tokens.text.contains("<h2>Nuevo token</h2>"))
            #expect(tokens.text.contains(">Último uso</th>"))
            let users = try await client.execute(uri: "/users?lang=fr", method: .get)
            #expect(users.status == .ok)
            #expect(users.text.contains("<h2>Ajouter un compte</h2>"))
            #expect(users.text.contains("<option value=\"focal_point\">Point focal national</option>"))
            var session = try await FormSession.start(client, at: "/users", as: .admin)
            session.cookie += "; solex_lang=fr"
            let refused = try await session.post(client, "/users", [("email", "not an address"), ("role", "secretariat"), ("password", TestUser.password)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("L’adresse électronique n’est pas valide."))
        }
    }
}
