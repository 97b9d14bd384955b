import Foundation
import SolexCore
@testable import SolexStore
import Testing

@Suite("Bootstrap")
struct BootstrapTests {
    private func demoCount(_ kind: EntryKind) throws -> Int {
        try String(contentsOf: Paths.demo(kind, .jsonl), encoding: .utf8).split(separator: "\n").count
    }

    @Test("prepare loads the seed vocabularies")
    func prepare() throws {
        let catalogue = try Bootstrap.prepare(try AppDatabase.inMemory(), seeds: Seeds.directory)
        #expect(catalogue.reference.countries.count == 249)
        #expect(catalogue.reference.targets.count == 169)
        #expect(catalogue.reference.themes.count == 16)
        #expect(catalogue.reference.goals.count == 17)
        #expect(catalogue.reference.languages == Seeds.reference.languages)
        #expect(try catalogue.counts() == CatalogueCounts(innovations: 0, needs: 0, countries: 0))
    }

    @Test("The demo loads into an empty catalogue, published, by the system")
    func loadsWhenEmpty() throws {
        let catalogue = try makeCatalogue()
        #expect(try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory))
        #expect(try catalogue.storedCount(.innovation) == demoCount(.innovation))
        #expect(try catalogue.storedCount(.need) == demoCount(.need))
        for kind in EntryKind.allCases {
            #expect(try catalogue.allEntries(kind).allSatisfy { $0.metadata.status == .published && $0.metadata.createdBy == "system" })
        }
        // Not again: the catalogue is no longer empty.
        #expect(try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory) == false)
        #expect(try catalogue.storedCount(.innovation) == demoCount(.innovation))
    }

    @Test("The demo does not load into a catalogue with entries unless forced", arguments: EntryKind.allCases)
    func notWhenNotEmpty(_ kind: EntryKind) throws {
        let catalogue = try makeCatalogue()
        switch kind {
        case .innovation: try catalogue.create(.innovation, input: Input.innovation("MINE-1"), status: .archived, actor: .commandLine)
        case .need: try catalogue.create(.need, input: Input.need("MINE-1"), status: .draft, actor: .commandLine)
        }
        #expect(try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory) == false)
        #expect(try catalogue.storedCount(.innovation) + catalogue.storedCount(.need) == 1)

        #expect(try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory, force: true))
        let other: EntryKind = kind == .innovation ? .need : .innovation
        #expect(try catalogue.storedCount(kind) == demoCount(kind) + 1)
        #expect(try catalogue.storedCount(other) == demoCount(other))
        #expect(try catalogue.entry(kind, ref: "MINE-1")?.metadata.createdBy == "cli")
    }

    @Test("Forcing the demo again replaces the demo entries instead of adding them")
    func forceTwice() throws {
        let catalogue = try makeCatalogue()
        try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory)
        try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory, force: true)
        #expect(try catalogue.storedCount(.innovation) == demoCount(.innovation))
        #expect(try catalogue.storedCount(.need) == demoCount(.need))
    }
}
