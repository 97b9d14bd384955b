import Foundation
import Hummingbird
import SolexCore

/// A JSON value whose objects keep their key order, written compactly. Used for API responses and the OpenAPI
/// document so that output is deterministic and reads in a sensible order.
indirect enum JSONDocument: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral
{
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONDocument])
    case object([(String, JSONDocument)])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONDocument...) { self = .array(elements) }

    /// The JSON text.
    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .number(let value): out += value.isFinite ? String(value) : "null"
        case .string(let value): InterchangeJSON.appendString(value, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                InterchangeJSON.appendString(member.0, to: &out)
                out += ":"
                member.1.write(to: &out)
            }
            out += "}"
        }
    }

    /// A response carrying this document.
    func response(status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The JSON form of a field value.
    init(_ value: FieldValue) {
        switch value {
        case .null, .unsupported: self = .null
        case .text(let text): self = .string(text)
        case .integer(let number): self = .integer(number)
        case .list(let items): self = .array(items.map(JSONDocument.string))
        }
    }
}
