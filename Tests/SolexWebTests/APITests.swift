import Foundation
import Hummingbird
import HummingbirdTesting
import SolexCore
import Testing
@testable import SolexWeb

/// Parses a JSON response body.
func json(_ response: TestResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
}

@Suite("JSON API")
struct APITests {
    @Test("create, get, update, list and delete an innovation by ref")
    func crud() async throws {
        try await withApp { client in
            let created = try await sendJSON(client, "/api/v1/innovations", .post, innovationJSON(ref: "INN-TST-001"))
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/v1/innovations/INN-TST-001")
            let body = try json(created)
            #expect(body["ref"] as? String == "INN-TST-001")
            #expect(body["status"] as? String == "draft")
            #expect(body["url"] is NSNull)

            let fetched = try await client.execute(uri: "/api/v1/innovations/INN-TST-001", method: .get) { try json($0) }
            #expect(fetched["title"] as? String == "Mobile birth registration")
            #expect(fetched["themes"] as? [String] == ["civil-registration"])

            let updated = try await sendJSON(client, "/api/v1/innovations/INN-TST-001", .put,
                                             innovationJSON(ref: "INN-TST-001", title: "Birth registration by SMS"))
            #expect(updated.status == .ok)
            #expect(try json(updated)["title"] as? String == "Birth registration by SMS")

            let page = try await client.execute(uri: "/api/v1/innovations?country=BEN&per_page=100", method: .get) { try json($0) }
            let refs = (page["items"] as? [[String: Any]])?.compactMap { $0["ref"] as? String } ?? []
            #expect(refs.contains("INN-TST-001"))
            #expect(refs == refs.sorted())
            #expect(page["total"] as? Int == refs.count)

            let deleted = try await client.execute(uri: "/api/v1/innovations/INN-TST-001", method: .delete)
            #expect(deleted.status == .noContent)
            let gone = try await client.execute(uri: "/api/v1/innovations/INN-TST-001", method: .get)
            #expect(gone.status == .notFound)
            #expect(gone.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("invalid entries are 422 problems that list every field and reason")
    func invalidEntry() async throws {
        try await withApp { client in
            let bad = innovationJSON(ref: "bad ref!", country: "XXX").replacingOccurrences(of: "\"scale\": \"pilot\"", with: "\"scale\": \"huge\"")
            let response = try await sendJSON(client, "/api/v1/innovations", .post, bad)
            #expect(response.status == .unprocessableContent)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try json(response)
            #expect(problem["status"] as? Int == 422)
            let errors = try #require(problem["errors"] as? [[String: String]])
            #expect(Set(errors.compactMap { $0["field"] }) == ["ref", "origin_country", "scale"])
        }
    }

    @Test("protocol errors are problems too", arguments: [
        ("/api/v1/needs", HTTPRequest.Method.post, "not json", "application/json", 400),
        ("/api/v1/needs", HTTPRequest.Method.post, "[1, 2]", "application/json", 400),
        ("/api/v1/needs", HTTPRequest.Method.post, "ref=x", "application/x-www-form-urlencoded", 415),
        ("/api/v1/needs/NOPE", HTTPRequest.Method.put, "{}", "application/json", 404),
        ("/api/v1/needs?page=abc", HTTPRequest.Method.get, "", "application/json", 400),
        ("/api/v1/nothing", HTTPRequest.Method.get, "", "application/json", 404),
    ])
    func protocolErrors(uri: String, method: HTTPRequest.Method, body: String, contentType: String, status: Int) async throws {
        try await withApp { client in
            let response = try await client.execute(uri: uri, method: method, headers: [.contentType: contentType],
                                                    body: ByteBuffer(string: body))
            #expect(Int(response.status.code) == status)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(try json(response)["status"] as? Int == status)
        }
    }

    @Test("a duplicate ref is a 409 on ref; changing the ref by PUT is refused")
    func refRules() async throws {
        try await withApp { client in
            let duplicate = try await sendJSON(client, "/api/v1/innovations", .post, innovationJSON(ref: "INN-BGD-001"))
            #expect(duplicate.status == .conflict)
            #expect((try json(duplicate)["errors"] as? [[String: String]])?.first?["field"] == "ref")
            let renamed = try await sendJSON(client, "/api/v1/innovations/INN-BGD-001", .put, innovationJSON(ref: "INN-OTHER"))
            #expect(renamed.status == .unprocessableContent)
            let errors = try #require(try json(renamed)["errors"] as? [[String: String]])
            #expect(errors.first?["field"] == "ref")
        }
    }

    @Test("a fetched entry can be sent back unchanged (read-only fields are ignored)")
    func roundTripThroughPut() async throws {
        try await withApp { client in
            let original = try await client.execute(uri: "/api/v1/needs/NEED-BEN-001", method: .get) { $0.text }
            let put = try await sendJSON(client, "/api/v1/needs/NEED-BEN-001", .put, original)
            #expect(put.status == .ok)
            let first = try JSONSerialization.jsonObject(with: Data(original.utf8)) as? [String: Any]
            let second = try json(put)
            for key in EntryKind.need.fields.map(\.name) {
                #expect("\(first?[key] ?? "")" == "\(second[key] ?? "")", "field \(key) changed")
            }
        }
    }

    @Test("reference lists", arguments: [("/api/v1/countries", 249), ("/api/v1/themes", 16), ("/api/v1/sdg", 17)])
    func referenceLists(uri: String, count: Int) async throws {
        try await withApp { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [Any])
                #expect(list.count == count)
            }
        }
    }
}
