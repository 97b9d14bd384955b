import Foundation
import SolexCore

/// A file format of the interchange format.
public enum InterchangeFormat: String, Sendable, CaseIterable {
    case jsonl, csv

    /// The format named by a file's extension (".jsonl" or ".csv").
    public init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "jsonl": self = .jsonl
        case "csv": self = .csv
        default: return nil
        }
    }
}

/// A problem on one line of an import file.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// Physical line number, from 1 (0 for the whole file).
    public var line: Int
    /// The field, or "file"/"header" for problems of the whole file.
    public var field: String
    /// What is wrong.
    public var reason: String

    /// "LINE: field: reason" (the CLI puts the file name in front).
    public var description: String { "\(line): \(field): \(reason)" }
}

/// An import that was refused: nothing was written. Lists every problem found.
public struct ImportFailure: Error, Sendable {
    /// Every problem, in line order.
    public var problems: [ImportProblem]
}

/// Counts of a successful import.
public struct ImportSummary: Sendable, Hashable {
    /// Entries that were new.
    public var inserted: Int
    /// Entries that replaced one with the same reference.
    public var updated: Int
}

/// Reads interchange files into validated entries, line by line, collecting every problem.
struct InterchangeReader {
    let kind: EntryKind
    let validator: EntryValidator

    /// The validated entries of `url`, or every problem found.
    func read(_ url: URL, format: InterchangeFormat) -> Result<[FieldValues], ImportFailure> {
        var problems: [ImportProblem] = []
        var entries: [FieldValues] = []
        var firstLineOfRef: [String: Int] = [:]
        func accept(_ input: FieldValues, line: Int) {
            if let ref = input["ref"]?.textValue, !ref.isEmpty {
                if let first = firstLineOfRef[ref] {
                    problems.append(ImportProblem(line: line, field: "ref", reason: "'\(ref)' also appears on line \(first)"))
                } else {
                    firstLineOfRef[ref] = line
                }
            }
            switch validator.validate(input, kind: kind) {
            case .failure(let failure):
                problems += failure.errors.map { ImportProblem(line: line, field: $0.field, reason: $0.reason) }
            case .success(let values):
                entries.append(values)
            }
        }
        switch format {
        case .jsonl:
            guard let data = try? Data(contentsOf: url) else { return .failure(Self.unreadable) }
            guard String(data: data, encoding: .utf8) != nil else { return .failure(Self.notUTF8) }
            var lineNumber = 0
            // Split the bytes on LF (a CR before it is dropped): a String would treat CRLF as one character.
            for var line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                lineNumber += 1
                if line.last == 0x0D { line = line.dropLast() }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                do {
                    accept(try InterchangeJSON.parse(Substring(decoding: line, as: UTF8.self)), line: lineNumber)
                } catch {
                    problems.append(ImportProblem(line: lineNumber, field: "line", reason: error.reason))
                }
            }
        case .csv:
            let file: CSVFile
            do {
                file = try CSVFile.read(url)
            } catch is CSVFile.NotUTF8 {
                return .failure(Self.notUTF8)
            } catch {
                return .failure(Self.unreadable)
            }
            if let problem = headerProblem(file.header) { return .failure(ImportFailure(problems: [problem])) }
            let specs = file.header.map { name in kind.fields.first { $0.name == name } }
            for record in file.records {
                guard record.cells.count == file.header.count else {
                    problems.append(ImportProblem(line: record.line, field: "line",
                                                  reason: "has \(record.cells.count) cells; the header has \(file.header.count)"))
                    continue
                }
                var input = FieldValues()
                for (spec, cell) in zip(specs, record.cells) {
                    if let spec { input[spec.name] = TextualInput.value(of: cell, for: spec) }
                }
                accept(input, line: record.line)
            }
        }
        return problems.isEmpty ? .success(entries) : .failure(ImportFailure(problems: problems))
    }

    private func headerProblem(_ header: [String]) -> ImportProblem? {
        let known = Set(kind.fields.map(\.name))
        if header.isEmpty { return ImportProblem(line: 1, field: "header", reason: "the file is empty; expected a header row") }
        if let unknown = header.first(where: { !known.contains($0) }) {
            return ImportProblem(line: 1, field: "header", reason: "unknown column '\(unknown)'")
        }
        if let twice = header.firstRepeated { return ImportProblem(line: 1, field: "header", reason: "column '\(twice)' appears twice") }
        if let missing = kind.fields.first(where: { $0.isRequired && !header.contains($0.name) }) {
            return ImportProblem(line: 1, field: "header", reason: "missing column '\(missing.name)'")
        }
        return nil
    }

    private static let unreadable = ImportFailure(problems: [ImportProblem(line: 0, field: "file", reason: "cannot be read")])
    private static let notUTF8 = ImportFailure(problems: [ImportProblem(line: 0, field: "file", reason: "is not UTF-8 text")])
}

extension Array where Element: Hashable {
    var firstRepeated: Element? {
        var seen = Set<Element>()
        for element in self where !seen.insert(element).inserted { return element }
        return nil
    }
}
