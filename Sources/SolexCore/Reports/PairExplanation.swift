import Foundation

/// A pair's explanation as a match report keeps it: each component's contribution, what the need and the innovation
/// share, the notes and the cooperation label. Its JSON is the matcher's explanation JSON (`contributions`,
/// `shared_terms`, `shared_themes`, `shared_targets`, `shared_tags`, `notes`, `cooperation`). Reading is lenient so
/// that a report stored by an older version still reads: a missing list is empty and a missing contribution is 0.
public struct PairExplanation: Sendable, Hashable, Codable {
    public var contributions: MatchComponents
    public var sharedTerms: [String]
    public var sharedThemes: [String]
    public var sharedTargets: [String]
    public var sharedTags: [String]
    public var notes: [String]
    /// "south-south" or "triangular".
    public var cooperation: String

    public init(contributions: MatchComponents, sharedTerms: [String], sharedThemes: [String], sharedTargets: [String],
                sharedTags: [String], notes: [String], cooperation: String) {
        self.contributions = contributions
        self.sharedTerms = sharedTerms
        self.sharedThemes = sharedThemes
        self.sharedTargets = sharedTargets
        self.sharedTags = sharedTags
        self.notes = notes
        self.cooperation = cooperation
    }

    /// The matcher's explanation of a pair.
    public init(_ explanation: MatchExplanation) {
        self.init(contributions: explanation.contributions, sharedTerms: explanation.sharedTerms, sharedThemes: explanation.sharedThemes,
                  sharedTargets: explanation.sharedTargets, sharedTags: explanation.sharedTags, notes: explanation.notes,
                  cooperation: explanation.cooperation)
    }

    /// Whether the innovation comes from outside the Global South.
    public var isTriangular: Bool { cooperation == "triangular" }

    /// The cooperation label for people: "South-South" or "Triangular".
    public var cooperationLabel: String { isTriangular ? "Triangular" : "South-South" }

    private enum CodingKeys: String, CodingKey {
        case contributions
        case sharedTerms = "shared_terms", sharedThemes = "shared_themes", sharedTargets = "shared_targets"
        case sharedTags = "shared_tags", notes, cooperation
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let numbers = try container.decodeIfPresent([String: Double].self, forKey: .contributions) ?? [:]
        var contributions = MatchComponents(text: 0, themes: 0, sdg: 0, tags: 0, evidence: 0, scale: 0, language: 0, proximity: 0)
        for (name, value) in numbers { ReportParameters.setWeight(name, value, in: &contributions) }
        self.init(contributions: contributions,
                  sharedTerms: try container.decodeIfPresent([String].self, forKey: .sharedTerms) ?? [],
                  sharedThemes: try container.decodeIfPresent([String].self, forKey: .sharedThemes) ?? [],
                  sharedTargets: try container.decodeIfPresent([String].self, forKey: .sharedTargets) ?? [],
                  sharedTags: try container.decodeIfPresent([String].self, forKey: .sharedTags) ?? [],
                  notes: try container.decodeIfPresent([String].self, forKey: .notes) ?? [],
                  cooperation: try container.decodeIfPresent(String.self, forKey: .cooperation) ?? "south-south")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(contributions, forKey: .contributions)
        try container.encode(sharedTerms, forKey: .sharedTerms)
        try container.encode(sharedThemes, forKey: .sharedThemes)
        try container.encode(sharedTargets, forKey: .sharedTargets)
        try container.encode(sharedTags, forKey: .sharedTags)
        try container.encode(notes, forKey: .notes)
        try container.encode(cooperation, forKey: .cooperation)
    }
}
