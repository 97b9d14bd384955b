import Foundation

/// Reads and writes one entry as a line of the JSONL interchange format.
///
/// Lines are written exactly as Python's `json.dumps(record, ensure_ascii=False)` writes them (keys in field
/// order, ", " and ": " separators, non-ASCII characters as they are), so files made by other tools round-trip
/// byte for byte.
public enum InterchangeJSON {
    /// Why a line could not be read as a JSON object.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// A short reason.
        public var reason: String
    }

    /// Parses one line into field values. Values of types no field accepts become `.unsupported`.
    public static func parse(_ line: Substring, decoder: JSONDecoder = JSONDecoder()) throws(SyntaxError) -> FieldValues {
        if hasTrailingComma(line.utf8) { throw SyntaxError(reason: "is not valid JSON (a comma before a closing bracket)") }
        let object: JSONValue
        do {
            object = try decoder.decode(JSONValue.self, from: Data(line.utf8))
        } catch {
            throw SyntaxError(reason: "is not valid JSON")
        }
        guard case .object(let members) = object else { throw SyntaxError(reason: "is not a JSON object") }
        return members.mapValues(\.fieldValue)
    }

    /// Whether JSON text has a comma directly before '}' or ']' (outside strings), which JSON forbids but
    /// Foundation's decoder accepts.
    static func hasTrailingComma(_ bytes: some Sequence<UInt8>) -> Bool {
        var inString = false, escaped = false, pendingComma = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true; pendingComma = false
            case 0x2C: pendingComma = true
            case 0x7D, 0x5D: if pendingComma { return true }
            case 0x20, 0x09, 0x0A, 0x0D: break
            default: pendingComma = false
            }
        }
        return false
    }

    /// Writes the canonical values of an entry of `kind` as one line, without the line break.
    public static func line(_ values: FieldValues, kind: EntryKind) -> String {
        var out = "{"
        for (index, spec) in kind.fields.enumerated() {
            if index > 0 { out += ", " }
            appendString(spec.name, to: &out)
            out += ": "
            switch values[spec.name] ?? (spec.isList ? .list([]) : .null) {
            case .null, .unsupported: out += "null"
            case .integer(let number): out += String(number)
            case .text(let text): appendString(text, to: &out)
            case .list(let items):
                out += "["
                for (position, item) in items.enumerated() {
                    if position > 0 { out += ", " }
                    appendString(item, to: &out)
                }
                out += "]"
            }
        }
        out += "}"
        return out
    }

    /// Appends `text` as a JSON string literal, escaping as Python's json module does with ensure_ascii=False:
    /// `"`, `\\`, and control characters; everything else is copied as it is, in runs.
    public static func appendString(_ text: String, to out: inout String) {
        out.append("\"")
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
                if runStart < index { out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)) }
                out.append(escape(byte))
                runStart = index + 1
            }
            if runStart < bytes.count { out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self)) }
        }
        out.append("\"")
    }

    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case 0x22: "\\\""
        case 0x5C: "\\\\"
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        case 0x09: "\\t"
        case 0x08: "\\b"
        case 0x0C: "\\f"
        default: String(format: "\\u%04x", byte)
        }
    }
}

/// A parsed JSON value.
public indirect enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // The most frequent kinds first: every failed attempt costs a thrown error.
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The field value this JSON value stands for.
    public var fieldValue: FieldValue {
        switch self {
        case .null: return .null
        case .string(let text): return .text(text)
        case .integer(let number): return .integer(number)
        case .number(let number):
            if number.rounded() == number, let whole = Int(exactly: number) { return .integer(whole) }
            return .unsupported("a decimal number")
        case .bool: return .unsupported("true/false")
        case .object: return .unsupported("an object")
        case .array(let items):
            var strings: [String] = []
            for item in items {
                guard case .string(let text) = item else { return .unsupported("a list with non-text items") }
                strings.append(text)
            }
            return .list(strings)
        }
    }
}
