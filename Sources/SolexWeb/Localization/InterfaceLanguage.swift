import Foundation

/// A language the interface is offered in.
public enum InterfaceLanguage: String, CaseIterable, Sendable, Codable {
    case en, fr, es

    /// The language's ISO 639-1 code, as used in `lang` attributes, `?lang=` and the language cookie.
    public var code: String { rawValue }

    /// The language's name in itself, for the language switcher.
    public var endonym: String {
        switch self {
        case .en: "English"
        case .fr: "Français"
        case .es: "Español"
        }
    }

    /// The locale numbers and dates are formatted in.
    public var locale: Locale {
        switch self {
        case .en: Locale(identifier: "en_GB")
        case .fr: Locale(identifier: "fr_FR")
        case .es: Locale(identifier: "es_ES")
        }
    }

    /// The language for a code such as "fr" or "fr-BE" (case-insensitive); nil when the interface is not offered in it.
    public init?(code: String) {
        let primary = code.split(separator: "-").first.map { $0.lowercased() } ?? ""
        guard let language = InterfaceLanguage(rawValue: primary) else { return nil }
        self = language
    }

    /// The best language for an `Accept-Language` header (RFC 9110 §12.5.4): the offered language with the highest
    /// weight, earlier ranges winning ties; nil when none is offered (the caller falls back to English).
    public static func negotiate(acceptLanguage header: String) -> InterfaceLanguage? {
        var best: (language: InterfaceLanguage, weight: Double, index: Int)?
        for (index, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = parts.first, let language = InterfaceLanguage(code: range) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            guard weight > 0 else { continue }
            if best == nil || weight > best!.weight { best = (language, weight, index) }
        }
        return best?.language
    }
}
