import Foundation

/// A JSON value whose objects keep their members in the order given, written with two-space indentation, so that
/// exports read in a sensible order and give the same bytes for the same input.
indirect enum OrderedJSON {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    /// A string, or null for nil.
    static func text(_ value: String?) -> OrderedJSON { value.map { .string($0) } ?? .null }

    /// The JSON text, ending with a newline.
    var text: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    func write(to out: inout String, indent: String) {
        switch self {
        case .string(let value): InterchangeJSON.appendString(value, to: &out)
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indent + "  "
                item.write(to: &out, indent: indent + "  ")
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += indent + "  "
                InterchangeJSON.appendString(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent + "  ")
                out += index + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }
}
