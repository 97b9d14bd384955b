import Foundation

/// What a match report is run with: the score's weights, the minimum score, how many innovations per need, the
/// filters that choose the needs and innovations, and the optional capacities of the assignment.
///
/// Its JSON form (stored with every report, sent to the API) is an object with snake_case keys:
/// `{"weights": {...}, "minimum_score": 0, "top": 10, "themes": [], "regions": [], "countries": [], "evidence": [],
/// "capacity_per_innovation": null, "capacity_per_need": null}`. A missing key keeps its default.
public struct ReportParameters: Sendable, Hashable, Codable {
    /// The weight of each component of the score.
    public var weights: MatchWeights
    /// Pairs scoring below this are left out.
    public var minimumScore: Double
    /// Innovations proposed per need, at most.
    public var top: Int
    /// Only needs with at least one of these themes (slugs); empty for every need.
    public var themes: [String]
    /// Only needs of countries in these UN M49 regions or sub-regions (codes as text without leading zeros, e.g.
    /// "142", "202"); empty for every region.
    public var regions: [String]
    /// Only needs of these countries (ISO 3166-1 alpha-3); empty for every country.
    public var countries: [String]
    /// Only innovations with one of these evidence levels; empty for every level.
    public var evidence: [EvidenceLevel]
    /// Each innovation's champion supports at most this many adopting needs (nil: no limit, no assignment).
    public var capacityPerInnovation: Int?
    /// Each need receives at most this many assigned proposals (nil: no limit, no assignment).
    public var capacityPerNeed: Int?

    /// The allowed number of innovations per need.
    public static let topRange = 1...100
    /// The allowed capacities.
    public static let capacityRange = 1...1000
    /// The largest weight of a score component.
    public static let maxWeight = 1_000_000.0
    /// The default number of innovations per need.
    public static let defaultTop = 10

    /// Creates parameters; every argument has the default of a report run with nothing chosen.
    public init(weights: MatchWeights = .defaults, minimumScore: Double = 0, top: Int = ReportParameters.defaultTop,
                themes: [String] = [], regions: [String] = [], countries: [String] = [], evidence: [EvidenceLevel] = [],
                capacityPerInnovation: Int? = nil, capacityPerNeed: Int? = nil) {
        self.weights = weights
        self.minimumScore = minimumScore
        self.top = top
        self.themes = themes
        self.regions = regions
        self.countries = countries
        self.evidence = evidence
        self.capacityPerInnovation = capacityPerInnovation
        self.capacityPerNeed = capacityPerNeed
    }

    /// Whether the report assigns pairs under capacities.
    public var usesCapacities: Bool { capacityPerInnovation != nil || capacityPerNeed != nil }

    /// Whether any filter is set.
    public var hasFilters: Bool { !themes.isEmpty || !regions.isEmpty || !countries.isEmpty || !evidence.isEmpty }

    // MARK: Validation

    /// Checks every value and returns the parameters in canonical form (filters de-duplicated and sorted, country
    /// codes in upper case, regions given by name turned into their M49 code), or every problem found, each naming
    /// its field (`weights.text`, `minimum_score`, `top`, `themes`, `regions`, `countries`, `evidence`,
    /// `capacity_per_innovation`, `capacity_per_need`).
    public func validated(reference: ReferenceData) -> Result<ReportParameters, ValidationFailure> {
        var errors: [FieldError] = []
        var result = self
        for (name, weight) in Self.weightComponents(weights) {
            if !(weight.isFinite && weight >= 0) {
                errors.append(FieldError(field: "weights.\(name)", Self.notANumber))
            } else if weight > Self.maxWeight {
                // A bound keeps every score finite (a sum of weights near Double's limit overflows to infinity).
                errors.append(FieldError(field: "weights.\(name)", Explanation("report.reason.weight_max", ["max": Self.format(Self.maxWeight)],
                                                                      english: "must be at most \(Self.format(Self.maxWeight))")))
            }
        }
        let weightSum = weights.total
        if errors.isEmpty && weightSum <= 0 {
            errors.append(FieldError(field: "weights", Explanation("report.reason.weights_all_zero", english: "at least one weight must be above 0")))
        }
        if !minimumScore.isFinite || minimumScore < 0 {
            errors.append(FieldError(field: "minimum_score", Self.notANumber))
        } else if weightSum > 0 && weightSum.isFinite && minimumScore > weightSum {
            errors.append(FieldError(field: "minimum_score", Explanation("report.reason.minimum_above_max", ["max": Self.format(weightSum)],
                english: "must not be above \(Self.format(weightSum)), the highest score these weights can give")))
        }
        if !Self.topRange.contains(top) {
            errors.append(FieldError(field: "top", Self.topReason))
        }
        var themes: [String] = []
        for slug in Self.cleaned(self.themes) {
            if reference.theme(slug) != nil { themes.append(slug) } else {
                errors.append(FieldError(field: "themes", Explanation("report.reason.unknown_theme", ["value": slug], english: "'\(slug)' is not a known theme")))
            }
        }
        result.themes = Self.unique(themes)
        var regions: [String] = []
        for text in Self.cleaned(self.regions) {
            if let code = Self.regionCode(text, reference: reference) { regions.append(code) } else {
                errors.append(FieldError(field: "regions", Explanation("report.reason.unknown_region", ["value": text],
                    english: "'\(text)' is not a UN M49 region or sub-region (give its code, e.g. 142, or its name, e.g. Asia)")))
            }
        }
        result.regions = Self.unique(regions).sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
        var countries: [String] = []
        for text in Self.cleaned(self.countries) {
            let code = text.uppercased()
            if reference.country(code) != nil { countries.append(code) } else {
                errors.append(FieldError(field: "countries", Explanation("report.reason.unknown_country", ["value": text],
                                                                         english: "'\(text)' is not a known country code (ISO 3166-1 alpha-3, e.g. BGD)")))
            }
        }
        result.countries = Self.unique(countries).sorted()
        result.evidence = EvidenceLevel.allCases.filter(evidence.contains)
        for (field, capacity) in [("capacity_per_innovation", capacityPerInnovation), ("capacity_per_need", capacityPerNeed)] {
            if let capacity, !Self.capacityRange.contains(capacity) {
                errors.append(FieldError(field: field, Self.capacityReason))
            }
        }
        return errors.isEmpty ? .success(result) : .failure(ValidationFailure(errors))
    }

    /// Why a weight or the minimum score is refused: not a number of 0 or more.
    static let notANumber = Explanation("report.reason.number_min_0", english: "must be a number of 0 or more")

    /// Why the number of innovations per need is refused.
    static let topReason = Explanation("report.reason.top_range", ["min": String(topRange.lowerBound), "max": String(topRange.upperBound)],
                                       english: "must be a whole number from \(topRange.lowerBound) to \(topRange.upperBound)")

    /// Why a capacity typed in a form or on the command line is refused.
    static let capacityReason = Explanation(
        "report.reason.capacity_range", ["min": String(capacityRange.lowerBound), "max": String(capacityRange.upperBound)],
        english: "must be a whole number from \(capacityRange.lowerBound) to \(capacityRange.upperBound), or left empty for no limit")

    /// The M49 code (as text, no leading zeros) of a region or sub-region given by code or by name (any case).
    public static func regionCode(_ text: String, reference: ReferenceData) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var regions: [Int: String] = [:]
        for country in reference.countries {
            if let code = country.regionCode { regions[code] = country.region }
            if let code = country.subregionCode { regions[code] = country.subregion }
        }
        if let number = Int(trimmed), regions[number] != nil { return String(number) }
        let folded = trimmed.lowercased()
        return regions.first { $0.value.lowercased() == folded }.map { String($0.key) }
    }

    /// The name of the M49 region or sub-region with this code, if known.
    public static func regionName(_ code: String, reference: ReferenceData) -> String? {
        guard let number = Int(code) else { return nil }
        for country in reference.countries {
            if country.regionCode == number { return country.region }
            if country.subregionCode == number { return country.subregion }
        }
        return nil
    }

    /// The weights by name, in the score's order.
    public static func weightComponents(_ weights: MatchWeights) -> [(String, Double)] {
        [("text", weights.text), ("themes", weights.themes), ("sdg", weights.sdg), ("tags", weights.tags),
         ("evidence", weights.evidence), ("scale", weights.scale), ("language", weights.language), ("proximity", weights.proximity)]
    }

    /// The names of the score's components, in order.
    public static let componentNames = weightComponents(.defaults).map(\.0)

    /// Sets the weight of the component `name`; false if there is no such component.
    @discardableResult
    public static func setWeight(_ name: String, _ value: Double, in weights: inout MatchWeights) -> Bool {
        switch name {
        case "text": weights.text = value
        case "themes": weights.themes = value
        case "sdg": weights.sdg = value
        case "tags": weights.tags = value
        case "evidence": weights.evidence = value
        case "scale": weights.scale = value
        case "language": weights.language = value
        case "proximity": weights.proximity = value
        default: return false
        }
        return true
    }

    static func cleaned(_ values: [String]) -> [String] {
        values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// A number for messages: up to four decimals, no trailing zeros.
    static func format(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    // MARK: JSON

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case weights, minimumScore = "minimum_score", top, themes, regions, countries, evidence
        case capacityPerInnovation = "capacity_per_innovation", capacityPerNeed = "capacity_per_need"
    }

    /// The JSON keys of the parameters.
    public static let jsonKeys = CodingKeys.allCases.map(\.rawValue)

    /// Decodes the JSON form strictly (unknown keys are errors; missing keys keep their defaults). Values are not
    /// checked against the reference data: see `validated(reference:)` and `parse(_:reference:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let all = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = all.allKeys.first(where: { CodingKeys(rawValue: $0.stringValue) == nil }) {
            throw DecodingError.dataCorruptedError(forKey: unknown, in: all, debugDescription: "unknown parameter '\(unknown.stringValue)'")
        }
        self.init(
            weights: try container.decodeIfPresent(MatchWeights.self, forKey: .weights) ?? .defaults,
            minimumScore: try container.decodeIfPresent(Double.self, forKey: .minimumScore) ?? 0,
            top: try container.decodeIfPresent(Int.self, forKey: .top) ?? Self.defaultTop,
            themes: try container.decodeIfPresent([String].self, forKey: .themes) ?? [],
            regions: try container.decodeIfPresent([String].self, forKey: .regions) ?? [],
            countries: try container.decodeIfPresent([String].self, forKey: .countries) ?? [],
            evidence: try container.decodeIfPresent([EvidenceLevel].self, forKey: .evidence) ?? [],
            capacityPerInnovation: try container.decodeIfPresent(Int.self, forKey: .capacityPerInnovation),
            capacityPerNeed: try container.decodeIfPresent(Int.self, forKey: .capacityPerNeed))
    }

    /// Encodes every key, capacities as null when not set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(weights, forKey: .weights)
        try container.encode(minimumScore, forKey: .minimumScore)
        try container.encode(top, forKey: .top)
        try container.encode(themes, forKey: .themes)
        try container.encode(regions, forKey: .regions)
        try container.encode(countries, forKey: .countries)
        try container.encode(evidence, forKey: .evidence)
        if let capacityPerInnovation { try container.encode(capacityPerInnovation, forKey: .capacityPerInnovation) } else {
            try container.encodeNil(forKey: .capacityPerInnovation)
        }
        if let capacityPerNeed { try container.encode(capacityPerNeed, forKey: .capacityPerNeed) } else {
            try container.encodeNil(forKey: .capacityPerNeed)
        }
    }

    /// The canonical JSON text: keys sorted, no spaces.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
