import Foundation
import GRDB
import SolexCore

/// For each innovation, the published needs whose best proposals include it: the matcher run for every need, inverted,
/// and kept until the catalogue changes. Small catalogues are computed on the spot; large ones in the background,
/// while pages say the list is being prepared.
final class NeedsAnsweredCache: @unchecked Sendable {
    /// One need for which an innovation is proposed: the need, the pair's match and the innovation's rank among the
    /// need's proposals.
    struct Entry: Sendable {
        var need: String
        var rank: Int
        var match: Match
    }

    private let lock = NSLock()
    private var ready: (generation: Int64, byInnovation: [String: [Entry]])?
    private var computing: Int64?

    /// The inverted proposals for `generation`, or nil while they are computed in the background.
    func lookup(generation: Int64, inBackground: Bool, compute: @escaping @Sendable () throws -> [String: [Entry]]) throws -> [String: [Entry]]? {
        lock.lock()
        if let ready, ready.generation == generation {
            lock.unlock()
            return ready.byInnovation
        }
        guard inBackground else {
            lock.unlock()
            let result = try compute()
            store(result, generation: generation)
            return result
        }
        if computing != generation {
            computing = generation
            DispatchQueue.global(qos: .utility).async { [self] in
                if let result = try? compute() { store(result, generation: generation) }
                lock.lock()
                if computing == generation { computing = nil }
                lock.unlock()
            }
        }
        lock.unlock()
        return nil
    }

    private func store(_ result: [String: [Entry]], generation: Int64) {
        lock.lock()
        if (ready?.generation ?? -1) <= generation { ready = (generation, result) }
        lock.unlock()
    }
}

extension Catalogue {
    /// How many proposals per need count when listing the needs an innovation could answer.
    public static let needsAnsweredDepth = 10
    /// Above this many need-innovation pairs, the list is computed in the background.
    static let needsAnsweredInlinePairs = 20_000_000

    /// The published needs for which this innovation is among the best `needsAnsweredDepth` proposals, best score
    /// first (ties by need ref), with the innovation's rank for each need; nil while a large catalogue's list is being
    /// prepared in the background.
    public func needsAnswered(by innovation: StoredEntry, limit: Int = 10) throws -> [(match: Match, rank: Int, need: StoredEntry)]? {
        guard innovation.kind == .innovation else { return [] }
        let (generation, pairs) = try database.read { db in
            (try Int64.fetchOne(db, sql: "SELECT n FROM search_generation") ?? 0,
             (try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM innovation WHERE status = 'published') * (SELECT count(*) FROM need WHERE status = 'published')") ?? 0))
        }
        let catalogue = self
        guard let byInnovation = try needsAnsweredCache.lookup(
            generation: generation, inBackground: pairs > Self.needsAnsweredInlinePairs,
            compute: { try catalogue.invertedProposals() }) else { return nil }
        return try (byInnovation[innovation.ref] ?? []).prefix(limit).compactMap { entry in
            try self.entry(.need, ref: entry.need).map { (entry.match, entry.rank, $0) }
        }
    }

    /// Every published need's best proposals, grouped by innovation.
    func invertedProposals() throws -> [String: [NeedsAnsweredCache.Entry]] {
        let (matcher, needs) = try matcherAndNeeds()
        let results = matcher.matches(for: needs, top: Self.needsAnsweredDepth)
        var byInnovation: [String: [NeedsAnsweredCache.Entry]] = [:]
        for (need, matches) in zip(needs, results) {
            for (rank, match) in matches.enumerated() {
                byInnovation[match.innovation, default: []].append(.init(need: need.ref, rank: rank + 1, match: match))
            }
        }
        return byInnovation.mapValues { list in
            list.sorted { $0.match.score != $1.match.score ? $0.match.score > $1.match.score : $0.need < $1.need }
        }
    }
}
