import Foundation
import Hummingbird
import HummingbirdTesting
import SolexCore
import Testing
@testable import SolexWeb

@Suite("OpenAPI document and composition")
struct OpenAPITests {
    @Test("the document is OpenAPI 3.1 and describes every API route and every entry field")
    func describesEverything() async throws {
        try await withApp { client in
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get) { try json($0) }
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let expected: [String: Set<String>] = [
                "/innovations": ["get", "post"], "/innovations/{ref}": ["get", "put", "delete", "parameters"],
                "/needs": ["get", "post"], "/needs/{ref}": ["get", "put", "delete", "parameters"],
                "/countries": ["get"], "/themes": ["get"], "/sdg": ["get"], "/openapi.json": ["get"], "/search": ["get"],
                "/reports": ["get", "post"], "/reports/{id}": ["get"], "/reports/{id}/diff/{other}": ["get"],
                "/suggestions": ["get"], "/members": ["get", "post"], "/members/{code}": ["get"], "/sdg-map": ["get"],
                "/adoptions": ["get", "post"], "/adoptions/{id}": ["get"], "/adoptions/{id}/stages": ["post"],
                "/adoptions/{id}/indicators": ["post"], "/adoptions/{id}/indicators/{indicator}/measurements": ["post"],
            ]
            #expect(Set(paths.keys) == Set(expected.keys))
            for (path, methods) in expected { #expect(Set(paths[path]?.keys.map { $0 } ?? []) == methods, "\(path)") }
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            for kind in EntryKind.allCases {
                let name = kind == .innovation ? "InnovationNew" : "NeedNew"
                let properties = try #require(schemas[name]?["properties"] as? [String: Any])
                for spec in kind.fields { #expect(properties[spec.name] != nil, "\(name) lacks \(spec.name)") }
                let required = Set(schemas[name]?["required"] as? [String] ?? [])
                #expect(required == Set(kind.fields.filter(\.isRequired).map(\.name)).subtracting(EntryLanguage.fields))
                // One of `language` and `languages` gives the other: the document requires either.
                let anyOf = try #require(schemas[name]?["anyOf"] as? [[String: Any]])
                #expect(anyOf.compactMap { ($0["required"] as? [String])?.first } == EntryLanguage.fields)
                let languages = ((anyOf.last?["properties"] as? [String: Any])?["languages"] as? [String: Any])?["minItems"] as? Int
                #expect(languages == 1)
            }
        }
    }

    @Test("start-up fails fast when a template is missing")
    func missingTemplate() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("solex-web-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "{{title}}".write(to: folder.appendingPathComponent("templates/home.mustache"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Repository.web + "/i18n", toPath: folder.appendingPathComponent("i18n").path)
        await #expect(throws: PageRenderer.MissingTemplates.self) {
            _ = try await buildApplication(config: AppConfig(webDirectory: folder.path), database: try demoDatabase())
        }
    }

    @Test("start-up fails fast when a template names a message the catalogue lacks, or a language lacks a message")
    func unknownMessage() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("solex-web-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Repository.web, toPath: folder.path)
        let home = folder.appendingPathComponent("templates/home.mustache")
        try (try String(contentsOf: home, encoding: .utf8) + "<p>[[home.no_such_message]]</p>").write(to: home, atomically: true, encoding: .utf8)
        await #expect(throws: PageRenderer.UnknownMessageKeys.self) {
            _ = try await buildApplication(config: AppConfig(webDirectory: folder.path), database: try demoDatabase())
        }
        try FileManager.default.removeItem(at: home)
        try FileManager.default.copyItem(atPath: Repository.web + "/templates/home.mustache", toPath: home.path)
        let spanish = folder.appendingPathComponent("i18n/es.messages")
        let lines = try String(contentsOf: spanish, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("nav.home ") }
        try lines.joined(separator: "\n").write(to: spanish, atomically: true, encoding: .utf8)
        await #expect(throws: MessageCatalogue.Problems.self) {
            _ = try await buildApplication(config: AppConfig(webDirectory: folder.path), database: try demoDatabase())
        }
    }

    @Test("the same JSON text for the same input (deterministic documents)")
    func deterministic() throws {
        let reference = try demoDatabase().referenceData()
        #expect(OpenAPIDocument.make(reference: reference, currentYear: 2026).text == OpenAPIDocument.make(reference: reference, currentYear: 2026).text)
    }
}
