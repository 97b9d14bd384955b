import Foundation
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

@Suite("Suggested themes and SDG targets")
struct SuggestionTests {
    /// The answer of `GET /api/v1/suggestions` for `texts`.
    private func suggestions(_ client: any TestClientProtocol, _ texts: [String]) async throws -> [String: Any] {
        let query = texts.map { "text=\(formEncode($0))" }.joined(separator: "&")
        return try await client.execute(uri: "/api/v1/suggestions?\(query)", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            return try json(response)
        }
    }

    private func ids(_ answer: [String: Any], _ key: String, _ id: String) -> [String] {
        (answer[key] as? [[String: Any]] ?? []).compactMap { $0[id] as? String }
    }

    @Test("a statement in any of the four languages gives its theme and SDG target, with labels and scores", arguments: [
        ("état civil", "civil-registration", "16.9"),
        ("Enregistrement des naissances dans les villages", "civil-registration", "16.9"),
        ("Registro de nacimientos", "civil-registration", "16.9"),
        ("Certidão de nascimento para todas as crianças", "civil-registration", "16.9"),
        ("Birth registration by mobile phone", "civil-registration", "16.9"),
        ("Dinero móvil para comerciantes", "financial-inclusion", "8.10"),
    ])
    func languages(text: String, theme: String, target: String) async throws {
        try await withApp { client in
            let answer = try await suggestions(client, [text])
            #expect(ids(answer, "themes", "slug").first == theme)
            #expect(ids(answer, "sdg_targets", "id").contains(target))
            let first = try #require((answer["themes"] as? [[String: Any]])?.first)
            #expect((first["label"] as? [String: String])?["en"]?.isEmpty == false)
            let score = try #require(first["score"] as? Double)
            #expect(score > 0 && score <= 1)
            let targetEntry = try #require((answer["sdg_targets"] as? [[String: Any]])?.first { $0["id"] as? String == target })
            #expect(targetEntry["goal"] as? Int == Int(target.split(separator: ".")[0]))
            #expect(!ids(answer, "concepts", "id").isEmpty)
        }
    }

    @Test("text may be repeated, one per field; empty or unknown text gives empty lists, never an error")
    func texts() async throws {
        try await withApp { client in
            let fields = try await suggestions(client, ["Guichet unique", "Les citoyens attendent des actes de naissance."])
            #expect(Set(ids(fields, "themes", "slug")).isSuperset(of: ["digital-government", "civil-registration"]))
            for texts in [[], [""], ["zzz qqq"], ["<b>zzz</b>"], ["%%%"]] {
                let answer = try await suggestions(client, texts)
                #expect(ids(answer, "themes", "slug").isEmpty && ids(answer, "sdg_targets", "id").isEmpty
                        && ids(answer, "concepts", "id").isEmpty, "\(texts)")
            }
            let long = String(repeating: "mobile money ", count: 20_000)
            let answer = try await client.execute(uri: "/api/v1/suggestions?text=\(formEncode(long))", method: .get) { try json($0) }
            #expect(ids(answer, "themes", "slug") == ["financial-inclusion"])
        }
    }

    @Test("the same answer for the same text, and the limits hold")
    func deterministic() throws {
        let reference = Repository.seeds
        let data = try reference.referenceData()
        let text = "Birth registration, mobile money, school meals, solar mini-grids, legal aid, land titles, floods, "
            + "vaccination, cash transfers, drinking water, street lighting, vocational training, deforestation"
        let first = SuggestionController.document(data.thesaurus.suggest(texts: [text]), reference: data).text
        #expect(first == SuggestionController.document(data.thesaurus.suggest(texts: [text]), reference: data).text)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: [Any]])
        #expect(parsed["themes"]?.count == SuggestionController.themeLimit)
        #expect(parsed["sdg_targets"]?.count == SuggestionController.targetLimit)
        #expect(parsed["concepts"]?.count == SuggestionController.conceptLimit)
    }

    @Test("the OpenAPI document describes the operation and its answer")
    func openAPI() async throws {
        try await withApp { client in
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get) { try json($0) }
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let operation = try #require(paths["/suggestions"]?["get"] as? [String: Any])
            #expect(operation["operationId"] as? String == "suggestClassification")
            let parameters = try #require(operation["parameters"] as? [[String: Any]])
            #expect(parameters.map { $0["name"] as? String } == ["text"])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            #expect(Set(schemas["Suggestions"]?["required"] as? [String] ?? []) == ["themes", "sdg_targets", "concepts"])
        }
    }

    @Test("a form shown again after an error suggests themes and SDG targets from its text, with checkboxes")
    func formSuggestions() async throws {
        try await withApp { client in
            let session = try await FormSession.start(client, at: "/needs/new")
            let blank = try await client.execute(uri: "/needs/new", method: .get) { $0.text }
            #expect(blank.contains("<script src=\"/static/suggest.js\" defer></script>"))
            #expect(blank.contains("id=\"field-themes-suggestions\""))
            #expect(!blank.contains("Suggested themes (from"), "no text, no suggestions")
            let fields: [(String, String)] = [
                ("ref", "NEED-TST-900"), ("title", "Enregistrement des naissances"),
                ("description", "Beaucoup d'enfants n'ont pas d'acte de naissance."), ("country", "ZZZ"),
                ("themes", "civil-registration"), ("languages", "fr"), ("created", "2026-03-01"),
            ]
            let failed = try await session.post(client, "/needs", fields)
            #expect(failed.status == .unprocessableContent)
            let page = failed.text
            #expect(page.contains("Suggested themes (from the text above; tick to add):"))
            #expect(page.contains("Suggested SDG targets (from the text above; tick to add):"))
            #expect(page.contains("<input type=\"checkbox\" name=\"sdg_targets\" value=\"16.9\">"))
            #expect(page.contains("✓ Civil registration"), "a theme already chosen is marked, not offered")
            #expect(!page.contains("name=\"themes\" value=\"civil-registration\">"))
        }
    }

    @Test("ticking a suggested value that is also chosen in the list saves it once")
    func tickedSuggestionSaves() async throws {
        try await withApp { client in
            let session = try await FormSession.start(client, at: "/needs/new")
            let fields: [(String, String)] = [
                ("ref", "NEED-TST-901"), ("title", "Registro de nacimientos"), ("description", "Muchos niños no tienen partida de nacimiento."),
                ("country", "BOL"), ("themes", "civil-registration"), ("themes", "civil-registration"), ("sdg_targets", "16.9"),
                ("languages", "es"), ("created", "2026-03-01"),
            ]
            let saved = try await session.post(client, "/needs", fields)
            #expect(saved.status == .seeOther)
            let stored = try await client.execute(uri: "/api/v1/needs/NEED-TST-901", method: .get) { try json($0) }
            #expect(stored["themes"] as? [String] == ["civil-registration"])
        }
    }

    @Test("the script is served as a static file")
    func script() async throws {
        try await withApp { client in
            try await client.execute(uri: "/static/suggest.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("/api/v1/suggestions?"))
            }
        }
    }
}
