import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

/// Folders of the repository, found from this file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = SeedDirectory(root.appendingPathComponent("Seeds"))
    static let web = root.appendingPathComponent("Web").path
}

/// A fresh in-memory catalogue with the reference data and the demo entries.
func demoDatabase() throws -> AppDatabase {
    let catalogue = try Bootstrap.prepare(try AppDatabase.inMemory(), seeds: Repository.seeds)
    try Bootstrap.loadDemo(into: catalogue, seeds: Repository.seeds)
    return catalogue.database
}

/// Runs `body` against the real application over real HTTP routing.
func withApp<T: Sendable>(_ database: AppDatabase? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
    let app = try await buildApplication(config: AppConfig(webDirectory: Repository.web), database: database ?? demoDatabase())
    return try await app.test(.router, body)
}

/// The body of a response as text.
extension TestResponse {
    var text: String { String(buffer: body) }
}

/// A browser-like session: keeps the CSRF cookie and reads the form token from pages.
struct FormSession {
    var cookie: String
    var token: String

    /// Opens `uri` and takes the CSRF cookie and the form token from it.
    static func start(_ client: any TestClientProtocol, at uri: String) async throws -> FormSession {
        try await client.execute(uri: uri, method: .get) { response in
            let setCookie = try #require(response.headers[.setCookie])
            let cookie = try #require(setCookie.split(separator: ";").first.map(String.init))
            let token = try #require(cookie.split(separator: "=", maxSplits: 1).last.map(String.init))
            #expect(response.text.contains("name=\"_csrf\" value=\"\(token)\""))
            return FormSession(cookie: cookie, token: token)
        }
    }

    /// Posts an urlencoded form with the token (unless `token` is given) and the cookie.
    func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)], token: String? = nil) async throws -> TestResponse {
        let pairs = [("_csrf", token ?? self.token)] + fields
        let body = pairs.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post,
                                        headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                        body: ByteBuffer(string: body))
    }
}

/// Encodes a form value as browsers do.
func formEncode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._*")
    return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(of: "%20", with: "+")
}

/// Sends JSON to the API.
func sendJSON(_ client: any TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method, _ json: String) async throws -> TestResponse {
    try await client.execute(uri: uri, method: method, headers: [.contentType: "application/json"], body: ByteBuffer(string: json))
}

/// A valid new innovation as JSON.
func innovationJSON(ref: String, title: String = "Mobile birth registration", country: String = "BEN") -> String {
    """
    {"ref": "\(ref)", "title": "\(title)", "summary": "Registering births by phone.", "description": "Health workers register births on a phone app.",
     "origin_country": "\(country)", "champion": "Ministry of Interior", "themes": ["civil-registration"], "sdg_targets": ["16.9"],
     "tags": ["birth-registration"], "scale": "pilot", "beneficiaries": 1200, "evidence_level": "monitored", "evidence": "1,200 births in 2024",
     "languages": ["fr"], "year_started": 2022, "url": null}
    """
}
