import Foundation
import GRDB
import SolexCore
@testable import SolexStore
import Testing

/// Each entry records the language it is written in.
@Suite struct EntryLanguageStoreTests {
    @Test func entriesStoredBeforeTheFieldTakeTheFirstOfTheirLanguages() throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        try Migrations.migrator.migrate(queue, upTo: "v9-list-order")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO country (alpha3, alpha2, numeric, name_en, name_fr, name_es, region_code, region, subregion_code, subregion, global_south, global_south_basis) VALUES ('BEN', 'BJ', '204', 'Benin', 'Bénin', 'Benín', 2, 'Africa', 202, 'Sub-Saharan Africa', 1, 'test')")
            for (ref, languages) in [("NEED-FR", #"["fr","en"]"#), ("NEED-ES", #"["es"]"#), ("NEED-NONE", "[]")] {
                try db.execute(sql: """
                    INSERT INTO need (ref, title, description, country, themes, sdg_targets, tags, support_types, languages, created,
                                      status, created_at, updated_at, created_by, updated_by)
                    VALUES (?, 't', 'd', 'BEN', '[]', '[]', '[]', '[]', ?, '2025-01-01', 'published', 0, 0, 'cli', 'cli')
                    """, arguments: [ref, languages])
            }
        }
        try Migrations.migrator.migrate(queue)
        let languages = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT ref, language FROM need ORDER BY ref").map { "\($0["ref"] as String)=\($0["language"] as String)" }
        }
        #expect(languages == ["NEED-ES=es", "NEED-FR=fr", "NEED-NONE=en"])
    }

    @Test func theLanguageIsStoredAndReadBack() throws {
        let catalogue = try Bootstrap.prepare(try AppDatabase.inMemory(), seeds: Seeds.directory)
        var input = Input.need("NEED-LANG")
        input["language"] = .text("es")
        input["languages"] = .list(["fr"])
        let stored = try catalogue.create(.need, input: input, actor: .commandLine)
        #expect(stored.values["language"] == .text("es"))
        #expect(stored.list("languages") == ["fr"])
        let again = try #require(try catalogue.entry(.need, ref: "NEED-LANG"))
        #expect(again.values["language"] == .text("es"))
        #expect(Need(validated: again.values).language == "es")
    }

    /// Matching works across languages: themes, SDG targets, tags and the concept thesaurus are shared by entries
    /// written in different languages.
    @Test func needsWrittenInFrenchOrSpanishMeetInnovationsWrittenInOtherLanguages() throws {
        let catalogue = try Bootstrap.prepare(try AppDatabase.inMemory(), seeds: Seeds.directory)
        try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory)
        let refs = ["NEED-BEN-001", "NEED-BOL-001", "NEED-GTM-001", "NEED-HTI-001", "NEED-MDG-001", "NEED-PRY-001", "NEED-SEN-001"]
        let needs = try refs.map { try #require(try catalogue.entry(.need, ref: $0)) }
        #expect(needs.allSatisfy { $0.values["language"] == .text("fr") || $0.values["language"] == .text("es") })
        for need in needs {
            let proposals = try catalogue.proposals(for: need, top: 3)
            let across = proposals.filter { _, innovation in innovation.values["language"] != need.values["language"] }
            #expect(!across.isEmpty, "\(need.ref): no proposal in another language")
            for (match, innovation) in across {
                let shared = match.explanation.sharedThemes.count + match.explanation.sharedTargets.count + match.explanation.sharedTags.count
                #expect(shared > 0, "\(need.ref) ↔ \(innovation.ref) shares no theme, target or tag")
            }
        }
        let benin = try #require(try catalogue.entry(.need, ref: "NEED-BEN-001"))
        #expect(try catalogue.proposals(for: benin, top: 3).map(\.1.ref).contains("INN-BGD-001"))
    }
}
