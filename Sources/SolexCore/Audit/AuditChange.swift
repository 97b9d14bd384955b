import Foundation

/// One field changed by a write: its name and the value before and after, as text (lists joined by "; ", no value
/// as nil). Recorded in the audit log and shown in an entry's history.
public struct AuditChange: Sendable, Hashable, Codable {
    /// The field's name, e.g. "title" or "status".
    public var field: String
    /// The value before the write; nil when there was none (e.g. on creation).
    public var old: String?
    /// The value after the write; nil when there is none any more (e.g. on deletion).
    public var new: String?

    /// Creates a change.
    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// The fields whose values differ between `old` and `new`, in the order of `fields` (fields outside it follow,
    /// by name). A creation passes an empty `old`, a deletion an empty `new`.
    public static func changes(from old: FieldValues, to new: FieldValues, fields: [String]) -> [AuditChange] {
        let extra = Set(old.keys).union(new.keys).subtracting(fields).sorted()
        return (fields + extra).compactMap { name in
            let before = text(old[name]), after = text(new[name])
            return before == after ? nil : AuditChange(field: name, old: before, new: after)
        }
    }

    /// A value as the audit log shows it.
    public static func text(_ value: FieldValue?) -> String? {
        switch value {
        case nil, .null?: nil
        case .text(let text)?: text
        case .integer(let number)?: String(number)
        case .list(let items)?: items.isEmpty ? nil : items.joined(separator: "; ")
        case .unsupported(let type)?: "(\(type))"
        }
    }
}
