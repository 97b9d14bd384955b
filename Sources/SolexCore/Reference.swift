import Foundation

/// A text given in each interface language (English, French, Spanish).
public struct LocalizedText: Sendable, Hashable, Codable {
    /// English text.
    public var en: String
    /// French text.
    public var fr: String
    /// Spanish text.
    public var es: String

    /// Creates a text; empty translations fall back to English.
    public init(en: String, fr: String, es: String) {
        self.en = en
        self.fr = fr.isEmpty ? en : fr
        self.es = es.isEmpty ? en : es
    }

    /// The text in `language` ("en", "fr", "es"), English for any other code.
    public func text(in language: String) -> String {
        switch language {
        case "fr": fr
        case "es": es
        default: en
        }
    }
}

/// An ISO 3166-1 country or territory with its UN M49 grouping.
public struct Country: Sendable, Hashable, Codable {
    /// ISO 3166-1 alpha-2 code, e.g. "BD".
    public var alpha2: String
    /// ISO 3166-1 alpha-3 code, e.g. "BGD".
    public var alpha3: String
    /// ISO 3166-1 numeric code, e.g. "050".
    public var numeric: String
    /// Short name in each interface language.
    public var name: LocalizedText
    /// UN M49 region code (nil for Antarctica).
    public var regionCode: Int?
    /// UN M49 region name, e.g. "Asia".
    public var region: String
    /// UN M49 sub-region code.
    public var subregionCode: Int?
    /// UN M49 sub-region name, e.g. "Southern Asia".
    public var subregion: String
    /// Whether the country belongs to the Global South (see `globalSouthBasis`).
    public var globalSouth: Bool
    /// The stated basis of `globalSouth`.
    public var globalSouthBasis: String

    /// Creates a country.
    public init(alpha2: String, alpha3: String, numeric: String, name: LocalizedText, regionCode: Int?, region: String,
                subregionCode: Int?, subregion: String, globalSouth: Bool, globalSouthBasis: String) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.numeric = numeric
        self.name = name
        self.regionCode = regionCode
        self.region = region
        self.subregionCode = subregionCode
        self.subregion = subregion
        self.globalSouth = globalSouth
        self.globalSouthBasis = globalSouthBasis
    }
}

/// One of the 17 Sustainable Development Goals.
public struct SDGGoal: Sendable, Hashable, Codable {
    /// Goal number, 1...17.
    public var number: Int
    /// Concise label.
    public var label: LocalizedText

    /// Creates a goal.
    public init(number: Int, label: LocalizedText) {
        self.number = number
        self.label = label
    }
}

/// One of the 169 SDG targets, e.g. "16.9" or "1.a".
public struct SDGTarget: Sendable, Hashable, Codable {
    /// Target id, e.g. "16.9".
    public var id: String
    /// The goal the target belongs to.
    public var goal: Int
    /// Concise label.
    public var label: LocalizedText

    /// Creates a target.
    public init(id: String, goal: Int, label: LocalizedText) {
        self.id = id
        self.goal = goal
        self.label = label
    }
}

/// A catalogue theme such as "civil-registration".
public struct Theme: Sendable, Hashable, Codable {
    /// Stable slug used in the interchange format and URLs.
    public var slug: String
    /// Label in each interface language.
    public var label: LocalizedText
    /// One sentence on what the theme covers, in each interface language.
    public var summary: LocalizedText

    /// Creates a theme.
    public init(slug: String, label: LocalizedText, summary: LocalizedText) {
        self.slug = slug
        self.label = label
        self.summary = summary
    }
}

/// An ISO 639-1 language.
public struct Language: Sendable, Hashable, Codable {
    /// Two-letter code, e.g. "bn".
    public var code: String
    /// Name in each interface language.
    public var name: LocalizedText

    /// Creates a language.
    public init(code: String, name: LocalizedText) {
        self.code = code
        self.name = name
    }
}
