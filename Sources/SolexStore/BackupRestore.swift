import Foundation
import GRDB

/// What a checked backup holds.
public struct BackupCheck: Sendable {
    public var innovations: Int
    public var needs: Int
}

/// Why a file cannot be restored.
public struct RestoreError: Error, Sendable {
    public var message: String
}

extension AppDatabase {
    /// Copies the database to a new file at `path` with SQLite's online backup API: a consistent snapshot that
    /// includes what is still in the WAL, taken while other connections (the server) keep reading and writing.
    public func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
        try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try destination.close()
    }

    /// Checks that `file` is a sound Solex database: `PRAGMA integrity_check` says ok and it has Solex's schema.
    public static func check(file: String) throws -> BackupCheck {
        guard FileManager.default.fileExists(atPath: file) else { throw RestoreError(message: "no such file") }
        var configuration = configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: file, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let result = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard result == ["ok"] else {
                    throw RestoreError(message: "fails the integrity check: " + result.prefix(5).joined(separator: "; "))
                }
                guard try db.tableExists("grdb_migrations"), try db.tableExists("innovation"), try db.tableExists("need"),
                      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains("v1-catalogue") else {
                    throw RestoreError(message: "is not a Solex database")
                }
                return BackupCheck(innovations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM innovation") ?? 0,
                                   needs: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM need") ?? 0)
            }
        } catch let error as RestoreError {
            throw error
        } catch let error as DatabaseError {
            throw RestoreError(message: "is not a readable SQLite database (\(error.message ?? "\(error.resultCode)"))")
        }
    }

    /// Replaces the database at `target` with the backup `file`, after checking it. The server must be stopped.
    /// The old database (with its -wal and -shm files) is kept as `target.before-restore`; the backup is copied
    /// beside the target and renamed into place only after the old files are out of the way, so a stale WAL can
    /// never be applied to the restored file.
    @discardableResult
    public static func restore(from file: String, to target: String) throws -> BackupCheck {
        let check = try check(file: file)
        let fm = FileManager.default
        let temporary = target + ".restoring"
        try? fm.removeItem(atPath: temporary)
        try fm.copyItem(atPath: file, toPath: temporary)
        // Make the copy durable before the rename.
        if let handle = FileHandle(forUpdatingAtPath: temporary) { try handle.synchronize(); try handle.close() }
        let aside = target + ".before-restore"
        for suffix in ["", "-wal", "-shm"] {
            try? fm.removeItem(atPath: aside + suffix)
            if fm.fileExists(atPath: target + suffix) { try fm.moveItem(atPath: target + suffix, toPath: aside + suffix) }
        }
        try fm.moveItem(atPath: temporary, toPath: target)
        return check
    }
}
