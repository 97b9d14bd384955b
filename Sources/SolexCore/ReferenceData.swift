import Foundation

/// The fixed vocabularies every entry is validated against: countries, SDG goals and targets, themes, languages.
public struct ReferenceData: Sendable {
    /// Countries ordered by alpha-3 code.
    public let countries: [Country]
    /// SDG goals ordered by number.
    public let goals: [SDGGoal]
    /// SDG targets in official order.
    public let targets: [SDGTarget]
    /// Themes in their fixed order.
    public let themes: [Theme]
    /// Languages ordered by code.
    public let languages: [Language]
    /// The multilingual concept thesaurus (concepts with their theme and SDG targets).
    public let thesaurus: ConceptThesaurus

    private let countryIndex: [String: Country]
    private let targetIndex: [String: SDGTarget]
    private let themeIndex: [String: Theme]
    private let languageIndex: [String: Language]

    /// Builds the lookup tables.
    public init(countries: [Country], goals: [SDGGoal], targets: [SDGTarget], themes: [Theme], languages: [Language],
                thesaurus: ConceptThesaurus = .empty) {
        self.countries = countries
        self.goals = goals
        self.targets = targets
        self.themes = themes
        self.languages = languages
        self.thesaurus = thesaurus
        countryIndex = Dictionary(countries.map { ($0.alpha3, $0) }, uniquingKeysWith: { first, _ in first })
        targetIndex = Dictionary(targets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        themeIndex = Dictionary(themes.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        languageIndex = Dictionary(languages.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The country with this alpha-3 code.
    public func country(_ alpha3: String) -> Country? { countryIndex[alpha3] }
    /// The SDG target with this id.
    public func target(_ id: String) -> SDGTarget? { targetIndex[id] }
    /// The theme with this slug.
    public func theme(_ slug: String) -> Theme? { themeIndex[slug] }
    /// The language with this ISO 639-1 code.
    public func language(_ code: String) -> Language? { languageIndex[code] }
    /// The goal with this number.
    public func goal(_ number: Int) -> SDGGoal? { goals.first { $0.number == number } }

    /// The allowed values of a vocabulary.
    public func contains(_ value: String, in vocabulary: Vocabulary) -> Bool {
        switch vocabulary {
        case .countries: countryIndex[value] != nil
        case .sdgTargets: targetIndex[value] != nil
        case .themes: themeIndex[value] != nil
        case .languages: languageIndex[value] != nil
        case .fixed(let values): values.contains(value)
        }
    }

    /// Every allowed value of a vocabulary, in display order.
    public func values(of vocabulary: Vocabulary) -> [String] {
        switch vocabulary {
        case .countries: countries.map(\.alpha3)
        case .sdgTargets: targets.map(\.id)
        case .themes: themes.map(\.slug)
        case .languages: languages.map(\.code)
        case .fixed(let values): values
        }
    }
}

/// A closed set of values a field may take.
public enum Vocabulary: Sendable, Hashable {
    /// ISO 3166-1 alpha-3 codes.
    case countries
    /// SDG target ids.
    case sdgTargets
    /// Theme slugs.
    case themes
    /// ISO 639-1 codes.
    case languages
    /// A fixed enumeration.
    case fixed([String])

    /// How the vocabulary is named in error messages.
    var noun: String {
        switch self {
        case .countries: "country code (ISO 3166-1 alpha-3, e.g. BGD)"
        case .sdgTargets: "SDG target (e.g. 16.9 or 1.a)"
        case .themes: "theme"
        case .languages: "language code (ISO 639-1, e.g. en)"
        case .fixed: "value"
        }
    }
}
