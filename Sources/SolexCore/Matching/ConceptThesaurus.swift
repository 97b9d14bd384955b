import Foundation

/// One concept of the thesaurus: a public-service notion (birth registration, mobile money, school dropout, ...) with
/// the words that name it in several languages, the theme it belongs to and the SDG targets it serves.
public struct Concept: Sendable, Hashable {
    /// Stable id in English words joined by hyphens, e.g. `birth-registration`.
    public let id: String
    /// The slug of the concept's theme.
    public let theme: String
    /// SDG target ids the concept serves, e.g. `16.9`.
    public let sdgTargets: [String]
    /// The terms as written, by language code (`en`, `fr`, ...), for display and storage. The first term of a
    /// language is the concept's name in that language.
    public let names: [String: [String]]
    /// The terms by language code, in the same order as `names`, each already cut into words and folded the way
    /// entry text is (by the store's tokenizer). Empty terms are ignored.
    public let terms: [String: [[String]]]

    public init(id: String, theme: String, sdgTargets: [String], names: [String: [String]] = [:], terms: [String: [[String]]]) {
        self.id = id
        self.theme = theme
        self.sdgTargets = sdgTargets
        self.names = names
        self.terms = terms
    }

    /// The concept's name for people: its first English term, else its id.
    public var label: String { names["en"]?.first ?? id }

    /// The concept as a word for the matcher: `≈` and the id (`≈birth-registration`). The tokenizer never produces
    /// it (it drops `≈` and cuts words at hyphens), so it can only come from the thesaurus, and it reads well in an
    /// explanation's shared terms.
    public var token: String { ConceptThesaurus.tokenPrefix + id }

    /// The languages of the terms, in a fixed order.
    var languages: [String] { terms.keys.sorted() }
}

/// Where a concept was found in a sequence of words.
public struct ConceptHit: Sendable, Hashable {
    /// The index of the concept in the thesaurus' `concepts`.
    public let concept: Int
    /// The words of the sequence that name it.
    public let range: Range<Int>

    public init(concept: Int, range: Range<Int>) {
        self.concept = concept
        self.range = range
    }
}

/// A suggested theme, SDG target or concept with its score (its share of the evidence found, 0 to 1).
public struct ConceptSuggestion: Sendable, Hashable {
    /// The theme slug, target id or concept id.
    public let id: String
    /// The score, higher is stronger.
    public let score: Double

    public init(id: String, score: Double) {
        self.id = id
        self.score = score
    }
}

/// What a text suggests: themes, SDG targets and the concepts behind them, best first.
public struct ConceptSuggestions: Sendable, Hashable {
    public var themes: [ConceptSuggestion]
    public var sdgTargets: [ConceptSuggestion]
    public var concepts: [ConceptSuggestion]

    public init(themes: [ConceptSuggestion] = [], sdgTargets: [ConceptSuggestion] = [], concepts: [ConceptSuggestion] = []) {
        self.themes = themes
        self.sdgTargets = sdgTargets
        self.concepts = concepts
    }

    /// Whether nothing was found.
    public var isEmpty: Bool { themes.isEmpty && sdgTargets.isEmpty && concepts.isEmpty }
}

/// A multilingual concept thesaurus: finds concepts in already tokenized and folded text, in any of the languages of
/// its terms, and suggests themes and SDG targets from them. Pure and deterministic.
///
/// Matching is tolerant in two ways that suit English, French, Spanish and Portuguese alike: a final `s` is ignored
/// on words of more than three letters (so singular and plural meet), and after the first word of a term, function
/// words (`StopWords`, negations excepted) are ignored on both sides, at most three in a row (so "enregistrement des
/// naissances" also finds "enregistrement de la naissance", and "registro de nacimientos" finds "registro de los
/// nacimientos").
public struct ConceptThesaurus: Sendable {
    /// The first character of a concept token.
    public static let tokenPrefix = "≈"
    /// At most this many function words are skipped between two words of a term.
    static let maximumGap = 3
    /// Function words that are never skipped, because they change what a term means ("enfermedades no
    /// transmisibles" is not "enfermedades transmisibles").
    static let negations: Set<String> = ["no", "not", "non", "nao", "sin", "sans", "sem", "without", "ni", "nem", "ne", "pas"]

    /// The concepts in the order given.
    public let concepts: [Concept]
    /// The terms as a tree of word keys: `roots` maps every surface form of a term's first word (each word whose key
    /// is that word's key) to a node; each node leads on by the keys of the terms' next content words and lists the
    /// concepts whose terms end there.
    private let roots: [String: Int32]
    /// A bit per word shape (see `shape(_:)`) of every key of `roots`: a word whose shape has no bit starts no term,
    /// so most words of a text are passed over without hashing them.
    private let rootShapes: [UInt64]
    private let nodes: [(next: [String: Int32], concepts: [Int])]
    private let indexByID: [String: Int]
    /// Per concept: the words of all its terms, and the words of its name in each language (function words left out).
    private let allWords: [[String]]
    /// Changes whenever what `conceptIndices(in:)` finds may change: the concepts, their order or their terms, or
    /// `findingVersion`. Concepts found earlier under another fingerprint are found again.
    public let fingerprint: String
    private let nameWords: [[String]]

    /// An empty thesaurus: finds nothing.
    public static let empty = ConceptThesaurus(concepts: [])

    /// Builds the lookup tables. Terms are compared after `key(_:)`; a term given twice for one concept counts once.
    public init(concepts: [Concept]) {
        self.concepts = concepts
        var roots: [String: Int32] = [:], rootByKey: [String: Int32] = [:]
        var nodes: [(next: [String: Int32], concepts: [Int])] = []
        func child(of parent: Int32?, _ word: String) -> Int32 {
            if let parent, let known = nodes[Int(parent)].next[word] { return known }
            if parent == nil, let known = rootByKey[word] { return known }
            let created = Int32(nodes.count)
            nodes.append(([:], []))
            if let parent { nodes[Int(parent)].next[word] = created } else {
                rootByKey[word] = created
                for form in [word, word + "s"] where Self.key(form) == word { roots[form] = created }
            }
            return created
        }
        for (index, concept) in concepts.enumerated() {
            for language in concept.languages {
                for term in concept.terms[language] ?? [] {
                    guard let pattern = Self.pattern(term) else { continue }
                    var node = child(of: nil, pattern[0])
                    for word in pattern.dropFirst() { node = child(of: node, word) }
                    if !nodes[Int(node)].concepts.contains(index) { nodes[Int(node)].concepts.append(index) }
                }
            }
        }
        self.roots = roots
        var shapes = [UInt64](repeating: 0, count: Self.shapeCount / 64)
        for form in roots.keys {
            let shape = Self.shape(form)
            shapes[shape >> 6] |= 1 << UInt64(shape & 63)
        }
        self.rootShapes = shapes
        self.nodes = nodes
        self.indexByID = Dictionary(concepts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func contentWords(_ terms: [[String]]) -> [String] {
            var seen = Set<String>()
            return terms.joined().filter { !$0.isEmpty && !StopWords.all.contains($0) && seen.insert($0).inserted }
        }
        self.allWords = concepts.map { concept in contentWords(concept.languages.flatMap { concept.terms[$0] ?? [] }) }
        self.nameWords = concepts.map { concept in contentWords(concept.languages.compactMap { concept.terms[$0]?.first }) }
        self.fingerprint = Self.fingerprint(of: concepts)
    }

    /// The index of the concept with this id.
    public func index(of id: String) -> Int? { indexByID[id] }

    /// The concept with this id.
    public func concept(_ id: String) -> Concept? { indexByID[id].map { concepts[$0] } }

    /// The words of every term of the concept at `index`, in every language, once each, function words left out.
    public func allWords(of index: Int) -> [String] { allWords[index] }

    /// The words of the concept's name (first term) in each language, once each, function words left out.
    public func nameWords(of index: Int) -> [String] { nameWords[index] }

    /// The number of word shapes.
    static let shapeCount = 1 << 16

    /// A word's shape: a number below `shapeCount` from its length and its first, second and last bytes. Equal words
    /// have equal shapes; most different words have different ones.
    @inline(__always)
    static func shape(_ word: String) -> Int {
        let utf8 = word.utf8
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        let count = utf8.count
        let second = count > 1 ? utf8[utf8.index(after: utf8.startIndex)] : 0
        return (Int(first) &* 31 &+ Int(second) &* 131 &+ Int(last) &* 7 &+ count &* 1031) & (shapeCount - 1)
    }

    /// Whether `word` may start a term (no false negatives).
    @inline(__always)
    private func mayStartTerm(_ word: String) -> Bool {
        let shape = Self.shape(word)
        return rootShapes[shape >> 6] & (1 << UInt64(shape & 63)) != 0
    }

    /// The comparison key of a word: a final `s` dropped from words longer than three characters.
    public static func key(_ word: String) -> String {
        guard word.utf8.last == UInt8(ascii: "s"), word.unicodeScalars.count > 3 else { return word }
        return String(word.dropLast())
    }

    /// Whether a word may be skipped inside a term: a function word that is not a negation.
    static func isSkippable(_ word: String) -> Bool { StopWords.all.contains(word) && !negations.contains(word) }

    /// A term as its first word's key followed by the keys of its other content words; nil for an empty term.
    private static func pattern(_ term: [String]) -> [String]? {
        guard let first = term.first(where: { !$0.isEmpty }) else { return nil }
        var words = term.drop { $0.isEmpty }.dropFirst().filter { !$0.isEmpty && !isSkippable($0) }.map(key)
        words.insert(key(first), at: 0)
        return words
    }

    /// The concepts named in `words` (tokenized and folded), left to right. At each position the longest term that
    /// starts there wins and the search goes on after it, so hits never overlap; a term that names several concepts
    /// gives one hit for each, with the same range. An empty word belongs to no term, so it can separate fields.
    public func hits(in words: [String]) -> [ConceptHit] {
        guard !roots.isEmpty else { return [] }
        var hits: [ConceptHit] = []
        var position = 0
        while position < words.count {
            guard mayStartTerm(words[position]), let root = roots[words[position]] else {
                position += 1
                continue
            }
            // Walk down the tree as far as the words allow; the deepest node that ends a term wins.
            var node = Int(root), index = position + 1, skipped = 0
            var best: (end: Int, concepts: [Int])? = nodes[node].concepts.isEmpty ? nil : (index, nodes[node].concepts)
            while index < words.count && !nodes[node].next.isEmpty {
                if let next = nodes[node].next[Self.key(words[index])] {
                    node = Int(next)
                    index += 1
                    skipped = 0
                    if !nodes[node].concepts.isEmpty { best = (index, nodes[node].concepts) }
                } else if skipped < Self.maximumGap && Self.isSkippable(words[index]) {
                    index += 1
                    skipped += 1
                } else {
                    break
                }
            }
            if let best {
                for concept in best.concepts { hits.append(ConceptHit(concept: concept, range: position..<best.end)) }
                position = best.end
            } else {
                position += 1
            }
        }
        return hits
    }

    /// The indices of the concepts named in `words`, once each, in order of first appearance.
    public func conceptIndices(in words: [String]) -> [Int] {
        var seen = Set<Int>()
        return hits(in: words).compactMap { seen.insert($0.concept).inserted ? $0.concept : nil }
    }

    /// The tokens (`Concept.token`) of the concepts named in `words`, once each, in order of first appearance.
    public func tokens(in words: [String]) -> [String] {
        conceptIndices(in: words).map { concepts[$0].token }
    }

    /// Themes, SDG targets and concepts suggested by `words` (tokenized and folded), best first, ties by id (targets
    /// in official order).
    ///
    /// Each concept found weighs `1 + ln(n)` for its `n` hits. A theme's score is the weight of its concepts as a
    /// share of the weight of every concept found; a target's score is the weight of the concepts that list it, as a
    /// share of the same total; a concept's score is its own share. Text without any concept suggests nothing.
    public func suggest(words: [String]) -> ConceptSuggestions {
        var counts: [Int: Int] = [:]
        for hit in hits(in: words) { counts[hit.concept, default: 0] += 1 }
        guard !counts.isEmpty else { return ConceptSuggestions() }
        let weights = counts.mapValues { 1 + log(Double($0)) }
        let total = weights.values.reduce(0, +)
        var themes: [String: Double] = [:]
        var targets: [String: Double] = [:]
        for (index, weight) in weights {
            let concept = concepts[index]
            themes[concept.theme, default: 0] += weight
            for target in Set(concept.sdgTargets) { targets[target, default: 0] += weight }
        }
        func ranked(_ scores: [String: Double], by order: (String, String) -> Bool) -> [ConceptSuggestion] {
            scores.map { ConceptSuggestion(id: $0.key, score: $0.value / total) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : order($0.id, $1.id) }
        }
        return ConceptSuggestions(
            themes: ranked(themes, by: <),
            sdgTargets: ranked(targets, by: Self.targetOrder),
            concepts: ranked(Dictionary(weights.map { (concepts[$0.key].id, $0.value) }, uniquingKeysWith: +), by: <))
    }

    /// SDG target ids in official order: by goal number, then numbered targets by number before lettered ones.
    public static func targetOrder(_ a: String, _ b: String) -> Bool {
        func parts(_ id: String) -> (Int, Int, String) {
            let pieces = id.split(separator: ".", maxSplits: 1).map(String.init)
            let goal = Int(pieces.first ?? "") ?? Int.max
            let rest = pieces.count > 1 ? pieces[1] : ""
            if let number = Int(rest) { return (goal, number, "") }
            return (goal, Int.max, rest)
        }
        let (x, y) = (parts(a), parts(b))
        return x.0 != y.0 ? x.0 < y.0 : x.1 != y.1 ? x.1 < y.1 : x.2 < y.2
    }
}
