import ArgumentParser
import Foundation
import SolexCore
import SolexStore

/// `solex member add|list|remove`
struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "Manage the network's member countries.",
        subcommands: [MemberAdd.self, MemberList.self, MemberRemove.self])
}

struct MemberAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a member country, or change the date and note of a member.")

    @OptionGroup var options: GlobalOptions
    @Option(help: "The country (ISO 3166-1 alpha-3).") var country: String
    @Option(help: ArgumentHelp("The date the country joined, YYYY-MM-DD.", valueName: "DATE")) var joined: String
    @Option(help: "A note.") var note: String = ""

    func run() throws {
        let members = Members(catalogue: try options.openCatalogue())
        do {
            let added = try members.add(country: country, joined: joined, note: note, actor: .commandLine)
            print("\(added ? "Added" : "Updated") member \(country.uppercased()) (joined \(joined))")
        } catch CatalogueError.invalid(let failure) {
            throw ValidationError(failure.errors.map { "--\($0.field): \($0.reason)" }.joined(separator: "\n"))
        }
    }
}

struct MemberList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the members (or write them as CSV).")

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Write the directory as CSV, as GET /members.csv does.") var csv = false

    func run() throws {
        let catalogue = try options.openCatalogue()
        let members = Members(catalogue: catalogue)
        if csv {
            FileHandle.standardOutput.write(try members.csv())
            return
        }
        for member in try members.list() {
            let name = catalogue.reference.country(member.country)?.name.en ?? ""
            print("\(member.country)  \(member.joined)  focal points \(member.focalPoints.count)  innovations \(member.innovationCount)  "
                  + "needs \(member.needCount)  adoptions \(member.adoptionCount)  \(name)")
        }
    }
}

struct MemberRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a member (its entries, accounts and adoptions stay).")

    @OptionGroup var options: GlobalOptions
    @Option(help: "The country (ISO 3166-1 alpha-3).") var country: String

    func run() throws {
        do {
            try Members(catalogue: try options.openCatalogue()).remove(country: country.uppercased(), actor: .commandLine)
            print("Removed member \(country.uppercased())")
        } catch NetworkError.notFound {
            throw ValidationError("\(country) is not a member")
        }
    }
}
