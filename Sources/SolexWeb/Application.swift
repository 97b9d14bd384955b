import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import SolexCore
import SolexStore

/// Settings of the web server.
public struct AppConfig: Sendable {
    /// Address to listen on.
    public var host: String
    /// Port to listen on.
    public var port: Int
    /// Folder holding templates/ and static/.
    public var webDirectory: String
    /// Log level.
    public var logLevel: Logger.Level
    /// Mark cookies `Secure` (set when Solex is served over HTTPS, e.g. behind a TLS proxy).
    public var secureCookies: Bool
    /// bcrypt cost of new password hashes: 12 in production; tests use a lower one to run faster.
    public var bcryptCost: UInt8
    /// A session ends after this long without a request.
    public var sessionIdle: Duration
    /// Match reports run from the pages and the API at most this many at a time (each holds the catalogue in memory).
    public var reportRunsAtOnce: Int
    /// Runs that may wait for their turn; one more is refused with 503 and `Retry-After`.
    public var reportRunsWaiting: Int

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, webDirectory: String = "Web", logLevel: Logger.Level = .info,
                secureCookies: Bool = false, bcryptCost: UInt8 = 12, sessionIdle: Duration = .seconds(8 * 60 * 60),
                reportRunsAtOnce: Int = 1, reportRunsWaiting: Int = 4) {
        self.host = host
        self.port = port
        self.webDirectory = webDirectory
        self.logLevel = logLevel
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.sessionIdle = sessionIdle
        self.reportRunsAtOnce = reportRunsAtOnce
        self.reportRunsWaiting = reportRunsWaiting
    }
}

/// The composition root: builds the whole web application over a migrated, seeded database.
/// Fails at start-up if a template is missing or does not parse.
public func buildApplication(config: AppConfig, database: AppDatabase) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "solex")
    logger.logLevel = config.logLevel
    let catalogue = Catalogue(database: database, reference: try database.referenceData())
    let pages = try PageRenderer(webDirectory: config.webDirectory)
    let accounts = Accounts(database: database, bcryptCost: config.bcryptCost)
    let router = buildRouter(config: config, catalogue: catalogue, accounts: accounts, pages: pages, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Solex"),
        logger: logger)
}

/// The router with every middleware and route (`routes` lists what it registers, for tests).
func buildRouter(config: AppConfig, catalogue: Catalogue, accounts: Accounts, pages: PageRenderer, logger: Logger) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: CompressionMiddleware())
    router.add(middleware: LanguageMiddleware(messages: pages.messages, secureCookies: config.secureCookies))
    router.add(middleware: ErrorMiddleware(pages: pages))
    router.add(middleware: FileMiddleware(config.webDirectory + "/static", urlBasePath: "/static",
                                          cacheControl: .init([(MediaType(type: .any), [.maxAge(3600)])]), logger: logger))
    let sessionCookie = SessionCookieParameters(name: IdentityMiddleware.sessionCookie, path: "/", secure: config.secureCookies,
                                                sameSite: .lax)
    // Static files above are cheap; everything below waits its turn (see `FairAdmission`).
    router.add(middleware: FairAdmissionMiddleware(admission: FairAdmission(limit: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))))
    router.add(middleware: SessionMiddleware<AppRequestContext>(
        storage: SQLitePersistDriver(database: catalogue.database),
        configuration: .init(sessionCookieParameters: sessionCookie, keyPrefix: "", defaultSessionExpiration: config.sessionIdle)))
    router.add(middleware: IdentityMiddleware(accounts: accounts, sessionIdle: config.sessionIdle))
    router.get("/health") { _, _ in "ok" }
    let api = router.group("api/v1")
    EntryAPIController(catalogue: catalogue).addRoutes(to: api)
    ReferenceAPIController(reference: catalogue.reference).addRoutes(to: api)
    OpenAPIController(reference: catalogue.reference).addRoutes(to: api)
    SuggestionController(catalogue: catalogue).addRoutes(to: api)
    NetworkAPIController(catalogue: catalogue).addRoutes(to: api)
    let site = router.group().add(middleware: CSRFMiddleware(secure: config.secureCookies))
    HomeController(catalogue: catalogue, pages: pages).addRoutes(to: site)
    for kind in EntryKind.allCases {
        EntryMergeController(kind: kind, catalogue: catalogue, pages: pages).addRoutes(to: site)
        EntryPagesController(kind: kind, catalogue: catalogue, pages: pages).addRoutes(to: site)
    }
    ReferencePagesController(catalogue: catalogue, pages: pages).addRoutes(to: site)
    SearchController(catalogue: catalogue, pages: pages).addRoutes(site: site, api: api)
    MemberPagesController(catalogue: catalogue, pages: pages).addRoutes(to: site)
    SDGMapPagesController(catalogue: catalogue, pages: pages).addRoutes(to: site)
    AdoptionPagesController(catalogue: catalogue, pages: pages).addRoutes(to: site)
    // Match reports are the secretariat's: every report route, read or write, needs the permission.
    let reportSite = site.group().add(middleware: PermissionMiddleware(catalogue: catalogue, permission: .matchReports))
    let reportAPI = api.group().add(middleware: PermissionMiddleware(catalogue: catalogue, permission: .matchReports))
    let reportRuns = ReportRunQueue(limit: config.reportRunsAtOnce, maxWaiting: config.reportRunsWaiting)
    ReportPagesController(catalogue: catalogue, pages: pages, runs: reportRuns).addRoutes(to: reportSite)
    ReportAPIController(catalogue: catalogue, runs: reportRuns).addRoutes(to: reportAPI)
    AccountPagesController(accounts: accounts, pages: pages).addRoutes(to: site)
    ReviewPagesController(catalogue: catalogue, pages: pages).addRoutes(to: site)
    AuditPagesController(catalogue: catalogue, pages: pages).addRoutes(to: site)
    UserPagesController(accounts: accounts, catalogue: catalogue, pages: pages).addRoutes(to: site)
    WorkshopPagesController(catalogue: catalogue, pages: pages, webDirectory: config.webDirectory).addRoutes(to: site)
    // Last: a middleware added after every route wraps only the not-found responder.
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
    return router
}

/// What a web session remembers: the account, and when its password was set (changing the password ends the
/// account's other sessions).
public struct WebSession: Codable, Sendable {
    var userID: Int64
    var passwordChangedAt: Double
}

/// The request context: Hummingbird's core storage, the session, the actor making the request and the CSRF token.
public struct AppRequestContext: RequestContext, SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token every form of this response must carry (set by `CSRFMiddleware`).
    public var csrfToken = ""
    /// The web session (set by `SessionMiddleware`).
    public let sessions: SessionContext<WebSession>
    /// Who is asking: the signed-in account (session cookie for pages, bearer token for the API) or an anonymous
    /// visitor (set by `IdentityMiddleware`).
    public var actor: Actor = .webVisitor
    /// The interface language's messages and formats (set by `LanguageMiddleware`).
    public var localizer: Localizer = .untranslated
    /// The request's path and query, for links to the same page in another language (set by `LanguageMiddleware`).
    public var pathAndQuery = "/"

    public init(source: Source) {
        coreContext = .init(source: source)
        sessions = .init()
    }

    /// Bodies up to 2 MiB (the longest entry is far smaller).
    public var maxUploadSize: Int { 2 * 1024 * 1024 }
}
