import Foundation
import SolexCore
@testable import SolexStore
import Testing

/// The problems of a refused import, written "LINE: field: reason".
private func problems(of work: () throws -> ImportSummary) -> [String] {
    do {
        _ = try work()
    } catch let failure as ImportFailure {
        return failure.problems.map(\.description)
    } catch {
        Issue.record("expected an ImportFailure, got \(error)")
        return []
    }
    Issue.record("the import was not refused")
    return []
}

/// Number of non-blank lines of a demo JSONL file.
private func demoCount(_ kind: EntryKind) throws -> Int {
    try String(contentsOf: Paths.demo(kind, .jsonl), encoding: .utf8).split(separator: "\n").count
}

/// A valid innovation line, optionally edited as text.
private func innovationLine(_ ref: String, edit: (String) -> String = { $0 }) throws -> String {
    let values = try #require(Seeds.validator.validate(Input.innovation(ref), kind: .innovation).success)
    return edit(InterchangeJSON.line(values, kind: .innovation))
}

/// What can be seen of a catalogue from outside: counts and exported bytes.
private struct Snapshot: Equatable {
    var counts: CatalogueCounts
    var stored: [Int]
    var exports: [Data]

    init(_ catalogue: Catalogue) throws {
        counts = try catalogue.counts()
        stored = try EntryKind.allCases.map { try catalogue.storedCount($0) }
        exports = try EntryKind.allCases.flatMap { kind in
            try InterchangeFormat.allCases.map { try catalogue.exported(kind, $0) }
        }
    }
}

@Suite("Import and export")
struct ImportExportTests {
    @Test("Importing the demo file and exporting it gives the demo files back, byte for byte", arguments: EntryKind.allCases)
    func demoRoundTrip(_ kind: EntryKind) throws {
        let catalogue = try makeCatalogue()
        let summary = try catalogue.importFile(kind, from: Paths.demo(kind, .jsonl), format: .jsonl, actor: .system)
        #expect(summary == ImportSummary(inserted: try demoCount(kind), updated: 0))
        #expect(summary.inserted > 10)
        for format in InterchangeFormat.allCases {
            let expected = try Data(contentsOf: Paths.demo(kind, format))
            let exported = try catalogue.exported(kind, format)
            #expect(exported == expected, "\(kind.plural).\(format.rawValue) differs")
        }
    }

    @Test("Importing the CSV twin gives the same entries as the JSONL file", arguments: EntryKind.allCases)
    func csvEqualsJSONL(_ kind: EntryKind) throws {
        let fromJSONL = try makeCatalogue()
        let fromCSV = try makeCatalogue()
        _ = try fromJSONL.importFile(kind, from: Paths.demo(kind, .jsonl), format: .jsonl, actor: .system)
        let summary = try fromCSV.importFile(kind, from: Paths.demo(kind, .csv), format: .csv, actor: .system)
        #expect(summary == ImportSummary(inserted: try demoCount(kind), updated: 0))
        #expect(try fromCSV.allEntries(kind) == fromJSONL.allEntries(kind))
        #expect(try fromCSV.exported(kind, .jsonl) == Data(contentsOf: Paths.demo(kind, .jsonl)))
    }

    @Test("Imported entries are published by default, with the importer's name")
    func importMetadata() throws {
        let catalogue = try makeCatalogue()
        _ = try catalogue.importFile(.need, from: Paths.demo(.need, .jsonl), format: .jsonl, actor: .commandLine)
        let needs = try catalogue.allEntries(.need)
        #expect(needs.allSatisfy { $0.metadata.status == .published && $0.metadata.createdBy == "cli" })
        let drafts = try makeCatalogue()
        _ = try drafts.importFile(.need, from: Paths.demo(.need, .jsonl), format: .jsonl, status: .draft, actor: .commandLine)
        #expect(try drafts.allEntries(.need).allSatisfy { $0.metadata.status == .draft })
    }

    @Test("A JSONL file with bad lines is refused with every problem, and nothing changes")
    func badJSONLLines() throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        _ = try catalogue.importFile(.innovation, from: Paths.demo(.innovation, .jsonl), format: .jsonl, actor: .system)
        let before = try Snapshot(catalogue)
        let lines = [
            try innovationLine("NEW-1"),
            #"{"ref": "#,
            "",
            "[1, 2]",
            try innovationLine("NEW-2") {
                $0.replacingOccurrences(of: #""title": "An innovation""#, with: #""title": """#)
                    .replacingOccurrences(of: #""origin_country": "BGD""#, with: #""origin_country": "XXX""#)
            },
            try innovationLine("NEW-1"),
            try innovationLine("NEW-3") {
                $0.replacingOccurrences(of: #""beneficiaries": null"#, with: #""beneficiaries": 1.5"#)
                    .replacingOccurrences(of: #""url": null}"#, with: #""url": null, "colour": "red"}"#)
            },
            "   ",
            try innovationLine("INN-BEN-001"),  // an update of a demo entry: must not happen either
        ]
        let file = try folder.file("bad.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(problems { try catalogue.importFile(.innovation, from: file, format: .jsonl, actor: .commandLine) } == [
            "2: line: is not valid JSON",
            "4: line: is not a JSON object",
            "5: title: is required",
            "5: origin_country: 'XXX' is not a known country code (ISO 3166-1 alpha-3, e.g. BGD)",
            "6: ref: 'NEW-1' also appears on line 1",
            "7: beneficiaries: must be a whole number or empty",
            "7: colour: is not a field of an innovation",
        ])
        #expect(try Snapshot(catalogue) == before)
        #expect(try catalogue.entry(.innovation, ref: "NEW-1") == nil)
    }

    @Test("A CSV file with bad records is refused; line numbers count line breaks inside quoted cells")
    func badCSVRecords() throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        _ = try catalogue.importFile(.need, from: Paths.demo(.need, .jsonl), format: .jsonl, actor: .system)
        let before = try Snapshot(catalogue)
        let csv = """
            ref,title,description,country,themes,sdg_targets,tags,support_types,languages,created
            N-OK-1,Title,"First line
            second line, with a comma",BGD,health,3.8,,study-visit,en,2025-01-02
            N-BAD-1,Title,Desc,XXX,health,,,,en,2025-01-02

            N-BAD-2,Title,Desc,BGD
            N-BAD-3,,Desc,BGD,space,,,,en,2025-02-30
            N-OK-1,Other,Desc,BGD,,,,,en,2025-01-02
            "N-BAD-4","Title with ""quotes"", and a comma",Desc,BGD,,18.1,,,en,2025-01-02
            N-OK-2,Title,"Three
            physical
            lines",BGD,,,,,en,2025-01-02
            N-BAD-5,Title,Desc,BGD,,,,training,en,2025-01-02

            """
        let file = try folder.file("bad.csv", csv)
        #expect(problems { try catalogue.importFile(.need, from: file, format: .csv, actor: .commandLine) } == [
            "4: country: 'XXX' is not a known country code (ISO 3166-1 alpha-3, e.g. BGD)",
            "6: line: has 4 cells; the header has 10",
            "7: title: is required",
            "7: themes: 'space' is not a known theme",
            "7: created: must be a date written YYYY-MM-DD, e.g. 2025-06-30",
            "8: ref: 'N-OK-1' also appears on line 2",
            "9: sdg_targets: '18.1' is not a known SDG target (e.g. 16.9 or 1.a)",
            "13: support_types: 'training' is not one of study-visit, technical-assistance, peer-learning, secondment, software-transfer, financing",
        ])
        #expect(try Snapshot(catalogue) == before)
    }

    @Test("The good records of that CSV file import with their multi-line cells")
    func multiLineCells() throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        let csv = "ref,title,description,country,languages,created\r\n"
            + "N-1,\"Title with \"\"quotes\"\", and a comma\",\"First line\nsecond line\",BGD,en;fr,2025-01-02\r\n"
            + "N-2,Title,\"Windows\r\nbreak\",BEN, en ; fr ,2025-01-03\r\n"
        let file = try folder.file("good.csv", csv)
        #expect(try catalogue.importFile(.need, from: file, format: .csv, actor: .commandLine) == ImportSummary(inserted: 2, updated: 0))
        let first = try #require(try catalogue.entry(.need, ref: "N-1"))
        #expect(first.title == "Title with \"quotes\", and a comma")
        #expect(first.values["description"] == .text("First line\nsecond line"))
        #expect(first.list("languages") == ["en", "fr"])
        #expect(first.list("themes") == [])
        let second = try #require(try catalogue.entry(.need, ref: "N-2"))
        #expect(second.values["description"] == .text("Windows\r\nbreak"))
        #expect(second.list("languages") == ["en", "fr"])
    }

    @Test("Duplicate refs in one file are reported with both line numbers", arguments: InterchangeFormat.allCases)
    func duplicateRefs(_ format: InterchangeFormat) throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        let text: String
        switch format {
        case .jsonl:
            text = try ["DUP", "OTHER", "DUP", "DUP"].map { try innovationLine($0) }.joined(separator: "\n")
        case .csv:
            let row = ",Title,Summary,Description,BGD,Agency,health,,,pilot,,anecdotal,,en,en,,"
            text = InnovationFields.all.map(\.name).joined(separator: ",") + "\n"
                + ["DUP", "OTHER", "DUP", "DUP"].map { $0 + row }.joined(separator: "\n") + "\n"
        }
        let file = try folder.file("dup.\(format.rawValue)", text)
        let offset = format == .csv ? 1 : 0
        #expect(problems { try catalogue.importFile(.innovation, from: file, format: format, actor: .commandLine) } == [
            "\(3 + offset): ref: 'DUP' also appears on line \(1 + offset)",
            "\(4 + offset): ref: 'DUP' also appears on line \(1 + offset)",
        ])
        #expect(try catalogue.storedCount(.innovation) == 0)
    }

    @Test("A second import of the same file updates instead of inserting")
    func reimport() throws {
        let clock = TestClock()
        let catalogue = try makeCatalogue(clock: clock)
        let count = try demoCount(.need)
        let file = Paths.demo(.need, .jsonl)
        #expect(try catalogue.importFile(.need, from: file, format: .jsonl, actor: .system) == ImportSummary(inserted: count, updated: 0))
        let firstTime = clock.now()
        clock.advance()
        let operator_ = Actor(name: "operator", channel: .cli, role: .secretariat)
        #expect(try catalogue.importFile(.need, from: file, format: .jsonl, status: .submitted, actor: operator_)
                == ImportSummary(inserted: 0, updated: count))
        #expect(try catalogue.storedCount(.need) == count)
        let needs = try catalogue.allEntries(.need)
        #expect(needs.allSatisfy {
            $0.metadata.createdBy == "system" && $0.metadata.updatedBy == "operator" && $0.metadata.status == .submitted
                && $0.metadata.createdAt == firstTime && $0.metadata.updatedAt == firstTime.addingTimeInterval(60)
        })
        #expect(try catalogue.exported(.need, .jsonl) == Data(contentsOf: file))
    }

    @Test("An import of new and existing entries counts each")
    func mixedImport() throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        try catalogue.create(.innovation, input: Input.innovation("A-1", title: "Old title"), actor: .commandLine)
        let file = try folder.file("mixed.jsonl", try innovationLine("A-1") + "\n" + innovationLine("A-2") + "\n")
        #expect(try catalogue.importFile(.innovation, from: file, format: .jsonl, actor: .commandLine) == ImportSummary(inserted: 1, updated: 1))
        #expect(try catalogue.entry(.innovation, ref: "A-1")?.title == "An innovation")
        #expect(try catalogue.entry(.innovation, ref: "A-1")?.metadata.createdBy == "cli")
    }

    @Test("CSV header problems are reported on line 1", arguments: [
        ("ref,title,colour,description,country,languages,created", "1: header: unknown column 'colour'"),
        ("ref,description,country,languages,created", "1: header: missing column 'title'"),
        ("ref,title,description,country,languages", "1: header: missing column 'created'"),
        ("ref,title,description,country,languages,created,ref", "1: header: column 'ref' appears twice"),
        ("Ref,title,description,country,languages,created", "1: header: unknown column 'Ref'"),
        ("", "1: header: the file is empty; expected a header row"),
    ])
    func headerProblems(_ header: String, _ problem: String) throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        let body = header.isEmpty ? "" : header + "\nN-1,Title,Desc,BGD,en,2025-01-02\n"
        let file = try folder.file("header.csv", body)
        #expect(problems { try catalogue.importFile(.need, from: file, format: .csv, actor: .commandLine) } == [problem])
        #expect(try catalogue.storedCount(.need) == 0)
    }

    @Test("Optional columns may be left out of a CSV header")
    func optionalColumns() throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        let file = try folder.file("short.csv", "created,languages,country,description,title,ref\n2025-01-02,en,BGD,Desc,Title,N-1\n")
        #expect(try catalogue.importFile(.need, from: file, format: .csv, actor: .commandLine) == ImportSummary(inserted: 1, updated: 0))
        let need = try #require(try catalogue.entry(.need, ref: "N-1"))
        #expect(need.values["tags"] == .list([]))
        #expect(need.values["created"] == .text("2025-01-02"))
    }

    @Test("A non-UTF-8 JSONL file is refused")
    func notUTF8JSONL() throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        var data = Data(try innovationLine("LATIN-1").utf8)
        data.append(contentsOf: [0x0A, 0x7B, 0x22, 0xE9, 0x22, 0x7D, 0x0A])  // {"é"} in Latin-1
        let file = try folder.file("latin1.jsonl", data)
        #expect(problems { try catalogue.importFile(.innovation, from: file, format: .jsonl, actor: .commandLine) }
                == ["0: file: is not UTF-8 text"])
        #expect(try catalogue.storedCount(.innovation) == 0)
    }

    @Test("A non-UTF-8 CSV file is refused")
    func notUTF8CSV() throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        var data = Data("ref,title,description,country,languages,created\nN-1,".utf8)
        data.append(contentsOf: [0x43, 0x61, 0x66, 0xE9])  // "Café" in Latin-1
        data.append(Data(",Desc,BGD,fr,2025-01-02\n".utf8))
        let file = try folder.file("latin1.csv", data)
        let reported = problems { try catalogue.importFile(.need, from: file, format: .csv, actor: .commandLine) }
        #expect(reported == ["0: file: is not UTF-8 text"])
        #expect(try catalogue.storedCount(.need) == 0)
    }

    @Test("A missing file cannot be read", arguments: InterchangeFormat.allCases)
    func missingFile(_ format: InterchangeFormat) throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        let file = folder.url.appendingPathComponent("absent.\(format.rawValue)")
        #expect(problems { try catalogue.importFile(.need, from: file, format: format, actor: .commandLine) } == ["0: file: cannot be read"])
    }

    @Test("CRLF line ends of a JSONL file are read like LF ones")
    func crlf() throws {
        let folder = try TemporaryFolder()
        let demo = try String(contentsOf: Paths.demo(.need, .jsonl), encoding: .utf8)
        let file = try folder.file("crlf.jsonl", demo.replacingOccurrences(of: "\n", with: "\r\n"))
        let catalogue = try makeCatalogue()
        _ = try catalogue.importFile(.need, from: file, format: .jsonl, actor: .system)
        #expect(try catalogue.exported(.need, .jsonl) == Data(demo.utf8))
    }

    @Test("CRLF line ends of a CSV file are read like LF ones")
    func crlfCSV() throws {
        let folder = try TemporaryFolder()
        let demo = try String(contentsOf: Paths.demo(.need, .csv), encoding: .utf8)
        let file = try folder.file("crlf.csv", demo.replacingOccurrences(of: "\n", with: "\r\n"))
        let catalogue = try makeCatalogue()
        _ = try catalogue.importFile(.need, from: file, format: .csv, actor: .system)
        #expect(try catalogue.exported(.need, .jsonl) == Data(contentsOf: Paths.demo(.need, .jsonl)))
    }

    @Test("Exports of thousands of entries come out whole and in ref order")
    func largeExport() throws {
        let folder = try TemporaryFolder()
        let catalogue = try makeCatalogue()
        let count = 2_345
        let lines = (1...count).reversed().map { number in
            InterchangeJSON.line(Input.need(String(format: "N-%05d", number), title: "Need \(number), \"quoted\"")
                .merging(["tags": .list([]), "support_types": .list([])]) { $1 }, kind: .need)
        }
        let file = try folder.file("many.jsonl", lines.joined(separator: "\n") + "\n")
        let seen = DataSink()
        let summary = try catalogue.importFile(.need, from: file, format: .jsonl, actor: .commandLine) { written in
            seen.append(Data(String(written).utf8))
        }
        #expect(summary == ImportSummary(inserted: count, updated: 0))
        #expect(String(decoding: seen.data, as: UTF8.self) == String(count))
        let expected = lines.reversed().joined(separator: "\n") + "\n"
        #expect(try catalogue.exported(.need, .jsonl) == Data(expected.utf8))
        let csv = try catalogue.exported(.need, .csv)
        let csvLines = String(decoding: csv, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(csvLines.count == count + 2)  // header, entries, and the empty string after the last "\n"
        #expect(csvLines[1] == #"N-00001,"Need 1, ""quoted""",A description.,BEN,,,,,fr,fr,2025-03-14"#)
        #expect(csvLines[count] == #"N-02345,"Need 2345, ""quoted""",A description.,BEN,,,,,fr,fr,2025-03-14"#)
        #expect(csvLines.last == "")
    }

    @Test("CSV export quotes cells as Python's csv module does")
    func csvQuoting() throws {
        let catalogue = try makeCatalogue()
        var input = Input.need("N-1", title: " Leading, \"quoted\"", themes: ["health", "education"])
        input["description"] = .text("multi\nline; with semicolon")
        input["tags"] = .list(["a b", "c'd"])
        try catalogue.create(.need, input: input, actor: .commandLine)
        let csv = String(decoding: try catalogue.exported(.need, .csv), as: UTF8.self)
        #expect(csv == """
            ref,title,description,country,themes,sdg_targets,tags,support_types,language,languages,created
            N-1," Leading, ""quoted""\","multi
            line; with semicolon",BEN,health;education,,a b;c'd,,fr,fr,2025-03-14

            """)
    }

    @Test("Exports of an empty catalogue")
    func emptyExport() throws {
        let catalogue = try makeCatalogue()
        #expect(try catalogue.exported(.need, .jsonl).isEmpty)
        #expect(String(decoding: try catalogue.exported(.need, .csv), as: UTF8.self)
                == "ref,title,description,country,themes,sdg_targets,tags,support_types,language,languages,created\n")
    }
}
