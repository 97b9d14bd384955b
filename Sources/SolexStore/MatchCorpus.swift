import Foundation
import GRDB
import SolexCore
import SolexText

extension Catalogue {
    /// The published innovations and needs as the matcher reads them: their words tokenized and folded with the
    /// search tokenizer (on every core), their tags and context. Ordered by ref.
    public func matchCorpus() throws -> (innovations: [MatchInnovation], needs: [MatchNeed]) {
        let (innovationEntries, needEntries) = try database.read { db in
            (try InnovationRecord.fetchAll(db, sql: "SELECT * FROM innovation WHERE status = 'published' ORDER BY ref").map(\.entry),
             try NeedRecord.fetchAll(db, sql: "SELECT * FROM need WHERE status = 'published' ORDER BY ref").map(\.entry))
        }
        let innovations = ParallelMap.map(innovationEntries) { _, entry in
            let item = Innovation(validated: entry.values)
            return MatchInnovation(
                ref: item.ref, country: item.originCountry, titleWords: WordTokenizer.tokens(item.title),
                summaryWords: WordTokenizer.tokens(item.summary), tagWords: WordTokenizer.tokens(item.tags.joined(separator: " ")),
                descriptionWords: WordTokenizer.tokens(item.description), themes: item.themes, sdgTargets: item.sdgTargets,
                tags: item.tags, languages: item.languages, evidence: item.evidenceLevel, scale: item.scale)
        }
        let needs = ParallelMap.map(needEntries) { _, entry in
            let item = Need(validated: entry.values)
            return MatchNeed(ref: item.ref, country: item.country,
                             words: WordTokenizer.tokens(item.title + "\n" + item.description + "\n" + item.tags.joined(separator: " ")),
                             themes: item.themes, sdgTargets: item.sdgTargets, tags: item.tags, languages: item.languages)
        }
        return (innovations, needs)
    }
}
