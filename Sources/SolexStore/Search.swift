import Foundation
import GRDB
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
    /// The entry's country (origin country of an innovation, country of a need).
    public var country: String = ""

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
    /// The index generation the result was computed on: equal generations mean identical results.
    public var generation: Int64 = 0
}

extension Catalogue {
    /// Runs a search: all words must match (falling back to any word when that finds nothing), ranked by bm25 with
    /// title above summary and tags above description, ties broken by ref. Never fails on what was typed.
    /// `useCache: false` always computes the result (benchmarks use it to measure the search itself).
    public func search(_ query: SearchQuery, useCache: Bool = true) throws -> SearchResult {
        let writes = database.localWrites.value
        if useCache, let generation = generationClock.trusted(writes: writes),
           let cached = searchCache.result(for: query, generation: generation) {
            return cached
        }
        return try database.read { db in
            let index = try facetCache.index(db)
            generationClock.record(index.generation, writes: writes)
            if useCache, let cached = searchCache.result(for: query, generation: index.generation) { return cached }
            let expression = SearchExpression(parsing: query.text)
            var result = try run(query, expression, index, db)
            if result.total == 0, expression.required.count > 1 {
                result = try run(query, expression.anyWord, index, db)
                result.matchedAnyWord = result.total > 0
            }
            result.generation = index.generation
            searchCache.store(result, for: query, generation: index.generation)
            return result
        }
    }

    private func run(_ query: SearchQuery, _ expression: SearchExpression, _ index: FacetIndex, _ db: Database) throws -> SearchResult {
        do {
            return try SearchRun(query: query, expression: expression, index: index).result(db)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            // A query FTS5 still refuses: answer with no results rather than an error.
            return SearchResult(total: 0, hits: [], facets: [:], matchedAnyWord: false, page: query.page, perPage: query.perPage)
        }
    }

    /// Empties the search index and fills it again from the entries.
    public func reindex() throws {
        try database.write { db in try SearchMigration.rebuild(db) }
    }
}

extension Catalogue {
    /// The bare FTS5 query of `text` (its terms, ranked by bm25, top `limit`), without filters, facets or snippets:
    /// the baseline the search benchmark compares `search` with. Returns the number of rows read.
    public func rawFTSSearch(_ text: String, limit: Int = 20) throws -> Int {
        guard let fts = SearchExpression(parsing: text).ftsRequired else { return 0 }
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rowid, ref FROM search_index WHERE search_index MATCH ?
                ORDER BY bm25(search_index, \(SearchRun.weights)), ref LIMIT ?
                """, arguments: [fts, limit]).count
        }
    }
}
