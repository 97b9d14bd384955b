import Foundation
import GRDB
import SolexCore

/// The matcher over the published innovations, rebuilt when the catalogue has changed (same generation counter as the
/// search index).
final class MatcherCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: (generation: Int64, matcher: Matcher)?

    func matcher(generation: Int64, build: () throws -> Matcher) rethrows -> Matcher {
        lock.lock()
        defer { lock.unlock() }
        if let cached, cached.generation == generation { return cached.matcher }
        let matcher = try build()
        cached = (generation, matcher)
        return matcher
    }
}

extension Catalogue {
    /// The best published innovations for a need (any status: a need being drafted sees its proposals too), with
    /// their explanations and the innovations' stored entries, best first.
    public func proposals(for need: StoredEntry, top: Int = 5, weights: MatchWeights = .defaults) throws -> [(Match, StoredEntry)] {
        guard need.kind == .need else { return [] }
        let generation = try database.read { db in try Int64.fetchOne(db, sql: "SELECT n FROM search_generation") ?? 0 }
        let matcher = try matcherCache.matcher(generation: generation) {
            try matcherAndNeeds().matcher
        }
        let query = ConceptMatching.need(Need(validated: need.values), thesaurus: thesaurus)
        return try matcher.matches(for: query, top: top, weights: weights).compactMap { match in
            try entry(.innovation, ref: match.innovation).map { (match, $0) }
        }
    }
}
