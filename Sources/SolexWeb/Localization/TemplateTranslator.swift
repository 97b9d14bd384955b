import Foundation

/// Puts the messages of one language into a template's source before it is parsed.
///
/// A template names a message as `[[key]]`; the message's `{name}` placeholders become Mustache variables of the
/// same name (escaped like any other), so `[[list.showing]]` with "Showing {from}–{to} of {total}" reads the
/// view's `from`, `to` and `total`. Inside a tag (an attribute value) a message's quotes are escaped.
struct TemplateTranslator {
    /// A key a template uses that the catalogue lacks.
    struct UnknownKey: Hashable {
        var template: String
        var key: String
    }

    static let marker = try! NSRegularExpression(pattern: #"\[\[([^\[\]]*)\]\]"#)

    /// The keys `source` uses, in order of first use.
    static func keys(in source: String) -> [String] {
        var seen = Set<String>()
        return marker.matches(in: source, range: NSRange(source.startIndex..., in: source)).compactMap { match in
            Range(match.range(at: 1), in: source).map { String(source[$0]) }
        }.filter { seen.insert($0).inserted }
    }

    /// `source` with every marker replaced by its message in `messages`; unknown keys are reported and left as
    /// their key.
    static func translate(_ source: String, named name: String, messages: [String: String]) -> (text: String, unknown: [UnknownKey]) {
        var output = ""
        var unknown: [UnknownKey] = []
        var cursor = source.startIndex
        for match in marker.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
            guard let whole = Range(match.range, in: source), let keyRange = Range(match.range(at: 1), in: source) else { continue }
            let before = source[cursor..<whole.lowerBound]
            output += before
            let key = String(source[keyRange])
            guard let message = messages[key] else {
                unknown.append(UnknownKey(template: name, key: key))
                output += key
                cursor = whole.upperBound
                continue
            }
            var text = message.replacingOccurrences(of: #"\{([a-zA-Z0-9_]+)\}"#, with: "{{$1}}", options: .regularExpression)
            if isInsideTag(output) { text = text.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;") }
            output += text
            cursor = whole.upperBound
        }
        output += source[cursor...]
        return (output, unknown)
    }

    /// Whether the end of `html` is inside a tag (after a `<` not yet closed by `>`).
    private static func isInsideTag(_ html: String) -> Bool {
        guard let open = html.lastIndex(of: "<") else { return false }
        guard let close = html.lastIndex(of: ">") else { return true }
        return open > close
    }
}
