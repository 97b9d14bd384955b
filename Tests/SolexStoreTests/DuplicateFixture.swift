import Foundation
import SolexCore
@testable import SolexStore

/// Tests/Fixtures/duplicates/cases.json: stored entries and probes (entries being registered) with the duplicates
/// each must be warned about.
struct DuplicateFixture: Decodable {
    struct Item: Decodable, Sendable {
        var id: String?
        var kind: String
        var ref: String?
        var country: String
        var themes: [String]
        var title: String
        var text: String
        var duplicates: [String]?

        var entryKind: EntryKind { kind == "need" ? .need : .innovation }

        /// Valid input for the item with defaults for the fields the screen does not read.
        var input: FieldValues {
            var values = entryKind == .innovation
                ? Input.innovation(ref ?? "INN-NEW-001", title: title, country: country, themes: themes)
                : Input.need(ref ?? "NEED-NEW-001", title: title, country: country, themes: themes)
            values[entryKind == .innovation ? "summary" : "description"] = .text(text)
            return values
        }

        var query: DuplicateQuery { DuplicateQuery(kind: entryKind, input: input) }
    }

    var existing: [Item]
    var probes: [Item]

    static let url = Paths.repository.appendingPathComponent("Tests/Fixtures/duplicates/cases.json")

    static func load() throws -> DuplicateFixture {
        try JSONDecoder().decode(DuplicateFixture.self, from: Data(contentsOf: url))
    }

    /// A catalogue holding the fixture's existing entries, published.
    static func catalogue() throws -> (Catalogue, DuplicateFixture) {
        let fixture = try load()
        let catalogue = try makeCatalogue()
        for item in fixture.existing {
            try catalogue.create(item.entryKind, input: item.input, status: .published, actor: .commandLine)
        }
        return (catalogue, fixture)
    }
}
