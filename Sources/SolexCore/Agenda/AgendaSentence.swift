import Foundation

/// A sentence of the scheduler or the editor (why a meeting was left out, why an edit was refused): its English text
/// and the message key and values that let the web interface say it in the reader's language. Some values are
/// sentences of their own (the conflict behind a pin that cannot hold, the parts of a list); the interface says
/// those first and joins each list with `separator`.
public struct AgendaSentence: Sendable, Hashable {
    /// The message key, its plain values and the whole English text.
    public var explanation: Explanation
    /// Values that are sentences, by placeholder name.
    public var nested: [String: [AgendaSentence]]
    /// What joins a list of nested sentences ("; " or ", ").
    public var separator: String

    /// The English text.
    public var english: String { explanation.english }

    /// A sentence whose values are all plain text.
    public init(_ key: String, _ values: [String: String] = [:], localized: [String: LocalizedValue] = [:], english: String) {
        explanation = Explanation(key, values, localized: localized, english: english)
        nested = [:]
        separator = ", "
    }

    /// A sentence with values that are sentences; `english` is the whole English text.
    public init(_ key: String, _ values: [String: String] = [:], localized: [String: LocalizedValue] = [:],
                nested: [String: [AgendaSentence]], separator: String = ", ", english: String) {
        explanation = Explanation(key, values, localized: localized, english: english)
        self.nested = nested
        self.separator = separator
    }

    /// A list of sentences joined by `separator`, as one sentence (key `agenda.list`, "{items}").
    static func list(_ items: [AgendaSentence], separator: String) -> AgendaSentence {
        AgendaSentence("agenda.list", nested: ["items": items], separator: separator,
                       english: items.map(\.english).joined(separator: separator))
    }

    /// A sentence with only an English text (no key: the interface shows the English).
    static func english(_ text: String) -> AgendaSentence { AgendaSentence("", english: text) }
}

extension AgendaPlan {
    /// Why each request left out of `schedule` has no meeting, as sentences the interface can translate (a stored
    /// schedule keeps only the English text); empty when the schedule no longer fits the plan.
    public func leftOutSentences(_ schedule: Schedule) -> [String: AgendaSentence] {
        guard let grid = try? AgendaGrid(plan: self, schedule: schedule) else { return [:] }
        var sentences: [String: AgendaSentence] = [:]
        for left in schedule.leftOut {
            guard let r = index.requestIndex[left.request], !grid.isPlaced(r) else { continue }
            sentences[left.request] = grid.diagnose(r).1
        }
        return sentences
    }
}
