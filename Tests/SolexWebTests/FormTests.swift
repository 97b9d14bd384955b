import Foundation
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

@Suite("Registration forms")
struct FormTests {
    static let validNeed: [(String, String)] = [
        ("ref", "NEED-TST-001"), ("title", "One-stop shops for rural districts"),
        ("description", "Citizens travel far for basic documents."), ("country", "NPL"), ("themes", "digital-government"),
        ("themes", "civil-registration"), ("sdg_targets", "16.9"), ("tags", "one-stop-shop; rural"),
        ("support_types", "study-visit"), ("languages", "en; ne"), ("created", "2026-03-01"),
    ]

    @Test("a form without the CSRF token or with a wrong one is refused with 403 and changes nothing")
    func csrfRequired() async throws {
        let database = try demoDatabase()
        try await withApp(database) { client in
            let session = try await FormSession.start(client, at: "/needs/new")
            let wrong = try await session.post(client, "/needs", Self.validNeed, token: "x")
            #expect(wrong.status == .forbidden)
            let noCookie = try await client.execute(uri: "/needs", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "_csrf=\(session.token)&ref=NEED-TST-001"))
            #expect(noCookie.status == .forbidden)
            let deleteForged = try await session.post(client, "/needs/NEED-BEN-001/delete", [], token: "")
            #expect(deleteForged.status == .forbidden)
        }
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        #expect(try catalogue.entry(.need, ref: "NEED-TST-001") == nil)
        #expect(try catalogue.entry(.need, ref: "NEED-BEN-001") != nil)
    }

    @Test("errors appear next to their fields, typed values are kept, and the fixed form saves")
    func registerWithErrorsThenFix() async throws {
        try await withApp { client in
            let session = try await FormSession.start(client, at: "/needs/new")
            var fields = Self.validNeed.filter { $0.0 != "title" && $0.0 != "country" }
            fields += [("title", "   "), ("country", "ZZZ"), ("created", "2026-02-30")]
            fields.removeAll { $0 == ("created", "2026-03-01") }
            let failed = try await session.post(client, "/needs", fields)
            #expect(failed.status == .unprocessableContent)
            let page = failed.text
            #expect(page.contains("Please fix these problems"))
            #expect(page.contains("id=\"field-title-error\""))
            #expect(page.contains("&#39;ZZZ&#39; is not a known country code") || page.contains("'ZZZ' is not a known country code"))
            #expect(page.contains("must be a date written YYYY-MM-DD"))
            #expect(page.contains("value=\"one-stop-shop; rural\""), "typed tags are kept")
            #expect(page.contains("Citizens travel far for basic documents."), "typed description is kept")
            let saved = try await session.post(client, "/needs", Self.validNeed)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/needs/NEED-TST-001?saved=1")
            try await client.execute(uri: "/needs/NEED-TST-001?saved=1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Saved."))
                #expect(response.text.contains("One-stop shops for rural districts"))
                #expect(response.text.contains("Nepal"))
            }
            try await client.execute(uri: "/needs?sort=updated&order=desc", method: .get) { response in
                #expect(response.text.contains("NEED-TST-001"))
            }
        }
    }

    @Test("editing keeps the reference and saves changes; deleting asks first and then removes the entry")
    func editAndDelete() async throws {
        try await withApp { client in
            let session = try await FormSession.start(client, at: "/needs/NEED-BEN-001/edit")
            let form = try await client.execute(uri: "/needs/NEED-BEN-001/edit", method: .get) { $0.text }
            #expect(form.contains("readonly"))
            var fields = Self.validNeed.map { $0.0 == "ref" ? ("ref", "NEED-BEN-001") : $0 }
            fields = fields.map { $0.0 == "title" ? ("title", "Guichets uniques communaux") : $0 }
            let saved = try await session.post(client, "/needs/NEED-BEN-001", fields)
            #expect(saved.status == .seeOther)
            let renamed = try await session.post(client, "/needs/NEED-BEN-001", Self.validNeed)
            #expect(renamed.status == .unprocessableContent)
            #expect(renamed.text.contains("cannot be changed"))
            try await client.execute(uri: "/needs/NEED-BEN-001", method: .get) { response in
                #expect(response.text.contains("Guichets uniques communaux"))
            }
            let deleted = try await session.post(client, "/needs/NEED-BEN-001/delete", [])
            #expect(deleted.status == .seeOther)
            try await client.execute(uri: "/needs/NEED-BEN-001", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("every control has a label and the multi-selects list the vocabularies")
    func formControlsLabelled() async throws {
        try await withApp { client in
            let page = try await client.execute(uri: "/innovations/new", method: .get) { $0.text }
            for spec in EntryKind.innovation.fields {
                #expect(page.contains("<label for=\"field-\(spec.name)\""), "no label for \(spec.name)")
                #expect(page.contains("id=\"field-\(spec.name)\""), "no control for \(spec.name)")
            }
            #expect(page.contains("value=\"civil-registration\""))
            #expect(page.contains("value=\"16.9\""))
            #expect(page.contains("value=\"BGD\""))
        }
    }
}
