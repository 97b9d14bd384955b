import Foundation

/// What the matcher knows of an innovation: its words by field (already tokenized and folded) and its tags.
public struct MatchInnovation: Sendable {
    public var ref: String
    public var country: String
    public var titleWords: [String]
    public var summaryWords: [String]
    public var tagWords: [String]
    public var descriptionWords: [String]
    public var themes: [String]
    public var sdgTargets: [String]
    public var tags: [String]
    public var languages: [String]
    public var evidence: EvidenceLevel
    public var scale: Scale
    /// Indices of word lists given to the matcher (`expansionWords`) that count as this innovation's tag words.
    public var expansions: [Int32] = []

    public init(ref: String, country: String, titleWords: [String], summaryWords: [String], tagWords: [String],
                descriptionWords: [String], themes: [String], sdgTargets: [String], tags: [String], languages: [String],
                evidence: EvidenceLevel, scale: Scale) {
        self.ref = ref
        self.country = country
        self.titleWords = titleWords
        self.summaryWords = summaryWords
        self.tagWords = tagWords
        self.descriptionWords = descriptionWords
        self.themes = themes
        self.sdgTargets = sdgTargets
        self.tags = tags
        self.languages = languages
        self.evidence = evidence
        self.scale = scale
    }
}

/// What the matcher knows of a need.
public struct MatchNeed: Sendable {
    public var ref: String
    public var country: String
    /// The words of the title, description and tags.
    public var words: [String]
    public var themes: [String]
    public var sdgTargets: [String]
    public var tags: [String]
    public var languages: [String]

    public init(ref: String, country: String, words: [String], themes: [String], sdgTargets: [String], tags: [String],
                languages: [String]) {
        self.ref = ref
        self.country = country
        self.words = words
        self.themes = themes
        self.sdgTargets = sdgTargets
        self.tags = tags
        self.languages = languages
    }
}

/// Where a country stands, for the context component and the pair's label.
public struct MatchGeography: Sendable {
    /// Sub-region and region code of each country.
    public var regions: [String: (subregion: Int?, region: Int?)]
    /// Countries of the Global South.
    public var globalSouth: Set<String>

    public init(regions: [String: (subregion: Int?, region: Int?)], globalSouth: Set<String>) {
        self.regions = regions
        self.globalSouth = globalSouth
    }

    /// Builds the geography from the reference data.
    public init(_ reference: ReferenceData) {
        var regions: [String: (subregion: Int?, region: Int?)] = [:]
        for country in reference.countries { regions[country.alpha3] = (country.subregionCode, country.regionCode) }
        self.init(regions: regions, globalSouth: Set(reference.countries.filter(\.globalSouth).map(\.alpha3)))
    }
}
