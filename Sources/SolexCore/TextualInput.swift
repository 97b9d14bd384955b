import Foundation

/// Turns text cells (a CSV row, form fields) into field values: lists split on ';', numbers parsed,
/// empty cells of optional fields made null. What cannot be parsed is kept as text for the validator to report.
public enum TextualInput {
    /// The separator of list items in CSV cells and tag inputs.
    public static let listSeparator: Character = ";"

    /// Converts one cell of the field `spec`.
    public static func value(of cell: String, for spec: FieldSpec) -> FieldValue {
        if spec.isList { return .list(splitList(cell)) }
        if spec.isInteger {
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .null }
            if let number = Int(trimmed) { return .integer(number) }
            return .text(cell)
        }
        if spec.isNullable && cell.isEmpty { return .null }
        return .text(cell)
    }

    /// Splits a list cell on ';', trimming white space around items and dropping empty items.
    public static func splitList(_ cell: String) -> [String] {
        cell.split(separator: listSeparator, omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// The cell text of a canonical value: lists joined with ';', null empty.
    public static func cell(of value: FieldValue) -> String {
        switch value {
        case .null, .unsupported: ""
        case .text(let text): text
        case .integer(let number): String(number)
        case .list(let items): items.joined(separator: String(listSeparator))
        }
    }
}
