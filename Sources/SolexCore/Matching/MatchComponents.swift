import Foundation

extension Matcher {
    /// Evidence level as a number: experimental 1, evaluated 0.67, monitored 0.33, anecdotal 0.
    static func evidenceValue(_ level: EvidenceLevel) -> Double {
        switch level {
        case .experimental: 1
        case .evaluated: 0.67
        case .monitored: 0.33
        case .anecdotal: 0
        }
    }

    /// Scale reached as a number: multinational 1, national 0.75, subnational 0.5, pilot 0.25.
    static func scaleValue(_ scale: Scale) -> Double {
        switch scale {
        case .multinational: 1
        case .national: 0.75
        case .subnational: 0.5
        case .pilot: 0.25
        }
    }

    /// Share of the need's themes the innovation has (0 when the need has none).
    static func themeOverlap(_ need: MatchNeed, _ innovation: MatchInnovation) -> Double {
        guard !need.themes.isEmpty else { return 0 }
        return Double(need.themes.filter(innovation.themes.contains).count) / Double(need.themes.count)
    }

    /// SDG overlap: for each of the need's targets, 1 if the innovation has it, 0.5 if it has another target of the
    /// same goal; averaged over the need's targets.
    static func sdgOverlap(_ need: MatchNeed, _ innovation: MatchInnovation) -> Double {
        guard !need.sdgTargets.isEmpty else { return 0 }
        let goals = Set(innovation.sdgTargets.map(goal))
        let total = need.sdgTargets.reduce(0.0) { sum, target in
            sum + (innovation.sdgTargets.contains(target) ? 1 : goals.contains(goal(target)) ? 0.5 : 0)
        }
        return total / Double(need.sdgTargets.count)
    }

    static func goal(_ target: String) -> Substring { target.prefix { $0 != "." } }

    /// Free tags in common weighted by rarity, as a share of the need's tags' weight.
    func tagOverlap(_ need: MatchNeed, _ innovation: MatchInnovation) -> Double {
        guard !need.tags.isEmpty else { return 0 }
        let weight = { (tag: String) in self.tagIDF[tag] ?? log(1 + Double(self.innovations.count)) }
        let total = need.tags.reduce(0.0) { $0 + weight($1) }
        let shared = need.tags.filter(innovation.tags.contains).reduce(0.0) { $0 + weight($1) }
        return total > 0 ? shared / total : 0
    }

    /// Same sub-region 1, same region 0.5, otherwise 0.
    func proximity(_ need: MatchNeed, _ innovation: MatchInnovation) -> Double {
        guard let a = geography.regions[need.country], let b = geography.regions[innovation.country] else { return 0 }
        if a.subregion != nil && a.subregion == b.subregion { return 1 }
        if a.region != nil && a.region == b.region { return 0.5 }
        return 0
    }

    /// How far the pair meets each component, 0 to 1 (text is the already normalised text similarity).
    func components(_ need: MatchNeed, _ innovation: MatchInnovation, text: Double) -> MatchComponents {
        MatchComponents(text: text, themes: Self.themeOverlap(need, innovation), sdg: Self.sdgOverlap(need, innovation),
                        tags: tagOverlap(need, innovation), evidence: Self.evidenceValue(innovation.evidence),
                        scale: Self.scaleValue(innovation.scale),
                        language: Set(need.languages).isDisjoint(with: innovation.languages) ? 0 : 1,
                        proximity: proximity(need, innovation))
    }

    /// The explanation of a pair.
    func explain(_ need: MatchNeed, _ innovation: MatchInnovation, values: MatchComponents, terms: [String],
                 weights: MatchWeights) -> MatchExplanation {
        let sharedLanguage = values.language > 0
        let near = values.proximity
        var notes: [String] = []
        if near == 1 { notes.append("same sub-region") } else if near == 0.5 { notes.append("same region") }
        notes.append("evidence: \(innovation.evidence.rawValue)")
        notes.append("scale: \(innovation.scale.rawValue)")
        if sharedLanguage { notes.append("shared language: " + need.languages.filter(innovation.languages.contains).joined(separator: ", ")) }
        let needGoals = Set(need.sdgTargets.map(Self.goal))
        let sharedTargets = need.sdgTargets.filter(innovation.sdgTargets.contains)
            + innovation.sdgTargets.filter { !need.sdgTargets.contains($0) && needGoals.contains(Self.goal($0)) }.map { "goal \(Self.goal($0))" }
        let triangular = !geography.globalSouth.contains(innovation.country)
        return MatchExplanation(
            contributions: values.weighted(by: weights),
            sharedTerms: terms, sharedThemes: need.themes.filter(innovation.themes.contains),
            sharedTargets: sharedTargets.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } },
            sharedTags: need.tags.filter(innovation.tags.contains), notes: notes,
            cooperation: triangular ? "triangular" : "south-south")
    }
}
