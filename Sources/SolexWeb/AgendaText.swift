import Foundation
import SolexCore

/// The scheduler's sentences and the agenda's days and times in the page's language.
extension Localizer {
    /// A sentence of the scheduler or the editor in this language: its nested sentences first, each list joined by
    /// the sentence's separator; its English text where the catalogue lacks its key.
    func text(_ sentence: AgendaSentence) -> String {
        guard has(sentence.explanation.key) else { return sentence.english }
        var values = values(of: sentence.explanation)
        for (name, list) in sentence.nested { values[name] = list.map { text($0) }.joined(separator: sentence.separator) }
        return t(sentence.explanation.key, values)
    }

    /// A workshop day given as "YYYY-MM-DD" with its weekday, e.g. "Sunday 11 February" / "dimanche 11 février";
    /// the text unchanged when it is not such a day.
    func weekdayAndDay(iso text: String) -> String {
        Self.date(iso: text).map { weekdayAndDay($0) } ?? text
    }

    /// A local time of day given as "HH:MM" written the way this language writes times; the text unchanged when it
    /// is not such a time.
    func time(local text: String) -> String {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else { return text }
        return time(Date(timeIntervalSince1970: TimeInterval(parts[0] * 3600 + parts[1] * 60)))
    }

    /// A slot's times, e.g. "09:00–09:30".
    func times(_ start: String, _ end: String) -> String { time(local: start) + "–" + time(local: end) }

    /// The days of a workshop: one day written out, or "14 May 2017 to 15 May 2017".
    func dates(_ first: String, _ last: String) -> String {
        first == last ? day(iso: first) : t("agenda.dates", ["first": day(iso: first), "last": day(iso: last)])
    }

    /// A field's problem as a line: "priority: must be a number of 0 or more".
    func fieldLine(_ error: FieldError) -> String {
        error.field.isEmpty ? reason(error) : t("workshop.field_reason", ["field": error.field, "reason": reason(error)])
    }

    /// Midnight GMT of a day given as "YYYY-MM-DD".
    static func date(iso text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard text.count == 10, parts.count == 3 else { return nil }
        return DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: .gmt, year: parts[0], month: parts[1], day: parts[2]).date
    }
}
