import Foundation
import GRDB
import Logging
import SolexCore

/// The facets a search can be narrowed by, in display order.
public enum SearchFacet: String, Sendable, CaseIterable {
    case type, country, region, theme, sdg, sdgTarget = "sdg_target", evidence, scale
}

/// A search of the catalogue: text and facet filters (several values of one facet are alternatives).
public struct SearchQuery: Sendable, Hashable {
    /// The text as typed.
    public var text: String
    /// Chosen facet values.
    public var filters: [SearchFacet: [String]]
    /// Page number, from 1.
    public var page: Int
    /// Results per page, 1...100.
    public var perPage: Int
    /// Statuses to leave out.
    public var hiddenStatuses: [EntryStatus]

    /// Creates a query; page and page size are clamped to their ranges.
    public init(text: String = "", filters: [SearchFacet: [String]] = [:], page: Int = 1, perPage: Int = 20,
                hiddenStatuses: [EntryStatus] = [.archived]) {
        self.text = text
        self.filters = filters.filter { !$0.value.isEmpty }
        self.page = max(1, page)
        self.perPage = min(100, max(1, perPage))
        self.hiddenStatuses = hiddenStatuses
    }
}

/// One result.
public struct SearchHit: Sendable, Hashable {
    public var kind: EntryKind
    public var ref: String
    public var title: String
    /// A passage of the entry around the matches, with matches between `SearchHit.markStart` and `markEnd`.
    /// The text is not escaped: escape it, then replace the markers.
    public var snippet: String
    /// bm25 relevance: higher is better (0 when browsing without text).
    public var score: Double

    /// Marks the start of a match in `snippet` (a private-use character no entry text contains after validation).
    public static let markStart = "\u{E000}"
    /// Marks the end of a match in `snippet`.
    public static let markEnd = "\u{E001}"
}

/// A value of a facet and how many results have it.
public struct FacetCount: Sendable, Hashable {
    public var value: String
    public var count: Int
}

/// A page of results, the total, and the facet counts.
public struct SearchResult: Sendable {
    public var total: Int
    public var hits: [SearchHit]
    /// For each facet, the counts of its values among the results of the text and every other facet's filters.
    public var facets: [SearchFacet: [FacetCount]]
    /// True when no entry had all the words and the results are those with any of them.
    public var matchedAnyWord: Bool
    public var page: Int
    public var perPage: Int
}

extension Catalogue {
    /// Runs a search: all words must match (falling back to any word when that finds nothing), ranked by bm25 with
    /// title above summary and tags above description, ties broken by ref. Never fails on what was typed.
    public func search(_ query: SearchQuery) throws -> SearchResult {
        let expression = SearchExpression(parsing: query.text)
        var result = try search(query, expression)
        if result.total == 0, expression.required.count > 1 {
            result = try search(query, expression.anyWord)
            result.matchedAnyWord = result.total > 0
        }
        return result
    }

    private func search(_ query: SearchQuery, _ expression: SearchExpression) throws -> SearchResult {
        try database.read { db in
            let plan = SearchPlan(query: query, expression: expression)
            do {
                let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(plan.documents(except: nil)))", arguments: plan.arguments(except: nil)) ?? 0
                let facets = try plan.facetCounts(db)
                let hits = try plan.hits(db)
                return SearchResult(total: total, hits: hits, facets: facets, matchedAnyWord: false, page: query.page, perPage: query.perPage)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
                // A query FTS5 still refuses: answer with no results rather than an error.
                return SearchResult(total: 0, hits: [], facets: [:], matchedAnyWord: false, page: query.page, perPage: query.perPage)
            }
        }
    }

    /// Empties the search index and fills it again from the entries.
    public func reindex() throws {
        try database.write { db in try SearchMigration.rebuild(db) }
    }
}

/// The SQL of one search: the set of matching documents (with or without one facet's filter) and the ranked page.
struct SearchPlan {
    let query: SearchQuery
    let expression: SearchExpression

    /// bm25 weights of the columns kind, ref, title, summary, description, tags, champion, evidence.
    static let weights = "0.0, 0.0, 10.0, 4.0, 1.0, 4.0, 2.0, 1.0"

    /// SQL selecting the `doc` of every result, leaving out the filter of `except`.
    func documents(except: SearchFacet?) -> String {
        let column = expression.ftsRequired != nil ? "rowid" : "doc"
        var sql = expression.ftsRequired != nil
            ? "SELECT rowid AS doc FROM search_index WHERE search_index MATCH ?"
            : "SELECT doc FROM search_facet WHERE facet = 'type'"
        if expression.ftsExcluded != nil { sql += " AND \(column) NOT IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)" }
        if !query.hiddenStatuses.isEmpty {
            sql += " AND \(column) NOT IN (SELECT doc FROM search_facet WHERE facet = 'status' AND value IN (\(placeholders(query.hiddenStatuses.count))))"
        }
        for (facet, values) in sortedFilters where facet != except {
            sql += " AND \(column) IN (SELECT doc FROM search_facet WHERE facet = ? AND value IN (\(placeholders(values.count))))"
        }
        return sql
    }

    func arguments(except: SearchFacet?) -> StatementArguments {
        var values: [String] = []
        if let required = expression.ftsRequired { values.append(required) }
        if let excluded = expression.ftsExcluded { values.append(excluded) }
        values += query.hiddenStatuses.map(\.rawValue)
        for (facet, chosen) in sortedFilters where facet != except { values += [facet.rawValue] + chosen }
        return StatementArguments(values)
    }

    /// The counts of every facet's values in one pass over the text's results: a result counts for a facet when it
    /// passes the filters of every other facet.
    func facetCounts(_ db: Database) throws -> [SearchFacet: [FacetCount]] {
        let active = sortedFilters
        var flagColumns = ""
        var flagArguments: [String] = []
        for (index, (facet, values)) in active.enumerated() {
            flagColumns += ", doc IN (SELECT doc FROM search_facet WHERE facet = ? AND value IN (\(placeholders(values.count)))) AS f\(index)"
            flagArguments += [facet.rawValue] + values
        }
        func all(except skipped: Int?) -> String {
            let flags = active.indices.filter { $0 != skipped }.map { "f\($0)" }
            return flags.isEmpty ? "1" : flags.joined(separator: " AND ")
        }
        let cases = active.enumerated().map { index, filter in "WHEN '\(filter.0.rawValue)' THEN \(all(except: index))" }.joined(separator: " ")
        let condition = active.isEmpty ? "1" : "CASE f.facet \(cases) ELSE \(all(except: nil)) END"
        let facetNames = SearchFacet.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let base = SearchPlan(query: SearchQuery(text: query.text, filters: [:], page: 1, perPage: 1, hiddenStatuses: query.hiddenStatuses),
                              expression: expression)
        let sql = """
            WITH flags AS MATERIALIZED (SELECT doc\(flagColumns) FROM (\(base.documents(except: nil))))
            SELECT f.facet AS facet, f.value AS value, COUNT(*) AS n FROM flags JOIN search_facet f ON f.doc = flags.doc
            WHERE f.facet IN (\(facetNames)) AND \(condition)
            GROUP BY f.facet, f.value ORDER BY f.facet, n DESC, f.value
            """
        var arguments = StatementArguments(flagArguments)
        arguments += base.arguments(except: nil)
        var counts: [SearchFacet: [FacetCount]] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            guard let facet = SearchFacet(rawValue: row["facet"]) else { continue }
            counts[facet, default: []].append(FacetCount(value: row["value"], count: row["n"]))
        }
        return counts
    }

    /// The page of results, best first, ties by ref.
    func hits(_ db: Database) throws -> [SearchHit] {
        let offset = (query.page - 1) * query.perPage
        let rows: [Row]
        if let required = expression.ftsRequired {
            rows = try Row.fetchAll(db, sql: """
                SELECT kind, ref, title, snippet(search_index, -1, ?, ?, '…', 16) AS snippet,
                       -bm25(search_index, \(Self.weights)) AS score
                FROM search_index WHERE search_index MATCH ? AND rowid IN (\(documents(except: nil)))
                ORDER BY score DESC, ref LIMIT \(query.perPage) OFFSET \(offset)
                """, arguments: [SearchHit.markStart, SearchHit.markEnd, required] + arguments(except: nil))
        } else {
            rows = try Row.fetchAll(db, sql: """
                SELECT kind, ref, title, substr(COALESCE(NULLIF(summary, ''), description), 1, 200) AS snippet, 0.0 AS score
                FROM search_index WHERE rowid IN (\(documents(except: nil))) ORDER BY ref, kind LIMIT \(query.perPage) OFFSET \(offset)
                """, arguments: arguments(except: nil))
        }
        return rows.map { row in
            SearchHit(kind: EntryKind(rawValue: row["kind"]) ?? .innovation, ref: row["ref"], title: row["title"],
                      snippet: row["snippet"] ?? "", score: row["score"])
        }
    }

    private var sortedFilters: [(SearchFacet, [String])] {
        SearchFacet.allCases.compactMap { facet in query.filters[facet].map { (facet, $0) } }
    }

    private func placeholders(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }
}

extension Catalogue {
    /// The bare FTS5 query of `text` (its terms, ranked by bm25, top `limit`), without filters, facets or snippets:
    /// the baseline the search benchmark compares `search` with. Returns the number of rows read.
    public func rawFTSSearch(_ text: String, limit: Int = 20) throws -> Int {
        guard let fts = SearchExpression(parsing: text).ftsRequired else { return 0 }
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rowid, ref FROM search_index WHERE search_index MATCH ?
                ORDER BY bm25(search_index, \(SearchPlan.weights)), ref LIMIT ?
                """, arguments: [fts, limit]).count
        }
    }
}
