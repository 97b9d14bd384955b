import ArgumentParser
import Foundation
import SolexCore
import SolexStore

extension Role: ExpressibleByArgument {}

/// The operator at the command line, managing accounts: acts as an administrator (the command line runs on the
/// server, by the people who operate it).
let commandLineAdmin = Actor(name: "cli", channel: .cli, role: .admin)

/// `solex user add|passwd|list`
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts (the first administrator is created here).",
        subcommands: [UserAdd.self, UserPasswd.self, UserList.self, UserToken.self])
}

/// Reads a password from SOLEX_PASSWORD or, with --password-stdin, from the first line of standard input.
func readPassword(fromStdin: Bool) throws -> String {
    if fromStdin {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("No password on standard input.")
        }
        return line
    }
    if let password = ProcessInfo.processInfo.environment["SOLEX_PASSWORD"], !password.isEmpty { return password }
    throw ValidationError("Give the password in the SOLEX_PASSWORD environment variable or on standard input with --password-stdin.")
}

func reportAccountError(_ error: Error) throws -> Never {
    switch error {
    case AccountError.invalid(let field, let reason, _):
        printError(field == "password" ? reason : "\(field): \(reason)")
    case AccountError.notFound:
        printError("No account has that e-mail address.")
    default:
        throw error
    }
    throw ExitCode(1)
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create an account. The password comes from SOLEX_PASSWORD or --password-stdin.")

    @OptionGroup var options: GlobalOptions
    @Option(help: "The e-mail address (the sign-in name).") var email: String
    @Option(help: "admin, secretariat, organiser or focal_point") var role: Role
    @Option(help: "For a focal point: the country (ISO alpha-3).") var country: String?
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func run() throws {
        let password = try readPassword(fromStdin: passwordStdin)
        let catalogue = try options.openCatalogue()
        do {
            let user = try Accounts(database: catalogue.database).addUser(email: email, password: password, role: role,
                                                                          country: country, actor: commandLineAdmin)
            print("Created \(user.role.label.lowercased()) \(user.email)\(user.country.map { " (\($0))" } ?? "")")
        } catch {
            try reportAccountError(error)
        }
    }
}

struct UserPasswd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd", abstract: "Set an account's password (from SOLEX_PASSWORD or --password-stdin).")

    @OptionGroup var options: GlobalOptions
    @Option(help: "The account's e-mail address.") var email: String
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func run() throws {
        let password = try readPassword(fromStdin: passwordStdin)
        let catalogue = try options.openCatalogue()
        do {
            try Accounts(database: catalogue.database).setPassword(email: email, password: password, actor: commandLineAdmin)
            print("Password of \(email) changed")
        } catch {
            try reportAccountError(error)
        }
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let catalogue = try options.openCatalogue()
        for user in try Accounts(database: catalogue.database).users(actor: commandLineAdmin) {
            print([user.email, user.role.rawValue, user.country ?? "-", user.disabled ? "disabled" : "active"].joined(separator: "\t"))
        }
    }
}

struct UserToken: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create a named API token for an account and print it (shown once; only its hash is kept).")

    @OptionGroup var options: GlobalOptions
    @Option(help: "The account's e-mail address.") var email: String
    @Option(help: "What the token is for.") var name: String

    func run() throws {
        let catalogue = try options.openCatalogue()
        let accounts = Accounts(database: catalogue.database)
        do {
            guard let user = try accounts.user(email: email) else { throw AccountError.notFound }
            print(try accounts.createToken(name: name, actor: user.actor(.cli)).secret)
        } catch {
            try reportAccountError(error)
        }
    }
}

/// `solex backup FILE`
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to FILE with SQLite's online backup (safe while the server runs).")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The backup file to write (must not exist).") var file: String

    func run() throws {
        if FileManager.default.fileExists(atPath: file) { throw ValidationError("\(file) already exists; choose a new file.") }
        let database = try AppDatabase.openFile(at: options.db)
        let started = Date()
        try database.backup(to: file)
        let check = try AppDatabase.check(file: file)
        print("\(options.db): backed up to \(file) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s "
              + "(\(check.innovations) innovations, \(check.needs) needs; integrity ok)")
    }
}

/// `solex restore FILE`
struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the database with a backup, after checking it. Stop the server first.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The backup file.") var file: String

    func run() throws {
        do {
            let check = try AppDatabase.restore(from: file, to: options.db)
            print("\(options.db): restored from \(file) (\(check.innovations) innovations, \(check.needs) needs; integrity ok)")
        } catch let error as RestoreError {
            printError("\(file): \(error.message)")
            throw ExitCode(1)
        }
    }
}
