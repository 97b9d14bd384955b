import Foundation
import GRDB
import SolexCore

/// Review state and history fields that every stored entry carries next to its interchange fields.
public struct EntryMetadata: Sendable, Hashable {
    /// Row id; nil before insertion.
    public var id: Int64?
    /// Where the entry stands in review.
    public var status: EntryStatus
    /// When the entry was first stored.
    public var createdAt: Date
    /// When the entry last changed.
    public var updatedAt: Date
    /// Who first stored it.
    public var createdBy: String
    /// Who last changed it.
    public var updatedBy: String

    /// Metadata of a new entry written by `actor` at `now`.
    public init(status: EntryStatus, actor: Actor, now: Date) {
        id = nil
        self.status = status
        createdAt = now
        updatedAt = now
        createdBy = actor.name
        updatedBy = actor.name
    }

    init(id: Int64?, status: EntryStatus, createdAt: Date, updatedAt: Date, createdBy: String, updatedBy: String) {
        self.id = id
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
        self.updatedBy = updatedBy
    }
}

/// An innovation or a need as stored: its canonical field values and its metadata.
public struct StoredEntry: Sendable, Hashable {
    /// Innovation or need.
    public var kind: EntryKind
    /// Canonical values of every field of `kind`.
    public var values: FieldValues
    /// Review state and history.
    public var metadata: EntryMetadata

    /// Creates a stored entry.
    public init(kind: EntryKind, values: FieldValues, metadata: EntryMetadata) {
        self.kind = kind
        self.values = values
        self.metadata = metadata
    }

    /// The entry's reference.
    public var ref: String { values["ref"]?.textValue ?? "" }
    /// The entry's title.
    public var title: String { values["title"]?.textValue ?? "" }
    /// The entry's country (origin country of an innovation, country of a need).
    public var country: String { values[kind.countryField]?.textValue ?? "" }
    /// The value of a list field.
    public func list(_ field: String) -> [String] { values[field]?.listValue ?? [] }
}

/// Shared row mapping of the two entry tables.
protocol EntryRecord: FetchableRecord, PersistableRecord {
    static var kind: EntryKind { get }
    var entry: StoredEntry { get }
    init(entry: StoredEntry)
}

extension EntryRecord {
    static var databaseTableName: String { kind.tableName }

    init(row: Row) throws {
        var values = FieldValues()
        for spec in Self.kind.fields {
            if spec.isList {
                values[spec.name] = .list(try ListColumn.decode(row[spec.name] ?? "[]"))
            } else if spec.isInteger {
                values[spec.name] = (row[spec.name] as Int?).map(FieldValue.integer) ?? .null
            } else {
                values[spec.name] = (row[spec.name] as String?).map(FieldValue.text) ?? .null
            }
        }
        let metadata = EntryMetadata(
            id: row["id"], status: EntryStatus(rawValue: row["status"]) ?? .draft, createdAt: row["created_at"],
            updatedAt: row["updated_at"], createdBy: row["created_by"], updatedBy: row["updated_by"])
        self.init(entry: StoredEntry(kind: Self.kind, values: values, metadata: metadata))
    }

    func encode(to container: inout PersistenceContainer) throws {
        for spec in Self.kind.fields {
            switch entry.values[spec.name] ?? .null {
            case .null, .unsupported: container[spec.name] = spec.isList ? "[]" : nil
            case .text(let text): container[spec.name] = text
            case .integer(let number): container[spec.name] = number
            case .list(let items): container[spec.name] = ListColumn.encode(items)
            }
        }
        container["id"] = entry.metadata.id
        container["status"] = entry.metadata.status.rawValue
        container["created_at"] = entry.metadata.createdAt
        container["updated_at"] = entry.metadata.updatedAt
        container["created_by"] = entry.metadata.createdBy
        container["updated_by"] = entry.metadata.updatedBy
    }
}

/// A row of `innovation`.
struct InnovationRecord: EntryRecord {
    static let kind = EntryKind.innovation
    var entry: StoredEntry
    init(entry: StoredEntry) { self.entry = entry }
}

/// A row of `need`.
struct NeedRecord: EntryRecord {
    static let kind = EntryKind.need
    var entry: StoredEntry
    init(entry: StoredEntry) { self.entry = entry }
}

extension EntryKind {
    /// The record type of this kind's table.
    var recordType: any EntryRecord.Type {
        switch self {
        case .innovation: InnovationRecord.self
        case .need: NeedRecord.self
        }
    }
}

/// How list fields are kept in a TEXT column: a JSON array of strings.
enum ListColumn {
    static func encode(_ items: [String]) -> String {
        var out = "["
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            InterchangeJSON.appendString(item, to: &out)
        }
        return out + "]"
    }

    static func decode(_ text: String) throws -> [String] {
        if text == "[]" { return [] }
        return try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
