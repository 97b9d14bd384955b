import Foundation

/// The matcher's inverted index in three flat arrays (compressed sparse rows): the postings of term `t` are
/// `docs[offsets[t]..<offsets[t + 1]]` with their weights at the same positions, in document order. Built in two
/// passes over the innovations (count, then fill), so every array has its exact size: no per-term array, no spare
/// capacity, which keeps peak memory low at 100,000 innovations.
struct PostingIndex: Sendable {
    var terms: [String: Int32] = [:]
    var termText: [String] = []
    var offsets: [Int] = [0]
    var docs: [Int32] = []
    /// BM25F weight: saturated pseudo term frequency multiplied by idf.
    var weights: [Float] = []

    /// The number of innovations with term `t`.
    func frequency(_ term: Int32) -> Int { offsets[Int(term) + 1] - offsets[Int(term)] }

    /// The range of term `t`'s postings in `docs` and `weights`.
    func range(_ term: Int32) -> Range<Int> { offsets[Int(term)]..<offsets[Int(term) + 1] }

    /// Builds the index. `words(doc, visit)` calls `visit(word, field)` for every word of innovation `doc`;
    /// `lengths[doc][field]` are the field lengths, `averages[field]` their means.
    static func build(count: Int, lengths: [[Int]], averages: [Float], fieldWeights: [Float], k1: Float, b: Float,
                      words: (Int, (String, Int) -> Void) -> Void) -> PostingIndex {
        var index = PostingIndex()
        // Pass 1: term ids and document frequencies.
        var frequency: [Int] = []
        var lastDoc: [Int32] = []
        for doc in 0..<count {
            words(doc) { word, _ in
                let id: Int
                if let known = index.terms[word] { id = Int(known) } else {
                    id = index.termText.count
                    index.terms[word] = Int32(id)
                    index.termText.append(word)
                    frequency.append(0)
                    lastDoc.append(-1)
                }
                if lastDoc[id] != Int32(doc) {
                    lastDoc[id] = Int32(doc)
                    frequency[id] += 1
                }
            }
        }
        lastDoc = []
        index.offsets = [0]
        index.offsets.reserveCapacity(frequency.count + 1)
        for value in frequency { index.offsets.append(index.offsets.last! + value) }
        let total = index.offsets.last!
        index.docs = [Int32](repeating: 0, count: total)
        index.weights = [Float](repeating: 0, count: total)
        // Pass 2: each posting's saturated BM25F weight, written in document order.
        var cursor = Array(index.offsets.dropLast())
        var local: [Int32: SIMD4<Float>] = [:]
        for doc in 0..<count {
            local.removeAll(keepingCapacity: true)
            words(doc) { word, field in local[index.terms[word]!, default: .zero][field] += 1 }
            for (term, tfs) in local {
                var pseudo: Float = 0
                for field in 0..<4 where tfs[field] > 0 {
                    pseudo += fieldWeights[field] * tfs[field] / (1 - b + b * Float(lengths[doc][field]) / averages[field])
                }
                let position = cursor[Int(term)]
                index.docs[position] = Int32(doc)
                index.weights[position] = pseudo / (k1 + pseudo)
                cursor[Int(term)] += 1
            }
        }
        let n = Double(count)
        for term in 0..<frequency.count {
            let df = Double(frequency[term])
            let idf = Float(log(1 + (n - df + 0.5) / (df + 0.5)))
            for position in index.offsets[term]..<index.offsets[term + 1] { index.weights[position] *= idf }
        }
        return index
    }
}
