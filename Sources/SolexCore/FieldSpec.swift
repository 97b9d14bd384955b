import Foundation

/// What kind of value a field holds and the rules it must follow.
public enum FieldKind: Sendable, Hashable {
    /// The entry's stable reference: letters, digits, '.', '_' and '-', starting with a letter or digit.
    case ref
    /// Free text of at most `maxLength` characters; `multiline` fields are shown as text areas.
    case text(maxLength: Int, required: Bool, multiline: Bool)
    /// One value of a vocabulary (a country, an enumeration).
    case choice(Vocabulary)
    /// A list of distinct values of a vocabulary with at least `min` and at most `max` items.
    case codes(Vocabulary, min: Int, max: Int)
    /// Free tags: at most `maxCount` distinct tags of at most `maxLength` characters each.
    case tags(maxCount: Int, maxLength: Int)
    /// An optional whole number within `range`.
    case integer(ClosedRange<Int>)
    /// An optional year from 1800 to next year.
    case year
    /// An optional http(s) URL of at most 500 characters.
    case url
    /// A calendar date written YYYY-MM-DD.
    case date
}

/// One field of an entry type: its interchange name, its rules and how people see it.
public struct FieldSpec: Sendable, Hashable {
    /// Interchange name, also the JSON key, CSV column and form field name.
    public var name: String
    /// The rules.
    public var kind: FieldKind
    /// Label shown next to the form control.
    public var label: String
    /// Help shown under the control.
    public var help: String

    /// Creates a field spec.
    public init(_ name: String, _ kind: FieldKind, label: String, help: String = "") {
        self.name = name
        self.kind = kind
        self.label = label
        self.help = help
    }

    /// Whether an entry must give a non-empty value.
    public var isRequired: Bool {
        switch kind {
        case .ref, .choice, .date: true
        case .text(_, let required, _): required
        case .codes(_, let min, _): min > 0
        case .tags, .integer, .year, .url: false
        }
    }

    /// Whether the value is a list (joined with ';' in CSV).
    public var isList: Bool {
        switch kind {
        case .codes, .tags: true
        default: false
        }
    }

    /// Whether the value may be JSON `null` (an empty CSV cell).
    public var isNullable: Bool {
        switch kind {
        case .integer, .year, .url: true
        default: false
        }
    }

    /// Whether the value is a whole number.
    public var isInteger: Bool {
        switch kind {
        case .integer, .year: true
        default: false
        }
    }
}

/// Limits shared by the catalogue's fields.
public enum FieldLimits {
    /// Longest reference.
    public static let ref = 40
    /// Longest title.
    public static let title = 200
    /// Longest summary.
    public static let summary = 1_000
    /// Longest description.
    public static let description = 20_000
    /// Longest champion agency name.
    public static let champion = 200
    /// Longest evidence text.
    public static let evidence = 5_000
    /// Longest URL.
    public static let url = 500
    /// Most tags on one entry.
    public static let tagCount = 20
    /// Longest tag.
    public static let tagLength = 60
}
