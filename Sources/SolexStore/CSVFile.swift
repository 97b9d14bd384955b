import CSV
import Foundation

/// A CSV file read with its header and the line on which each record starts.
struct CSVFile {
    /// The file is not UTF-8 text.
    struct NotUTF8: Error {}

    /// One record and the physical line it starts on (1 is the header).
    struct Record {
        var line: Int
        var cells: [String]
    }

    var header: [String]
    var records: [Record]

    /// Reads `url`. Blank lines are skipped; line numbers count the line breaks inside quoted cells.
    static func read(_ url: URL) throws -> CSVFile {
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else { throw NotUTF8() }
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var header: [String]?
        var records: [Record] = []
        var line = 1
        while let row = reader.next() {
            let start = line
            line += 1 + row.reduce(0) { $0 + lineBreaks(in: $1) }
            if header == nil {
                header = row
                continue
            }
            if row.count == 1 && row[0].isEmpty { continue }
            records.append(Record(line: start, cells: row))
        }
        return CSVFile(header: header ?? [], records: records)
    }

    private static func lineBreaks(in cell: String) -> Int {
        var count = 0
        var previous: Unicode.Scalar?
        for scalar in cell.unicodeScalars {
            if scalar == "\n" && previous != "\r" { count += 1 }
            if scalar == "\r" { count += 1 }
            previous = scalar
        }
        return count
    }

    /// Writes rows as CSV text with minimal quoting and "\n" after every row (as Python's csv writer does with lineterminator="\n", the interchange files' convention).
    static func text(rows: [[String]]) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        if !rows.isEmpty { data.append(0x0A) }
        return data
    }
}

/// CSV text for other commands' outputs (match reports), written like the interchange files.
public enum CSVText {
    /// The rows as CSV, minimal quoting, "\n" after every row.
    public static func rows(_ rows: [[String]]) throws -> Data {
        try CSVFile.text(rows: rows)
    }
}
