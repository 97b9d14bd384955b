import Foundation

/// Scores innovations against needs: BM25F text similarity normalised per need, weighted overlap of themes, SDG
/// targets and free tags, and context (evidence, scale, languages, proximity). Built once from all innovations into an
/// in-memory inverted index; needs are scored in parallel, top K by score, ties broken by ref. An innovation is never
/// proposed to its own origin country.
public final class Matcher: Sendable {
    /// BM25 parameters and field weights (title, summary, tags, description).
    static let k1: Float = 1.2, b: Float = 0.75
    static let fieldWeights: [Float] = [3, 2, 2, 1]
    /// Terms found in more than this share of innovations carry almost no information and are skipped.
    static let commonTermShare = 0.5
    /// At most this many of a need's rarest words are used.
    static let maxQueryTerms = 400
    /// Candidates kept by text similarity before the full score is computed (at least ten times top K).
    static let rerankPool = 300

    let innovations: [MatchInnovation]
    let geography: MatchGeography
    /// The inverted index: postings per term with the BM25F saturated weight already multiplied by idf.
    let index: PostingIndex
    let tagIDF: [String: Double]
    /// Indices of innovations by ref order, for deterministic ties.
    let rankOfDocument: [Int32]
    /// Each innovation's origin country as a number (see `countryCodes`), for the own-country rule.
    let documentCountry: [Int32]
    let countryCodes: [String: Int32]

    /// Builds the index. `expansionWords` are lists of words that innovations name by index in their `expansions`
    /// (e.g. a concept's words in every language): they count as words of the innovation's tag field without being
    /// copied into every innovation, which keeps peak memory low.
    public convenience init(innovations: [MatchInnovation], geography: MatchGeography, expansionWords: [[String]] = []) {
        var builder = MatchIndexBuilder(expansionWords: expansionWords)
        builder.add(innovations)
        self.init(builder, geography: geography)
    }

    /// Builds the index from innovations collected by a builder (see `MatchIndexBuilder`).
    public init(_ builder: consuming MatchIndexBuilder, geography: MatchGeography) {
        self.index = PostingIndex.build(builder, fieldWeights: Self.fieldWeights, k1: Self.k1, b: Self.b)
        let innovations = builder.innovations
        builder = MatchIndexBuilder()  // the term numbers are no longer needed
        self.innovations = innovations
        self.geography = geography
        let n = Double(innovations.count)
        var tagCount: [String: Int] = [:]
        for innovation in innovations { for tag in Set(innovation.tags) { tagCount[tag, default: 0] += 1 } }
        self.tagIDF = tagCount.mapValues { log(1 + n / Double($0)) }
        var rank = [Int32](repeating: 0, count: innovations.count)
        for (position, doc) in innovations.indices.sorted(by: { innovations[$0].ref < innovations[$1].ref }).enumerated() {
            rank[doc] = Int32(position)
        }
        self.rankOfDocument = rank
        var codes: [String: Int32] = [:]
        self.documentCountry = innovations.map { innovation in
            if let code = codes[innovation.country] { return code }
            let code = Int32(codes.count)
            codes[innovation.country] = code
            return code
        }
        self.countryCodes = codes
    }

    static func fields(_ innovation: MatchInnovation) -> [[String]] {
        [innovation.titleWords, innovation.summaryWords, innovation.tagWords, innovation.descriptionWords]
    }

    /// The best `top` innovations for each need, in the needs' order, using every core.
    public func matches(for needs: [MatchNeed], top: Int, weights: MatchWeights = .defaults, minimumScore: Double = 0) -> [[Match]] {
        let results = ResultSlots<[Match]>(count: needs.count)
        let chunk = 64
        let chunks = (needs.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            var scratch = [Float](repeating: 0, count: innovations.count)
            for position in (index * chunk)..<min(needs.count, (index + 1) * chunk) {
                results.set(position, matches(for: needs[position], top: top, weights: weights, minimumScore: minimumScore,
                                              scratch: &scratch))
            }
        }
        return results.values
    }

    /// The best `top` innovations for one need.
    public func matches(for need: MatchNeed, top: Int, weights: MatchWeights = .defaults, minimumScore: Double = 0) -> [Match] {
        var scratch = [Float](repeating: 0, count: innovations.count)
        return matches(for: need, top: top, weights: weights, minimumScore: minimumScore, scratch: &scratch)
    }

    private func matches(for need: MatchNeed, top: Int, weights: MatchWeights, minimumScore: Double,
                         scratch: inout [Float]) -> [Match] {
        let queryTerms = self.queryTerms(need)
        // Accumulate each innovation's text score: a branch-free pass over each query term's postings.
        scratch.withUnsafeMutableBufferPointer { accumulators in
            index.docs.withUnsafeBufferPointer { docs in
                index.weights.withUnsafeBufferPointer { weights in
                    for term in queryTerms {
                        for position in index.range(term) { accumulators[Int(docs[position])] += weights[position] }
                    }
                }
            }
        }
        // Stage 1: the best candidates by text alone (the text component carries most of the weight), kept in a
        // bounded heap rather than sorting every innovation that shares a word with the need. One sequential scan
        // reads the accumulators, passing over scores the pool would turn away, then they are cleared at once. The
        // best text of all is always kept, so it is the best in the pool.
        let ownCountry = countryCodes[need.country] ?? -1
        var pool = TextPool(capacity: max(Self.rerankPool, top * 10))
        scratch.withUnsafeMutableBufferPointer { accumulators in
            documentCountry.withUnsafeBufferPointer { countries in
                rankOfDocument.withUnsafeBufferPointer { ranks in
                    pool.offer(UnsafeBufferPointer(accumulators), countries: countries, excluding: ownCountry, ranks: ranks)
                }
            }
            accumulators.update(repeating: 0)
        }
        let maxText = pool.bestText
        // Stage 2: the full score, best text first. Other components add at most `bound` to a score, so once a
        // candidate's text share cannot reach the weakest of the best `top`, no later one can either.
        let bound = weights.themes.clamped + weights.sdg.clamped + weights.tags.clamped + weights.evidence.clamped
            + weights.scale.clamped + weights.language.clamped + weights.proximity.clamped
        var best: [(score: Double, rank: Int32, doc: Int32, values: MatchComponents)] = []
        for candidate in pool.bestFirst() {
            let text = maxText > 0 ? Double(candidate.text / maxText) : 0
            if best.count == top, weights.text >= 0, weights.text * text + bound < best[top - 1].score { break }
            let values = components(need, innovations[Int(candidate.doc)], text: text)
            let score = values.weighted(by: weights).total
            let entry = (score: score, rank: candidate.rank, doc: candidate.doc, values: values)
            let position = best.firstIndex { score > $0.score || (score == $0.score && candidate.rank < $0.rank) } ?? best.count
            if position < top {
                best.insert(entry, at: position)
                if best.count > top { best.removeLast() }
            }
        }
        return best.filter { $0.score >= minimumScore }.map { candidate in
            let innovation = innovations[Int(candidate.doc)]
            let terms = sharedTerms(doc: candidate.doc, queryTerms: queryTerms)
            return Match(innovation: innovation.ref, score: candidate.score,
                         explanation: explain(need, innovation, values: candidate.values, terms: terms, weights: weights))
        }
    }

    /// The need's words that are in the index, without stop words and words in more than `commonTermShare` of the
    /// innovations, rarest first, at most `maxQueryTerms`.
    func queryTerms(_ need: MatchNeed) -> [Int32] {
        let limit = max(Int(Double(innovations.count) * Self.commonTermShare) + 1, 2)
        return Array(Set(need.words.filter { !StopWords.all.contains($0) }.compactMap { index.terms[$0] }))
            .filter { index.frequency($0) <= limit }
            .sorted { (index.frequency($0), $0) < (index.frequency($1), $1) }
            .prefix(Self.maxQueryTerms).map { $0 }
    }

    /// The need's words that the innovation has, strongest first (for explanations).
    private func sharedTerms(doc: Int32, queryTerms: [Int32]) -> [String] {
        var contributions: [(String, Float)] = []
        for term in queryTerms {
            if let position = index.position(of: doc, term: term) {
                contributions.append((index.termText[Int(term)], index.weights[position]))
            }
        }
        contributions.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return contributions.prefix(8).map(\.0)
    }
}

/// Results written by index from concurrent tasks.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots.compactMap { $0 } }
}
