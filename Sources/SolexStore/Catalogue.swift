import Foundation
import GRDB
import SolexCore

/// Why a catalogue use case did not happen.
public enum CatalogueError: Error, Sendable, Equatable {
    /// No entry of that kind has that reference.
    case notFound(EntryKind, String)
    /// The input broke the rules; every problem is listed.
    case invalid(ValidationFailure)
    /// Nobody is signed in and the use case needs someone who is.
    case signInRequired
    /// The actor may not do this; the reason is safe to show (see `AccessDecision.forbidden`).
    case forbidden(Explanation)
}

/// Which entries an actor may see in lists, counts, searches and pages.
public enum Visibility: Sendable, Hashable {
    /// Every entry (the secretariat, administrators, the command line).
    case everything
    /// Published entries only (anonymous visitors, workshop organisers).
    case published
    /// Published entries and every entry of one country (that country's focal point).
    case publishedOrCountry(String)

    /// What `actor` may see.
    public init(_ actor: Actor) {
        switch actor.role {
        case .admin?, .secretariat?: self = .everything
        case .focalPoint?: self = actor.country.map { .publishedOrCountry($0) } ?? .published
        default: self = .published
        }
    }

    /// Whether an entry of `country` in `status` is visible.
    public func shows(country: String, status: EntryStatus) -> Bool {
        switch self {
        case .everything: true
        case .published: status == .published
        case .publishedOrCountry(let own): status == .published || country == own
        }
    }
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

    /// The entry of `kind` with reference `ref`, whatever its status (for internal use: pages and the API call
    /// `entry(_:ref:for:)`).
    public func entry(_ kind: EntryKind, ref: String) throws -> StoredEntry? {
        try database.read { db in try Self.fetch(kind, ref: ref, db) }
    }

    /// The entry of `kind` with reference `ref` if `actor` may read it; nil when there is none or it is hidden from
    /// them (a hidden entry looks the same as a missing one).
    public func entry(_ kind: EntryKind, ref: String, for actor: Actor) throws -> StoredEntry? {
        guard let entry = try entry(kind, ref: ref) else { return nil }
        let permission = Permission.readEntry(country: entry.country, status: entry.metadata.status)
        return AccessPolicy.decide(actor, permission).isAllowed ? entry : nil
    }

    /// Throws `signInRequired` or `forbidden` unless `actor` may do `permission`: the one check every use case makes
    /// before it writes or reads anything that is not public.
    public func authorize(_ actor: Actor, _ permission: Permission) throws {
        switch AccessPolicy.decide(actor, permission) {
        case .allowed: return
        case .signInRequired: throw CatalogueError.signInRequired
        case .forbidden(let reason): throw CatalogueError.forbidden(reason)
        }
    }

    /// Validates and stores a new entry (a draft unless `status` says otherwise). A reference already in use is a
    /// validation error on `ref`.
    @discardableResult
    public func create(_ kind: EntryKind, input: FieldValues, status: EntryStatus = .draft, actor: Actor) throws -> StoredEntry {
        // Refuse those who may create no entry at all before looking at the input, then check the entry's country.
        try authorize(actor, .createEntry(country: actor.country ?? ""))
        let values = try validated(input, kind)
        let entry = StoredEntry(kind: kind, values: values, metadata: EntryMetadata(status: status, actor: actor, now: now()))
        try authorize(actor, .createEntry(country: entry.country))
        return try database.write { db in
            if try Self.fetch(kind, ref: entry.ref, db) != nil {
                throw CatalogueError.invalid(ValidationFailure([FieldError(field: "ref", kind == .need
                    ? Explanation("reason.ref_taken_need", english: "is already used by another need")
                    : Explanation("reason.ref_taken_innovation", english: "is already used by another innovation"))]))
            }
            let stored = try Self.insert(entry, thesaurus: thesaurus, db)
            var changes = AuditChange.changes(from: [:], to: values, fields: kind.fields.map(\.name))
            changes.append(AuditChange(field: "status", old: nil, new: status.rawValue))
            try AuditLog.record(db, actor: actor, action: "create", kind: kind.rawValue, ref: entry.ref, changes: changes,
                                at: entry.metadata.createdAt)
            return stored
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
        if actor.role == nil { throw CatalogueError.signInRequired }
        return try database.write { db in
            guard var entry = try Self.fetch(kind, ref: ref, db), Self.visible(entry, to: actor) else {
                throw CatalogueError.notFound(kind, ref)
            }
            let old = entry
            try authorize(actor, .editEntry(country: entry.country, status: entry.metadata.status, newCountry: entry.country))
            if input["ref"] != .text(ref) {
                throw CatalogueError.invalid(ValidationFailure([FieldError(field: "ref", Explanation("reason.ref_fixed", ["ref": ref],
                                                                                              english: "cannot be changed (it is \(ref))"))]))
            }
            let values = try validated(input, kind)
            let newCountry = values[kind.countryField]?.textValue ?? entry.country
            try authorize(actor, .editEntry(country: entry.country, status: entry.metadata.status, newCountry: newCountry))
            entry.values = values
            entry.metadata.updatedAt = time
            entry.metadata.updatedBy = actor.name
            // A published entry changed by someone who does not review goes back to the review queue.
            if entry.metadata.status == .published, actor.role?.reviews != true { entry.metadata.status = .submitted }
            try kind.recordType.init(entry: entry, thesaurus: thesaurus).update(db)
            var changes = AuditChange.changes(from: old.values, to: entry.values, fields: kind.fields.map(\.name))
            if old.metadata.status != entry.metadata.status {
                changes.append(AuditChange(field: "status", old: old.metadata.status.rawValue, new: entry.metadata.status.rawValue))
            }
            try AuditLog.record(db, actor: actor, action: "update", kind: kind.rawValue, ref: ref, changes: changes, at: time)
            return entry
        }
    }

    /// Deletes the entry `ref`.
    public func delete(_ kind: EntryKind, ref: String, actor: Actor) throws {
        if actor.role == nil { throw CatalogueError.signInRequired }
        let time = now()
        try database.write { db in
            guard let entry = try Self.fetch(kind, ref: ref, db), Self.visible(entry, to: actor) else {
                throw CatalogueError.notFound(kind, ref)
            }
            try authorize(actor, .deleteEntry(country: entry.country, status: entry.metadata.status))
            try Table(kind.tableName).filter(Column("ref") == ref).deleteAll(db)
            var changes = AuditChange.changes(from: entry.values, to: [:], fields: kind.fields.map(\.name))
            changes.append(AuditChange(field: "status", old: entry.metadata.status.rawValue, new: nil))
            try AuditLog.record(db, actor: actor, action: "delete", kind: kind.rawValue, ref: ref, changes: changes, at: time)
        }
    }

    /// Moves the entry `ref` along the review workflow (see `ReviewAction`). Returning an entry needs a reason;
    /// the reason is kept in the audit log and shown on the entry's page.
    @discardableResult
    public func review(_ kind: EntryKind, ref: String, action: ReviewAction, reason: String = "", actor: Actor) throws -> StoredEntry {
        if actor.role == nil { throw CatalogueError.signInRequired }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let time = now()
        return try database.write { db in
            guard var entry = try Self.fetch(kind, ref: ref, db), Self.visible(entry, to: actor) else {
                throw CatalogueError.notFound(kind, ref)
            }
            try authorize(actor, .review(action, country: entry.country))
            let old = entry.metadata.status
            guard let next = action.next(from: old) else {
                throw CatalogueError.invalid(ValidationFailure([FieldError(field: "action", Explanation(
                    "review.reason.not_applicable", ["action": action.label, "status": old.rawValue],
                    localized: ["action": .label("entry.action." + action.rawValue), "status": .label("status." + old.rawValue)],
                    english: "'\(action.label)' does not apply to an entry that is \(old.rawValue)"))]))
            }
            if action.needsReason && reason.isEmpty {
                throw CatalogueError.invalid(ValidationFailure([FieldError(field: "reason", Explanation(
                    "review.reason.reason_required", english: "is required to return an entry"))]))
            }
            if reason.count > 2000 {
                throw CatalogueError.invalid(ValidationFailure([FieldError(field: "reason", Explanation(
                    "review.reason.reason_too_long", ["limit": "2000"], localized: ["limit": .number(2000)], english: "must be at most 2000 characters"))]))
            }
            entry.metadata.status = next
            entry.metadata.updatedAt = time
            entry.metadata.updatedBy = actor.name
            try db.execute(sql: "UPDATE \(kind.tableName) SET status = ?, updated_at = ?, updated_by = ? WHERE ref = ?",
                           arguments: [next.rawValue, time, actor.name, ref])
            try AuditLog.record(db, actor: actor, action: "review.\(action.rawValue)", kind: kind.rawValue, ref: ref,
                                reason: reason.isEmpty ? nil : reason,
                                changes: [AuditChange(field: "status", old: old.rawValue, new: next.rawValue)], at: time)
            return entry
        }
    }

    /// Whether `actor` may see `entry` at all (otherwise it is treated as missing).
    static func visible(_ entry: StoredEntry, to actor: Actor) -> Bool {
        Visibility(actor).shows(country: entry.country, status: entry.metadata.status)
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

    static func insert(_ entry: StoredEntry, thesaurus: ConceptThesaurus, _ db: Database) throws -> StoredEntry {
        try entry.kind.recordType.init(entry: entry, thesaurus: thesaurus).insert(db)
        var stored = entry
        stored.metadata.id = db.lastInsertedRowID
        return stored
    }
}
