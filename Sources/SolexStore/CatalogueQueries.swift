import Foundation
import GRDB
import SolexCore

/// How a list of entries is ordered.
public enum EntrySort: String, Sendable, CaseIterable {
    case ref, title, country, updated
}

/// A page of a filtered, ordered list of entries.
public struct EntryQuery: Sendable, Hashable {
    /// Innovations or needs.
    public var kind: EntryKind
    /// Page number, from 1.
    public var page: Int
    /// Entries per page, 1...100.
    public var perPage: Int
    /// Order.
    public var sort: EntrySort
    /// Reverse order.
    public var descending: Bool
    /// Only entries of this country (alpha-3).
    public var country: String?
    /// Only entries with this theme.
    public var theme: String?
    /// Only entries with a target of this SDG goal.
    public var sdgGoal: Int?
    /// Only entries in these statuses; nil means every status but archived.
    public var statuses: [EntryStatus]?
    /// What the reader may see (set from the actor by pages and the API).
    public var visibility: Visibility

    /// Creates a query; the page and page size are clamped to their ranges.
    public init(kind: EntryKind, page: Int = 1, perPage: Int = 20, sort: EntrySort = .ref, descending: Bool = false,
                country: String? = nil, theme: String? = nil, sdgGoal: Int? = nil, statuses: [EntryStatus]? = nil,
                visibility: Visibility = .everything) {
        self.visibility = visibility
        self.kind = kind
        self.page = max(1, page)
        self.perPage = min(100, max(1, perPage))
        self.sort = sort
        self.descending = descending
        self.country = country
        self.theme = theme
        self.sdgGoal = sdgGoal
        self.statuses = statuses
    }
}

/// One page of entries and the size of the whole list.
public struct EntryPage: Sendable {
    /// The entries on this page.
    public var entries: [StoredEntry]
    /// Entries in the whole list.
    public var total: Int
    /// This page's number.
    public var page: Int
    /// Entries per page.
    public var perPage: Int

    /// Number of pages (at least 1).
    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}

/// Totals shown on the home page.
public struct CatalogueCounts: Sendable, Hashable {
    /// Innovations not archived.
    public var innovations: Int
    /// Needs not archived.
    public var needs: Int
    /// Countries with at least one innovation or need not archived.
    public var countries: Int
}

extension Catalogue {
    /// One page of entries matching `query`, ties broken by reference.
    public func list(_ query: EntryQuery) throws -> EntryPage {
        var conditions: [String] = []
        var arguments = StatementArguments()

        if let statuses = query.statuses {
            conditions.append("status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
            for status in statuses { arguments += [status.rawValue] }
        } else {
            conditions.append("status <> ?")
            arguments += [EntryStatus.archived.rawValue]
        }
        switch query.visibility {
        case .everything: break
        case .published:
            conditions.append("status = ?")
            arguments += [EntryStatus.published.rawValue]
        case .publishedOrCountry(let own):
            conditions.append("(status = ? OR \(query.kind.countryField) = ?)")
            arguments += [EntryStatus.published.rawValue, own]
        }
        if let country = query.country {
            conditions.append("\(query.kind.countryField) = ?")
            arguments += [country]
        }
        if let theme = query.theme {
            conditions.append("EXISTS (SELECT 1 FROM json_each(themes) WHERE value = ?)")
            arguments += [theme]
        }
        if let goal = query.sdgGoal {
            conditions.append("EXISTS (SELECT 1 FROM json_each(sdg_targets) WHERE value LIKE ?)")
            arguments += ["\(goal).%"]
        }
        let whereClause = "WHERE " + conditions.joined(separator: " AND ")
        let direction = query.descending ? "DESC" : "ASC"
        let order: String = switch query.sort {
        case .ref: "ref \(direction)"
        case .title: "title COLLATE NOCASE \(direction), ref"
        case .country: "\(query.kind.countryField) \(direction), ref"
        case .updated: "updated_at \(direction), ref"
        }
        let table = query.kind.tableName
        let offset = (query.page - 1) * query.perPage
        let boundArguments = arguments
        return try database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) \(whereClause)", arguments: boundArguments) ?? 0
            let sql = "SELECT * FROM \(table) \(whereClause) ORDER BY \(order) LIMIT \(query.perPage) OFFSET \(offset)"
            let entries: [StoredEntry] = switch query.kind {
            case .innovation: try InnovationRecord.fetchAll(db, sql: sql, arguments: boundArguments).map(\.entry)
            case .need: try NeedRecord.fetchAll(db, sql: sql, arguments: boundArguments).map(\.entry)
            }
            return EntryPage(entries: entries, total: total, page: query.page, perPage: query.perPage)
        }
    }

    /// Totals of entries not archived (of those `visibility` shows) and of the countries they come from.
    public func counts(visibility: Visibility = .everything) throws -> CatalogueCounts {
        try database.read { db in
            let archived = EntryStatus.archived.rawValue, published = EntryStatus.published.rawValue
            func condition(_ countryField: String) -> (String, StatementArguments) {
                switch visibility {
                case .everything: ("status <> ?", [archived])
                case .published: ("status = ?", [published])
                case .publishedOrCountry(let own): ("status <> ? AND (status = ? OR \(countryField) = ?)", [archived, published, own])
                }
            }
            let (i, iArgs) = condition("origin_country"), (n, nArgs) = condition("country")
            let innovations = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM innovation WHERE \(i)", arguments: iArgs) ?? 0
            let needs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM need WHERE \(n)", arguments: nArgs) ?? 0
            let countries = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT origin_country FROM innovation WHERE \(i)
                                      UNION SELECT country FROM need WHERE \(n))
                """, arguments: iArgs + nArgs) ?? 0
            return CatalogueCounts(innovations: innovations, needs: needs, countries: countries)
        }
    }

    /// Number of entries of `kind` in any status.
    public func storedCount(_ kind: EntryKind) throws -> Int {
        try database.read { db in try Table(kind.tableName).fetchCount(db) }
    }
}
