import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

@Suite("Similar-entry warning and merging on the web")
struct DuplicateWebTests {
    /// A need of Benin that says what the demo's NEED-BEN-001 says, in other words.
    static let lookalike: [(String, String)] = [
        ("ref", "NEED-BEN-777"), ("title", "Centres de services publics à guichet unique dans les communes du Bénin"),
        ("description", "Dans les communes, des centres de services à guichet unique où des opérateurs accompagnent les usagers "
            + "pour les démarches d'état civil, les demandes de documents et les paiements en ligne."),
        ("country", "BEN"), ("themes", "digital-government"), ("languages", "fr"), ("created", "2026-03-01"),
    ]

    @Test("a likely duplicate is not saved until the person confirms it is not one")
    func warnsThenSavesOnConfirmation() async throws {
        let database = try demoDatabase()
        try await withApp(database) { client in
            let session = try await FormSession.start(client, at: "/needs/new", as: .focalBEN)
            let warned = try await session.post(client, "/needs", Self.lookalike)
            #expect(warned.status == .conflict)
            #expect(warned.text.contains("Is this need already registered?"))
            #expect(warned.text.contains("href=\"/needs/NEED-BEN-001\""))
            #expect(warned.text.contains("name=\"not_duplicate\""))
            #expect(warned.text.contains("Centres de services publics à guichet unique dans les communes du Bénin"), "typed title kept")
            let saved = try await session.post(client, "/needs", Self.lookalike + [("not_duplicate", "yes")])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/needs/NEED-BEN-777?saved=1")
        }
    }

    @Test("an entry unlike any other is saved at once, and a confirmed duplicate with an error keeps the confirmation")
    func noWarningForNewThings() async throws {
        try await withApp { client in
            let session = try await FormSession.start(client, at: "/needs/new", as: .focalBEN)
            let fields = Self.lookalike.map { $0.0 == "title" ? ("title", "Cartographie des zones inondables du delta") : $0 }
                .map { $0.0 == "description" ? ("description", "Nous voulons cartographier les crues saisonnières.") : $0 }
            let saved = try await session.post(client, "/needs", fields)
            #expect(saved.status == .seeOther)
            let broken = Self.lookalike.map { $0.0 == "created" ? ("created", "2026-02-30") : $0 } + [("not_duplicate", "yes")]
            let failed = try await session.post(client, "/needs", broken)
            #expect(failed.status == .unprocessableContent)
            #expect(failed.text.contains("type=\"hidden\" name=\"not_duplicate\" value=\"yes\""))
        }
    }

    @Test("the fragment the form's script shows lists similar entries, escaped")
    func similarFragment() async throws {
        try await withApp(as: .focalBEN) { client in
            let title = formEncode("Centres de services publics à guichet unique <b>communes</b>")
            let response = try await client.execute(uri: "/needs/similar?country=BEN&title=\(title)", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("href=\"/needs/NEED-BEN-001\""))
            #expect(!response.text.contains("<b>"))
            let nothing = try await client.execute(uri: "/needs/similar?country=BEN&title=zzzz", method: .get)
            #expect(nothing.status == .ok)
            #expect(!nothing.text.contains("<li>"))
        }
    }

    @Test("the secretariat merges a duplicate: one entry left, the old address leads to it, both histories kept")
    func mergeFromTheEntryPage() async throws {
        let database = try demoDatabase()
        try await withApp(database) { client in
            let focal = try await FormSession.start(client, at: "/needs/new", as: .focalBEN)
            let saved = try await focal.post(client, "/needs", Self.lookalike + [("not_duplicate", "yes")])
            #expect(saved.status == .seeOther)
            let session = try await FormSession.start(client, at: "/needs/NEED-BEN-001")
            let page = try await session.get(client, "/needs/NEED-BEN-001")
            #expect(page.text.contains("/needs/NEED-BEN-001/merge?duplicate=NEED-BEN-777"))
            let confirm = try await session.get(client, "/needs/NEED-BEN-001/merge?duplicate=NEED-BEN-777")
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("Merge NEED-BEN-777 into this need"))
            let wrong = try await session.get(client, "/needs/NEED-BEN-001/merge?duplicate=NEED-ZZZ-404")
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("no need has the reference NEED-ZZZ-404"))
            let merged = try await session.post(client, "/needs/NEED-BEN-001/merge", [("duplicate", "NEED-BEN-777")])
            #expect(merged.status == .seeOther)
            #expect(merged.headers[.location] == "/needs/NEED-BEN-001?merged=NEED-BEN-777")
            let old = try await session.get(client, "/needs/NEED-BEN-777")
            #expect(old.status == .permanentRedirect || old.status == .movedPermanently)
            #expect(old.headers[.location] == "/needs/NEED-BEN-001")
            let kept = try await session.get(client, "/needs/NEED-BEN-001?merged=NEED-BEN-777")
            #expect(kept.text.contains("NEED-BEN-777 was merged into this need."))
            #expect(kept.text.contains("Merged into this entry"))
            #expect(kept.text.contains("NEED-BEN-777 merged into NEED-BEN-001"))
        }
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let history = try catalogue.history(.need, ref: "NEED-BEN-001", actor: .commandLine)
        #expect(history.contains { $0.action == "create" && $0.subjectRef == "NEED-BEN-777" })
        #expect(history.filter { $0.action == "merge" }.count == 2)
        #expect(try catalogue.entry(.need, ref: "NEED-BEN-777") == nil)
    }
}
