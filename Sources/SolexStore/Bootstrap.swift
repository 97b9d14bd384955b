import Foundation
import SolexCore

/// Brings a database to a usable state: migrated, with the reference vocabularies loaded from the seed folder.
public enum Bootstrap {
    /// Opens (creating if needed) the database at `path`, migrates it, loads the reference data of `seeds`,
    /// and returns the catalogue service over it.
    public static func open(databaseAt path: String, seeds: SeedDirectory) throws -> Catalogue {
        try prepare(try AppDatabase.openFile(at: path), seeds: seeds)
    }

    /// Loads the reference data of `seeds` into `database` (already migrated) and returns the catalogue over it.
    public static func prepare(_ database: AppDatabase, seeds: SeedDirectory) throws -> Catalogue {
        try database.saveReferenceData(try seeds.referenceData())
        let catalogue = Catalogue(database: database, reference: try database.referenceData())
        try catalogue.refreshMatchWords()
        return catalogue
    }

    /// Loads the demo innovations and needs of `seeds` as published entries when the catalogue is empty, or always
    /// when `force` is set (entries with the same reference are replaced); with `network`, then the network's demo
    /// members and adoptions (`loadNetworkDemo`), as `solex serve` and `solex seed --demo` do. Returns whether anything
    /// was loaded.
    @discardableResult
    public static func loadDemo(into catalogue: Catalogue, seeds: SeedDirectory, force: Bool = false, network: Bool = false) throws -> Bool {
        let isEmpty = try catalogue.storedCount(.innovation) == 0 && catalogue.storedCount(.need) == 0
        guard force || isEmpty else { return false }
        for kind in EntryKind.allCases {
            _ = try catalogue.importFile(kind, from: seeds.demoFile(kind), format: .jsonl, status: .published, actor: .system)
        }
        if network { try loadNetworkDemo(into: catalogue, seeds: seeds) }
        return true
    }
}
