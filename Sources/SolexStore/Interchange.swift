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
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
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
        let records: [RawRecord]
        switch format {
        case .jsonl:
            guard let data = try? Data(contentsOf: url) else { return .failure(Self.unreadable) }
            guard String(data: data, encoding: .utf8) != nil else { return .failure(Self.notUTF8) }
            records = Self.jsonLines(data)
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
            records = csvRecords(file)
        }
        return check(records)
    }

    /// A record as read, before validation: its line and either its fields or why it could not be read.
    struct RawRecord: Sendable {
        var line: Int
        var input: Result<FieldValues, ImportProblem>
    }

    /// Splits JSONL bytes on LF (dropping a CR before it: a String would read CRLF as one character), skips blank
    /// lines, and parses the lines on every core.
    static func jsonLines(_ data: Data) -> [RawRecord] {
        var lines: [(number: Int, range: Range<Int>)] = []
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var start = 0, number = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                number += 1
                var end = index
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                if (start..<end).contains(where: { bytes[$0] != 0x20 && bytes[$0] != 0x09 }) {
                    lines.append((number, start..<end))
                }
                start = index + 1
            }
        }
        return ParallelMap.map(lines) { decoder, line in
            let text = data.withUnsafeBytes { String(decoding: $0[line.range], as: UTF8.self) }
            do {
                return RawRecord(line: line.number, input: .success(try InterchangeJSON.parse(Substring(text), decoder: decoder)))
            } catch {
                let reason = (error as? InterchangeJSON.SyntaxError)?.reason ?? "is not valid JSON"
                return RawRecord(line: line.number, input: .failure(ImportProblem(line: line.number, field: "line", reason: reason)))
            }
        }
    }

    private func csvRecords(_ file: CSVFile) -> [RawRecord] {
        let specs = file.header.map { name in kind.fields.first { $0.name == name } }
        return file.records.map { record in
            guard record.cells.count == file.header.count else {
                return RawRecord(line: record.line, input: .failure(ImportProblem(
                    line: record.line, field: "line", reason: "has \(record.cells.count) cells; the header has \(file.header.count)")))
            }
            var input = FieldValues()
            for (spec, cell) in zip(specs, record.cells) {
                if let spec { input[spec.name] = TextualInput.value(of: cell, for: spec) }
            }
            return RawRecord(line: record.line, input: .success(input))
        }
    }

    /// Validates every record (on every core), then reports references used twice.
    private func check(_ records: [RawRecord]) -> Result<[FieldValues], ImportFailure> {
        let validator = self.validator, kind = self.kind
        let validated = ParallelMap.map(records) { _, record -> Result<FieldValues, ImportFailure> in
            switch record.input {
            case .failure(let problem): return .failure(ImportFailure(problems: [problem]))
            case .success(let input):
                return validator.validate(input, kind: kind).mapError { failure in
                    ImportFailure(problems: failure.errors.map { ImportProblem(line: record.line, field: $0.field, reason: $0.reason) })
                }
            }
        }
        var problems: [ImportProblem] = []
        var entries: [FieldValues] = []
        entries.reserveCapacity(records.count)
        var firstLineOfRef: [String: Int] = [:]
        for (record, result) in zip(records, validated) {
            if case .success(let input) = record.input, let ref = input["ref"]?.textValue, !ref.isEmpty {
                if let first = firstLineOfRef[ref] {
                    problems.append(ImportProblem(line: record.line, field: "ref", reason: "'\(ref)' also appears on line \(first)"))
                } else {
                    firstLineOfRef[ref] = record.line
                }
            }
            switch result {
            case .success(let values): entries.append(values)
            case .failure(let found): problems += found.problems
            }
        }
        problems.sort { ($0.line, $0.field == "ref" ? 1 : 0) < ($1.line, $1.field == "ref" ? 1 : 0) }
        return problems.isEmpty ? .success(entries) : .failure(ImportFailure(problems: problems))
    }

    private func headerProblem(_ header: [String]) -> ImportProblem? {
        let known = Set(kind.fields.map(\.name))
        if header.isEmpty { return ImportProblem(line: 1, field: "header", reason: "the file is empty; expected a header row") }
        if let unknown = header.first(where: { !known.contains($0) }) {
            return ImportProblem(line: 1, field: "header", reason: "unknown column '\(unknown)'")
        }
        if let twice = header.firstRepeated { return ImportProblem(line: 1, field: "header", reason: "column '\(twice)' appears twice") }
        // `language` may be left out: files written before it existed give it as the first of `languages`.
        if let missing = kind.fields.first(where: { $0.isRequired && $0.name != "language" && !header.contains($0.name) }) {
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
