import Foundation
import Hummingbird
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

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, webDirectory: String = "Web", logLevel: Logger.Level = .info) {
        self.host = host
        self.port = port
        self.webDirectory = webDirectory
        self.logLevel = logLevel
    }
}

/// The composition root: builds the whole web application over a migrated, seeded database.
/// Fails at start-up if a template is missing or does not parse.
public func buildApplication(config: AppConfig, database: AppDatabase) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "solex")
    logger.logLevel = config.logLevel
    let catalogue = Catalogue(database: database, reference: try database.referenceData())
    let pages = try await PageRenderer(templatesDirectory: config.webDirectory + "/templates")
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(pages: pages))
    router.add(middleware: FileMiddleware(config.webDirectory + "/static", urlBasePath: "/static",
                                          cacheControl: .init([(MediaType(type: .any), [.maxAge(3600)])]), logger: logger))
    router.get("/health") { _, _ in "ok" }
    let api = router.group("api/v1")
    EntryAPIController(catalogue: catalogue).addRoutes(to: api)
    ReferenceAPIController(reference: catalogue.reference).addRoutes(to: api)
    OpenAPIController(reference: catalogue.reference).addRoutes(to: api)
    let site = router.group().add(middleware: CSRFMiddleware())
    HomeController(catalogue: catalogue, pages: pages).addRoutes(to: site)
    for kind in EntryKind.allCases {
        EntryPagesController(kind: kind, catalogue: catalogue, pages: pages).addRoutes(to: site)
    }
    ReferencePagesController(catalogue: catalogue, pages: pages).addRoutes(to: site)
    SearchController(catalogue: catalogue, pages: pages).addRoutes(site: site, api: api)
    ReportPagesController(catalogue: catalogue, pages: pages).addRoutes(to: site)
    ReportAPIController(catalogue: catalogue).addRoutes(to: api)
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Solex"),
        logger: logger)
}

/// The request context: Hummingbird's core storage plus the CSRF token of the request.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token every form of this response must carry (set by `CSRFMiddleware`).
    public var csrfToken = ""

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Bodies up to 2 MiB (the longest entry is far smaller).
    public var maxUploadSize: Int { 2 * 1024 * 1024 }
}
