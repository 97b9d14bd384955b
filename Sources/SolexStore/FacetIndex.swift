import Foundation
import GRDB

/// The facet values of every indexed entry, held in memory so that a search counts facets over thousands of results
/// in a few milliseconds. Built from `search_facet`; rebuilt when the index's generation (bumped by the index
/// triggers on every write) has moved on.
final class FacetIndex: Sendable {
    /// The generation of `search_generation` this index reflects.
    let generation: Int64
    /// Document ids, ascending.
    let documents: [Int64]
    /// `values[offsets[i]..<offsets[i + 1]]` are the value ids of `documents[i]`.
    let offsets: [Int32]
    let values: [Int32]
    /// Facet and value of each value id.
    let names: [(facet: String, value: String)]
    /// Value id of each (facet, value).
    let ids: [String: [String: Int32]]
    /// Position of each document in `documents`.
    let positions: [Int64: Int32]
    /// The ref of each document (same order as `documents`).
    let refs: [String]
    /// The search facet of each value id (nil for facets that are not offered, such as status).
    let facetOfValue: [SearchFacet?]

    init(_ db: Database, generation: Int64) throws {
        var documents: [Int64] = [], offsets: [Int32] = [0], values: [Int32] = []
        var names: [(facet: String, value: String)] = []
        var ids: [String: [String: Int32]] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT doc, facet, value FROM search_facet ORDER BY doc")
        while let row = try cursor.next() {
            let doc: Int64 = row[0]
            let facet: String = row[1], value: String = row[2]
            if documents.last != doc {
                if !documents.isEmpty { offsets.append(Int32(values.count)) }
                documents.append(doc)
            }
            let id: Int32
            if let known = ids[facet]?[value] {
                id = known
            } else {
                id = Int32(names.count)
                names.append((facet, value))
                ids[facet, default: [:]][value] = id
            }
            values.append(id)
        }
        if !documents.isEmpty { offsets.append(Int32(values.count)) }
        var refs = [String](repeating: "", count: documents.count)
        let positions = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1, Int32($0)) })
        let refCursor = try Row.fetchCursor(db, sql: "SELECT rowid, ref FROM search_index")
        while let row = try refCursor.next() {
            if let position = positions[row[0]] { refs[Int(position)] = row[1] }
        }
        self.refs = refs
        self.facetOfValue = names.map { SearchFacet(rawValue: $0.facet) }
        self.generation = generation
        self.documents = documents
        self.offsets = offsets
        self.values = values
        self.names = names
        self.ids = ids
        self.positions = positions
    }

    /// The value of `facet` for the document at `position` (the first, if it has several).
    func value(of facet: String, at position: Int) -> String? {
        valueIDs(at: position).lazy.map { self.names[Int($0)] }.first { $0.facet == facet }?.value
    }

    /// The value ids of the document at `position`.
    func valueIDs(at position: Int) -> ArraySlice<Int32> {
        values[Int(offsets[position])..<Int(offsets[position + 1])]
    }
}

/// The current `FacetIndex`, shared by every search of a catalogue.
final class FacetIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var index: FacetIndex?

    /// The index for the snapshot `db` reads, rebuilt if writes happened since it was built.
    func index(_ db: Database) throws -> FacetIndex {
        let generation = try Int64.fetchOne(db, sql: "SELECT n FROM search_generation") ?? 0
        lock.lock()
        defer { lock.unlock() }
        if let index, index.generation == generation { return index }
        let fresh = try FacetIndex(db, generation: generation)
        // A search on an older snapshot gets its own index but does not replace a newer one.
        if (index?.generation ?? -1) < generation { index = fresh }
        return fresh
    }
}

/// The most recent search results (or their rendered forms), each valid for the index generation it was computed on.
/// Popular searches repeat; any write moves the generation on, so a cached result is never stale.
public final class SearchResultCache<Value>: @unchecked Sendable {
    private struct Key: Hashable {
        var query: SearchQuery
        var generation: Int64
    }

    private let lock = NSLock()
    private let capacity: Int
    private var results: [Key: Value] = [:]
    private var order: [Key] = []

    /// A cache of at most `capacity` results.
    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// The stored value of `query` at `generation`.
    public func result(for query: SearchQuery, generation: Int64) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return results[Key(query: query, generation: generation)]
    }

    /// Stores the value of `query` at `generation`, dropping the oldest beyond the capacity.
    public func store(_ result: Value, for query: SearchQuery, generation: Int64) {
        lock.lock()
        defer { lock.unlock() }
        let key = Key(query: query, generation: generation)
        if results.updateValue(result, forKey: key) == nil { order.append(key) }
        while order.count > capacity { results[order.removeFirst()] = nil }
    }
}

/// A counter of the writes made in this process.
final class WriteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count: UInt64 = 0

    func increment() {
        lock.lock()
        count &+= 1
        lock.unlock()
    }

    var value: UInt64 {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

/// The last index generation read from the database, trusted without another read while this process has written
/// nothing since and for at most `maxAge`: writes by this process are seen at once, writes by another process (an
/// import from the command line while the server runs) within `maxAge`.
final class GenerationClock: @unchecked Sendable {
    private let lock = NSLock()
    private let maxAge: UInt64
    private var known: (generation: Int64, writes: UInt64, readAt: UInt64)?

    init(maxAgeMilliseconds: UInt64 = 100) {
        maxAge = maxAgeMilliseconds * 1_000_000
    }

    /// The generation, if it can be trusted without reading the database.
    func trusted(writes: UInt64) -> Int64? {
        lock.lock()
        defer { lock.unlock() }
        guard let known, known.writes == writes, DispatchTime.now().uptimeNanoseconds - known.readAt < maxAge else { return nil }
        return known.generation
    }

    /// Records a generation read from the database with `writes` local writes done before the read.
    func record(_ generation: Int64, writes: UInt64) {
        lock.lock()
        known = (generation, writes, DispatchTime.now().uptimeNanoseconds)
        lock.unlock()
    }
}
