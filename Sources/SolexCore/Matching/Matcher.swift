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
    let terms: [String: Int32]
    let termText: [String]
    /// Postings per term: innovation index and BM25F saturated weight already multiplied by idf.
    let postings: [[(doc: Int32, weight: Float)]]
    let documentFrequency: [Int32]
    let tagIDF: [String: Double]
    /// Indices of innovations by ref order, for deterministic ties.
    let rankOfDocument: [Int32]

    /// Builds the index.
    public init(innovations: [MatchInnovation], geography: MatchGeography) {
        // Keep what scoring needs, not the words: the index below holds them (this halves peak memory at scale).
        self.innovations = innovations.map { innovation in
            var light = innovation
            light.titleWords = []
            light.summaryWords = []
            light.tagWords = []
            light.descriptionWords = []
            return light
        }
        self.geography = geography
        var terms: [String: Int32] = [:]
        var termText: [String] = []
        var averages = [Float](repeating: 0, count: 4)
        for innovation in innovations {
            for (field, words) in Self.fields(innovation).enumerated() { averages[field] += Float(words.count) }
        }
        let count = Float(max(1, innovations.count))
        averages = averages.map { max(1, $0 / count) }
        // One pass in document order: each posting gets its saturated BM25F term weight; idf is applied at the end,
        // when document frequencies are known. Postings come out sorted by document.
        var postings: [[(doc: Int32, weight: Float)]] = []
        for (doc, innovation) in innovations.enumerated() {
            var local: [Int32: SIMD4<Float>] = [:]
            let fields = Self.fields(innovation)
            for (field, words) in fields.enumerated() {
                for word in words {
                    let id: Int32
                    if let known = terms[word] { id = known } else {
                        id = Int32(termText.count)
                        terms[word] = id
                        termText.append(word)
                        postings.append([])
                    }
                    local[id, default: .zero][field] += 1
                }
            }
            for (term, tfs) in local {
                var pseudo: Float = 0
                for field in 0..<4 where tfs[field] > 0 {
                    pseudo += Self.fieldWeights[field] * tfs[field]
                        / (1 - Self.b + Self.b * Float(fields[field].count) / averages[field])
                }
                postings[Int(term)].append((Int32(doc), pseudo / (Self.k1 + pseudo)))
            }
        }
        for term in postings.indices { postings[term].sort { $0.doc < $1.doc } }
        let n = Double(innovations.count)
        var frequency: [Int32] = []
        frequency.reserveCapacity(postings.count)
        for term in postings.indices {
            let df = Double(postings[term].count)
            let idf = Float(log(1 + (n - df + 0.5) / (df + 0.5)))
            for index in postings[term].indices { postings[term][index].weight *= idf }
            frequency.append(Int32(postings[term].count))
        }
        var tagCount: [String: Int] = [:]
        for innovation in innovations { for tag in Set(innovation.tags) { tagCount[tag, default: 0] += 1 } }
        self.tagIDF = tagCount.mapValues { log(1 + n / Double($0)) }
        self.terms = terms
        self.termText = termText
        self.postings = postings
        self.documentFrequency = frequency
        var rank = [Int32](repeating: 0, count: innovations.count)
        for (position, doc) in innovations.indices.sorted(by: { innovations[$0].ref < innovations[$1].ref }).enumerated() {
            rank[doc] = Int32(position)
        }
        self.rankOfDocument = rank
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
        let limit = Int32(Double(innovations.count) * Self.commonTermShare) + 1
        let queryTerms = Array(Set(need.words.filter { !StopWords.all.contains($0) }.compactMap { terms[$0] }))
            .filter { documentFrequency[Int($0)] <= max(limit, 2) }
            .sorted { (documentFrequency[Int($0)], $0) < (documentFrequency[Int($1)], $1) }
            .prefix(Self.maxQueryTerms)
        var touched: [Int32] = []
        for term in queryTerms {
            for posting in postings[Int(term)] {
                if scratch[Int(posting.doc)] == 0 { touched.append(posting.doc) }
                scratch[Int(posting.doc)] += posting.weight
            }
        }
        // Stage 1: the best candidates by text alone (the text component carries most of the weight).
        var byText: [(doc: Int32, text: Float)] = []
        byText.reserveCapacity(touched.count)
        for doc in touched where innovations[Int(doc)].country != need.country { byText.append((doc, scratch[Int(doc)])) }
        for doc in touched { scratch[Int(doc)] = 0 }
        let maxText = byText.reduce(Float(0)) { max($0, $1.text) }
        let pool = max(Self.rerankPool, top * 10)
        if byText.count > pool {
            byText.sort { $0.text != $1.text ? $0.text > $1.text : rankOfDocument[Int($0.doc)] < rankOfDocument[Int($1.doc)] }
            byText.removeLast(byText.count - pool)
        }
        // Stage 2: the full score of those candidates.
        var scored = byText.map { candidate in
            let values = components(need, innovations[Int(candidate.doc)], text: maxText > 0 ? Double(candidate.text / maxText) : 0)
            return (doc: candidate.doc, score: values.weighted(by: weights).total, values: values)
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : rankOfDocument[Int($0.doc)] < rankOfDocument[Int($1.doc)] }
        return scored.prefix(top).filter { $0.score >= minimumScore }.map { candidate in
            let innovation = innovations[Int(candidate.doc)]
            let terms = sharedTerms(doc: candidate.doc, queryTerms: Array(queryTerms))
            return Match(innovation: innovation.ref, score: candidate.score,
                         explanation: explain(need, innovation, values: candidate.values, terms: terms, weights: weights))
        }
    }

    /// The need's words that the innovation has, strongest first (for explanations).
    private func sharedTerms(doc: Int32, queryTerms: [Int32]) -> [String] {
        var contributions: [(String, Float)] = []
        for term in queryTerms {
            let list = postings[Int(term)]
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle].doc < doc { low = middle + 1 } else { high = middle }
            }
            if low < list.count && list[low].doc == doc { contributions.append((termText[Int(term)], list[low].weight)) }
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
