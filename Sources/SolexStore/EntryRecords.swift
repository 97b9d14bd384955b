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
    /// The thesaurus whose concepts are kept with the entry's words (see `MatchWords`); nil keeps the words only.
    var thesaurus: ConceptThesaurus? { get }
    init(entry: StoredEntry, thesaurus: ConceptThesaurus?)
}

extension EntryRecord {
    static var databaseTableName: String { kind.tableName }

    init(row: Row) throws {
        let values = try Self.kind.values(row, fields: Self.kind.fields)
        let metadata = EntryMetadata(
            id: row["id"], status: EntryStatus(rawValue: row["status"]) ?? .draft, createdAt: row["created_at"],
            updatedAt: row["updated_at"], createdBy: row["created_by"], updatedBy: row["updated_by"])
        self.init(entry: StoredEntry(kind: Self.kind, values: values, metadata: metadata), thesaurus: nil)
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
        container["match_words"] = MatchWords.stored(Self.kind, entry.values, thesaurus: thesaurus)
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
    var thesaurus: ConceptThesaurus?
    init(entry: StoredEntry, thesaurus: ConceptThesaurus?) {
        self.entry = entry
        self.thesaurus = thesaurus
    }
}

/// A row of `need`.
struct NeedRecord: EntryRecord {
    static let kind = EntryKind.need
    var entry: StoredEntry
    var thesaurus: ConceptThesaurus?
    init(entry: StoredEntry, thesaurus: ConceptThesaurus?) {
        self.entry = entry
        self.thesaurus = thesaurus
    }
}

extension EntryKind {
    /// The values of `fields` in a row of this kind's table (list fields are kept as JSON arrays).
    func values(_ row: Row, fields: [FieldSpec]) throws -> FieldValues {
        var values = FieldValues()
        for spec in fields {
            if spec.isList {
                values[spec.name] = .list(try ListColumn.decode(row[spec.name] ?? "[]"))
            } else if spec.isInteger {
                values[spec.name] = (row[spec.name] as Int?).map(FieldValue.integer) ?? .null
            } else {
                values[spec.name] = (row[spec.name] as String?).map(FieldValue.text) ?? .null
            }
        }
        return values
    }

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
        if let items = plainItems(text) { return items }
        return try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    /// The items of an array of strings without any escape (most lists), read without a JSON decoder; nil for
    /// anything else, which the decoder then reads (or refuses). Without a backslash every quote opens or closes
    /// an item.
    static func plainItems(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), space = UInt8(ascii: " ")
            guard bytes.count >= 2, bytes[0] == UInt8(ascii: "["), bytes[bytes.count - 1] == UInt8(ascii: "]"),
                  !bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else { return nil }
            var items: [String] = []
            var position = 1
            let end = bytes.count - 1
            while position < end {
                while position < end, bytes[position] == space { position += 1 }
                guard position < end, bytes[position] == quote else { return nil }
                guard let close = bytes[(position + 1)..<end].firstIndex(of: quote) else { return nil }
                items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<close]), as: UTF8.self))
                position = close + 1
                while position < end, bytes[position] == space { position += 1 }
                if position < end {
                    guard bytes[position] == comma else { return nil }
                    position += 1
                    while position < end, bytes[position] == space { position += 1 }
                    guard position < end else { return nil }
                }
            }
            return items
        }
    }
}
