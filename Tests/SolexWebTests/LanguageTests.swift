import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SolexWeb

/// Choosing the interface language and writing numbers and dates in it.
@Suite struct LanguageTests {
    @Test(arguments: [
        ("fr-FR,fr;q=0.9,en;q=0.8", InterfaceLanguage.fr),
        ("es-419,es;q=0.9", .es),
        ("en-GB,en;q=0.9,fr;q=0.8", .en),
        ("de-DE,de;q=0.9,es;q=0.5,fr;q=0.4", .es),
        ("fr;q=0.3,es;q=0.7", .es),
        ("pt-BR,pt;q=0.9", nil),
        ("fr;q=0", nil),
        ("*", nil),
        ("", nil),
    ] as [(String, InterfaceLanguage?)])
    func acceptLanguagePicksTheHeaviestOfferedLanguage(_ header: String, _ expected: InterfaceLanguage?) {
        #expect(InterfaceLanguage.negotiate(acceptLanguage: header) == expected)
    }

    @Test(arguments: [
        (InterfaceLanguage.en, "1,234,567", "0.46", "22 November 2026"),
        (.fr, "1\u{202F}234\u{202F}567", "0,46", "22 novembre 2026"),
        (.es, "1.234.567", "0,46", "22 de noviembre de 2026"),
    ])
    func numbersAndDatesFollowTheLanguage(_ language: InterfaceLanguage, _ number: String, _ decimal: String, _ day: String) {
        let localizer = Localizer(language: language, messages: [:])
        #expect(localizer.number(1_234_567) == number)
        #expect(localizer.decimal(0.4567, digits: 2) == decimal)
        #expect(localizer.day(iso: "2026-11-22") == day)
        #expect(localizer.day(iso: "not a day") == "not a day")
    }

    @Test(arguments: [
        ("/innovations?page=2", InterfaceLanguage.fr, "/innovations?page=2&lang=fr"),
        ("/search?lang=es&q=x", .en, "/search?q=x&lang=en"),
        ("/", .es, "/?lang=es"),
    ])
    func languageLinksKeepThePage(_ path: String, _ language: InterfaceLanguage, _ expected: String) {
        #expect(LayoutView.link(path, language: language) == expected)
    }

    @Test(arguments: [
        ("fr-BE,fr;q=0.9", nil, "fr", "Accueil"),
        ("es-MX", nil, "es", "Inicio"),
        ("de", nil, "en", "Home"),
        ("fr", "solex_lang=es", "es", "Inicio"),
        (nil, nil, "en", "Home"),
    ] as [(String?, String?, String, String)])
    func pageLanguageComesFromCookieThenAcceptLanguage(_ accept: String?, _ cookie: String?, _ code: String, _ home: String) async throws {
        var headers = HTTPFields()
        if let accept { headers[.acceptLanguage] = accept }
        if let cookie { headers[.cookie] = cookie }
        try await withApp(as: nil) { [headers] client in
            let response = try await client.execute(uri: "/", method: .get, headers: headers)
            #expect(response.status == .ok)
            #expect(response.headers[.contentLanguage] == code)
            #expect(response.headers[values: .vary].contains("Accept-Language"))
            #expect(response.text.contains("<html lang=\"\(code)\">"))
            #expect(response.text.contains(">\(home)</a>"))
        }
    }

    @Test func anExplicitChoiceIsKeptInACookieAndBeatsTheBrowser() async throws {
        try await withApp(as: nil) { client in
            let chosen = try await client.execute(uri: "/innovations?lang=fr", method: .get, headers: [.acceptLanguage: "es"])
            #expect(chosen.headers[.contentLanguage] == "fr")
            #expect(setCookies(chosen)["solex_lang"] == "fr")
            #expect(chosen.text.contains("href=\"/innovations?lang=es\""))
            let later = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "es", .cookie: "solex_lang=fr"])
            #expect(later.headers[.contentLanguage] == "fr")
            #expect(setCookies(later)["solex_lang"] == nil)
            let unknown = try await client.execute(uri: "/?lang=xx", method: .get, headers: [.acceptLanguage: "es"])
            #expect(unknown.headers[.contentLanguage] == "es")
            #expect(setCookies(unknown)["solex_lang"] == nil)
        }
    }

    @Test func anEntrysOwnTextCarriesItsLanguage() async throws {
        try await withApp(as: nil) { client in
            let page = try await client.execute(uri: "/needs/NEED-BEN-001", method: .get) { $0.text }
            #expect(page.contains("<html lang=\"en\">"))
            #expect(page.contains("<h1 dir=\"auto\" lang=\"fr\">Créer des centres"))
            #expect(page.contains("<p class=\"prose\" dir=\"auto\" lang=\"fr\">Le Bénin a mis en ligne"))
            #expect(page.contains("French"))
            let spanish = try await client.execute(uri: "/needs/NEED-BEN-001?lang=es", method: .get) { $0.text }
            #expect(spanish.contains("Idioma de esta ficha"))
            #expect(spanish.contains("Francés"))
        }
    }

    @Test(arguments: [("fr", "needs"), ("es", "innovations"), ("en", "needs")])
    func aNewEntryIsWrittenInTheInterfaceLanguageByDefault(_ code: String, _ kind: String) async throws {
        try await withApp(as: .focalBEN) { client in
            let form = try await client.execute(uri: "/\(kind)/new?lang=\(code)", method: .get) { $0.text }
            let select = try #require(form.range(of: "id=\"field-language\"")).lowerBound
            let options = form[select...].prefix(20_000)
            #expect(options.contains("<option value=\"\(code)\" selected>"))
            #expect(form.contains("value=\"\(code)\""))
        }
    }
}
