import Foundation
import GRDB
import SolexCore
import SolexText

extension Catalogue {
    /// The published innovations and needs as the matcher reads them: their words as the search tokenizer cuts and
    /// folds them and the thesaurus concepts they name (as kept in their rows, see `MatchWords`, or worked out again
    /// when stale), their tags and context. Ordered by ref.
    public func matchCorpus() throws -> (innovations: [MatchInnovation], needs: [MatchNeed]) {
        try database.read { db in
            var innovations: [MatchInnovation] = []
            try Self.forEachInnovationBatch(db, thesaurus: thesaurus) { innovations += $0 }
            return (innovations, try Self.matchNeeds(db, thesaurus: thesaurus))
        }
    }

    /// The matcher over every published innovation, and the published needs, read in one transaction. The
    /// innovations go to the index batch by batch, so that their words are never all in memory as strings.
    public func matcherAndNeeds() throws -> (matcher: Matcher, needs: [MatchNeed]) {
        try database.read { db in
            var builder = MatchIndexBuilder(expansionWords: ConceptMatching.expansionWords(thesaurus))
            try Self.forEachInnovationBatch(db, thesaurus: thesaurus) { builder.add($0) }
            let needs = try Self.matchNeeds(db, thesaurus: thesaurus)
            return (Matcher(builder, geography: MatchGeography(reference)), needs)
        }
    }

    /// Reads the published innovations by ref, as the matcher reads them, in batches. Rows are read and converted
    /// in batches, so that the whole catalogue is never in memory twice (at 100,000 innovations that was the peak).
    static func forEachInnovationBatch(_ db: Database, thesaurus: ConceptThesaurus,
                                       _ body: ([MatchInnovation]) throws -> Void) throws {
        try MatchRow.forEachBatch(.innovation, db, thesaurus: thesaurus) { item, kept in
            ConceptMatching.innovation(Innovation(validated: item), kept: kept, thesaurus: thesaurus)
        } body: { try body($0) }
    }

    /// The published needs by ref, as the matcher reads them.
    static func matchNeeds(_ db: Database, thesaurus: ConceptThesaurus) throws -> [MatchNeed] {
        var needs: [MatchNeed] = []
        try MatchRow.forEachBatch(.need, db, thesaurus: thesaurus) { item, kept in
            ConceptMatching.need(Need(validated: item), kept: kept, thesaurus: thesaurus)
        } body: { needs += $0 }
        return needs
    }

    /// Hands the cursor's elements to `body` in batches of `size`.
    static func inBatches<C: Cursor>(_ cursor: C, size: Int = 8_192, _ body: ([C.Element]) throws -> Void) throws {
        var batch: [C.Element] = []
        batch.reserveCapacity(size)
        while let element = try cursor.next() {
            batch.append(element)
            if batch.count == size {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
    }

    /// The matcher over `innovations` (as `matchCorpus()` gives them), with the thesaurus's concept words.
    public func makeMatcher(_ innovations: [MatchInnovation]) -> Matcher {
        Matcher(innovations: innovations, geography: MatchGeography(reference),
                expansionWords: ConceptMatching.expansionWords(thesaurus))
    }
}

/// How the concept thesaurus takes part in matching, without changing the matcher itself. For each concept named in
/// an entry's text (in any language of the thesaurus):
///
/// - **Concept token.** Its token (`≈birth-registration`) is added to the words the matcher reads. The tokenizer never
///   produces such a token, so two entries that name the same concept in different words or languages share a word
///   that neither text contains, and it shows in the explanation's shared terms as it is.
/// - **Translations.** An innovation's tag words also get every word of every term of the concept, in every language;
///   a need's words get the words of the concept's name in each language. So a French need about "état civil" shares
///   "civil", "registry", "registro" with an English innovation on a "civil registry", and a need and an innovation
///   that name the same concept share several words, which weighs more than one shared word. These words can show in
///   the explanation's shared terms: they are the need's concepts in other words.
/// - **Suggested classification.** A need without themes (or without SDG targets) takes the best few that the
///   thesaurus suggests from its text, so that the theme and SDG components still count for bare problem statements.
///
/// Measured on the benchmark kit's 10k corpus (see docs/matching.md), each of the first two parts adds recall, for
/// needs in English and even more for needs in French, Spanish and Portuguese.
enum ConceptMatching {
    /// How many times an innovation's concept tokens are added to its tag words: three times, a shared concept
    /// weighs more than any one of its words, so it leads the explanation's shared terms (and recall gains a little).
    static let tokenRepeats = 3
    /// At most this many suggested themes fill a need's empty themes.
    static let suggestedThemes = 2
    /// At most this many suggested SDG targets fill a need's empty targets.
    static let suggestedTargets = 3
    /// A suggestion must have at least this share of the concepts found to be used.
    static let minimumShare = 0.15

    /// An innovation as the matcher reads it. `kept` holds its words in `MatchWords`'s layout (title, summary,
    /// description, then each tag) and maybe its concepts; what is not given is worked out from its text.
    static func innovation(_ item: Innovation, kept: MatchWords.Kept? = nil, thesaurus: ConceptThesaurus) -> MatchInnovation {
        let words = kept?.fields ?? MatchWords.words(.innovation, item.values)
        let title = words[0], summary = words[1], description = words[2], tags = Array(words.dropFirst(3))
        let concepts = kept?.concepts ?? MatchWords.concepts(in: words, thesaurus)
        var innovation = MatchInnovation(
            ref: item.ref, country: item.originCountry, titleWords: title, summaryWords: summary,
            tagWords: tags.flatMap { $0 }, descriptionWords: description, themes: item.themes,
            sdgTargets: item.sdgTargets, tags: item.tags, languages: item.languages, evidence: item.evidenceLevel,
            scale: item.scale)
        innovation.expansions = concepts.map { Int32($0) }
        return innovation
    }

    /// What each concept adds to the tag words of an innovation that names it: its token `tokenRepeats` times, then
    /// every word of every term in every language. The matcher reads these by index, so they are not copied into each
    /// innovation (at 100,000 innovations that copy alone took more than a gigabyte).
    static func expansionWords(_ thesaurus: ConceptThesaurus) -> [[String]] {
        thesaurus.concepts.indices.map { index in
            Array(repeating: thesaurus.concepts[index].token, count: tokenRepeats) + thesaurus.allWords(of: index)
        }
    }

    /// A need as the matcher reads it. `kept` holds its words in `MatchWords`'s layout (title, description, then
    /// each tag) and maybe its concepts; what is not given is worked out from its text.
    static func need(_ item: Need, kept: MatchWords.Kept? = nil, thesaurus: ConceptThesaurus) -> MatchNeed {
        let fields = kept?.fields ?? MatchWords.words(.need, item.values)
        let concepts = kept?.concepts ?? MatchWords.concepts(in: fields, thesaurus)
        var themes = item.themes, targets = item.sdgTargets
        if themes.isEmpty || targets.isEmpty {
            let suggested = thesaurus.suggest(words: Array(fields.joined(separator: [""])))  // "" keeps terms within a field
            if themes.isEmpty {
                themes = suggested.themes.filter { $0.score >= minimumShare }.prefix(suggestedThemes).map(\.id)
            }
            if targets.isEmpty {
                targets = suggested.sdgTargets.filter { $0.score >= minimumShare }.prefix(suggestedTargets).map(\.id)
            }
        }
        let added = concepts.map { thesaurus.concepts[$0].token } + concepts.flatMap { thesaurus.nameWords(of: $0) }
        return MatchNeed(ref: item.ref, country: item.country, words: fields.flatMap { $0 } + added, themes: themes,
                         sdgTargets: targets, tags: item.tags, languages: item.languages)
    }
}
