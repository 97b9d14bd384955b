import Foundation

/// The weights of the match score's components: a `MatchComponents` value. Given as CLI flags, a report form or a
/// JSON object (`{"text": 0.6, "themes": 0.1, ...}`); missing keys keep their defaults.
public typealias MatchWeights = MatchComponents

/// One number per component of the match score. As weights it says how much each component counts; as a pair's
/// values it says how far the pair meets each component (0 to 1); `weighted(by:)` gives each one's contribution.
public struct MatchComponents: Sendable, Hashable, Codable {
    /// BM25F similarity of the need's text to the innovation's text, normalised per need (best candidate = 1).
    public var text: Double
    /// Share of the need's themes the innovation has.
    public var themes: Double
    /// SDG targets: same target counts 1, same goal only 0.5, averaged over the need's targets.
    public var sdg: Double
    /// Free tags in common, weighted by rarity (idf).
    public var tags: Double
    /// Evidence level of the innovation (experimental 1 ... anecdotal 0).
    public var evidence: Double
    /// Scale reached by the innovation (multinational 1 ... pilot 0.25).
    public var scale: Double
    /// At least one language in common.
    public var language: Double
    /// Same UN M49 sub-region (1) or region (0.5).
    public var proximity: Double

    /// The defaults (see docs/matching.md for how they were chosen).
    /// Measured on the benchmark kit's 10k corpus (recall@10 and nDCG@10 against its truth): text 0.9 with themes,
    /// SDG targets and tags 0.03/0.03/0.04 scored best of the settings tried; any weight on evidence, scale, language
    /// or proximity lowered both, so they start at 0 (the context still shows in every explanation's notes).
    public static let defaults = MatchComponents(text: 0.90, themes: 0.03, sdg: 0.03, tags: 0.04, evidence: 0, scale: 0,
                                              language: 0, proximity: 0)

    /// Creates the components.
    public init(text: Double, themes: Double, sdg: Double, tags: Double, evidence: Double, scale: Double, language: Double,
                proximity: Double) {
        self.text = text
        self.themes = themes
        self.sdg = sdg
        self.tags = tags
        self.evidence = evidence
        self.scale = scale
        self.language = language
        self.proximity = proximity
    }

    /// Each component multiplied by its weight.
    public func weighted(by weights: MatchComponents) -> MatchComponents {
        MatchComponents(text: text * weights.text, themes: themes * weights.themes, sdg: sdg * weights.sdg,
                        tags: tags * weights.tags, evidence: evidence * weights.evidence, scale: scale * weights.scale,
                        language: language * weights.language, proximity: proximity * weights.proximity)
    }

    /// The sum of the components.
    public var total: Double { text + themes + sdg + tags + evidence + scale + language + proximity }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case text, themes, sdg, tags, evidence, scale, language, proximity
    }

    /// Decodes a JSON object; missing keys keep the default weights; unknown keys and negative values are errors.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let all = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = all.allKeys.first(where: { CodingKeys(rawValue: $0.stringValue) == nil }) {
            throw DecodingError.dataCorruptedError(forKey: unknown, in: all, debugDescription:
                "unknown weight '\(unknown.stringValue)'; known: \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        func value(_ key: CodingKeys, _ fallback: Double) throws -> Double {
            let weight = try container.decodeIfPresent(Double.self, forKey: key) ?? fallback
            guard weight >= 0, weight.isFinite else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "weight '\(key.rawValue)' must be 0 or more")
            }
            return weight
        }
        let base = Self.defaults
        self.init(text: try value(.text, base.text), themes: try value(.themes, base.themes), sdg: try value(.sdg, base.sdg),
                  tags: try value(.tags, base.tags), evidence: try value(.evidence, base.evidence), scale: try value(.scale, base.scale),
                  language: try value(.language, base.language), proximity: try value(.proximity, base.proximity))
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
