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

/// A problem with one field of an entry, phrased for the person who has to fix it.
public struct FieldError: Error, Sendable, Hashable, Codable {
    /// The field's interchange name, e.g. "origin_country".
    public var field: String
    /// What is wrong, e.g. "unknown country code 'XXX'".
    public var reason: String

    /// Creates a field error.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
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
