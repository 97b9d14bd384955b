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

    /// Where document `doc` is in term `t`'s postings, or nil. Documents are spread fairly evenly over a long list,
    /// so the search starts where `doc` would be if they were spread exactly evenly and gallops from there.
    func position(of doc: Int32, term: Int32) -> Int? {
        var low = offsets[Int(term)], high = offsets[Int(term) + 1]
        return docs.withUnsafeBufferPointer { docs -> Int? in
            guard low < high, docs[low] <= doc, doc <= docs[high - 1] else { return nil }
            let first = Int(docs[low]), span = Int(docs[high - 1]) - first
            let guess = span == 0 ? low : low + (Int(doc) - first) * (high - 1 - low) / span
            // Narrow [low, high) around the guess by doubling steps, then finish by halving.
            var step = 1
            if docs[guess] < doc {
                var probe = guess
                while probe < high, docs[probe] < doc { low = probe + 1; probe = guess + step; step *= 2 }
                high = min(high, probe + 1)
            } else {
                var probe = guess
                while probe >= low, docs[probe] >= doc { high = probe + 1; probe = guess - step; step *= 2 }
                low = max(low, probe + 1)
            }
            while low < high {
                let middle = (low + high) / 2
                if docs[middle] < doc { low = middle + 1 } else { high = middle }
            }
            return low < offsets[Int(term) + 1] && docs[low] == doc ? low : nil
        }
    }

    /// Builds the index from the builder's innovations, in two passes over their term numbers (count, then fill).
    /// The innovations are cut into one run per core; each run counts, then fills, its own part of every term's
    /// postings (the runs' counts say where each part starts), so the result is the same as one pass in order.
    /// `runs` overrides the number of runs (tests compare several).
    static func build(_ builder: MatchIndexBuilder, fieldWeights: [Float], k1: Float, b: Float,
                      runs: Int? = nil) -> PostingIndex {
        let count = builder.count
        let termCount = builder.termText.count
        var index = PostingIndex()
        index.terms = builder.vocabulary
        index.termText = builder.termText
        let runCount = max(1, min(count, runs ?? (count < 4_096 ? 1 : ProcessInfo.processInfo.activeProcessorCount)))
        let ranges = (0..<runCount).map { run in (run * count / runCount)..<((run + 1) * count / runCount) }
        // Pass 1: each run's document frequencies.
        let counted = ResultSlots<[Int32]>(count: runCount)
        DispatchQueue.concurrentPerform(iterations: runCount) { run in
            var frequency = [Int32](repeating: 0, count: termCount)
            var lastDoc = [Int32](repeating: -1, count: termCount)
            for doc in ranges[run] {
                builder.forEachTerm(doc) { term, _ in
                    if lastDoc[Int(term)] != Int32(doc) {
                        lastDoc[Int(term)] = Int32(doc)
                        frequency[Int(term)] += 1
                    }
                }
            }
            counted.set(run, frequency)
        }
        let runFrequencies = counted.values
        // Mean field lengths, summed in document order.
        var totals = SIMD4<Float>(repeating: 0)
        for doc in 0..<count { totals += builder.fieldLengths(doc) }
        var means = totals / Float(max(1, count))
        means.replace(with: 1, where: means .< 1)
        let averages = means
        let n = Double(count)
        var frequency = [Int](repeating: 0, count: termCount)
        for run in runFrequencies { for term in 0..<termCount { frequency[term] += Int(run[term]) } }
        let idf = frequency.map { df in Float(log(1 + (n - Double(df) + 0.5) / (Double(df) + 0.5))) }
        index.offsets = [0]
        index.offsets.reserveCapacity(termCount + 1)
        for value in frequency { index.offsets.append(index.offsets.last! + value) }
        let total = index.offsets.last!
        // Where each run's part of each term's postings starts.
        var runStarts: [[Int]] = []
        var cursor = Array(index.offsets.dropLast())
        for run in runFrequencies {
            runStarts.append(cursor)
            for term in 0..<termCount { cursor[term] += Int(run[term]) }
        }
        let starts = runStarts
        // Pass 2: each posting's BM25F weight (saturated pseudo term frequency times idf), written in document order.
        // Term frequencies by field are gathered in a dense table; `touched` lists the terms to read and reset.
        var docs = [Int32](repeating: 0, count: total)
        var weights = [Float](repeating: 0, count: total)
        let field = SIMD4<Float>(fieldWeights[0], fieldWeights[1], fieldWeights[2], fieldWeights[3])
        docs.withUnsafeMutableBufferPointer { docs in
            weights.withUnsafeMutableBufferPointer { weights in
                let output = PostingsOutput(docs: docs, weights: weights)
                DispatchQueue.concurrentPerform(iterations: runCount) { run in
                    var cursor = starts[run]
                    var frequencies = [SIMD4<Float>](repeating: .zero, count: termCount)
                    var touched: [Int32] = []
                    for doc in ranges[run] {
                        builder.forEachTerm(doc) { term, field in
                            if frequencies[Int(term)] == .zero { touched.append(term) }
                            frequencies[Int(term)][field] += 1
                        }
                        let lengths = builder.fieldLengths(doc)
                        for term in touched {
                            let tfs = frequencies[Int(term)]
                            frequencies[Int(term)] = .zero
                            var pseudo: Float = 0
                            for position in 0..<4 where tfs[position] > 0 {
                                pseudo += field[position] * tfs[position] / (1 - b + b * lengths[position] / averages[position])
                            }
                            output.write(at: cursor[Int(term)], doc: Int32(doc), weight: pseudo / (k1 + pseudo) * idf[Int(term)])
                            cursor[Int(term)] += 1
                        }
                        touched.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        index.docs = docs
        index.weights = weights
        return index
    }
}

/// The postings arrays, written by several runs at once at positions that never overlap.
private struct PostingsOutput: @unchecked Sendable {
    let docs: UnsafeMutableBufferPointer<Int32>
    let weights: UnsafeMutableBufferPointer<Float>

    func write(at position: Int, doc: Int32, weight: Float) {
        docs[position] = doc
        weights[position] = weight
    }
}
