import Foundation
import GRDB
import SolexCore

/// The only door to the database: opens it, migrates it and runs each use case in one transaction.
public struct AppDatabase: Sendable {
    /// The connection pool (WAL) for a file, or a queue for an in-memory database.
    let writer: any DatabaseWriter
    /// Counts the writes made through this value (and its copies), so caches can tell at no cost whether this
    /// process changed anything.
    let localWrites = WriteCounter()

    /// Wraps a writer and migrates it to the latest schema.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Migrations.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the database file at `path` in WAL mode and migrates it.
    public static func openFile(at path: String) throws -> AppDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try AppDatabase(DatabasePool(path: path, configuration: configuration()))
    }

    /// An empty in-memory database, for tests and tools.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()))
    }

    /// Connection settings: foreign keys on, a busy timeout for concurrent writers, and a synchronous mode that
    /// keeps every committed transaction through a crash of the process (WAL with synchronous=NORMAL).
    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            db.add(tokenizer: SolexFTS5Tokenizer.self)
        }
        return config
    }

    /// Runs `work` in one write transaction.
    func write<T>(_ work: @Sendable (Database) throws -> T) throws -> T {
        defer { localWrites.increment() }
        return try writer.write(work)
    }

    /// Runs `work` on a consistent read-only snapshot.
    func read<T>(_ work: @Sendable (Database) throws -> T) throws -> T {
        try writer.read(work)
    }

    /// The names of the applied migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in try Migrations.migrator.appliedMigrations(db) }
    }
}
