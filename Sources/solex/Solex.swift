import ArgumentParser
import Foundation
import SolexCore
import SolexStore

/// The `solex` command.
@main
struct Solex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solex",
        abstract: "Solex: the solution exchange of the South-South and Triangular Network on Public Service Innovations.",
        subcommands: [Serve.self, Import.self, Export.self, Migrate.self, Seed.self, Reindex.self, SimilarCommand.self, MergeCommand.self, MatchCommand.self, ReportCommand.self, PairCommand.self, MemberCommand.self, WorkshopCommand.self, AgendaCommand.self, UserCommand.self, Backup.self, Restore.self, BenchSearch.self])

    /// Runs the command. Global options given before the subcommand (`solex --db F import ...`) are moved after it,
    /// where the subcommand's parser reads them.
    static func main() async {
        do {
            var command = try parseAsRoot(reorderedArguments(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    /// Moves leading `--db`/`--seeds` options (and their values) to the end of the arguments, before any `--`.
    static func reorderedArguments(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first, GlobalOptions.names.contains(where: { first == $0 || first.hasPrefix($0 + "=") }) {
            leading.append(first)
            rest = rest.dropFirst()
            if !first.contains("="), let value = rest.first {
                leading.append(value)
                rest = rest.dropFirst()
            }
        }
        var result = Array(rest)
        result.insert(contentsOf: leading, at: result.firstIndex(of: "--") ?? result.endIndex)
        return result
    }
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    /// The options that may also stand before the subcommand.
    static let names = ["--db", "--seeds"]

    @Option(name: .long, help: ArgumentHelp("The SQLite database file (env SOLEX_DB).", valueName: "PATH"))
    var db: String = ProcessInfo.processInfo.environment["SOLEX_DB"] ?? "solex.sqlite"

    @Option(name: .long, help: ArgumentHelp("The folder of reference and demo data (env SOLEX_SEEDS).", valueName: "DIR"))
    var seeds: String = ProcessInfo.processInfo.environment["SOLEX_SEEDS"] ?? "Seeds"

    /// Migrates the database, loads the reference data, and returns the catalogue.
    func openCatalogue() throws -> Catalogue {
        do {
            return try Bootstrap.open(databaseAt: db, seeds: seedDirectory)
        } catch let error as SeedError {
            throw ValidationError("Seed data problem: \(error)")
        }
    }

    var seedDirectory: SeedDirectory { SeedDirectory(URL(fileURLWithPath: seeds)) }
}

/// The entry kinds as command-line arguments.
extension EntryKind: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "innovations", "innovation": self = .innovation
        case "needs", "need": self = .need
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["innovations", "needs"] }
}

extension InterchangeFormat: ExpressibleByArgument {}
extension EntryStatus: ExpressibleByArgument {}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
