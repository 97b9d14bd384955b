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

/// The demo catalogue with the network's demo members and adoptions (`Seeds/network`).
func networkDemoDatabase() throws -> AppDatabase {
    let database = try demoDatabase()
    try Bootstrap.loadNetworkDemo(into: Catalogue(database: database, reference: try database.referenceData()), seeds: Repository.seeds)
    return database
}

/// The accounts every test application has, one per role (two focal points), each with an API token.
enum TestUser: String, CaseIterable, Sendable {
    case admin, secretariat, organiser, focalBEN = "focal-ben", focalNPL = "focal-npl"

    static let password = "Correct-horse-battery-9"
    var email: String { "\(rawValue)@test.example" }
    var role: Role {
        switch self {
        case .admin: .admin
        case .secretariat: .secretariat
        case .organiser: .organiser
        case .focalBEN, .focalNPL: .focalPoint
        }
    }
    var country: String? {
        switch self {
        case .focalBEN: "BEN"
        case .focalNPL: "NPL"
        default: nil
        }
    }
    /// The API token of the account.
    var token: String { "slx_test_token_\(rawValue)" }
}

/// Creates the test accounts and their tokens (once per database; bcrypt cost 4 to keep tests fast).
func addTestUsers(_ database: AppDatabase) throws {
    let accounts = Accounts(database: database, bcryptCost: 4)
    let admin = Actor(name: "test", channel: .cli, role: .admin)
    for user in TestUser.allCases where try accounts.user(email: user.email) == nil {
        let created = try accounts.addUser(email: user.email, password: TestUser.password, role: user.role, country: user.country, actor: admin)
        _ = try accounts.createToken(name: "tests", actor: created.actor(.api), secret: user.token)
    }
}

/// Runs `body` against the real application over real HTTP routing. With `user`, every request the client sends
/// is made as that user: pages with the session of a real sign-in, the API with the user's token (unless the request
/// sets its own cookie or Authorization header).
func withApp<T: Sendable>(_ database: AppDatabase? = nil, as user: TestUser? = .secretariat,
                          _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
    let database = try database ?? demoDatabase()
    try addTestUsers(database)
    let app = try await buildApplication(config: AppConfig(webDirectory: Repository.web, bcryptCost: 4), database: database)
    return try await app.test(.router) { client in
        guard let user else { return try await body(client) }
        let session = try await FormSession.start(client, at: "/", as: user)
        return try await body(SignedInClient(base: client, cookie: session.cookie, token: user.token))
    }
}

/// A test client that sends the cookies of a signed-in session with page requests and a bearer token with API ones.
struct SignedInClient: TestClientProtocol {
    let base: any TestClientProtocol
    let cookie: String
    let token: String

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if uri.hasPrefix("/api/") {
            if headers[.authorization] == nil { headers[.authorization] = "Bearer \(token)" }
        } else if headers[.cookie] == nil {
            headers[.cookie] = cookie
        }
        return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    var port: Int? { base.port }
}

/// The cookies a response sets, as name=value.
func setCookies(_ response: TestResponse) -> [String: String] {
    var cookies: [String: String] = [:]
    for header in response.headers[values: .setCookie] {
        guard let pair = header.split(separator: ";").first else { continue }
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2 { cookies[parts[0]] = parts[1] }
    }
    return cookies
}

/// The body of a response as text.
extension TestResponse {
    var text: String { String(buffer: body) }
}

/// A browser-like session: keeps the CSRF and session cookies and reads the form token from pages.
struct FormSession {
    var cookie: String
    var token: String

    /// Signs in as `user` through the real sign-in form (unless nil: an anonymous visitor), then opens `uri` and
    /// checks that its forms carry the token.
    static func start(_ client: any TestClientProtocol, at uri: String, as user: TestUser? = .secretariat) async throws -> FormSession {
        // A session of its own, not the one of a signed-in test client.
        let client = (client as? SignedInClient)?.base ?? client
        let first = try await client.execute(uri: "/sign-in", method: .get)
        let csrf = try #require(setCookies(first)["solex_csrf"])
        var session = FormSession(cookie: "solex_csrf=\(csrf)", token: csrf)
        if let user {
            let signedIn = try await session.post(client, "/sign-in", [("email", user.email), ("password", TestUser.password)])
            #expect(signedIn.status == .seeOther, "signing in as \(user.email)")
            let id = try #require(setCookies(signedIn)["solex_session"])
            session.cookie += "; solex_session=\(id)"
        }
        let page = try await session.get(client, uri)
        #expect(page.text.contains("name=\"_csrf\" value=\"\(csrf)\""), "the page \(uri) carries the form token")
        return session
    }

    /// GETs `uri` with the cookies.
    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
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

/// Sends JSON to the API with the token of `user` (nil: no token).
func sendJSON(_ client: any TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method, _ json: String,
              as user: TestUser? = .secretariat) async throws -> TestResponse {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let user { headers[.authorization] = "Bearer \(user.token)" }
    return try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: json))
}

/// GETs an API address with the token of `user` (nil: anonymous).
func getAPI(_ client: any TestClientProtocol, _ uri: String, as user: TestUser? = .secretariat) async throws -> TestResponse {
    var headers: HTTPFields = [:]
    if let user { headers[.authorization] = "Bearer \(user.token)" }
    return try await client.execute(uri: uri, method: .get, headers: headers)
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
