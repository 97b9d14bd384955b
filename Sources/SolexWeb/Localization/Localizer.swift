import Foundation
import SolexCore

/// The messages of one interface language and its way of writing numbers and dates.
public struct Localizer: Sendable {
    /// The language.
    public let language: InterfaceLanguage
    let messages: [String: String]

    /// English with no messages: every lookup answers its key (the state of a request before `LanguageMiddleware`).
    public static let untranslated = Localizer(language: .en, messages: [:])

    /// The message `key` with `{name}` placeholders replaced by `values`; the key itself when the catalogue lacks it
    /// (the catalogue tests make that a failing test, not a page).
    public func t(_ key: String, _ values: [String: String] = [:]) -> String {
        guard var text = messages[key] else { return key }
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// An explanation in this language (its English text where the catalogue lacks its key).
    public func text(_ explanation: Explanation) -> String {
        has(explanation.key) ? t(explanation.key, values(of: explanation)) : explanation.english
    }

    /// An explanation's values, those it marks as localized written in this language.
    func values(of explanation: Explanation) -> [String: String] {
        var values = explanation.values
        for (name, value) in explanation.localized {
            values[name] = switch value {
            case .label(let key): t(key)
            case .labels(let keys): keys.map { t($0) }.joined(separator: ", ")
            case .number(let value): number(value)
            case .moment(let day, let time): t("agenda.moment", ["day": weekdayAndDay(iso: day), "time": self.time(local: time)])
            }
        }
        return values
    }

    /// A field error's reason in this language.
    public func reason(_ error: FieldError) -> String {
        error.explanation.map(text) ?? error.reason
    }

    /// Whether the catalogue has `key`.
    public func has(_ key: String) -> Bool { messages[key] != nil }

    /// A reference label (country, goal, target, theme, language name) in this language.
    public func text(_ text: LocalizedText) -> String { text.text(in: language.code) }

    /// A whole number with this language's digit grouping: 12,345 / 12 345 / 12.345.
    public func number(_ value: Int) -> String { value.formatted(.number.locale(language.locale)) }

    /// A decimal number with exactly `digits` digits after this language's decimal separator.
    public func decimal(_ value: Double, digits: Int) -> String {
        value.formatted(.number.precision(.fractionLength(digits)).locale(language.locale))
    }

    /// A day written out in this language, e.g. "22 November 2026" / "22 novembre 2026" / "22 de noviembre de 2026".
    public func day(_ date: Date, timeZone: TimeZone = .gmt) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: language.locale, timeZone: timeZone))
    }

    /// A day given as "YYYY-MM-DD" written out in this language; the text unchanged when it is not such a day.
    public func day(iso text: String) -> String {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: .gmt,
                                                         year: parts[0], month: parts[1], day: parts[2]).date else { return text }
        return day(date)
    }

    /// A moment with its time of day, e.g. "22 Nov 2026, 14:05".
    public func dateTime(_ date: Date, timeZone: TimeZone = .gmt) -> String {
        date.formatted(Date.FormatStyle(date: .abbreviated, time: .shortened, locale: language.locale, timeZone: timeZone))
    }

    /// A time of day, e.g. "14:05" (or "2:05 pm" where the language writes it so).
    public func time(_ date: Date, timeZone: TimeZone = .gmt) -> String {
        date.formatted(Date.FormatStyle(date: .omitted, time: .shortened, locale: language.locale, timeZone: timeZone))
    }

    /// A weekday and day, e.g. "Wednesday 18 November" / "mercredi 18 novembre".
    public func weekdayAndDay(_ date: Date, timeZone: TimeZone = .gmt) -> String {
        date.formatted(Date.FormatStyle(locale: language.locale, timeZone: timeZone).weekday(.wide).day().month(.wide))
    }
}
