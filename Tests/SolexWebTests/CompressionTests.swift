import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

@Suite("Compressed downloads, API documents and static files")
struct CompressionTests {
    /// A GET of `uri` with `Accept-Encoding: encoding` (none when empty) and any other headers.
    static func get(_ client: any TestClientProtocol, _ uri: String, encoding: String, headers: HTTPFields = [:],
                    method: HTTPRequest.Method = .get) async throws -> TestResponse {
        var headers = headers
        if !encoding.isEmpty { headers[.acceptEncoding] = encoding }
        return try await client.execute(uri: uri, method: method, headers: headers) { $0 }
    }

    @Test("Compressed when gzip is accepted and the body is worth it; never an HTML page", arguments: [
        ("/api/v1/countries", "gzip", true), ("/api/v1/countries", "gzip, deflate, br", true), ("/api/v1/countries", "br, *;q=0.5", true),
        ("/api/v1/countries", "", false), ("/api/v1/countries", "gzip;q=0", false), ("/api/v1/countries", "*;q=1, gzip;q=0", false),
        ("/api/v1/countries", "deflate", false), ("/static/solex.css", "gzip", true), ("/api/v1/openapi.json", "GZIP", true),
        ("/", "gzip", false), ("/innovations", "gzip", false), ("/countries", "gzip", false), ("/health", "gzip", false),
    ])
    func negotiation(uri: String, encoding: String, compressed: Bool) async throws {
        try await withApp(as: nil) { client in
            let plain = try await Self.get(client, uri, encoding: "")
            let response = try await Self.get(client, uri, encoding: encoding)
            #expect(response.status == .ok)
            #expect(response.headers[.contentEncoding] == (compressed ? "gzip" : nil))
            guard compressed else {
                #expect(response.body == plain.body)
                return
            }
            #expect(response.headers[values: .vary].contains("Accept-Encoding"))
            #expect(response.headers[.contentLength] == String(response.body.readableBytes))
            #expect(response.body.readableBytes * 3 < plain.body.readableBytes, "at least three times smaller")
            var body = response.body
            #expect(try body.decompress(with: .gzip()) == plain.body, "the same bytes once decompressed")
        }
    }

    @Test("A report's CSV and JSON exports are compressed; its page is not")
    func reportExports() async throws {
        let (database, id) = try ReportWebTests.withReport()
        try await withApp(database, as: .secretariat) { client in
            for path in ["export.csv", "export.json"] {
                let plain = try await Self.get(client, "/reports/\(id)/\(path)", encoding: "")
                let response = try await Self.get(client, "/reports/\(id)/\(path)", encoding: "gzip")
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.contentDisposition] == plain.headers[.contentDisposition])
                var body = response.body
                #expect(try body.decompress(with: .gzip()) == plain.body)
            }
            let page = try await Self.get(client, "/reports/\(id)", encoding: "gzip")
            #expect(page.status == .ok && page.headers[.contentEncoding] == nil && page.text.contains("name=\"_csrf\""))
        }
    }

    @Test("Ranges, HEAD requests, 304s and small bodies go as they are")
    func leftAlone() async throws {
        try await withApp(as: nil) { client in
            let range = try await Self.get(client, "/static/solex.css", encoding: "gzip", headers: [.range: "bytes=0-99"])
            #expect(range.headers[.contentEncoding] == nil && range.body.readableBytes == 100)
            let head = try await Self.get(client, "/api/v1/countries", encoding: "gzip", method: .head)
            #expect(head.headers[.contentEncoding] == nil)
            let first = try await Self.get(client, "/static/solex.css", encoding: "gzip")
            let etag = try #require(first.headers[.eTag])
            let again = try await Self.get(client, "/static/solex.css", encoding: "gzip", headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified && again.headers[.contentEncoding] == nil)
            let small = try await Self.get(client, "/api/v1/search?q=zzzzqqq", encoding: "gzip")
            #expect(small.status == .ok && small.body.readableBytes < CompressionMiddleware<AppRequestContext>.minimumSize)
            #expect(small.headers[.contentEncoding] == nil && small.headers[values: .vary].contains("Accept-Encoding"))
        }
    }
}
