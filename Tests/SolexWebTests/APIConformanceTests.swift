import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SolexWeb

/// What API fuzzing (Schemathesis, scripts/api-fuzz.sh) found, fixed and pinned here: the answers the OpenAPI
/// document promises.
@Suite("JSON API conformance")
struct APIConformanceTests {
    @Test("a method a path does not take is 405 with Allow, as a problem for the API",
          arguments: [("/api/v1/countries", HTTPRequest.Method.trace, "GET"),
                      ("/api/v1/innovations", .patch, "GET, POST"),
                      ("/api/v1/needs/NEED-BEN-001", .post, "DELETE, GET, PUT"),
                      ("/api/v1/reports/1/diff/2", .delete, "GET")])
    func methodNotAllowed(uri: String, method: HTTPRequest.Method, allow: String) async throws {
        try await withApp { client in
            let response = try await client.execute(uri: uri, method: method, headers: [.authorization: "Bearer \(TestUser.secretariat.token)"])
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == allow)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("an unknown path is still 404; a page path with another method is 405")
    func notFoundAndPages() async throws {
        try await withApp { client in
            let unknown = try await client.execute(uri: "/api/v1/nothing-here", method: .trace)
            #expect(unknown.status == .notFound)
            let page = try await client.execute(uri: "/countries", method: .delete)
            #expect(page.status == .methodNotAllowed)
        }
    }

    @Test("list parameters of the API: empty, repeated or malformed values are 400 problems naming the field",
          arguments: ["page=", "page=1&page=2", "per_page=abc", "sort=", "country=", "sdg=x"])
    func strictListParameters(query: String) async throws {
        try await withApp { client in
            let response = try await getAPI(client, "/api/v1/innovations?" + query)
            #expect(response.status == .badRequest, "\(query)")
            let field = String(query.prefix { $0 != "=" })
            #expect((try json(response)["errors"] as? [[String: String]])?.contains { $0["field"] == field } == true)
        }
    }

    @Test("the list pages stay lenient with empty values (a filter form sends them)")
    func lenientListPages() async throws {
        try await withApp { client in
            let response = try await client.execute(uri: "/innovations?country=&theme=&sdg=&page=", method: .get)
            #expect(response.status == .ok)
        }
    }

    @Test("search API: page and per_page must be whole numbers (huge ones are clamped), type innovation or need",
          arguments: [("per_page=null", 400), ("page=1&page=2", 400), ("type=idea", 400),
                      ("page=76877953086816924991488", 200), ("per_page=-5", 200), ("type=need&q=birth", 200)])
    func searchParameters(query: String, status: Int) async throws {
        try await withApp { client in
            let response = try await getAPI(client, "/api/v1/search?" + query)
            #expect(Int(response.status.code) == status, "\(query)")
        }
    }

    @Test("the search page stays lenient: any text is accepted")
    func lenientSearchPage() async throws {
        try await withApp { client in
            let response = try await client.execute(uri: "/search?per_page=null&type=idea", method: .get)
            #expect(response.status == .ok)
        }
    }

    @Test("weights near Double's limit are refused instead of giving infinite scores that cannot be written as JSON")
    func hugeWeights() async throws {
        try await withApp { client in
            let response = try await sendJSON(client, "/api/v1/reports", .post,
                                              #"{"weights": {"evidence": 6.3e307, "themes": 1.78e308, "text": 0.5}}"#)
            #expect(response.status == .unprocessableContent)
            let fields = (try json(response)["errors"] as? [[String: String]])?.compactMap { $0["field"] } ?? []
            #expect(Set(fields) == ["weights.evidence", "weights.themes"])
        }
    }

    @Test("a report name with a control character is refused even at its end")
    func reportNameControl() async throws {
        try await withApp { client in
            let response = try await sendJSON(client, "/api/v1/reports", .post, #"{"name": "Run\n", "top": 1}"#)
            #expect(response.status == .unprocessableContent)
        }
    }

    @Test("the document declares the bearer scheme, and 401 and 403 on every operation that needs a token")
    func securityDeclared() async throws {
        try await withApp { client in
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get) { try json($0) }
            let schemes = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: Any]]
            #expect(schemes?["bearerAuth"]?["scheme"] as? String == "bearer")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var secured: [String] = []
            for (_, item) in paths {
                for (_, value) in item {
                    guard let operation = value as? [String: Any], let id = operation["operationId"] as? String else { continue }
                    let responses = operation["responses"] as? [String: Any] ?? [:]
                    if operation["security"] != nil {
                        secured.append(id)
                        #expect(responses["401"] != nil && responses["403"] != nil, "\(id)")
                    }
                }
            }
            #expect(Set(secured) == OpenAPIDocument.tokenOperations)
        }
    }
}
