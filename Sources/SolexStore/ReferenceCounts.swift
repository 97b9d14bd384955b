import GRDB
import SolexCore

/// How many entries (not archived) refer to each country, theme and SDG goal.
public struct ReferenceCounts: Sendable {
    /// Entries by country code.
    public var byCountry: [String: Int] = [:]
    /// Entries by theme slug.
    public var byTheme: [String: Int] = [:]
    /// Entries by SDG goal number (an entry counts once per goal).
    public var byGoal: [Int: Int] = [:]
}

extension Catalogue {
    /// The counts of entries of `kind` per country, theme and goal.
    /// Only published entries count unless `visibility` is `.everything`.
    public func referenceCounts(_ kind: EntryKind, visibility: Visibility = .everything) throws -> ReferenceCounts {
        let table = kind.tableName
        let published = visibility != .everything
        let archived = published ? EntryStatus.published.rawValue : EntryStatus.archived.rawValue
        let op = published ? "=" : "<>"
        return try database.read { db in
            var counts = ReferenceCounts()
            for row in try Row.fetchAll(db, sql: "SELECT \(kind.countryField) AS code, COUNT(*) AS n FROM \(table) WHERE status \(op) ? GROUP BY 1",
                                        arguments: [archived]) {
                counts.byCountry[row["code"]] = row["n"]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT j.value AS slug, COUNT(*) AS n FROM \(table), json_each(\(table).themes) AS j WHERE status \(op) ? GROUP BY 1
                """, arguments: [archived]) {
                counts.byTheme[row["slug"]] = row["n"]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT goal, COUNT(*) AS n FROM (SELECT DISTINCT \(table).id, CAST(j.value AS INTEGER) AS goal
                FROM \(table), json_each(\(table).sdg_targets) AS j WHERE status \(op) ?) GROUP BY goal
                """, arguments: [archived]) {
                counts.byGoal[row["goal"]] = row["n"]
            }
            return counts
        }
    }
}
