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

    func run() async throws {
        let catalogue = try options.openCatalogue()
        if try Bootstrap.loadDemo(into: catalogue, seeds: options.seedDirectory, force: demo) {
            printError("Loaded the demo catalogue into \(options.db)")
        }
        let config = AppConfig(host: host, port: port, webDirectory: web)
        let app = try await buildApplication(config: config, database: catalogue.database)
        printError("Solex is serving \(options.db) on http://\(host == "0.0.0.0" ? "localhost" : host):\(port)")
        try await app.runService()
    }
}
