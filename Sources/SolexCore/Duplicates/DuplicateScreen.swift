import Foundation

/// What the duplicate screen compares of one entry: its country, its themes and the words of its title and text,
/// already folded by the store's tokenizer. Function words and one-letter words are left out on creation.
public struct DuplicateProfile: Sendable, Hashable {
    /// The entry's reference ("" for an entry that is being registered).
    public var ref: String
    /// The origin country of an innovation, the country of a need.
    public var country: String
    /// The entry's theme codes.
    public var themes: Set<String>
    /// The distinct words of the title.
    public var titleWords: Set<String>
    /// The distinct words of the title and the summary (innovations) or description (needs), plus concept tokens.
    public var textWords: Set<String>

    /// A profile from folded words; `concepts` are the language-independent concept tokens found in the text.
    public init(ref: String, country: String, themes: [String], titleWords: [String], textWords: [String],
                concepts: [String] = []) {
        self.ref = ref
        self.country = country
        self.themes = Set(themes)
        self.titleWords = Self.meaningful(titleWords)
        self.textWords = Self.meaningful(titleWords + textWords).union(concepts)
    }

    static func meaningful(_ words: [String]) -> Set<String> {
        Set(words.filter { $0.count > 1 && !StopWords.all.contains($0) })
    }
}

/// How close two entries are, component by component.
public struct DuplicateSimilarity: Sendable, Hashable, Codable {
    /// Dice coefficient of the title words (0...1).
    public var title: Double
    /// Dice coefficient of the text words (0...1).
    public var text: Double
    /// The combined score the threshold applies to (0...1).
    public var score: Double
    /// Themes both entries have, sorted.
    public var sharedThemes: [String]
}

/// One existing entry that looks like the entry being registered.
public struct DuplicateCandidate: Sendable, Hashable {
    public var ref: String
    public var similarity: DuplicateSimilarity
}

/// Finds existing entries that look like the same innovation or need: same country, a shared theme (when both have
/// themes) and close text. Pure and deterministic; docs/duplicates.md explains the score and how the threshold was
/// chosen.
public enum DuplicateScreen {
    /// Weight of the title in the score; the text (title and summary or description) has the rest.
    public static let titleWeight = 0.5
    /// The score from which an entry is a likely duplicate.
    public static let threshold = 0.45

    /// The similarity of `probe` and `other`, or nil when they cannot be the same entry (another country, no theme
    /// in common, or the same reference).
    public static func similarity(_ probe: DuplicateProfile, _ other: DuplicateProfile) -> DuplicateSimilarity? {
        guard probe.country == other.country, probe.ref.isEmpty || probe.ref != other.ref else { return nil }
        let shared = probe.themes.intersection(other.themes)
        if !probe.themes.isEmpty, !other.themes.isEmpty, shared.isEmpty { return nil }
        let title = dice(probe.titleWords, other.titleWords)
        let text = dice(probe.textWords, other.textWords)
        let score = titleWeight * title + (1 - titleWeight) * text
        return DuplicateSimilarity(title: title, text: text, score: score, sharedThemes: shared.sorted())
    }

    /// The entries among `others` whose score reaches `threshold`, best first (ties by reference), at most `limit`.
    public static func likelyDuplicates(of probe: DuplicateProfile, among others: [DuplicateProfile],
                                        threshold: Double = threshold, limit: Int = 5) -> [DuplicateCandidate] {
        others.compactMap { other -> DuplicateCandidate? in
            guard let similarity = similarity(probe, other), similarity.score >= threshold else { return nil }
            return DuplicateCandidate(ref: other.ref, similarity: similarity)
        }
        .sorted { ($0.similarity.score, $1.ref) > ($1.similarity.score, $0.ref) }
        .prefix(max(0, limit)).map { $0 }
    }

    /// 2|A ∩ B| / (|A| + |B|), 0 when both are empty.
    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        let total = a.count + b.count
        return total == 0 ? 0 : Double(2 * a.intersection(b).count) / Double(total)
    }
}
