import ArgumentParser
import Foundation
import SolexCore
import SolexStore

/// `solex match`: proposes innovations for every published need (or one), best first, with explanations.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Propose innovations for each published need: one JSON line per need, best first, with explanations.")

    @OptionGroup var options: GlobalOptions
    @Option(help: "Only this need.") var need: String?
    @Option(help: "Innovations per need.") var top = 10
    @Option(help: "jsonl or csv") var format: InterchangeFormat = .jsonl
    @Option(help: ArgumentHelp("Weights as a JSON object, e.g. '{\"text\": 0.6, \"themes\": 0.2}' (missing keys keep their defaults).",
                               valueName: "JSON"))
    var weights: String?
    @Flag(help: .hidden) var timing = false

    func validate() throws {
        guard (1...1000).contains(top) else { throw ValidationError("--top must be from 1 to 1000") }
    }

    func run() throws {
        let chosen: MatchWeights
        do {
            chosen = try weights.map { try JSONDecoder().decode(MatchWeights.self, from: Data($0.utf8)) } ?? .defaults
        } catch let DecodingError.dataCorrupted(context) {
            throw ValidationError("--weights: \(context.debugDescription)")
        } catch {
            throw ValidationError("--weights: must be a JSON object of numbers, e.g. '{\"text\": 0.6}'")
        }
        let clock = PhaseClock(enabled: timing)
        let catalogue = try options.openCatalogue()
        let (matcher, allNeeds) = try catalogue.matcherAndNeeds()
        var needs = allNeeds
        if let need {
            needs = needs.filter { $0.ref == need }
            if needs.isEmpty { throw ValidationError("no published need has the ref '\(need)'") }
        }
        clock.mark("read-and-index")
        let results = matcher.matches(for: needs, top: top, weights: chosen)
        clock.mark("score")
        let output = FileHandle.standardOutput
        var buffer = ""
        if format == .csv {
            output.write(try CSVText.rows([["need", "rank", "innovation", "score", "cooperation", "text", "themes", "sdg", "tags",
                                            "evidence", "scale", "language", "proximity", "shared_terms", "shared_themes",
                                            "shared_targets", "shared_tags", "notes"]]))
        }
        for (need, matches) in zip(needs, results) {
            switch format {
            case .jsonl:
                buffer += MatchJSON.line(need: need.ref, matches: matches) + "\n"
            case .csv:
                let rows = matches.enumerated().map { rank, match -> [String] in
                    let e = match.explanation, c = e.contributions
                    let numbers = [match.score, c.text, c.themes, c.sdg, c.tags, c.evidence, c.scale, c.language, c.proximity]
                        .map { String(format: "%.4f", $0) }
                    return [need.ref, String(rank + 1), match.innovation, numbers[0], e.cooperation] + numbers.dropFirst()
                        + [e.sharedTerms, e.sharedThemes, e.sharedTargets, e.sharedTags, e.notes].map { $0.joined(separator: ";") }
                }
                buffer += String(decoding: try CSVText.rows(rows), as: UTF8.self)
            }
            if buffer.utf8.count > 1 << 20 {
                output.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        output.write(Data(buffer.utf8))
        clock.mark("write")
    }
}

/// Prints the time of each phase to standard error (for `make bench`).
final class PhaseClock {
    private let enabled: Bool
    private var last = Date()

    init(enabled: Bool) { self.enabled = enabled }

    func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "phase %@ %.3f s\n", phase, now.timeIntervalSince(last)).utf8))
        last = now
    }
}
