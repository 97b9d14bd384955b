import Foundation

/// Collects innovations for a `Matcher`, batch by batch, keeping their words as term numbers only: a batch's words
/// are numbered on every core (each part with its own table, then the parts' tables are merged in order), and the
/// batch's strings can be freed as soon as `add` returns. Feeding 100,000 innovations in batches therefore never
/// holds all their words as strings at once, and each distinct word is hashed into the shared table once per part
/// rather than once per occurrence.
///
/// Terms are numbered in order of first appearance (innovation by innovation; within one, title, summary, tags,
/// description, then its concepts' words), so the index does not depend on how the innovations were batched.
public struct MatchIndexBuilder: Sendable {
    /// Word lists that innovations name by index in `expansions` (a concept's words in every language).
    let expansionWords: [[String]]
    var vocabulary: [String: Int32] = [:]
    var termText: [String] = []
    /// Each expansion's words as term numbers, once the expansion has been met.
    var expansionTerms: [[Int32]?]
    /// The innovations without their words.
    var innovations: [MatchInnovation] = []
    /// Every innovation's words as term numbers, one after the other: title, summary, tags, description.
    var terms: [Int32] = []
    /// Where each innovation's words start in `terms` (one more entry than innovations).
    var starts: [Int] = [0]
    /// The number of words of each innovation's title, summary, tags and description.
    var fieldCounts: [SIMD4<Int32>] = []
    /// The expansions each innovation names.
    var expansions: [[Int32]] = []

    /// An empty builder; `expansionWords` are the word lists innovations name in `expansions`.
    public init(expansionWords: [[String]] = []) {
        self.expansionWords = expansionWords
        self.expansionTerms = Array(repeating: nil, count: expansionWords.count)
    }

    /// The number of innovations added so far.
    public var count: Int { innovations.count }

    /// Adds innovations after those already added.
    public mutating func add(_ batch: [MatchInnovation]) {
        add(batch, parts: batch.count < 512 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Adds innovations, numbering their words in `parts` parts at once.
    mutating func add(_ batch: [MatchInnovation], parts partCount: Int) {
        let parts = Self.numberedInParts(batch, partCount: max(1, partCount))
        for part in parts {
            var global = [Int32](repeating: -1, count: part.texts.count)
            var position = 0
            for (offset, innovation) in part.innovations.enumerated() {
                let end = position + Int(part.counts[offset].wrappedSum())
                for local in part.terms[position..<end] {
                    if global[Int(local)] < 0 { global[Int(local)] = intern(part.texts[Int(local)]) }
                    terms.append(global[Int(local)])
                }
                position = end
                for expansion in innovation.expansions where expansionTerms[Int(expansion)] == nil {
                    expansionTerms[Int(expansion)] = expansionWords[Int(expansion)].map { intern($0) }
                }
                starts.append(terms.count)
                fieldCounts.append(part.counts[offset])
                expansions.append(innovation.expansions)
                innovations.append(Self.withoutWords(innovation))
            }
        }
    }

    /// The term number of `word`, numbering it if new.
    private mutating func intern(_ word: String) -> Int32 {
        if let known = vocabulary[word] { return known }
        let id = Int32(termText.count)
        vocabulary[word] = id
        termText.append(word)
        return id
    }

    /// One part of a batch with its words numbered by a table of its own.
    struct NumberedPart: Sendable {
        var innovations: ArraySlice<MatchInnovation>
        var texts: [String] = []
        var terms: [Int32] = []
        var counts: [SIMD4<Int32>] = []
    }

    /// The batch cut into `partCount` parts, each part's words numbered on its own, all parts at once.
    static func numberedInParts(_ batch: [MatchInnovation], partCount: Int) -> [NumberedPart] {
        let size = (batch.count + partCount - 1) / max(1, partCount)
        let results = ResultSlots<NumberedPart>(count: partCount)
        DispatchQueue.concurrentPerform(iterations: partCount) { index in
            let range = min(batch.count, index * size)..<min(batch.count, (index + 1) * size)
            var part = NumberedPart(innovations: batch[range])
            var local: [String: Int32] = [:]
            part.counts.reserveCapacity(range.count)
            for innovation in part.innovations {
                let fields = Matcher.fields(innovation)
                for words in fields {
                    for word in words {
                        if let known = local[word] { part.terms.append(known); continue }
                        let id = Int32(part.texts.count)
                        local[word] = id
                        part.texts.append(word)
                        part.terms.append(id)
                    }
                }
                part.counts.append(SIMD4(Int32(fields[0].count), Int32(fields[1].count), Int32(fields[2].count),
                                         Int32(fields[3].count)))
            }
            results.set(index, part)
        }
        return results.values
    }

    /// The innovation without its words (the index keeps them), which halves peak memory at scale.
    static func withoutWords(_ innovation: MatchInnovation) -> MatchInnovation {
        var light = innovation
        light.titleWords = []
        light.summaryWords = []
        light.tagWords = []
        light.descriptionWords = []
        light.expansions = []
        return light
    }

    /// The length of each field of innovation `doc`, its concepts' words counting as tag words.
    func fieldLengths(_ doc: Int) -> SIMD4<Float> {
        var counts = fieldCounts[doc]
        for expansion in expansions[doc] { counts[2] += Int32(expansionTerms[Int(expansion)]?.count ?? 0) }
        return SIMD4<Float>(Float(counts[0]), Float(counts[1]), Float(counts[2]), Float(counts[3]))
    }

    /// Calls `visit(term, field)` for every word of innovation `doc`, its concepts' words as tag words.
    @inline(__always)
    func forEachTerm(_ doc: Int, _ visit: (Int32, Int) -> Void) {
        let counts = fieldCounts[doc]
        var position = starts[doc]
        for field in 0..<4 {
            let end = position + Int(counts[field])
            for index in position..<end { visit(terms[index], field) }
            position = end
        }
        for expansion in expansions[doc] {
            for term in expansionTerms[Int(expansion)] ?? [] { visit(term, 2) }
        }
    }
}
