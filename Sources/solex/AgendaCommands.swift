import ArgumentParser
import Foundation
import SolexCore
import SolexStore
import SolexWeb

/// `solex workshop create|list|requests`: workshops and their meeting requests.
struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop", abstract: "Create and list workshops; add meeting requests from a match report.",
        subcommands: [WorkshopCreate.self, WorkshopList.self, WorkshopRequests.self])
}

/// `solex agenda schedule|move|swap|export`: the agendas of workshops.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "Schedule a workshop's meetings, move or swap them, and export the agenda.",
        subcommands: [AgendaSchedule.self, AgendaMove.self, AgendaSwap.self, AgendaExport.self, AgendaBench.self])
}

/// Opens the workshops of the database of `options`.
private func openWorkshops(_ options: GlobalOptions) throws -> Workshops {
    Workshops(catalogue: try options.openCatalogue())
}

/// Runs a workshop use case, turning its errors into command-line messages.
private func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch WorkshopError.invalid(let failure) {
        throw ValidationError(failure.errors.map { "\($0.field): \($0.reason)" }.joined(separator: "\n"))
    } catch WorkshopError.notFound(let slug) {
        throw ValidationError("no workshop '\(slug)'; see solex workshop list")
    } catch WorkshopError.notScheduled(let slug) {
        throw ValidationError("workshop '\(slug)' has no schedule yet; run solex agenda schedule \(slug)")
    } catch WorkshopError.refused(let refusal) {
        throw ValidationError("refused (\(refusal.constraint.rawValue)): \(refusal.message)")
    } catch MatchReportError.notFound(let id) {
        throw ValidationError("no report has the id \(id); see solex report list")
    }
}

/// One line per scheduled meeting and per left-out request, and the counts.
private func describe(_ schedule: Schedule, _ plan: AgendaPlan) -> String {
    var lines = ["\(schedule.scheduledCount) of \(schedule.requestCount) requests scheduled; upper bound \(schedule.upperBound); "
                 + "\(schedule.leftOut.count) left out"]
    for assignment in schedule.assignments.sorted(by: { ($0.slot, $0.table) < ($1.slot, $1.table) }) {
        let slot = plan.slots.indices.contains(assignment.slot) ? plan.slots[assignment.slot] : nil
        let when = slot.map { "\($0.date) \($0.start)-\($0.end)" } ?? "slot \(assignment.slot)"
        let request = plan.request(assignment.request)
        lines.append("scheduled \(assignment.request) slot \(assignment.slot) (\(when)) table \(assignment.table)"
                     + (request.map { ": \($0.requester) meets \($0.champion)" } ?? "")
                     + (request?.pin != nil ? " [pinned]" : ""))
    }
    for left in schedule.leftOut {
        lines.append("left out \(left.request) (\(left.reason.rawValue)): \(left.explanation)")
    }
    return lines.joined(separator: "\n")
}

/// `solex workshop create --file F`
struct WorkshopCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a workshop from a workshop file (JSON); prints its id and slug.")

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("The workshop file.", valueName: "F")) var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("--file: cannot read \(file)") }
        let workshops = try openWorkshops(options)
        let summary = try reporting { try workshops.create(file: data, actor: .commandLine) }
        print("\(summary.id)\t\(summary.slug)")
    }
}

/// `solex workshop list`
struct WorkshopList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the workshops: id, slug, counts and name.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let workshops = try openWorkshops(options)
        for summary in try workshops.list(actor: .commandLine) {
            let scheduled = summary.scheduledCount.map { "\($0) scheduled" } ?? "not scheduled"
            print("\(summary.id)\t\(summary.slug)\t\(summary.delegationCount) delegations\t\(summary.requestCount) requests\t\(scheduled)\t\(summary.name)")
        }
    }
}

/// `solex workshop requests WORKSHOP --report ID [--top K | --accepted]`
struct WorkshopRequests: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Add meeting requests from a stored match report: the top K pairs of each need, or the accepted pairs.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: ArgumentHelp("The workshop's slug.", valueName: "WORKSHOP")) var workshop: String
    @Option(help: ArgumentHelp("The stored match report.", valueName: "ID")) var report: Int64
    @Option(help: ArgumentHelp("The K best pairs of each need (default 3).", valueName: "K")) var top: Int?
    @Flag(help: "Only the pairs whose status is accepted.") var accepted = false

    func validate() throws {
        if accepted && top != nil { throw ValidationError("--top and --accepted cannot be used together") }
        if let top, top < 1 { throw ValidationError("--top: must be at least 1") }
    }

    func run() throws {
        let workshops = try openWorkshops(options)
        let result = try reporting {
            try workshops.addRequests(workshop, report: report, selection: accepted ? .accepted : .top(top ?? 3), actor: .commandLine)
        }
        print("\(result.added.count) requests added, \(result.skipped.count) pairs skipped")
        for request in result.added {
            print("added \(request.id): \(request.requester) -> \(request.champion), priority \(request.priority)")
        }
        for pair in result.skipped { print("skipped \(pair.need) / \(pair.innovation): \(pair.reason)") }
    }
}

/// `solex agenda schedule WORKSHOP`
struct AgendaSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "Schedule the workshop's meeting requests (pinned meetings stay) and store the schedule.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: ArgumentHelp("The workshop's slug.", valueName: "WORKSHOP")) var workshop: String

    func run() throws {
        let workshops = try openWorkshops(options)
        let schedule = try reporting { try workshops.schedule(workshop, actor: .commandLine) }
        let stored = try reporting { try workshops.require(workshop, actor: .commandLine) }
        print(describe(schedule, stored.plan))
    }
}

/// `solex agenda move WORKSHOP REQUEST --slot N --table T`
struct AgendaMove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a meeting to a slot and a table; it is pinned there. A refused move names the conflict.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: ArgumentHelp("The workshop's slug.", valueName: "WORKSHOP")) var workshop: String
    @Argument(help: ArgumentHelp("The meeting request's id.", valueName: "REQUEST")) var request: String
    @Option(help: ArgumentHelp("The slot's index, from 0.", valueName: "N")) var slot: Int
    @Option(help: ArgumentHelp("The table's id.", valueName: "T")) var table: String

    func run() throws {
        let workshops = try openWorkshops(options)
        let schedule = try reporting { try workshops.move(workshop, request: request, slot: slot, table: table, actor: .commandLine) }
        print("moved \(request) to slot \(slot), table \(table); \(schedule.scheduledCount) of \(schedule.requestCount) scheduled")
    }
}

/// `solex agenda swap WORKSHOP FIRST SECOND`
struct AgendaSwap: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "swap", abstract: "Exchange the slots and tables of two meetings.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: ArgumentHelp("The workshop's slug.", valueName: "WORKSHOP")) var workshop: String
    @Argument(help: "The first request's id.") var first: String
    @Argument(help: "The second request's id.") var second: String

    func run() throws {
        let workshops = try openWorkshops(options)
        _ = try reporting { try workshops.swap(workshop, first, second, actor: .commandLine) }
        print("swapped \(first) and \(second)")
    }
}

/// Formats of `solex agenda export`.
enum AgendaExportOption: String, ExpressibleByArgument, CaseIterable {
    case ics, frabXML = "frab-xml", frabJSON = "frab-json", csv, html
}

/// `solex agenda export WORKSHOP --format F [--delegation ALPHA3|all] [--web DIR] [--lang en|fr|es]`
struct AgendaExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the workshop's latest schedule to standard output, for all or one delegation.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: ArgumentHelp("The workshop's slug.", valueName: "WORKSHOP")) var workshop: String
    @Option(help: "ics, frab-xml, frab-json, csv or html (the printable page of the web site).") var format: AgendaExportOption
    @Option(help: ArgumentHelp("Only this delegation's meetings and sessions (html: also 'all', one page per delegation).", valueName: "ALPHA3"))
    var delegation: String?
    @Option(name: .long, help: ArgumentHelp("The folder of templates and static files, for html (env SOLEX_WEB).", valueName: "DIR"))
    var web: String = ProcessInfo.processInfo.environment["SOLEX_WEB"] ?? "Web"
    @Option(name: .long, help: ArgumentHelp("The language of the html page: en, fr or es.", valueName: "LANG"))
    var lang: String = "en"

    func validate() throws {
        guard InterfaceLanguage(rawValue: lang) != nil else { throw ValidationError("--lang: expected en, fr or es, not '\(lang)'") }
    }

    func run() async throws {
        let workshops = try openWorkshops(options)
        let text: String
        if let exportFormat = AgendaExportFormat(rawValue: format.rawValue) {
            text = try reporting { try workshops.export(workshop, format: exportFormat, delegation: delegation, actor: .commandLine) }
        } else {
            let stored = try reporting { try workshops.require(workshop, actor: .commandLine) }
            guard stored.schedule != nil else { throw ValidationError("workshop '\(workshop)' has no schedule yet; run solex agenda schedule \(workshop)") }
            let selection = AgendaPrintSelection(delegation)
            if case .delegation(let code) = selection, stored.plan.delegation(code) == nil {
                throw ValidationError("delegation: no delegation '\(code)' in the workshop")
            }
            let language = InterfaceLanguage(rawValue: lang) ?? .en
            let labels = try workshops.labels(for: stored.input).localized(workshops.catalogue.reference, language: language.code)
            do {
                text = try await AgendaPrintPage.html(stored, labels: labels, selection: selection, webDirectory: web, language: language)
            } catch {
                throw ValidationError("--web: the templates and style sheet of '\(web)' cannot be read")
            }
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
