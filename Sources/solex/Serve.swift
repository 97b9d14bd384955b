import ArgumentParser
import Foundation
import Logging
import SolexCore
import SolexStore
import SolexWeb

/// `solex serve`
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Migrate, seed, load the demo data into an empty database, and serve the web pages and the API.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on.") var port = 8080
    @Option(name: .long, help: ArgumentHelp("The folder of templates and static files (env SOLEX_WEB).", valueName: "DIR"))
    var web: String = ProcessInfo.processInfo.environment["SOLEX_WEB"] ?? "Web"
    @Flag(help: "Load the demo entries even if the database is not empty.") var demo = false
    @Flag(help: "Mark cookies Secure: use when Solex is served over HTTPS (for example behind a TLS proxy).")
    var secureCookies = false
    @Flag(help: "Create demo accounts (one per role) with random passwords printed here; for demonstrations only.")
    var demoAccounts = false
    @Option(name: .long, help: ArgumentHelp("Match reports run from the pages and the API at most this many at a time; each holds the catalogue in memory.", valueName: "N"))
    var reportRuns = 1
    @Option(name: .long, help: ArgumentHelp("Report runs that may wait for their turn; one more is refused (503, Retry-After).", valueName: "N"))
    var reportRunsWaiting = 4

    func validate() throws {
        guard reportRuns >= 1 else { throw ValidationError("--report-runs must be a whole number of 1 or more") }
        guard reportRunsWaiting >= 0 else { throw ValidationError("--report-runs-waiting must be a whole number of 0 or more") }
    }

    func run() async throws {
        let catalogue = try options.openCatalogue()
        if try Bootstrap.loadDemo(into: catalogue, seeds: options.seedDirectory, force: demo, network: true) {
            printError("Loaded the demo catalogue into \(options.db)")
        }
        let accounts = Accounts(database: catalogue.database)
        if demoAccounts { try createDemoAccounts(accounts) }
        if try accounts.users(actor: commandLineAdmin).isEmpty {
            printError("No account exists yet. Create the first administrator with:\n"
                       + "  SOLEX_PASSWORD='a long passphrase' solex --db \(options.db) user add --email you@example.org --role admin")
        }
        let config = AppConfig(host: host, port: port, webDirectory: web, secureCookies: secureCookies,
                               reportRunsAtOnce: reportRuns, reportRunsWaiting: reportRunsWaiting)
        let app = try await buildApplication(config: config, database: catalogue.database)
        printError("Solex is serving \(options.db) on http://\(host == "0.0.0.0" ? "localhost" : host):\(port)")
        try await app.runService()
    }

    /// One account per role (a Benin focal point), each with a new random password printed once; existing demo
    /// accounts get a new password.
    private func createDemoAccounts(_ accounts: Accounts) throws {
        let demo: [(String, Role, String?)] = [("admin@demo.solex.example", .admin, nil), ("secretariat@demo.solex.example", .secretariat, nil),
                                              ("organiser@demo.solex.example", .organiser, nil), ("focal-ben@demo.solex.example", .focalPoint, "BEN")]
        for (email, role, country) in demo {
            let password = "demo-" + Accounts.randomText(12)
            if try accounts.user(email: email) == nil {
                try accounts.addUser(email: email, password: password, role: role, country: country, actor: commandLineAdmin)
            } else {
                try accounts.setPassword(email: email, password: password, actor: commandLineAdmin)
            }
            printError("Demo account \(email) (\(role.label)): password \(password)")
        }
    }
}
