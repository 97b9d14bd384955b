import Foundation
import SolexCore
@testable import SolexStore

/// Where the repository's files are, found from this file's path.
enum Paths {
    /// The repository root (this file is Tests/SolexStoreTests/StoreFixtures.swift).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The Seeds folder.
    static let seeds = repository.appendingPathComponent("Seeds")
    /// The demo entries of `kind` in `format`.
    static func demo(_ kind: EntryKind, _ format: InterchangeFormat) -> URL {
        seeds.appendingPathComponent("demo").appendingPathComponent("\(kind.plural).\(format.rawValue)")
    }

    /// The shared reference folder next to the repository, when present.
    static let sharedReference = repository.deletingLastPathComponent()
        .appendingPathComponent("shared").appendingPathComponent("reference")
    static var hasSharedReference: Bool {
        FileManager.default.fileExists(atPath: sharedReference.appendingPathComponent("countries.csv").path)
    }
}

/// The seed reference data, read once.
enum Seeds {
    static let directory = SeedDirectory(Paths.seeds)
    static let reference: ReferenceData = {
        do { return try directory.referenceData() } catch { fatalError("The seed folder cannot be read: \(error)") }
    }()
    /// A validator over the seeds with a fixed current year.
    static let validator = EntryValidator(reference: reference, currentYear: 2025)
}

/// A clock the tests move by hand, whole seconds only (the store keeps milliseconds).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        current = start
    }

    func now() -> Date { lock.withLock { current } }

    func advance(seconds: TimeInterval = 60) {
        lock.withLock { current += seconds }
    }
}

/// Collects exported bytes.
final class DataSink: @unchecked Sendable {
    private let lock = NSLock()
    private var collected = Data()

    var data: Data { lock.withLock { collected } }

    func append(_ chunk: Data) {
        lock.withLock { collected.append(chunk) }
    }
}

/// A temporary folder removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("solex-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` (UTF-8) to a file named `name` and returns its URL.
    func file(_ name: String, _ text: String) throws -> URL {
        try file(name, Data(text.utf8))
    }

    /// Writes `data` to a file named `name` and returns its URL.
    func file(_ name: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file
    }
}

/// An in-memory, seeded catalogue with a hand-moved clock.
func makeCatalogue(clock: TestClock = TestClock()) throws -> Catalogue {
    let database = try AppDatabase.inMemory()
    try database.saveReferenceData(Seeds.reference)
    return Catalogue(database: database, reference: try database.referenceData(), now: { clock.now() })
}

extension Catalogue {
    /// Every entry of `kind` exported in `format`.
    func exported(_ kind: EntryKind, _ format: InterchangeFormat) throws -> Data {
        let sink = DataSink()
        try export(kind, format: format) { sink.append($0) }
        return sink.data
    }

    /// Every stored entry of `kind` (any status), by ref.
    func allEntries(_ kind: EntryKind) throws -> [StoredEntry] {
        try list(EntryQuery(kind: kind, perPage: 100, statuses: EntryStatus.allCases)).entries
    }
}

/// Valid inputs with sensible defaults.
enum Input {
    static func innovation(_ ref: String, title: String = "An innovation", country: String = "BGD",
                           themes: [String] = ["digital-government"], targets: [String] = []) -> FieldValues {
        [
            "ref": .text(ref), "title": .text(title), "summary": .text("A summary."), "description": .text("A description."),
            "origin_country": .text(country), "champion": .text("An agency"), "themes": .list(themes),
            "sdg_targets": .list(targets), "scale": .text("pilot"), "evidence_level": .text("anecdotal"),
            "languages": .list(["en"]),
        ]
    }

    static func need(_ ref: String, title: String = "A need", country: String = "BEN",
                     themes: [String] = [], targets: [String] = []) -> FieldValues {
        [
            "ref": .text(ref), "title": .text(title), "description": .text("A description."), "country": .text(country),
            "themes": .list(themes), "sdg_targets": .list(targets), "language": .text("fr"), "languages": .list(["fr"]),
            "created": .text("2025-03-14"),
        ]
    }
}

extension Result {
    var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
