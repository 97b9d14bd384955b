import Foundation

/// A search as people type it: words that must all match, "quoted phrases", prefix*, OR between alternatives and
/// -exclusions. Parsing never fails: whatever cannot be read as an operator is read as words, and words without a
/// letter or digit are dropped, so any input gives a (possibly empty) search.
public struct SearchExpression: Sendable, Hashable {
    /// One searched term.
    public enum Term: Sendable, Hashable {
        /// A word (or several words written without spaces, matched next to each other).
        case word(String)
        /// A word prefix (`benef*`).
        case prefix(String)
        /// Words matched next to each other in this order.
        case phrase(String)
    }

    /// Groups that must all match; a group matches if any of its terms does (terms joined by OR).
    public var required: [[Term]]
    /// Terms no result may match.
    public var excluded: [Term]

    /// Whether the search has nothing to look for (browse everything).
    public var isEmpty: Bool { required.isEmpty && excluded.isEmpty }

    /// Reads a query as typed.
    public init(parsing input: String) {
        var required: [[Term]] = []
        var excluded: [Term] = []
        var joinNext = false
        var lastWasRequired = false
        for token in Self.lex(input) {
            switch token {
            case .or:
                // OR joins the next term to the required term just before it (not to an exclusion).
                joinNext = lastWasRequired
            case .term(let term, let negated):
                if negated {
                    excluded.append(term)
                } else if joinNext, !required.isEmpty {
                    required[required.count - 1].append(term)
                } else {
                    required.append([term])
                }
                lastWasRequired = !negated
                joinNext = false
            }
        }
        self.required = required
        self.excluded = excluded
    }

    /// The same search with every required term made optional: matches entries with any of the words.
    public var anyWord: SearchExpression {
        var copy = self
        copy.required = required.isEmpty ? [] : [required.flatMap { $0 }]
        return copy
    }

    /// The FTS5 query of the required part, every term quoted (so no user text is read as FTS5 syntax);
    /// nil when nothing is required.
    public var ftsRequired: String? {
        guard !required.isEmpty else { return nil }
        return required.map { group in
            group.count == 1 ? Self.fts(group[0]) : "(" + group.map(Self.fts).joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }

    /// The FTS5 query matching any excluded term; nil when nothing is excluded.
    public var ftsExcluded: String? {
        excluded.isEmpty ? nil : excluded.map(Self.fts).joined(separator: " OR ")
    }

    /// The words of the required terms, for showing what was searched.
    public var requiredWords: [String] {
        required.flatMap { $0 }.map { term in
            switch term {
            case .word(let text), .phrase(let text): text
            case .prefix(let text): text + "*"
            }
        }
    }

    static func fts(_ term: Term) -> String {
        switch term {
        case .word(let text), .phrase(let text): quoted(text)
        case .prefix(let text): quoted(text) + "*"
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private enum Token {
        case term(Term, negated: Bool)
        case or
    }

    /// Splits the input into terms and OR operators.
    private static func lex(_ input: String) -> [Token] {
        var tokens: [Token] = []
        var index = input.startIndex
        while index < input.endIndex {
            let character = input[index]
            if character.isWhitespace {
                index = input.index(after: index)
                continue
            }
            var negated = false
            var start = index
            if character == "-" {
                let next = input.index(after: index)
                if next < input.endIndex, !input[next].isWhitespace {
                    negated = true
                    start = next
                }
            }
            if start < input.endIndex, input[start] == "\"" {
                let contentStart = input.index(after: start)
                let close = input[contentStart...].firstIndex(of: "\"") ?? input.endIndex
                let content = String(input[contentStart..<close])
                if hasWordCharacter(content) { tokens.append(.term(.phrase(clean(content)), negated: negated)) }
                index = close < input.endIndex ? input.index(after: close) : close
                continue
            }
            let end = input[start...].firstIndex(where: { $0.isWhitespace || $0 == "\"" }) ?? input.endIndex
            var word = String(input[start..<end])
            index = end
            if word == "OR" && !negated {
                tokens.append(.or)
                continue
            }
            let isPrefix = word.hasSuffix("*")
            word = clean(word)
            guard hasWordCharacter(word) else { continue }
            tokens.append(.term(isPrefix ? .prefix(word) : .word(word), negated: negated))
        }
        return tokens
    }

    /// Keeps letters, digits, marks and inner punctuation of a word; FTS5 re-tokenises the quoted text anyway.
    private static func clean(_ text: String) -> String {
        String(text.filter { $0 != "*" && $0 != "\"" }).trimmingCharacters(in: .whitespaces)
    }

    private static func hasWordCharacter(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }
}
