import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

/// Who asks, in the role x route table.
enum Asker: String, CaseIterable, Sendable, CustomStringConvertible {
    case anonymous, organiser, focalBEN, secretariat, admin
    var user: TestUser? {
        switch self {
        case .anonymous: nil
        case .organiser: .organiser
        case .focalBEN: .focalBEN
        case .secretariat: .secretariat
        case .admin: .admin
        }
    }
    var description: String { rawValue }
}

/// What the table expects.
enum Outcome: Sendable, Equatable {
    /// Not refused: neither 401, 403 nor a redirect to sign in (and no server error).
    case allowed
    /// 303 to /sign-in for pages, 401 for the API.
    case signIn
    case forbidden
}

/// One route of the router with the request that exercises it and the outcome for each asker.
struct RouteCase: Sendable {
    var uri: String
    var body: String
    var expected: [Asker: Outcome]
}

@Suite("Accounts, roles and safety", .serialized)
struct AccessTests {
    static let all: [Asker] = Asker.allCases
    static func everyone(_ outcome: Outcome = .allowed) -> [Asker: Outcome] { Dictionary(uniqueKeysWithValues: all.map { ($0, outcome) }) }
    /// Signed in with any role.
    static let anyAccount: [Asker: Outcome] = [.anonymous: .signIn, .organiser: .allowed, .focalBEN: .allowed, .secretariat: .allowed, .admin: .allowed]
    /// The secretariat and administrators only.
    static let reviewers: [Asker: Outcome] = [.anonymous: .signIn, .organiser: .forbidden, .focalBEN: .forbidden, .secretariat: .allowed, .admin: .allowed]
    /// Those who register and edit entries of Benin (a Benin focal point, the secretariat).
    static let editors: [Asker: Outcome] = [.anonymous: .signIn, .organiser: .forbidden, .focalBEN: .allowed, .secretariat: .allowed, .admin: .allowed]
    /// Those who create and edit workshops (organisers, the secretariat, administrators).
    static let organisers: [Asker: Outcome] = [.anonymous: .signIn, .organiser: .allowed, .focalBEN: .forbidden, .secretariat: .allowed, .admin: .allowed]
    static let admins: [Asker: Outcome] = [.anonymous: .signIn, .organiser: .forbidden, .focalBEN: .forbidden, .secretariat: .forbidden, .admin: .allowed]

    /// The request and expected outcomes of every route, by "METHOD /path" as the router describes it.
    /// Entries used are published entries of Benin (a focal point may edit them but not delete them).
    static func table(report: Int64) -> [String: RouteCase] {
        var table: [String: RouteCase] = [
            "GET /": RouteCase(uri: "/", body: "", expected: everyone()),
            "GET /health": RouteCase(uri: "/health", body: "", expected: everyone()),
            "GET /sign-in": RouteCase(uri: "/sign-in", body: "", expected: everyone()),
            "POST /sign-in": RouteCase(uri: "/sign-in", body: "email=nobody%40test.example&password=wrong-password-1", expected: everyone()),
            "POST /sign-out": RouteCase(uri: "/sign-out", body: "", expected: everyone()),
            "GET /account/password": RouteCase(uri: "/account/password", body: "", expected: anyAccount),
            "POST /account/password": RouteCase(uri: "/account/password", body: "current=x&password=y", expected: anyAccount),
            "GET /account/tokens": RouteCase(uri: "/account/tokens", body: "", expected: anyAccount),
            "POST /account/tokens": RouteCase(uri: "/account/tokens", body: "name=table", expected: anyAccount),
            "POST /account/tokens/:id/revoke": RouteCase(uri: "/account/tokens/999/revoke", body: "", expected: anyAccount),
            "GET /review": RouteCase(uri: "/review", body: "", expected: reviewers),
            "GET /audit": RouteCase(uri: "/audit", body: "", expected: reviewers),
            "GET /audit.csv": RouteCase(uri: "/audit.csv", body: "", expected: reviewers),
            "GET /users": RouteCase(uri: "/users", body: "", expected: admins),
            "POST /users": RouteCase(uri: "/users", body: "email=x&role=admin&password=short", expected: admins),
            "GET /countries": RouteCase(uri: "/countries", body: "", expected: everyone()),
            "GET /countries/:code": RouteCase(uri: "/countries/BEN", body: "", expected: everyone()),
            "GET /themes": RouteCase(uri: "/themes", body: "", expected: everyone()),
            "GET /themes/:slug": RouteCase(uri: "/themes/health", body: "", expected: everyone()),
            "GET /sdgs": RouteCase(uri: "/sdgs", body: "", expected: everyone()),
            "GET /sdgs/:goal": RouteCase(uri: "/sdgs/16", body: "", expected: everyone()),
            "GET /search": RouteCase(uri: "/search?q=birth", body: "", expected: everyone()),
            "GET /reports": RouteCase(uri: "/reports", body: "", expected: reviewers),
            "POST /reports": RouteCase(uri: "/reports", body: "top=0", expected: reviewers),
            "GET /reports/diff": RouteCase(uri: "/reports/diff?from=\(report)&to=\(report)", body: "", expected: reviewers),
            "GET /reports/:id": RouteCase(uri: "/reports/\(report)", body: "", expected: reviewers),
            "GET /reports/:id/export.csv": RouteCase(uri: "/reports/\(report)/export.csv", body: "", expected: reviewers),
            "GET /reports/:id/export.json": RouteCase(uri: "/reports/\(report)/export.json", body: "", expected: reviewers),
            "GET /reports/:id/print": RouteCase(uri: "/reports/\(report)/print", body: "", expected: reviewers),
            "POST /pairs/status": RouteCase(uri: "/pairs/status", body: "need=NOPE&innovation=NOPE&status=contacted", expected: reviewers),
            "GET /api/v1/countries": RouteCase(uri: "/api/v1/countries", body: "", expected: everyone()),
            "GET /api/v1/themes": RouteCase(uri: "/api/v1/themes", body: "", expected: everyone()),
            "GET /api/v1/suggestions": RouteCase(uri: "/api/v1/suggestions?text=birth", body: "", expected: everyone()),
            "GET /api/v1/sdg": RouteCase(uri: "/api/v1/sdg", body: "", expected: everyone()),
            "GET /api/v1/openapi.json": RouteCase(uri: "/api/v1/openapi.json", body: "", expected: everyone()),
            "GET /api/v1/search": RouteCase(uri: "/api/v1/search?q=birth", body: "", expected: everyone()),
            "GET /api/v1/reports": RouteCase(uri: "/api/v1/reports", body: "", expected: reviewers),
            "POST /api/v1/reports": RouteCase(uri: "/api/v1/reports", body: "{\"top\": 0}", expected: reviewers),
            "GET /api/v1/reports/:id": RouteCase(uri: "/api/v1/reports/\(report)", body: "", expected: reviewers),
            "GET /api/v1/reports/:id/diff/:other": RouteCase(uri: "/api/v1/reports/\(report)/diff/\(report)", body: "", expected: reviewers),
            // Workshops (the example workshop dhaka-2017, scheduled): anyone signed in reads, organisers write.
            "GET /workshops": RouteCase(uri: "/workshops", body: "", expected: anyAccount),
            "GET /workshops/new": RouteCase(uri: "/workshops/new", body: "", expected: organisers),
            "POST /workshops": RouteCase(uri: "/workshops", body: "id=x", expected: organisers),
            "GET /workshops/:id": RouteCase(uri: "/workshops/dhaka-2017", body: "", expected: anyAccount),
            "POST /workshops/:id/requests": RouteCase(uri: "/workshops/dhaka-2017/requests", body: "source=hand&need=NOPE", expected: organisers),
            "POST /workshops/:id/schedule": RouteCase(uri: "/workshops/dhaka-2017/schedule", body: "", expected: organisers),
            "POST /workshops/:id/move": RouteCase(uri: "/workshops/dhaka-2017/move", body: "request=R01&slot=0&table=T1", expected: organisers),
            "POST /workshops/:id/swap": RouteCase(uri: "/workshops/dhaka-2017/swap", body: "first=R01&second=R01", expected: organisers),
            "POST /workshops/:id/pin": RouteCase(uri: "/workshops/dhaka-2017/pin", body: "request=R01", expected: organisers),
            "POST /workshops/:id/unpin": RouteCase(uri: "/workshops/dhaka-2017/unpin", body: "request=R01", expected: organisers),
            "GET /workshops/:id/agenda.ics": RouteCase(uri: "/workshops/dhaka-2017/agenda.ics", body: "", expected: anyAccount),
            "GET /workshops/:id/agenda.xml": RouteCase(uri: "/workshops/dhaka-2017/agenda.xml?delegation=BTN", body: "", expected: anyAccount),
            "GET /workshops/:id/agenda.json": RouteCase(uri: "/workshops/dhaka-2017/agenda.json", body: "", expected: anyAccount),
            "GET /workshops/:id/agenda.csv": RouteCase(uri: "/workshops/dhaka-2017/agenda.csv", body: "", expected: anyAccount),
            "GET /workshops/:id/agenda.html": RouteCase(uri: "/workshops/dhaka-2017/agenda.html?delegation=all", body: "", expected: anyAccount),
            "GET /workshops/:id/delegations/:country": RouteCase(uri: "/workshops/dhaka-2017/delegations/BTN", body: "", expected: anyAccount),
        ]
        // The network: reading is public; members are the secretariat's; adoption 3 (Benin adopts Bangladesh's Union Digital Centres) and
        // its indicator 7 may be updated by the secretariat and Benin's focal point.
        let (adoption, indicator) = (3, 7)
        let network: [(String, String, String, [Asker: Outcome])] = [
            ("GET /members", "/members", "", everyone()), ("GET /members.csv", "/members.csv", "", everyone()),
            ("GET /members/:code", "/members/BEN", "", everyone()),
            ("POST /members", "/members", "country=BEN&joined=2018-06-14", reviewers),
            ("GET /members/:code/remove", "/members/BEN/remove", "", reviewers),
            ("POST /members/:code/remove", "/members/BEN/remove", "", reviewers),
            ("GET /sdg-map", "/sdg-map?region=142&theme=health", "", everyone()), ("GET /sdg-map.csv", "/sdg-map.csv", "", everyone()),
            ("GET /sdg-map/:goal", "/sdg-map/16", "", everyone()),
            ("GET /adoptions", "/adoptions", "", everyone()), ("GET /adoptions.csv", "/adoptions.csv", "", everyone()),
            ("GET /adoptions/:id", "/adoptions/\(adoption)", "", everyone()),
            ("POST /adoptions", "/adoptions", "need=NEED-BEN-001&innovation=INN-BEN-001", editors),
            ("POST /adoptions/:id/stages", "/adoptions/\(adoption)/stages", "stage=pilot&date=2025-02-01", editors),
            ("POST /adoptions/:id/indicators", "/adoptions/\(adoption)/indicators", "name=Days&kind=time&unit=days&baseline=10&target=2", editors),
            ("POST /adoptions/:id/indicators/:indicator/measurements", "/adoptions/\(adoption)/indicators/\(indicator)/measurements",
             "date=2025-03-01&value=9", editors),
            ("GET /api/v1/members", "/api/v1/members", "", everyone()), ("GET /api/v1/members/:code", "/api/v1/members/BEN", "", everyone()),
            ("POST /api/v1/members", "/api/v1/members", "{\"country\": \"BEN\", \"joined\": \"2018-06-14\"}", reviewers),
            ("GET /api/v1/sdg-map", "/api/v1/sdg-map?region=2", "", everyone()),
            ("GET /api/v1/adoptions", "/api/v1/adoptions", "", everyone()),
            ("GET /api/v1/adoptions/:id", "/api/v1/adoptions/\(adoption)", "", everyone()),
            ("POST /api/v1/adoptions", "/api/v1/adoptions", "{\"need\": \"NEED-BEN-001\", \"innovation\": \"INN-BEN-001\"}", editors),
            ("POST /api/v1/adoptions/:id/stages", "/api/v1/adoptions/\(adoption)/stages", "{\"stage\": \"pilot\", \"date\": \"2025-02-01\"}", editors),
            ("POST /api/v1/adoptions/:id/indicators", "/api/v1/adoptions/\(adoption)/indicators",
             "{\"name\": \"Days\", \"kind\": \"time\", \"unit\": \"days\", \"baseline\": 10, \"target\": 2}", editors),
            ("POST /api/v1/adoptions/:id/indicators/:indicator/measurements", "/api/v1/adoptions/\(adoption)/indicators/\(indicator)/measurements",
             "{\"date\": \"2025-03-01\", \"value\": 9}", editors),
        ]
        for (key, uri, body, expected) in network { table[key] = RouteCase(uri: uri, body: body, expected: expected) }
        for (plural, ref) in [("innovations", "INN-BEN-001"), ("needs", "NEED-BEN-001")] {
            let deleters: [Asker: Outcome] = [.anonymous: .signIn, .organiser: .forbidden, .focalBEN: .forbidden, .secretariat: .allowed, .admin: .allowed]
            table["GET /\(plural)"] = RouteCase(uri: "/\(plural)", body: "", expected: everyone())
            table["GET /\(plural)/new"] = RouteCase(uri: "/\(plural)/new", body: "", expected: editors)
            table["POST /\(plural)"] = RouteCase(uri: "/\(plural)", body: "title=x", expected: editors)
            table["GET /\(plural)/:ref"] = RouteCase(uri: "/\(plural)/\(ref)", body: "", expected: everyone())
            table["GET /\(plural)/:ref/edit"] = RouteCase(uri: "/\(plural)/\(ref)/edit", body: "", expected: editors)
            table["POST /\(plural)/:ref"] = RouteCase(uri: "/\(plural)/\(ref)", body: "title=x", expected: editors)
            table["GET /\(plural)/:ref/delete"] = RouteCase(uri: "/\(plural)/\(ref)/delete", body: "", expected: deleters)
            table["POST /\(plural)/:ref/delete"] = RouteCase(uri: "/\(plural)/\(ref)/delete", body: "", expected: deleters)
            table["POST /\(plural)/:ref/review"] = RouteCase(uri: "/\(plural)/\(ref)/review", body: "action=archive", expected: deleters)
            table["GET /\(plural)/similar"] = RouteCase(uri: "/\(plural)/similar?country=BEN&title=guichet", body: "", expected: editors)
            table["GET /\(plural)/:ref/merge"] = RouteCase(uri: "/\(plural)/\(ref)/merge?duplicate=NONE-001", body: "", expected: reviewers)
            table["POST /\(plural)/:ref/merge"] = RouteCase(uri: "/\(plural)/\(ref)/merge", body: "duplicate=NONE-001", expected: reviewers)
            table["GET /api/v1/\(plural)"] = RouteCase(uri: "/api/v1/\(plural)", body: "", expected: everyone())
            table["POST /api/v1/\(plural)"] = RouteCase(uri: "/api/v1/\(plural)", body: "{}", expected: editors)
            table["GET /api/v1/\(plural)/:ref"] = RouteCase(uri: "/api/v1/\(plural)/\(ref)", body: "", expected: everyone())
            table["PUT /api/v1/\(plural)/:ref"] = RouteCase(uri: "/api/v1/\(plural)/\(ref)", body: "{}", expected: editors)
            table["DELETE /api/v1/\(plural)/:ref"] = RouteCase(uri: "/api/v1/\(plural)/\(ref)", body: "", expected: deleters)
        }
        return table
    }

    /// Every route the application registers, as "METHOD /path".
    static func registeredRoutes(_ database: AppDatabase) async throws -> [String] {
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let pages = try PageRenderer(webDirectory: Repository.web)
        let router = buildRouter(config: AppConfig(webDirectory: Repository.web, bcryptCost: 4), catalogue: catalogue,
                                 accounts: Accounts(database: database, bcryptCost: 4), pages: pages, logger: Logger(label: "test"))
        return router.routes.map { route in
            let path = route.path.description.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
            return "\(route.method) \(path.hasPrefix("/") ? path : "/" + path)"
        }
    }

    @Test("every registered route has a row in the role table, and every row is a registered route")
    func tableCoversRouter() async throws {
        let routes = Set(try await Self.registeredRoutes(try demoDatabase()))
        let table = Set(Self.table(report: 1).keys)
        #expect(routes.subtracting(table).sorted() == [], "routes without a row in the table")
        #expect(table.subtracting(routes).sorted() == [], "rows for routes that do not exist")
    }

    @Test("role x route: each role is allowed, sent to sign in, or refused on every route and method", arguments: Asker.allCases)
    func roleTable(asker: Asker) async throws {
        let database = try networkDemoDatabase()
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let report = try MatchReports(catalogue: catalogue).run(name: "Table", parameters: ReportParameters(top: 2), actor: .commandLine)
        let workshops = Workshops(catalogue: catalogue)
        try workshops.create(file: try Data(contentsOf: WorkshopFixture.seedFile), actor: .commandLine)
        try workshops.schedule("dhaka-2017", actor: .commandLine)
        let table = Self.table(report: report)
        // Deletes, removals and sign-out last, so earlier rows still find what they use.
        let order = table.keys.sorted { a, b in
            func late(_ key: String) -> Int {
                key.contains("sign-out") ? 3 : key.contains("delete") || key.contains("remove") || key.hasPrefix("DELETE") ? 2 : 0
            }
            return (late(a), a) < (late(b), b)
        }
        try await withApp(database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/sign-in", as: asker.user)
            for key in order {
                let row = try #require(table[key])
                let method = HTTPRequest.Method(rawValue: String(key.split(separator: " ")[0]))!
                let isAPI = row.uri.hasPrefix("/api/")
                var headers: HTTPFields = [:]
                var body: ByteBuffer?
                if isAPI {
                    if let user = asker.user { headers[.authorization] = "Bearer \(user.token)" }
                    if method != .get { headers[.contentType] = "application/json"; body = ByteBuffer(string: row.body) }
                } else {
                    headers[.cookie] = session.cookie
                    if method != .get {
                        headers[.contentType] = "application/x-www-form-urlencoded"
                        body = ByteBuffer(string: "_csrf=\(session.token)" + (row.body.isEmpty ? "" : "&" + row.body))
                    }
                }
                let response = try await client.execute(uri: row.uri, method: method, headers: headers, body: body)
                let location = response.headers[.location] ?? ""
                let outcome: Outcome = response.status == .forbidden ? .forbidden
                    : (response.status == .unauthorized && isAPI) || (response.status == .seeOther && location.hasPrefix("/sign-in")) ? .signIn
                    : .allowed
                let expected = try #require(row.expected[asker], "\(key) has no expectation for \(asker)")
                #expect(outcome == expected, "\(asker) \(key) -> \(response.status.code) \(location)")
                #expect(response.status.code < 500, "\(asker) \(key) -> \(response.status.code)")
            }
        }
    }

    // MARK: Focal points and countries

    @Test("a focal point of Benin cannot edit, submit or delete Nepal's entries: web form, API or forged form")
    func crossCountry() async throws {
        let database = try demoDatabase()
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let nplFocal = Actor(name: TestUser.focalNPL.email, channel: .cli, role: .focalPoint, country: "NPL")
        try catalogue.create(.need, input: try #require(try catalogue.entry(.need, ref: "NEED-NPL-001")).values.merging(["ref": .text("NEED-NPL-DRAFT")]) { $1 },
                             actor: nplFocal)
        let before = try #require(try catalogue.entry(.need, ref: "NEED-NPL-001"))
        try await withApp(database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/needs/NEED-BEN-001", as: .focalBEN)
            // Web forms of a published Nepal entry: refused.
            #expect(try await session.get(client, "/needs/NEED-NPL-001/edit").status == .forbidden)
            let values = FormTests.validNeed.map { $0.0 == "ref" ? ("ref", "NEED-NPL-001") : $0.0 == "country" ? ("country", "NPL") : $0 }
            #expect(try await session.post(client, "/needs/NEED-NPL-001", values).status == .forbidden)
            #expect(try await session.post(client, "/needs/NEED-NPL-001/delete", []).status == .forbidden)
            #expect(try await session.post(client, "/needs/NEED-NPL-001/review", [("action", "archive")]).status == .forbidden)
            // Nepal's draft is invisible to a Benin focal point: it answers as if missing.
            #expect(try await session.get(client, "/needs/NEED-NPL-DRAFT").status == .notFound)
            #expect(try await session.post(client, "/needs/NEED-NPL-DRAFT/review", [("action", "submit")]).status == .notFound)
            #expect(try await session.post(client, "/needs/NEED-NPL-DRAFT/delete", []).status == .notFound)
            // Moving a Benin entry to Nepal, or registering a Nepal entry: refused.
            let moved = FormTests.validNeed.map { $0.0 == "ref" ? ("ref", "NEED-BEN-001") : $0.0 == "country" ? ("country", "NPL") : $0 }
            #expect(try await session.post(client, "/needs/NEED-BEN-001", moved).status == .forbidden)
            #expect(try await session.post(client, "/needs", FormTests.validNeed).status == .forbidden)
            // The API with the focal point's token.
            let json = innovationJSON(ref: "INN-NPL-001", country: "NPL")
            #expect(try await sendJSON(client, "/api/v1/innovations/INN-NPL-001", .put, json, as: .focalBEN).status == .forbidden)
            #expect(try await sendJSON(client, "/api/v1/innovations/INN-NPL-001", .delete, "", as: .focalBEN).status == .forbidden)
            #expect(try await sendJSON(client, "/api/v1/innovations", .post, innovationJSON(ref: "INN-NPL-NEW", country: "NPL"), as: .focalBEN).status == .forbidden)
            #expect(try await sendJSON(client, "/api/v1/needs/NEED-NPL-DRAFT", .delete, "", as: .focalBEN).status == .notFound)
            // A forged form: a valid session and token, posted to another country's entry with made-up fields.
            let forged = try await session.post(client, "/needs/NEED-NPL-001", [("ref", "NEED-NPL-001"), ("title", "Forged"), ("country", "BEN")])
            #expect(forged.status == .forbidden)
            // Its own country works: register a draft, submit it.
            let own = FormTests.validNeed.map { $0.0 == "ref" ? ("ref", "NEED-BEN-NEW") : $0.0 == "country" ? ("country", "BEN") : $0 }
            #expect(try await session.post(client, "/needs", own).status == .seeOther)
            #expect(try await session.post(client, "/needs/NEED-BEN-NEW/review", [("action", "submit")]).status == .seeOther)
            #expect(try await session.post(client, "/needs/NEED-BEN-NEW/review", [("action", "publish")]).status == .forbidden)
        }
        #expect(try catalogue.entry(.need, ref: "NEED-NPL-001") == before)
        #expect(try catalogue.entry(.need, ref: "NEED-NPL-DRAFT")?.metadata.status == .draft)
        #expect(try catalogue.entry(.innovation, ref: "INN-NPL-001") != nil)
        #expect(try catalogue.entry(.innovation, ref: "INN-NPL-NEW") == nil)
        #expect(try catalogue.entry(.need, ref: "NEED-BEN-NEW")?.metadata.status == .submitted)
    }

    @Test("a form with a missing or wrong CSRF token is refused with 403 even when signed in, and changes nothing",
          arguments: ["/needs/NEED-BEN-001/delete", "/needs/NEED-BEN-001/review", "/account/tokens", "/sign-out", "/users"])
    func csrf(path: String) async throws {
        let database = try demoDatabase()
        try await withApp(database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/", as: .admin)
            for token in ["", "wrong", String(repeating: "A", count: 43)] {
                let response = try await session.post(client, path, [("action", "archive"), ("name", "x")], token: token)
                #expect(response.status == .forbidden, "token '\(token)'")
            }
            // Still signed in (sign-out was refused) and nothing changed.
            #expect(try await session.get(client, "/account/tokens").status == .ok)
        }
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        #expect(try catalogue.entry(.need, ref: "NEED-BEN-001")?.metadata.status == .published)
        #expect(try catalogue.auditLog(AuditFilter(action: "review"), actor: .commandLine).total == 0)
        #expect(try catalogue.auditLog(AuditFilter(action: "delete"), actor: .commandLine).total == 0)
        #expect(try catalogue.auditLog(AuditFilter(action: "token"), actor: .commandLine).total == TestUser.allCases.count)
        #expect(try catalogue.auditLog(AuditFilter(action: "user"), actor: .commandLine).total == TestUser.allCases.count)
    }

    // MARK: Sign-in, sessions, passwords, tokens

    @Test("sign-in: wrong passwords are refused, then throttled with 429 after 5 failures; the session cookie is HttpOnly and SameSite")
    func signInAndThrottle() async throws {
        try await withApp(as: nil) { client in
            let first = try await client.execute(uri: "/sign-in", method: .get)
            let csrf = try #require(setCookies(first)["solex_csrf"])
            let session = FormSession(cookie: "solex_csrf=\(csrf)", token: csrf)
            let good = try await session.post(client, "/sign-in", [("email", TestUser.organiser.email), ("password", TestUser.password), ("next", "/search")])
            #expect(good.status == .seeOther)
            #expect(good.headers[.location] == "/search")
            let cookie = try #require(good.headers[values: .setCookie].first { $0.hasPrefix("solex_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "not Secure unless configured")
            let offSite = try await session.post(client, "/sign-in", [("email", TestUser.organiser.email), ("password", TestUser.password),
                                                                      ("next", "//evil.example/")])
            #expect(offSite.headers[.location] == "/", "no open redirect")
            for _ in 0..<5 {
                let wrong = try await session.post(client, "/sign-in", [("email", TestUser.secretariat.email), ("password", "not the password!")])
                #expect(wrong.status == .unauthorized)
                #expect(wrong.text.contains("Wrong e-mail or password."))
            }
            let throttled = try await session.post(client, "/sign-in", [("email", TestUser.secretariat.email), ("password", TestUser.password)])
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.text.contains("Too many attempts; try again in 15 minutes."))
        }
    }

    @Test("secure cookies when configured for TLS")
    func secureCookies() async throws {
        let database = try demoDatabase()
        try addTestUsers(database)
        let app = try await buildApplication(config: AppConfig(webDirectory: Repository.web, secureCookies: true, bcryptCost: 4), database: database)
        try await app.test(.router) { client in
            let first = try await client.execute(uri: "/sign-in", method: .get)
            #expect(first.headers[values: .setCookie].allSatisfy { $0.contains("Secure") })
            let csrf = try #require(setCookies(first)["solex_csrf"])
            let session = FormSession(cookie: "solex_csrf=\(csrf)", token: csrf)
            let signedIn = try await session.post(client, "/sign-in", [("email", TestUser.admin.email), ("password", TestUser.password)])
            #expect(signedIn.headers[values: .setCookie].contains { $0.hasPrefix("solex_session=") && $0.contains("Secure") })
        }
    }

    @Test("password change: policy messages, the current password is checked, the old password stops working")
    func passwordChange() async throws {
        try await withApp(as: nil) { client in
            let session = try await FormSession.start(client, at: "/account/password", as: .organiser)
            let short = try await session.post(client, "/account/password", [("current", TestUser.password), ("password", "short")])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("The password must be at least 12 characters long."))
            let mine = try await session.post(client, "/account/password", [("current", TestUser.password), ("password", "organiser-is-me-2026")])
            #expect(mine.text.contains("must not contain your e-mail address"))
            let wrong = try await session.post(client, "/account/password", [("current", "nope nope nope"), ("password", "A new long passphrase")])
            #expect(wrong.text.contains("The current password is not correct."))
            let changed = try await session.post(client, "/account/password", [("current", TestUser.password), ("password", "A new long passphrase")])
            #expect(changed.status == .ok)
            #expect(changed.text.contains("Your password has been changed."))
            // The old session of the account has ended.
            #expect(try await session.get(client, "/account/tokens").status == .seeOther)
            let again = try await FormSession.start(client, at: "/sign-in", as: nil)
            #expect(try await again.post(client, "/sign-in", [("email", TestUser.organiser.email), ("password", TestUser.password)]).status == .unauthorized)
            #expect(try await again.post(client, "/sign-in", [("email", TestUser.organiser.email), ("password", "A new long passphrase")]).status == .seeOther)
        }
    }

    @Test("API tokens: shown once, stored hashed, same rights as the user, revocable")
    func tokens() async throws {
        let database = try demoDatabase()
        try await withApp(database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/account/tokens", as: .focalBEN)
            let created = try await session.post(client, "/account/tokens", [("name", "<b>sync</b> script")])
            #expect(created.status == .created)
            let secret = try #require(created.text.components(separatedBy: "<p class=\"token-secret\">").dropFirst().first?
                .components(separatedBy: "</p>").first)
            #expect(created.text.contains("&lt;b&gt;sync&lt;/b&gt; script"))
            let listed = try await session.get(client, "/account/tokens")
            #expect(!listed.text.contains(secret), "the secret is shown once")
            func call(_ uri: String, _ method: HTTPRequest.Method, _ body: String = "") async throws -> TestResponse {
                try await client.execute(uri: uri, method: method, headers: [.authorization: "Bearer \(secret)", .contentType: "application/json"],
                                         body: ByteBuffer(string: body))
            }
            #expect(try await call("/api/v1/innovations", .post, innovationJSON(ref: "INN-BEN-TOKEN")).status == .created)
            #expect(try await call("/api/v1/innovations", .post, innovationJSON(ref: "INN-NPL-TOKEN", country: "NPL")).status == .forbidden)
            let id = try #require(listed.text.components(separatedBy: "/account/tokens/").dropFirst().first?.components(separatedBy: "/").first)
            #expect(try await session.post(client, "/account/tokens/\(id)/revoke", []).status == .seeOther)
            let revoked = try await call("/api/v1/innovations", .post, innovationJSON(ref: "INN-BEN-TOKEN2"))
            #expect(revoked.status == .unauthorized)
            #expect(revoked.headers[.wwwAuthenticate] != nil)
            // Another account cannot revoke someone else's token.
            let other = try await FormSession.start(client, at: "/account/tokens", as: .organiser)
            #expect(try await other.post(client, "/account/tokens/1/revoke", []).status == .notFound)
        }
    }

    // MARK: Review workflow and visibility

    @Test("review: draft -> submitted -> returned with a reason -> submitted -> published; only published entries are public, searchable and matched")
    func reviewWorkflow() async throws {
        let database = try demoDatabase()
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let word = "Zanzibarferry"
        try await withApp(database, as: nil) { client in
            let focal = try await FormSession.start(client, at: "/innovations/new", as: .focalBEN)
            let created = try await sendJSON(client, "/api/v1/innovations", .post, innovationJSON(ref: "INN-BEN-REVIEW", title: "\(word) tickets"), as: .focalBEN)
            #expect(created.status == .created)
            #expect(try json(created)["status"] as? String == "draft")
            func anonymousSees() async throws -> (page: Bool, api: Bool, search: Bool, apiSearch: Bool, list: Bool) {
                let page = try await client.execute(uri: "/innovations/INN-BEN-REVIEW", method: .get).status == .ok
                let api = try await client.execute(uri: "/api/v1/innovations/INN-BEN-REVIEW", method: .get).status == .ok
                let search = try await client.execute(uri: "/search?q=\(word)", method: .get).text.contains("INN-BEN-REVIEW")
                let apiSearch = try await client.execute(uri: "/api/v1/search?q=\(word)", method: .get).text.contains("INN-BEN-REVIEW")
                let list = try await client.execute(uri: "/innovations?country=BEN&per_page=100", method: .get).text.contains("INN-BEN-REVIEW")
                return (page, api, search, apiSearch, list)
            }
            var seen = try await anonymousSees()
            #expect(!seen.page && !seen.api && !seen.search && !seen.apiSearch && !seen.list)
            #expect(try await focal.post(client, "/innovations/INN-BEN-REVIEW/review", [("action", "submit")]).status == .seeOther)
            seen = try await anonymousSees()
            #expect(!seen.page && !seen.api && !seen.search && !seen.apiSearch && !seen.list)
            #expect(try catalogue.proposalsInclude(innovation: "INN-BEN-REVIEW") == false)

            let secretariat = try await FormSession.start(client, at: "/review", as: .secretariat)
            #expect(try await secretariat.get(client, "/review").text.contains("INN-BEN-REVIEW"))
            let noReason = try await secretariat.post(client, "/innovations/INN-BEN-REVIEW/review", [("action", "return")])
            #expect(noReason.status == .unprocessableContent)
            #expect(try await secretariat.post(client, "/innovations/INN-BEN-REVIEW/review",
                                               [("action", "return"), ("reason", "Add the number of births registered")]).status == .seeOther)
            let page = try await focal.get(client, "/innovations/INN-BEN-REVIEW")
            #expect(page.text.contains("Returned by the secretariat"))
            #expect(page.text.contains("Add the number of births registered"))
            #expect(try await focal.post(client, "/innovations/INN-BEN-REVIEW/review", [("action", "submit")]).status == .seeOther)
            #expect(try await secretariat.post(client, "/innovations/INN-BEN-REVIEW/review", [("action", "publish")]).status == .seeOther)
            seen = try await anonymousSees()
            #expect(seen.page && seen.api && seen.search && seen.apiSearch && seen.list)
            // An edit by the focal point sends the published entry back to review.
            let edited = try await sendJSON(client, "/api/v1/innovations/INN-BEN-REVIEW", .put,
                                            innovationJSON(ref: "INN-BEN-REVIEW", title: "\(word) tickets by SMS"), as: .focalBEN)
            #expect(try json(edited)["status"] as? String == "submitted")
            #expect(try await anonymousSees().page == false)
            // A move that does not apply is refused.
            #expect(try await secretariat.post(client, "/innovations/INN-BEN-REVIEW/review", [("action", "restore")]).status == .unprocessableContent)
        }
        let history = try catalogue.history(.innovation, ref: "INN-BEN-REVIEW", actor: .commandLine)
        #expect(history.map(\.action) == ["create", "review.submit", "review.return", "review.submit", "review.publish", "update"])
        #expect(history[2].reason == "Add the number of births registered")
        #expect(history[2].actor == TestUser.secretariat.email && history[2].channel == "web")
        #expect(history[0].actor == TestUser.focalBEN.email && history[0].channel == "api")
        let update = try #require(history.last)
        #expect(update.changes.contains(AuditChange(field: "title", old: "\(word) tickets", new: "\(word) tickets by SMS")))
        #expect(update.changes.contains(AuditChange(field: "status", old: "published", new: "submitted")))
    }

    @Test("facet counts match what an anonymous visitor can see")
    func facetCountsMatchVisibility() async throws {
        let database = try demoDatabase()
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        try catalogue.create(.innovation, input: try #require(try catalogue.entry(.innovation, ref: "INN-BEN-001")).values.merging(["ref": .text("INN-BEN-HIDDEN")]) { $1 },
                             status: .submitted, actor: .commandLine)
        try await withApp(database, as: nil) { client in
            let response = try await client.execute(uri: "/api/v1/search?country=BEN", method: .get)
            let body = try json(response)
            let total = try #require(body["total"] as? Int)
            let facets = try #require(body["facets"] as? [String: Any])
            let countries = try #require(facets["country"] as? [[String: Any]])
            let benin = countries.first { $0["value"] as? String == "BEN" }?["count"] as? Int
            #expect(benin == total)
            #expect(!response.text.contains("INN-BEN-HIDDEN"))
        }
    }

    // MARK: Audit

    @Test("the audit log records who, what and the old and new values; the secretariat browses and exports it; an entry's page shows its history")
    func auditLog() async throws {
        let database = try demoDatabase()
        try await withApp(database, as: nil) { client in
            let session = try await FormSession.start(client, at: "/needs/NEED-BEN-001/edit", as: .secretariat)
            var fields = FormTests.validNeed.map { $0.0 == "ref" ? ("ref", "NEED-BEN-001") : $0.0 == "country" ? ("country", "BEN") : $0 }
            fields = fields.map { $0.0 == "title" ? ("title", "Guichets uniques communaux") : $0 }
            #expect(try await session.post(client, "/needs/NEED-BEN-001", fields).status == .seeOther)
            let audit = try await session.get(client, "/audit?kind=need&ref=NEED-BEN-001")
            #expect(audit.status == .ok)
            #expect(audit.text.contains(TestUser.secretariat.email))
            #expect(audit.text.contains("<ins dir=\"auto\">Guichets uniques communaux</ins>"))
            let csv = try await session.get(client, "/audit.csv?action=update")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("id,at,actor,channel,action,subject_kind,subject_ref,reason,changes"))
            #expect(csv.text.contains("NEED-BEN-001"))
            #expect(csv.text.contains("Guichets uniques communaux"))
            let page = try await session.get(client, "/needs/NEED-BEN-001")
            #expect(page.text.contains("id=\"history-heading\""))
            // Anonymous visitors see neither the log nor the history.
            #expect(try await client.execute(uri: "/audit", method: .get).status == .seeOther)
            #expect(!(try await client.execute(uri: "/needs/NEED-BEN-001", method: .get).text.contains("history-heading")))
        }
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        let entries = try catalogue.auditLog(AuditFilter(action: "update"), actor: .commandLine).entries
        let change = try #require(entries.first?.changes.first { $0.field == "title" })
        #expect(change.new == "Guichets uniques communaux")
        #expect(change.old != nil && change.old != change.new)
    }

    // MARK: Hostile input

    static let xssPayloads = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>", "javascript:alert(1)",
        "<iframe src=javascript:alert(1)>", "{{layout}}{{{csrfToken}}}", "</textarea><script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">x</a>", "&lt;script&gt;", "\u{202E}<b>bidi</b>",
    ]

    @Test("XSS payloads in every text field of both kinds are inert on the detail, list, search, review, audit and form pages")
    func xssCorpus() async throws {
        let database = try demoDatabase()
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        for (index, payload) in Self.xssPayloads.enumerated() {
            for kind in EntryKind.allCases {
                var values = try #require(try catalogue.entry(kind, ref: kind == .innovation ? "INN-BEN-001" : "NEED-BEN-001")).values
                values["ref"] = .text("XSS-\(kind == .innovation ? "I" : "N")-\(index)")
                for spec in kind.fields where spec.name != "ref" {
                    switch values[spec.name] {
                    case .text?: if spec.name != "origin_country" && spec.name != "country" && spec.name != "created" { values[spec.name] = .text("Z \(payload)") }
                    case .list?: if spec.name == "tags" { values[spec.name] = .list(["z \(payload)"]) }
                    default: break
                    }
                }
                switch catalogue.validator.validate(values, kind: kind) {
                case .success: try catalogue.create(kind, input: values, status: .submitted, actor: .commandLine)
                case .failure(let failure):
                    // Fields that refuse the payload (e.g. coded values) keep the original value.
                    var fixed = values
                    let original = try #require(try catalogue.entry(kind, ref: kind == .innovation ? "INN-BEN-001" : "NEED-BEN-001")).values
                    for error in failure.errors { fixed[error.field] = original[error.field] }
                    try catalogue.create(kind, input: fixed, status: .submitted, actor: .commandLine)
                }
            }
        }
        let dangerous = ["<script>alert", "<img src=x", "<svg onload", "<iframe", "href=\"javascript:", "onerror=alert(1)>"]
        try await withApp(database, as: .secretariat) { client in
            var pages = ["/innovations?per_page=100&sort=updated&order=desc", "/needs?per_page=100&sort=updated&order=desc",
                         "/search?q=alert&per_page=100", "/review", "/audit?per_page=500", "/countries/BEN", "/"]
            for index in Self.xssPayloads.indices {
                pages += ["/innovations/XSS-I-\(index)", "/needs/XSS-N-\(index)", "/innovations/XSS-I-\(index)/edit", "/needs/XSS-N-\(index)/edit",
                          "/needs/XSS-N-\(index)/delete"]
            }
            for uri in pages {
                let text = try await client.execute(uri: uri, method: .get).text
                for bad in dangerous { #expect(!text.contains(bad), "\(bad) on \(uri)") }
            }
            let api = try await client.execute(uri: "/api/v1/search?q=alert", method: .get)
            #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
        }
        // The payloads were stored as typed: inert by escaping, not by mangling.
        #expect(try catalogue.entry(.innovation, ref: "XSS-I-0")?.title == "Z <script>alert(1)</script>")
    }

    static let injections = [
        "' OR 1=1 --", "\"; DROP TABLE innovation; --", "') UNION SELECT password_hash FROM user --", "*", "\"", "NEAR(", "title:birth",
        "birth OR", "AND", "^birth", "col:*", "{title summary}:x", "-", "a\"b", "%", "_", "\\", "\u{0}", "birth*\"*", "NOT NOT",
    ]

    @Test("SQL and FTS injection strings in search, filters and fields are harmless")
    func injection() async throws {
        let database = try demoDatabase()
        try await withApp(database, as: .secretariat) { client in
            for text in Self.injections {
                let q = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                for uri in ["/search?q=\(q)", "/api/v1/search?q=\(q)", "/api/v1/search?country=\(q)", "/innovations?sort=\(q)",
                            "/audit?actor=\(q)&ref=\(q)", "/api/v1/innovations/\(q)"] {
                    let response = try await client.execute(uri: uri, method: .get)
                    #expect(response.status.code < 500, "\(uri) -> \(response.status.code)")
                    #expect(!response.text.contains("$2b$"), "no password hash leaks through \(uri)")
                }
                let created = try await sendJSON(client, "/api/v1/needs", .post, """
                    {"ref": "NEED-INJ-\(abs(text.hashValue) % 100000)", "title": \(Self.jsonString(text + " title")), "description": \(Self.jsonString(text)),
                     "country": "BEN", "themes": ["health"], "sdg_targets": [], "tags": [], "support_types": [], "languages": [], "created": "2026-01-01"}
                    """)
                #expect(created.status.code < 500)
            }
        }
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        #expect(try catalogue.storedCount(.innovation) > 0)
        #expect(try Accounts(database: database).user(email: TestUser.admin.email) != nil)
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}

extension Catalogue {
    /// Whether any need's proposals include the innovation.
    func proposalsInclude(innovation ref: String) throws -> Bool {
        for need in try list(EntryQuery(kind: .need, perPage: 100)).entries {
            if try proposals(for: need, top: 20).contains(where: { $0.1.ref == ref }) { return true }
        }
        return false
    }
}
