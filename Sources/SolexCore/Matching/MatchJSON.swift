import Foundation

/// Writes match results as JSON by hand: the same bytes as `JSONEncoder` with sorted keys and unescaped slashes,
/// several times faster (the matcher's output for 10,000 needs is written in well under a second).
public enum MatchJSON {
    /// One line of `solex match` output: `{"matches": [...], "need": REF}` (keys sorted), without the newline.
    public static func line(need: String, matches: [Match]) -> String {
        var out = "{\"matches\":["
        for (index, match) in matches.enumerated() {
            if index > 0 { out += "," }
            out += "{\"explanation\":"
            append(match.explanation, to: &out)
            out += ",\"innovation\":"
            InterchangeJSON.appendString(match.innovation, to: &out)
            out += ",\"score\":" + number(match.score) + "}"
        }
        out += "],\"need\":"
        InterchangeJSON.appendString(need, to: &out)
        return out + "}"
    }

    /// An explanation as a JSON object with sorted keys.
    public static func append(_ explanation: MatchExplanation, to out: inout String) {
        let c = explanation.contributions
        out += "{\"contributions\":{"
        let parts: [(String, Double)] = [("evidence", c.evidence), ("language", c.language), ("proximity", c.proximity),
                                         ("scale", c.scale), ("sdg", c.sdg), ("tags", c.tags), ("text", c.text),
                                         ("themes", c.themes)]
        out += parts.map { "\"\($0.0)\":" + number($0.1) }.joined(separator: ",")
        out += "},\"cooperation\":"
        InterchangeJSON.appendString(explanation.cooperation, to: &out)
        for (key, list) in [("notes", explanation.notes), ("shared_tags", explanation.sharedTags),
                            ("shared_targets", explanation.sharedTargets), ("shared_terms", explanation.sharedTerms),
                            ("shared_themes", explanation.sharedThemes)] {
            out += ",\"\(key)\":["
            for (index, item) in list.enumerated() {
                if index > 0 { out += "," }
                InterchangeJSON.appendString(item, to: &out)
            }
            out += "]"
        }
        out += "}"
    }

    /// A finite number as JSONEncoder writes it: whole numbers without a fraction, others in their shortest form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
