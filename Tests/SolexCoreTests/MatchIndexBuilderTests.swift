@testable import SolexCore
import Testing

/// The matcher's index can be fed in batches (the store reads 100,000 innovations that way); batching must change
/// nothing: not the terms' numbers, not the weights, not a single score.
@Suite("Match index builder")
struct MatchIndexBuilderTests {
    static let expansionWords = [["≈birth-registration", "≈birth-registration", "naissance", "registro"], ["cadastre", "catastro"]]

    /// The fixture's innovations, some naming concepts, and more made by repeating them under other refs.
    static var innovations: [MatchInnovation] {
        var innovations = MatchFixture.innovations
        innovations[0].expansions = [0]
        innovations[3].expansions = [1, 0]
        let copies = (0..<40).map { number in
            var copy = MatchFixture.innovations[number % 4]
            copy.ref = "INN-C\(number)"
            copy.country = ["BEN", "EST", "THA", "NPL", "BGD"][number % 5]
            copy.descriptionWords += ["copy", "number", "n\(number % 7)"]
            copy.expansions = number % 3 == 0 ? [Int32(number % 2)] : []
            return copy
        }
        return innovations + copies
    }

    static let needs = [
        MatchFixture.need("NEED-1", "NPL", "birth registration naissance", themes: ["civil-registration"]),
        MatchFixture.need("NEED-2", "BEN", "copy number n3 cadastre catastro", tags: ["cadastre"]),
        MatchFixture.need("NEED-3", "THA", "health insurance registro"),
    ]

    @Test("batches of any size give the same index and the same matches", arguments: [1, 3, 7, 44])
    func batching(size: Int) {
        let whole = Matcher(innovations: Self.innovations, geography: MatchFixture.geography, expansionWords: Self.expansionWords)
        var builder = MatchIndexBuilder(expansionWords: Self.expansionWords)
        for start in stride(from: 0, to: Self.innovations.count, by: size) {
            builder.add(Array(Self.innovations[start..<min(Self.innovations.count, start + size)]))
        }
        #expect(builder.count == Self.innovations.count)
        let batched = Matcher(builder, geography: MatchFixture.geography)
        #expect(batched.index.termText == whole.index.termText)
        #expect(batched.index.offsets == whole.index.offsets)
        #expect(batched.index.docs == whole.index.docs)
        #expect(batched.index.weights == whole.index.weights)
        let expected = whole.matches(for: Self.needs, top: 5)
        let actual = batched.matches(for: Self.needs, top: 5)
        #expect(actual.map { $0.map(\.innovation) } == expected.map { $0.map(\.innovation) })
        #expect(actual.map { $0.map(\.score) } == expected.map { $0.map(\.score) })
        #expect(expected.allSatisfy { !$0.isEmpty })
    }

    @Test("terms are numbered in order of first appearance, concept words after the innovation's own")
    func numbering() {
        var builder = MatchIndexBuilder(expansionWords: Self.expansionWords)
        var first = MatchFixture.innovation("INN-A", "BGD", title: "land records", description: "land office")
        first.expansions = [1]
        builder.add([first, MatchFixture.innovation("INN-B", "NPL", title: "records of births")])
        #expect(builder.termText == ["land", "records", "office", "cadastre", "catastro", "of", "births"])
        let matcher = Matcher(builder, geography: MatchFixture.geography)
        // "land" twice in INN-A; "records" in both innovations: two postings, INN-A first.
        let records = matcher.index.range(matcher.index.terms["records"]!)
        #expect(records.count == 2 && matcher.index.docs[records].elementsEqual([0, 1]))
        let cadastre = matcher.index.range(matcher.index.terms["cadastre"]!)
        #expect(cadastre.count == 1, "a concept's words count as words of the innovations that name it")
        #expect(matcher.innovations.allSatisfy { $0.titleWords.isEmpty && $0.expansions.isEmpty }, "words live in the index only")
    }
}

/// The parts and runs that work on several cores at once (used from a few thousand innovations on) must give the
/// index one part and one run give.
@Suite("Match index built on several cores")
struct MatchIndexPartsTests {
    /// Innovations enough for several parts, with words shared across them and concepts named here and there.
    static let innovations: [MatchInnovation] = (0..<1_500).map { number in
        var innovation = MatchFixture.innovation(
            String(format: "INN-%05d", number), ["BGD", "NPL", "BEN", "EST", "THA"][number % 5],
            title: "w\(number % 97) w\(number % 13) records", description: "w\(number % 31) w\(number % 7) w\(number) office w\(number % 97)",
            tags: ["t\(number % 11)"])
        innovation.expansions = number % 4 == 0 ? [Int32(number % 2)] : []
        return innovation
    }

    @Test("numbering in several parts and building in several runs change nothing", arguments: [(2, 2), (3, 1), (1, 3), (4, 5)])
    func partsAndRuns(parts: Int, runs: Int) {
        var single = MatchIndexBuilder(expansionWords: MatchIndexBuilderTests.expansionWords)
        single.add(Self.innovations, parts: 1)
        var split = MatchIndexBuilder(expansionWords: MatchIndexBuilderTests.expansionWords)
        split.add(Array(Self.innovations[..<700]), parts: parts)
        split.add(Array(Self.innovations[700...]), parts: parts)
        #expect(split.termText == single.termText)
        #expect(split.terms == single.terms)
        let expected = PostingIndex.build(single, fieldWeights: Matcher.fieldWeights, k1: Matcher.k1, b: Matcher.b, runs: 1)
        let actual = PostingIndex.build(split, fieldWeights: Matcher.fieldWeights, k1: Matcher.k1, b: Matcher.b, runs: runs)
        #expect(actual.offsets == expected.offsets)
        #expect(actual.docs == expected.docs)
        #expect(actual.weights == expected.weights)
        #expect(expected.docs.count > 10_000, "enough postings for the runs to share terms")
    }

    @Test("a document's position in a term's postings is found, and an absent document is not")
    func positionOfDocument() {
        var builder = MatchIndexBuilder(expansionWords: MatchIndexBuilderTests.expansionWords)
        builder.add(Self.innovations, parts: 1)
        let index = PostingIndex.build(builder, fieldWeights: Matcher.fieldWeights, k1: Matcher.k1, b: Matcher.b, runs: 1)
        var mismatches: [String] = []
        var found = 0
        for term in 0..<Int32(index.termText.count) {
            let range = index.range(term)
            let positions = Dictionary(uniqueKeysWithValues: range.map { (index.docs[$0], $0) })
            // Each posting's document and its neighbours (absent ones between, before and after the list), the first
            // and last documents of the catalogue.
            let tried = Set(range.flatMap { [index.docs[$0] - 1, index.docs[$0], index.docs[$0] + 1] } + [0, Int32(Self.innovations.count - 1)])
            for doc in tried {
                let position = index.position(of: doc, term: term)
                if position != positions[doc] { mismatches.append("term \(term) doc \(doc): \(String(describing: position))") }
                if position != nil { found += 1 }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(found == index.docs.count)
    }
}
