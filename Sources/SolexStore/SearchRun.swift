import Foundation
import GRDB
import SolexCore

/// One search over a snapshot: FTS5 finds and scores the matching documents, the in-memory `FacetIndex` filters and
/// counts them, and only the shown page is read back with its snippets.
struct SearchRun {
    let query: SearchQuery
    let expression: SearchExpression
    let index: FacetIndex

    /// bm25 weights of the columns kind, ref, title, summary, description, tags, champion, evidence.
    static let weights = "0.0, 0.0, 10.0, 4.0, 1.0, 4.0, 2.0, 1.0"

    func result(_ db: Database) throws -> SearchResult {
        // 1. Candidates: positions in the facet index, with their scores when there is text.
        var scores: [Int32: Double] = [:]
        var candidates: [Int32]
        if let required = expression.ftsRequired {
            candidates = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT rowid, -bm25(search_index, \(Self.weights)) FROM search_index WHERE search_index MATCH ?
                """, arguments: [required])
            while let row = try cursor.next() {
                guard let position = index.positions[row[0]] else { continue }
                candidates.append(position)
                scores[position] = row[1]
            }
        } else {
            candidates = Array(0..<Int32(index.documents.count))
        }
        if let excluded = expression.ftsExcluded {
            let out = Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM search_index WHERE search_index MATCH ?", arguments: [excluded])
                .compactMap { index.positions[$0] })
            candidates.removeAll { out.contains($0) }
        }
        // 2. Filters: a bit per active facet; hidden statuses drop the document.
        let active = SearchFacet.allCases.filter { query.filters[$0] != nil }
        var slotOfValue = [Int8](repeating: -1, count: index.names.count)
        for (slot, facet) in active.enumerated() {
            for value in query.filters[facet] ?? [] {
                if let id = index.ids[facet.rawValue]?[value] { slotOfValue[Int(id)] = Int8(slot) }
            }
        }
        let slotOfFacet = Dictionary(uniqueKeysWithValues: active.enumerated().map { ($1, $0) })
        let hidden = Set(query.hiddenStatuses.compactMap { index.ids["status"]?[$0.rawValue] })
        let full = (1 << active.count) - 1
        var counts = [Int](repeating: 0, count: index.names.count)
        var passing: [Int32] = []
        for position in candidates {
            let ids = index.valueIDs(at: Int(position))
            if !hidden.isEmpty && ids.contains(where: hidden.contains) { continue }
            var mask = 0
            for id in ids where slotOfValue[Int(id)] >= 0 { mask |= 1 << Int(slotOfValue[Int(id)]) }
            if mask == full { passing.append(position) }
            for id in ids {
                guard let facet = index.facetOfValue[Int(id)] else { continue }
                let own = slotOfFacet[facet].map { 1 << $0 } ?? 0
                if mask | own == full { counts[Int(id)] += 1 }
            }
        }
        var facets: [SearchFacet: [FacetCount]] = [:]
        for (id, count) in counts.enumerated() where count > 0 {
            guard let facet = index.facetOfValue[id] else { continue }
            facets[facet, default: []].append(FacetCount(value: index.names[id].value, count: count))
        }
        for facet in facets.keys { facets[facet]?.sort { ($1.count, $0.value) < ($0.count, $1.value) } }
        // 3. The page: best score first (ref order when browsing), ties by ref.
        if expression.ftsRequired != nil {
            passing.sort { left, right in
                let a = scores[left] ?? 0, b = scores[right] ?? 0
                return a != b ? a > b : index.refs[Int(left)] < index.refs[Int(right)]
            }
        } else {
            passing.sort { (index.refs[Int($0)], index.documents[Int($0)]) < (index.refs[Int($1)], index.documents[Int($1)]) }
        }
        let start = min(passing.count, (query.page - 1) * query.perPage)
        let page = Array(passing[start..<min(passing.count, start + query.perPage)])
        let hits = try self.hits(db, page: page, scores: scores)
        return SearchResult(total: passing.count, hits: hits, facets: facets, matchedAnyWord: false, page: query.page,
                            perPage: query.perPage)
    }

    /// Titles and snippets of the page's documents, in page order.
    private func hits(_ db: Database, page: [Int32], scores: [Int32: Double]) throws -> [SearchHit] {
        guard !page.isEmpty else { return [] }
        let documents = page.map { index.documents[Int($0)] }
        let list = documents.map(String.init).joined(separator: ",")
        let rows: [Row]
        if let required = expression.ftsRequired {
            rows = try Row.fetchAll(db, sql: """
                SELECT rowid, kind, ref, title, snippet(search_index, -1, ?, ?, '…', 16) AS snippet FROM search_index
                WHERE search_index MATCH ? AND rowid IN (\(list))
                """, arguments: [SearchHit.markStart, SearchHit.markEnd, required])
        } else {
            rows = try Row.fetchAll(db, sql: """
                SELECT rowid, kind, ref, title, substr(COALESCE(NULLIF(summary, ''), description), 1, 200) AS snippet
                FROM search_index WHERE rowid IN (\(list))
                """)
        }
        var byDocument: [Int64: Row] = [:]
        for row in rows { byDocument[row[0]] = row }
        return zip(page, documents).compactMap { position, document in
            guard let row = byDocument[document] else { return nil }
            return SearchHit(kind: EntryKind(rawValue: row["kind"]) ?? .innovation, ref: row["ref"], title: row["title"],
                             snippet: row["snippet"] ?? "", score: scores[position] ?? 0,
                             country: index.value(of: "country", at: Int(position)) ?? "")
        }
    }
}
