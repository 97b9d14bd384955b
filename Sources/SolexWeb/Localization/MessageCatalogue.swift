import Foundation

/// The interface's messages in every language, read from `<directory>/<code>.messages` (one file per language).
///
/// A file holds one message per line, `key = text`; blank lines and lines starting with `#` are skipped. A text may
/// name values to put in with `{name}` and may hold inline HTML when it is only used in templates. English is the
/// reference: every other language must have exactly its keys, placeholders and tags.
public struct MessageCatalogue: Sendable {
    /// What is wrong with the catalogue files; start-up fails on any.
    public struct Problems: Error, CustomStringConvertible {
        public var lines: [String]
        public var description: String { "message catalogue: " + lines.joined(separator: "; ") }
    }

    /// Messages by language, then by key.
    public let messages: [InterfaceLanguage: [String: String]]

    /// Reads and checks the catalogue of every language; throws `Problems` naming each file, line and key at fault.
    public init(directory: String) throws {
        var messages: [InterfaceLanguage: [String: String]] = [:]
        var problems: [String] = []
        for language in InterfaceLanguage.allCases {
            let file = "\(language.code).messages"
            guard let text = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) else {
                problems.append("\(file) is missing or not UTF-8")
                continue
            }
            let parsed = Self.parse(text, file: file)
            messages[language] = parsed.messages
            problems += parsed.problems
        }
        self.messages = messages
        problems += Self.compare(messages)
        if !problems.isEmpty { throw Problems(lines: problems) }
    }

    /// A catalogue of the given messages, checked like the files (for tests).
    public init(messages: [InterfaceLanguage: [String: String]]) throws {
        let problems = Self.compare(messages)
        if !problems.isEmpty { throw Problems(lines: problems) }
        self.messages = messages
    }

    /// The messages of `language` with their formatting rules.
    public func localizer(_ language: InterfaceLanguage) -> Localizer {
        Localizer(language: language, messages: messages[language] ?? [:])
    }

    /// Every key (English is the reference).
    public var keys: Set<String> { Set(messages[.en].map { Array($0.keys) } ?? []) }

    static func parse(_ text: String, file: String) -> (messages: [String: String], problems: [String]) {
        var messages: [String: String] = [:]
        var problems: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let at = "\(file) line \(index + 1)"
            guard let separator = line.range(of: " = ") else { problems.append("\(at): expected 'key = text'"); continue }
            let key = String(line[..<separator.lowerBound])
            let value = String(line[separator.upperBound...]).trimmingCharacters(in: .whitespaces)
            if !Self.isValidKey(key) { problems.append("\(at): '\(key)' is not a key (lower-case letters, digits, '_', '.')") }
            else if messages[key] != nil { problems.append("\(at): '\(key)' is given twice") }
            else if value.isEmpty { problems.append("\(at): '\(key)' has no text") }
            else if value.contains("{{") || value.contains("}}") { problems.append("\(at): '\(key)' holds template syntax") }
            else { messages[key] = value }
        }
        return (messages, problems)
    }

    static func compare(_ messages: [InterfaceLanguage: [String: String]]) -> [String] {
        guard let english = messages[.en] else { return [] }
        var problems: [String] = []
        for language in InterfaceLanguage.allCases where language != .en {
            guard let other = messages[language] else { continue }
            for key in english.keys.sorted() {
                guard let text = other[key] else { problems.append("\(language.code): '\(key)' is missing"); continue }
                if placeholders(text) != placeholders(english[key]!) {
                    problems.append("\(language.code): '\(key)' has placeholders \(placeholders(text).sorted()), English has \(placeholders(english[key]!).sorted())")
                }
                if tags(text) != tags(english[key]!) { problems.append("\(language.code): '\(key)' has other HTML tags than English") }
            }
            for key in other.keys.sorted() where english[key] == nil { problems.append("\(language.code): '\(key)' is not in English") }
        }
        return problems
    }

    static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
    }

    /// The `{name}` placeholders of a text.
    static func placeholders(_ text: String) -> Set<String> {
        Set(matches(of: #"\{([a-zA-Z0-9_]+)\}"#, in: text))
    }

    /// The HTML tag names of a text, with how often each occurs.
    static func tags(_ text: String) -> [String] {
        matches(of: #"<(/?[a-zA-Z]+)"#, in: text).sorted()
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
