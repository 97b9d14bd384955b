import Foundation
import GRDB
import SolexCore

/// Why a catalogue use case did not happen.
public enum CatalogueError: Error, Sendable, Equatable {
    /// No entry of that kind has that reference.
    case notFound(EntryKind, String)
    /// The input broke the rules; every problem is listed.
    case invalid(ValidationFailure)
}

/// The catalogue's use cases: the one service that web forms, the JSON API and the CLI all call.
/// Every write takes the actor performing it and runs in one transaction.
public struct Catalogue: Sendable {
    /// The store.
    public let database: AppDatabase
    /// The vocabularies entries are checked against.
    public let reference: ReferenceData
    /// The entry validator.
    public let validator: EntryValidator
    /// The clock, replaceable in tests.
    let now: @Sendable () -> Date
    /// The in-memory facet values of the search index, shared by every copy of this catalogue.
    let facetCache = FacetIndexCache()
    /// Recent search results, valid while the index does not change.
    let searchCache = SearchResultCache<SearchResult>(capacity: 512)
    /// The matcher over the published innovations (see `proposals(for:)`).
    let matcherCache = MatcherCache()
    /// Each innovation's needs, from every need's proposals (see `needsAnswered(by:)`).
    let needsAnsweredCache = NeedsAnsweredCache()
    /// The index generation known without reading the database (see `GenerationClock`).
    let generationClock = GenerationClock()

    /// Creates the service over a migrated, seeded database.
    public init(database: AppDatabase, reference: ReferenceData, now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.reference = reference
        self.validator = EntryValidator(reference: reference)
        self.now = now
    }

    /// The entry of `kind` with reference `ref`.
    public func entry(_ kind: EntryKind, ref: String) throws -> StoredEntry? {
        try database.read { db in try Self.fetch(kind, ref: ref, db) }
    }

    /// Validates and stores a new entry. A reference already in use is a validation error on `ref`.
    @discardableResult
    public func create(_ kind: EntryKind, input: FieldValues, status: EntryStatus = .submitted, actor: Actor) throws -> StoredEntry {
        let values = try validated(input, kind)
        let entry = StoredEntry(kind: kind, values: values, metadata: EntryMetadata(status: status, actor: actor, now: now()))
        return try database.write { db in
            if try Self.fetch(kind, ref: entry.ref, db) != nil {
                throw CatalogueError.invalid(ValidationFailure([FieldError(field: "ref", reason: "is already used by another \(kind.rawValue)")]))
            }
            return try Self.insert(entry, db)
        }
    }

    /// Validates and replaces the fields of the entry `ref`. The reference itself cannot change: a different
    /// `ref` in the input is a validation error; a missing one is taken from the path.
    @discardableResult
    public func update(_ kind: EntryKind, ref: String, input: FieldValues, actor: Actor) throws -> StoredEntry {
        var completed = input
        if completed["ref"] == nil || completed["ref"] == .null { completed["ref"] = .text(ref) }
        let input = completed
        let time = now()
        return try database.write { db in
            guard var entry = try Self.fetch(kind, ref: ref, db) else { throw CatalogueError.notFound(kind, ref) }
            if input["ref"] != .text(ref) {
                throw CatalogueError.invalid(ValidationFailure([FieldError(field: "ref", reason: "cannot be changed (it is \(ref))")]))
            }
            entry.values = try validated(input, kind)
            entry.metadata.updatedAt = time
            entry.metadata.updatedBy = actor.name
            try kind.recordType.init(entry: entry).update(db)
            return entry
        }
    }

    /// Deletes the entry `ref`.
    public func delete(_ kind: EntryKind, ref: String, actor: Actor) throws {
        try database.write { db in
            let deleted = try Table(kind.tableName).filter(Column("ref") == ref).deleteAll(db)
            if deleted == 0 { throw CatalogueError.notFound(kind, ref) }
        }
    }

    /// Validates `input`, turning a failure into `CatalogueError.invalid`.
    public func validated(_ input: FieldValues, _ kind: EntryKind) throws -> FieldValues {
        switch validator.validate(input, kind: kind) {
        case .success(let values): return values
        case .failure(let failure): throw CatalogueError.invalid(failure)
        }
    }

    static func fetch(_ kind: EntryKind, ref: String, _ db: Database) throws -> StoredEntry? {
        switch kind {
        case .innovation: try InnovationRecord.filter(Column("ref") == ref).fetchOne(db)?.entry
        case .need: try NeedRecord.filter(Column("ref") == ref).fetchOne(db)?.entry
        }
    }

    static func insert(_ entry: StoredEntry, _ db: Database) throws -> StoredEntry {
        try entry.kind.recordType.init(entry: entry).insert(db)
        var stored = entry
        stored.metadata.id = db.lastInsertedRowID
        return stored
    }
}
