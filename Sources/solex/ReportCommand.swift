import ArgumentParser
import Foundation
import SolexCore
import SolexStore
import SolexWeb

/// `solex report run|list|show|export|diff`: the secretariat's stored match reports.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run, list, show, export and compare stored match reports.",
        subcommands: [ReportRun.self, ReportList.self, ReportShow.self, ReportExport.self, ReportDiffCommand.self])
}

/// `solex pair status NEED INNOVATION --status S [--note TEXT]`.
struct PairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pair", abstract: "Follow up proposed pairs of a need and an innovation.", subcommands: [PairStatusCommand.self])
}

/// The option that sets each report parameter, for messages.
private let optionOfField: [String: String] = [
    "name": "--name", "weights": "--weights", "minimum_score": "--min-score", "top": "--top", "themes": "--theme",
    "regions": "--region", "countries": "--country", "evidence": "--evidence",
    "capacity_per_innovation": "--capacity-per-innovation", "capacity_per_need": "--capacity-per-need", "status": "--status",
    "note": "--note",
]

/// A validation failure as the command line reports it: one line per problem, each naming its option.
private func optionErrors(_ errors: [FieldError]) -> ValidationError {
    ValidationError(errors.map { error -> String in
        if error.field.hasPrefix("weights.") { return "--weights: '\(error.field.dropFirst("weights.".count))' \(error.reason)" }
        return "\(optionOfField[error.field] ?? error.field): \(error.reason)"
    }.joined(separator: "\n"))
}

/// Output formats of `show` and `diff`.
enum ReportTextFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Output formats of `export`.
enum ReportExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, html
}

extension PairStatus: ExpressibleByArgument {}

/// Opens the reports of the database of `options`.
private func openReports(_ options: GlobalOptions) throws -> MatchReports {
    MatchReports(catalogue: try options.openCatalogue())
}

/// The report `id`, or a failure naming it.
private func requireReport(_ reports: MatchReports, _ id: Int64) throws -> MatchReport {
    guard let report = try reports.report(id) else { throw ValidationError("no report has the id \(id); see solex report list") }
    return report
}

private func write(_ data: Data) {
    FileHandle.standardOutput.write(data)
}

/// `solex report run`
struct ReportRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the matcher with these parameters over the published catalogue and store the report; prints its id.")

    @OptionGroup var options: GlobalOptions
    @Option(help: "A name for the report (default: its time).") var name: String?
    @Option(help: ArgumentHelp("Innovations per need, \(ReportParameters.topRange.lowerBound) to \(ReportParameters.topRange.upperBound) (default \(ReportParameters.defaultTop)).", valueName: "K"))
    var top: String?
    @Option(name: .customLong("min-score"), help: ArgumentHelp("Leave out pairs scoring less (default 0).", valueName: "S"))
    var minScore: String?
    @Option(help: ArgumentHelp("Weights as a JSON object, e.g. '{\"text\": 0.6, \"themes\": 0.2}' (missing keys keep their defaults).",
                               valueName: "JSON"))
    var weights: String?
    @Option(name: .customLong("theme"), help: ArgumentHelp("Only needs with this theme (slug); repeat for several.", valueName: "T"))
    var themes: [String] = []
    @Option(name: .customLong("region"), help: ArgumentHelp("Only needs of countries in this UN M49 region or sub-region (code or name); repeat for several.", valueName: "R"))
    var regions: [String] = []
    @Option(name: .customLong("country"), help: ArgumentHelp("Only needs of this country (alpha-3); repeat for several.", valueName: "C"))
    var countries: [String] = []
    @Option(name: .customLong("evidence"), help: ArgumentHelp("Only innovations with this evidence level; repeat for several.", valueName: "E"))
    var evidence: [String] = []
    @Option(name: .customLong("capacity-per-innovation"), help: ArgumentHelp("Needs one innovation's champion can support (assigns pairs).", valueName: "N"))
    var capacityPerInnovation: String?
    @Option(name: .customLong("capacity-per-need"), help: ArgumentHelp("Proposals one need takes (assigns pairs).", valueName: "M"))
    var capacityPerNeed: String?

    func run() throws {
        var weightText: [String: String] = [:]
        if let weights {
            guard case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: Data(weights.utf8)) else {
                throw ValidationError("--weights: must be a JSON object of numbers, e.g. '{\"text\": 0.6}'")
            }
            for (key, value) in members {
                switch value {
                case .integer(let number): weightText[key] = String(number)
                case .number(let number): weightText[key] = String(number)
                default: weightText[key] = "not a number"
                }
            }
        }
        let reports = try openReports(options)
        let text = ReportParameterText(
            weights: weightText, minimumScore: minScore ?? "", top: top ?? "", themes: themes, regions: regions, countries: countries,
            evidence: evidence, capacityPerInnovation: capacityPerInnovation ?? "", capacityPerNeed: capacityPerNeed ?? "")
        let parameters: ReportParameters
        switch ReportParameters.parse(text, reference: reports.catalogue.reference) {
        case .success(let valid): parameters = valid
        case .failure(let failure): throw optionErrors(failure.errors)
        }
        do {
            print(try reports.run(name: name, parameters: parameters, actor: .commandLine))
        } catch MatchReportError.invalid(let failure) {
            throw optionErrors(failure.errors)
        }
    }
}

/// `solex report list`
struct ReportList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stored reports, newest first.")

    @OptionGroup var options: GlobalOptions
    @Option(help: "text or json") var format: ReportTextFormat = .text

    func run() throws {
        let summaries = try openReports(options).list()
        switch format {
        case .json:
            write(try summaries.json() + Data("\n".utf8))
        case .text:
            for summary in summaries {
                let assigned = summary.assignedCount.map { ", \($0) assigned" } ?? ""
                print("\(summary.id)\t\(ReportText.minute(summary.createdAt))\t\(summary.createdBy)\t"
                      + "\(summary.needCount) needs, \(summary.pairCount) pairs\(assigned)\t\(summary.name)")
            }
        }
    }
}

/// `solex report show ID`
struct ReportShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a stored report: its parameters, then each need's pairs with their explanations and status.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The report's id.") var id: Int64
    @Option(help: "text or json") var format: ReportTextFormat = .text

    func run() throws {
        let reports = try openReports(options)
        let report = try requireReport(reports, id)
        switch format {
        case .json: write(try report.json() + Data("\n".utf8))
        case .text: print(ReportText.show(report, reference: reports.catalogue.reference), terminator: "")
        }
    }
}

/// `solex report export ID --format csv|json|html`
struct ReportExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a stored report to standard output as CSV (one row per pair), JSON or a printable HTML page.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The report's id.") var id: Int64
    @Option(help: "csv, json or html") var format: ReportExportFormat
    @Option(name: .long, help: ArgumentHelp("The folder of templates and static files, for html (env SOLEX_WEB).", valueName: "DIR"))
    var web: String = ProcessInfo.processInfo.environment["SOLEX_WEB"] ?? "Web"
    @Option(name: .long, help: ArgumentHelp("The language of the html page: \(InterfaceLanguage.allCases.map(\.code).joined(separator: ", ")) (default en).",
                                            valueName: "LANG"))
    var lang: String = InterfaceLanguage.en.code

    func validate() throws {
        if InterfaceLanguage(code: lang) == nil {
            throw ValidationError("--lang: must be one of \(InterfaceLanguage.allCases.map(\.code).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let reports = try openReports(options)
        let report = try requireReport(reports, id)
        switch format {
        case .csv: write(try report.csv())
        case .json: write(try report.json() + Data("\n".utf8))
        case .html:
            let html: String
            do {
                html = try await ReportPrintPage.html(report, reference: reports.catalogue.reference, webDirectory: web,
                                                      language: InterfaceLanguage(code: lang) ?? .en)
            } catch {
                throw ValidationError("--web: the templates and style sheet of '\(web)' cannot be read")
            }
            write(Data(html.utf8))
        }
    }
}

/// `solex report diff A B`
struct ReportDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Compare two stored reports: new, dropped and moved pairs.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The earlier report's id.") var from: Int64
    @Argument(help: "The later report's id.") var to: Int64
    @Option(help: "text or json") var format: ReportTextFormat = .text

    func run() throws {
        let reports = try openReports(options)
        let diff: MatchReportDiff
        do {
            diff = try reports.diff(from: from, to: to)
        } catch MatchReportError.notFound(let id) {
            throw ValidationError("no report has the id \(id); see solex report list")
        }
        switch format {
        case .json: write(try diff.json() + Data("\n".utf8))
        case .text: print(ReportText.diff(diff), terminator: "")
        }
    }
}

/// `solex pair status NEED INNOVATION --status S [--note TEXT]`
struct PairStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Record the follow-up status of a pair (kept across reports), with a note.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The need's ref.") var need: String
    @Argument(help: "The innovation's ref.") var innovation: String
    @Option(help: ArgumentHelp("The new status: \(PairStatus.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "S"))
    var status: PairStatus
    @Option(help: "A note on the change.") var note: String = ""

    func run() throws {
        let reports = try openReports(options)
        do {
            let followUp = try reports.setStatus(need: need, innovation: innovation, status: status, note: note, actor: .commandLine)
            print("\(need) \(innovation): \(followUp.status.rawValue)")
        } catch MatchReportError.invalid(let failure) {
            throw optionErrors(failure.errors)
        } catch CatalogueError.notFound(let kind, let ref) {
            throw ValidationError("no \(kind.rawValue) has the ref '\(ref)'")
        }
    }
}

/// The text forms of `show` and `diff`.
enum ReportText {
    static func minute(_ date: Date) -> String {
        let iso = date.ISO8601Format()
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    static func number(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Up to four decimals, no trailing zeros.
    static func short(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func show(_ report: MatchReport, reference: ReferenceData) -> String {
        let s = report.summary, p = s.parameters
        var out = "Report \(s.id): \(s.name)\n"
        out += "Run \(minute(s.createdAt)) by \(s.createdBy): \(s.needCount) needs, \(s.innovationCount) innovations, \(s.pairCount) pairs"
        out += s.assignedCount.map { ", \($0) assigned\n" } ?? "\n"
        let weights = ReportParameters.weightComponents(p.weights).filter { $0.1 > 0 }.map { "\($0.0) \(short($0.1))" }.joined(separator: ", ")
        out += "Weights: \(weights); minimum score \(short(p.minimumScore)); top \(p.top)\n"
        func all(_ items: [String]) -> String { items.isEmpty ? "all" : items.joined(separator: ", ") }
        out += "Needs: themes \(all(p.themes)); regions \(all(p.regions.map { "\($0) \(ReportParameters.regionName($0, reference: reference) ?? "")" }))"
        out += "; countries \(all(p.countries)). Innovations: evidence \(all(p.evidence.map(\.rawValue)))\n"
        out += "Capacities: per innovation \(p.capacityPerInnovation.map(String.init) ?? "no limit"), "
            + "per need \(p.capacityPerNeed.map(String.init) ?? "no limit")\n"
        for group in report.byNeed {
            let need = group[0]
            out += "\n\(need.needRef) (\(need.needCountry)) \(need.needTitle)\n"
            for pair in group {
                let e = pair.explanation
                var line = "  \(pair.rank). \(pair.innovationRef) (\(pair.innovationCountry)) score \(number(pair.score)), \(e.cooperationLabel)"
                if pair.assigned == true { line += ", assigned" }
                if pair.assigned == false { line += ", left out (\(pair.leftOutReason ?? ""))" }
                line += ", status \(pair.status.rawValue)"
                out += line + "\n     \(pair.innovationTitle)\n"
                let contributions = ReportParameters.weightComponents(e.contributions).filter { $0.1 != 0 }
                    .map { "\($0.0) \(number($0.1))" }.joined(separator: ", ")
                out += "     contributions: \(contributions.isEmpty ? "none" : contributions)\n"
                for (label, items) in [("shared words", e.sharedTerms), ("shared themes", e.sharedThemes),
                                       ("shared SDG targets", e.sharedTargets), ("shared tags", e.sharedTags), ("notes", e.notes)]
                where !items.isEmpty {
                    out += "     \(label): \(items.joined(separator: ", "))\n"
                }
                if let explanation = pair.leftOutExplanation { out += "     left out: \(explanation)\n" }
                if let note = pair.followUp?.note, !note.isEmpty { out += "     note: \(note)\n" }
            }
        }
        return out
    }

    static func diff(_ diff: MatchReportDiff) -> String {
        let d = diff.diff
        var out = "Report \(diff.from.id) -> report \(diff.to.id): \(d.added.count) new, \(d.dropped.count) dropped, "
            + "\(d.moved.count) moved, \(d.unchanged) unchanged\n"
        for pair in d.added { out += "new\t\(pair.need)\t\(pair.innovation)\trank \(pair.rank)\tscore \(number(pair.score))\n" }
        for pair in d.dropped { out += "dropped\t\(pair.need)\t\(pair.innovation)\trank \(pair.rank)\tscore \(number(pair.score))\n" }
        for pair in d.moved {
            out += "moved\t\(pair.need)\t\(pair.innovation)\trank \(pair.oldRank) -> \(pair.newRank)\t"
                + "score \(number(pair.oldScore)) -> \(number(pair.newScore))\n"
        }
        return out
    }
}
