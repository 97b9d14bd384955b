import Foundation

/// Why a pair was proposed: each component's weighted contribution, what the two entries share, and notes.
public struct MatchExplanation: Sendable, Hashable, Codable {
    /// Weighted contribution of each component to the score (they add up to the score).
    public var contributions: MatchComponents
    /// The shared words that weigh most in the text component, strongest first.
    public var sharedTerms: [String]
    public var sharedThemes: [String]
    /// SDG targets in common; a target of the need whose goal only is shared is listed as "goal 16".
    public var sharedTargets: [String]
    public var sharedTags: [String]
    /// Context notes, e.g. "same sub-region", "evidence: evaluated".
    public var notes: [String]
    /// "south-south", or "triangular" when the innovation comes from outside the Global South.
    public var cooperation: String

    private enum CodingKeys: String, CodingKey {
        case contributions
        case sharedTerms = "shared_terms", sharedThemes = "shared_themes", sharedTargets = "shared_targets"
        case sharedTags = "shared_tags", notes, cooperation
    }
}

/// A proposed innovation for a need.
public struct Match: Sendable, Hashable {
    /// The innovation's ref.
    public var innovation: String
    /// The total score.
    public var score: Double
    /// Why.
    public var explanation: MatchExplanation
}
