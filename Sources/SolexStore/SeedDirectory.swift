import Foundation
import SolexCore

/// A problem in a seed file, located by file and line.
public struct SeedError: Error, CustomStringConvertible, Sendable {
    /// The file's name within the seed directory.
    public var file: String
    /// The line, 0 for the whole file.
    public var line: Int
    /// What is wrong.
    public var reason: String

    public var description: String { "\(file):\(line): \(reason)" }
}

/// The Seeds/ folder: reference vocabularies as CSV and demo entries as JSONL.
public struct SeedDirectory: Sendable {
    /// The folder.
    public let url: URL

    /// Points at a seed folder.
    public init(_ url: URL) {
        self.url = url
    }

    /// The demo entries file of `kind`.
    public func demoFile(_ kind: EntryKind) -> URL {
        url.appendingPathComponent("demo").appendingPathComponent("\(kind.plural).jsonl")
    }

    /// Reads and checks every reference vocabulary and the concept thesaurus (`concepts.csv`).
    public func referenceData() throws -> ReferenceData {
        let countries = try rows("countries.csv", ["alpha2", "alpha3", "numeric", "name_en", "name_fr", "name_es", "region_code",
                                                   "region", "subregion_code", "subregion", "global_south", "global_south_basis"]) { cell, _ in
            Country(alpha2: cell("alpha2"), alpha3: cell("alpha3"), numeric: cell("numeric"),
                    name: LocalizedText(en: cell("name_en"), fr: cell("name_fr"), es: cell("name_es")),
                    regionCode: Int(cell("region_code")), region: cell("region"),
                    subregionCode: Int(cell("subregion_code")), subregion: cell("subregion"),
                    globalSouth: cell("global_south") == "true", globalSouthBasis: cell("global_south_basis"))
        }
        let goals = try rows("sdg_goals.csv", ["goal", "label_en", "label_fr", "label_es"]) { cell, fail in
            guard let number = Int(cell("goal")) else { throw fail("goal is not a number") }
            return SDGGoal(number: number, label: LocalizedText(en: cell("label_en"), fr: cell("label_fr"), es: cell("label_es")))
        }
        let targets = try rows("sdg_targets.csv", ["target", "goal", "label_en", "label_fr", "label_es"]) { cell, fail in
            guard let goal = Int(cell("goal")), cell("target").hasPrefix("\(goal).") else { throw fail("target and goal disagree") }
            return SDGTarget(id: cell("target"), goal: goal,
                             label: LocalizedText(en: cell("label_en"), fr: cell("label_fr"), es: cell("label_es")))
        }
        let themes = try rows("themes.csv", ["slug", "label_en", "label_fr", "label_es", "description_en", "description_fr",
                                             "description_es"]) { cell, _ in
            Theme(slug: cell("slug"), label: LocalizedText(en: cell("label_en"), fr: cell("label_fr"), es: cell("label_es")),
                  summary: LocalizedText(en: cell("description_en"), fr: cell("description_fr"), es: cell("description_es")))
        }
        let languages = try rows("languages.csv", ["code", "name_en", "name_fr", "name_es"]) { cell, _ in
            Language(code: cell("code"), name: LocalizedText(en: cell("name_en"), fr: cell("name_fr"), es: cell("name_es")))
        }
        let thesaurus = try thesaurus(themes: themes, targets: targets)
        return ReferenceData(countries: countries, goals: goals, targets: targets, themes: themes, languages: languages,
                             thesaurus: thesaurus)
    }

    /// Reads `file`, checks that it has `columns`, and maps each record with `make`.
    func rows<T>(_ file: String, _ columns: [String],
                         _ make: (_ cell: (String) -> String, _ fail: (String) -> SeedError) throws -> T) throws -> [T] {
        let csv: CSVFile
        do {
            csv = try CSVFile.read(url.appendingPathComponent(file))
        } catch {
            throw SeedError(file: file, line: 0, reason: "cannot be read")
        }
        let index = Dictionary(csv.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        if let missing = columns.first(where: { index[$0] == nil }) {
            throw SeedError(file: file, line: 1, reason: "has no column '\(missing)'")
        }
        return try csv.records.map { record in
            guard record.cells.count == csv.header.count else {
                throw SeedError(file: file, line: record.line, reason: "has \(record.cells.count) cells; the header has \(csv.header.count)")
            }
            return try make({ record.cells[index[$0]!] }, { SeedError(file: file, line: record.line, reason: $0) })
        }
    }
}
