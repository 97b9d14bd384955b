import Foundation
import GRDB
import SolexCore
import Testing
@testable import SolexStore

@Suite("Merging duplicate entries")
struct MergeTests {
    static let benin = Actor(name: "fp@ben.example", channel: .web, role: .focalPoint, country: "BEN")

    /// Two innovations of Bangladesh, the second with extra themes and tags, and a pair status on the second.
    static func catalogue() throws -> Catalogue {
        let catalogue = try makeCatalogue()
        var keep = Input.innovation("INN-BGD-001", title: "Online birth registration", themes: ["civil-registration"])
        keep["tags"] = .list(["birth"])
        var duplicate = Input.innovation("INN-BGD-002", title: "Birth registration online", themes: ["civil-registration", "digital-government"])
        duplicate["tags"] = .list(["birth", "udc"])
        duplicate["sdg_targets"] = .list(["16.9"])
        try catalogue.create(.innovation, input: keep, status: .published, actor: .commandLine)
        try catalogue.create(.innovation, input: duplicate, status: .submitted, actor: .commandLine)
        try catalogue.create(.need, input: Input.need("NEED-BEN-001"), status: .published, actor: .commandLine)
        try catalogue.database.write { db in
            try db.execute(sql: """
                INSERT INTO pair_status (need_ref, innovation_ref, status, note, updated_at, updated_by)
                VALUES ('NEED-BEN-001', 'INN-BGD-002', 'contacted', 'first call', 0, 'cli');
                INSERT INTO pair_status_event (need_ref, innovation_ref, from_status, to_status, note, created_at, created_by)
                VALUES ('NEED-BEN-001', 'INN-BGD-002', 'proposed', 'contacted', 'first call', 0, 'cli');
                """)
        }
        return catalogue
    }

    @Test("the kept entry gains the lists it lacked; the duplicate's fields, history and pair follow-up are kept and carried over")
    func mergeKeepsEverything() throws {
        let catalogue = try Self.catalogue()
        let kept = try catalogue.merge(.innovation, keep: "INN-BGD-001", duplicate: "INN-BGD-002", actor: .commandLine)
        #expect(kept.list("themes") == ["civil-registration", "digital-government"])
        #expect(kept.list("tags") == ["birth", "udc"])
        #expect(kept.list("sdg_targets") == ["16.9"])
        #expect(kept.metadata.status == .published)
        #expect(try catalogue.entry(.innovation, ref: "INN-BGD-002") == nil)
        #expect(try catalogue.mergedInto(.innovation, ref: "INN-BGD-002") == "INN-BGD-001")
        let record = try #require(try catalogue.merges(into: "INN-BGD-001", kind: .innovation).first)
        #expect(record.snapshot.contains("\"title\": \"Birth registration online\"") || record.snapshot.contains("\"title\":\"Birth registration online\""))
        let history = try catalogue.history(.innovation, ref: "INN-BGD-001", actor: .commandLine)
        #expect(history.map { "\($0.action) \($0.subjectRef)" } == [
            "create INN-BGD-001", "create INN-BGD-002", "merge INN-BGD-001", "merge INN-BGD-002",
        ])
        let pairs = try catalogue.database.read { db in
            try Row.fetchAll(db, sql: "SELECT innovation_ref, status FROM pair_status").map { "\($0[0] as String) \($0[1] as String)" }
        }
        #expect(pairs.sorted() == ["INN-BGD-001 contacted", "INN-BGD-002 contacted"])
        let events = try catalogue.database.read { db in
            try Row.fetchAll(db, sql: "SELECT innovation_ref, note FROM pair_status_event ORDER BY id").map { "\($0[0] as String): \($0[1] as String)" }
        }
        #expect(events == ["INN-BGD-002: first call", "INN-BGD-001: carried over from INN-BGD-002 (merged into INN-BGD-001)"])
    }

    @Test("merging again follows the chain: an address merged twice still leads to the entry kept last")
    func chainedMerges() throws {
        let catalogue = try Self.catalogue()
        try catalogue.create(.innovation, input: Input.innovation("INN-BGD-003", themes: ["civil-registration"]), actor: .commandLine)
        try catalogue.merge(.innovation, keep: "INN-BGD-001", duplicate: "INN-BGD-002", actor: .commandLine)
        try catalogue.merge(.innovation, keep: "INN-BGD-003", duplicate: "INN-BGD-001", actor: .commandLine)
        #expect(try catalogue.mergedInto(.innovation, ref: "INN-BGD-002") == "INN-BGD-003")
        #expect(try catalogue.mergedInto(.innovation, ref: "INN-BGD-001") == "INN-BGD-003")
        let refs = Set(try catalogue.history(.innovation, ref: "INN-BGD-003", actor: .commandLine).map(\.subjectRef))
        #expect(refs == ["INN-BGD-001", "INN-BGD-002", "INN-BGD-003"])
    }

    @Test("refused merges change nothing", arguments: [
        ("INN-BGD-001", "INN-BGD-001", "duplicate: must be another innovation than INN-BGD-001"),
        ("INN-BGD-001", "INN-BGD-404", "duplicate: no innovation has the reference INN-BGD-404"),
    ])
    func refused(keep: String, duplicate: String, message: String) throws {
        let catalogue = try Self.catalogue()
        #expect {
            try catalogue.merge(.innovation, keep: keep, duplicate: duplicate, actor: .commandLine)
        } throws: { error in
            guard case CatalogueError.invalid(let failure) = error else { return false }
            return failure.errors.map { "\($0.field): \($0.reason)" } == [message]
        }
        #expect(try catalogue.entry(.innovation, ref: "INN-BGD-002") != nil)
    }

    @Test("only the secretariat merges")
    func onlyReviewersMerge() throws {
        let catalogue = try Self.catalogue()
        #expect(throws: CatalogueError.self) {
            try catalogue.merge(.innovation, keep: "INN-BGD-001", duplicate: "INN-BGD-002", actor: Self.benin)
        }
        #expect(throws: CatalogueError.signInRequired) {
            try catalogue.merge(.innovation, keep: "INN-BGD-001", duplicate: "INN-BGD-002", actor: .webVisitor)
        }
        #expect(try catalogue.entry(.innovation, ref: "INN-BGD-002") != nil)
    }
}
