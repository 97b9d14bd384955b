import Foundation

/// A value of one field of an entry, as read from a form, a JSON body, a CSV cell or the store.
public enum FieldValue: Sendable, Hashable {
    /// No value (JSON `null`, an empty optional cell).
    case null
    /// A string.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A list of strings.
    case list([String])
    /// A value of a type no field accepts (e.g. a JSON object); the name of the type is kept for the error message.
    case unsupported(String)

    /// The string, if this is text.
    public var textValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The number, if this is an integer.
    public var integerValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The list, if this is a list.
    public var listValue: [String]? {
        if case .list(let value) = self { return value }
        return nil
    }
}

/// The fields of one entry by name.
public typealias FieldValues = [String: FieldValue]

/// A sentence for a person: its English text (for the API, the command line and logs) and the message key and
/// values that let the web interface say it in the reader's language (`reason.required` = "is required" /
/// "est obligatoire").
public struct Explanation: Sendable, Hashable {
    /// The interface catalogue's key, e.g. "reason.too_long".
    public var key: String
    /// The values the message names, e.g. ["count": "250", "limit": "200"].
    public var values: [String: String]
    /// Values the interface writes in its own language (a status's name, a slot's day and time), by placeholder
    /// name; they take the place of the same names in `values`.
    public var localized: [String: LocalizedValue]
    /// The English text, e.g. "is 250 characters long; the limit is 200".
    public var english: String

    /// Creates an explanation.
    public init(_ key: String, _ values: [String: String] = [:], localized: [String: LocalizedValue] = [:], english: String) {
        self.key = key
        self.values = values
        self.localized = localized
        self.english = english
    }
}

/// A value of an explanation that each interface language writes its own way.
public enum LocalizedValue: Sendable, Hashable {
    /// The text of an interface catalogue key, e.g. "status.published" ("Published" / "Publiée").
    case label(String)
    /// A list of catalogue keys' texts, joined by ", ".
    case labels([String])
    /// A whole number, written with the language's digit grouping (2,000 / 2 000 / 2.000).
    case number(Int)
    /// A workshop slot's day ("YYYY-MM-DD") and start time ("HH:MM"), e.g. "Sunday 14 May, 9:00".
    case moment(day: String, time: String)
}

/// A problem with one field of an entry, phrased for the person who has to fix it.
public struct FieldError: Error, Sendable, Hashable, Codable {
    /// The field's interchange name, e.g. "origin_country".
    public var field: String
    /// What is wrong, in English, e.g. "unknown country code 'XXX'".
    public var reason: String
    /// The same in a form the interface can translate; nil where only English exists.
    public var explanation: Explanation?

    /// Creates a field error with an English reason only.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// Creates a field error that the interface can say in every language.
    public init(field: String, _ explanation: Explanation) {
        self.field = field
        self.reason = explanation.english
        self.explanation = explanation
    }

    private enum CodingKeys: String, CodingKey { case field, reason }

    /// Two errors are the same when they name the same field and say the same thing (in English).
    public static func == (lhs: FieldError, rhs: FieldError) -> Bool { lhs.field == rhs.field && lhs.reason == rhs.reason }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(field)
        hasher.combine(reason)
    }
}

/// An entry that failed validation, with every problem found.
public struct ValidationFailure: Error, Sendable, Equatable {
    /// Every problem, in field order.
    public var errors: [FieldError]

    /// Creates a failure from its errors.
    public init(_ errors: [FieldError]) {
        self.errors = errors
    }
}
