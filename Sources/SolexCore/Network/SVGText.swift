import Foundation

/// A small writer of SVG text: escaped text and attribute values, numbers without noise. The SVG charts of Solex are
/// written by hand with it (see docs/architecture.md): every chart has `role="img"` (`group` when its marks are links), a `<title>` and a `<desc>` named by
/// `aria-labelledby`, and every mark carries its own `<title>` with the numbers it shows.
public struct SVGText: Sendable {
    /// The text written so far.
    public private(set) var text = ""

    public init() {}

    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values; drops the control characters XML forbids.
    public static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate or length: at most two decimals, no trailing zeros.
    public static func number(_ value: Double) -> String { Statistics.format(value, digits: 2) }

    /// Opens an element with attributes (values escaped); `close` makes it empty (`<rect ... />`).
    public mutating func open(_ name: String, _ attributes: [(String, String)] = [], close: Bool = false) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(Self.escape(value))\"" }
        text += close ? "/>" : ">"
    }

    /// Closes an element.
    public mutating func close(_ name: String) { text += "</\(name)>" }

    /// An element holding escaped text.
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        open(name, attributes)
        text += Self.escape(content)
        close(name)
    }

    /// Opens the root `<svg>` with its accessible name and description. A chart whose marks are links (`interactive`)
    /// is a `group`, not an `img`: an image's content is hidden from assistive technology, so its links would be
    /// interactive controls nested in a non-interactive one.
    public mutating func start(id: String, width: Double, height: Double, title: String, description: String, interactive: Bool = false) {
        open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("role", interactive ? "group" : "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
                     ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"), ("width", Self.number(width)),
                     ("height", Self.number(height)), ("class", "chart"), ("font-family", "sans-serif"), ("font-size", "12")])
        element("title", [("id", "\(id)-title")], text: title)
        element("desc", [("id", "\(id)-desc")], text: description)
    }

    /// Closes the root.
    public mutating func finish() { close("svg") }
}
