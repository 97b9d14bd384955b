import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

/// The statuses of the network API that the OpenAPI document declares (and Schemathesis checks): an adoption write
/// without a token is 401 before its body is read; a refusal that depends on what is stored is 409; a body member the
/// schema does not name is 422; the SDG map's query is strict like the entry lists'.
@Suite("Network API statuses: 401 before the body, 409 for stored-state conflicts, strict SDG map query", .serialized)
struct NetworkAPIStatusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let user: TestUser?
        let method: HTTPRequest.Method
        let uri: String
        let body: String?
        let status: HTTPResponse.Status
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "an adoption without a token, body empty", user: nil, method: .post, uri: "/api/v1/adoptions",
             body: #"{"need": "", "innovation": ""}"#, status: .unauthorized),
        Case(name: "an indicator without a token, body invalid", user: nil, method: .post, uri: "/api/v1/adoptions/1/indicators",
             body: #"{"name": "", "unit": "", "kind": "cost", "baseline": 0, "target": 0}"#, status: .unauthorized),
        Case(name: "a stage without a token", user: nil, method: .post, uri: "/api/v1/adoptions/2/stages",
             body: #"{"stage": "scale_up", "date": "2025-01-01"}"#, status: .unauthorized),
        Case(name: "a measurement without a token", user: nil, method: .post, uri: "/api/v1/adoptions/1/indicators/1/measurements",
             body: #"{"date": "2025-01-01", "value": 1}"#, status: .unauthorized),
        Case(name: "a pair that is already an adoption", user: .secretariat, method: .post, uri: "/api/v1/adoptions",
             body: #"{"need": "NEED-BTN-001", "innovation": "INN-BGD-002"}"#, status: .conflict),
        Case(name: "a stage that cannot follow the current one (pilot after pilot)", user: .secretariat, method: .post,
             uri: "/api/v1/adoptions/2/stages", body: #"{"stage": "pilot", "date": "2025-01-01"}"#, status: .conflict),
        Case(name: "a stage dated before the stage before", user: .secretariat, method: .post, uri: "/api/v1/adoptions/2/stages",
             body: #"{"stage": "scale_up", "date": "2024-01-01"}"#, status: .conflict),
        Case(name: "a stage after a stopped adoption", user: .secretariat, method: .post, uri: "/api/v1/adoptions/4/stages",
             body: #"{"stage": "pilot", "date": "2025-01-01"}"#, status: .conflict),
        Case(name: "a member with an unknown property", user: .secretariat, method: .post, uri: "/api/v1/members",
             body: #"{"country": "ABW", "joined": "2000-01-01", "extra": 1}"#, status: .unprocessableContent),
        Case(name: "a measurement with an unknown property", user: .secretariat, method: .post,
             uri: "/api/v1/adoptions/1/indicators/1/measurements", body: #"{"date": "2025-01-01", "value": 1, "extra": 1}"#,
             status: .unprocessableContent),
        Case(name: "a member with a null note (the document allows it)", user: .secretariat, method: .post, uri: "/api/v1/members",
             body: #"{"country": "ABW", "joined": "2000-01-01", "note": null}"#, status: .created),
        Case(name: "a stage with a bad date stays 422", user: .secretariat, method: .post, uri: "/api/v1/adoptions/2/stages",
             body: #"{"stage": "scale_up", "date": "2024-02-30"}"#, status: .unprocessableContent),
        Case(name: "the SDG map with a region that is not a number", user: nil, method: .get, uri: "/api/v1/sdg-map?region=null",
             body: nil, status: .badRequest),
        Case(name: "the SDG map with a region given twice", user: nil, method: .get, uri: "/api/v1/sdg-map?region=2&region=2",
             body: nil, status: .badRequest),
        Case(name: "the SDG map with an unknown region and theme (ignored)", user: nil, method: .get,
             uri: "/api/v1/sdg-map?region=999&theme=nothing", body: nil, status: .ok),
        Case(name: "the SDG map with a region past any M49 code", user: nil, method: .get,
             uri: "/api/v1/sdg-map?region=1107001206917949854580736", body: nil, status: .badRequest),
        Case(name: "the SDG map with a negative region", user: nil, method: .get, uri: "/api/v1/sdg-map?region=-1",
             body: nil, status: .badRequest),
    ]

    @Test("status", arguments: cases)
    func status(_ item: Case) async throws {
        let database = try networkDemoDatabase()
        try await withApp(database, as: item.user) { client in
            var headers: HTTPFields = [:]
            if item.body != nil { headers[.contentType] = "application/json" }
            let response = try await client.execute(uri: item.uri, method: item.method, headers: headers,
                                                    body: item.body.map { ByteBuffer(string: $0) })
            #expect(response.status == item.status, "\(String(buffer: response.body))")
            if item.status.code >= 400 {
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
        }
    }
}
