import Foundation

/// Report parameters as typed in a form or on the command line: text, not yet checked. Empty text keeps a value's
/// default (no limit for a capacity). List values may each hold several items separated by `;`.
public struct ReportParameterText: Sendable, Hashable {
    /// Weights by component name (`text`, `themes`, ...); components left out keep their defaults.
    public var weights: [String: String]
    public var minimumScore: String
    public var top: String
    public var themes: [String]
    public var regions: [String]
    public var countries: [String]
    public var evidence: [String]
    public var capacityPerInnovation: String
    public var capacityPerNeed: String

    /// Creates the text of a form; every argument defaults to empty.
    public init(weights: [String: String] = [:], minimumScore: String = "", top: String = "", themes: [String] = [],
                regions: [String] = [], countries: [String] = [], evidence: [String] = [], capacityPerInnovation: String = "",
                capacityPerNeed: String = "") {
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

    /// The text of existing parameters (to fill a form).
    public init(_ parameters: ReportParameters) {
        self.init(
            weights: Dictionary(uniqueKeysWithValues: ReportParameters.weightComponents(parameters.weights).map { ($0.0, ReportParameters.format($0.1)) }),
            minimumScore: ReportParameters.format(parameters.minimumScore), top: String(parameters.top), themes: parameters.themes,
            regions: parameters.regions, countries: parameters.countries, evidence: parameters.evidence.map(\.rawValue),
            capacityPerInnovation: parameters.capacityPerInnovation.map(String.init) ?? "",
            capacityPerNeed: parameters.capacityPerNeed.map(String.init) ?? "")
    }
}

extension ReportParameters {
    /// Reads typed text: numbers parsed, lists split on `;`, then `validated(reference:)`. Every problem names its
    /// field and says why.
    public static func parse(_ input: ReportParameterText, reference: ReferenceData) -> Result<ReportParameters, ValidationFailure> {
        var errors: [FieldError] = []
        var parameters = ReportParameters()
        for name in input.weights.keys.sorted() where !componentNames.contains(name) {
            errors.append(FieldError(field: "weights.\(name)", notAWeight(name)))
        }
        for name in componentNames {
            guard let text = input.weights[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
            if let value = Double(text), value.isFinite, value >= 0 { setWeight(name, value, in: &parameters.weights) } else {
                errors.append(FieldError(field: "weights.\(name)", notANumber))
            }
        }
        let minimum = input.minimumScore.trimmingCharacters(in: .whitespaces)
        if !minimum.isEmpty {
            if let value = Double(minimum), value.isFinite { parameters.minimumScore = value } else {
                errors.append(FieldError(field: "minimum_score", notANumber))
            }
        }
        let top = input.top.trimmingCharacters(in: .whitespaces)
        if !top.isEmpty {
            if let value = Int(top) { parameters.top = value } else {
                errors.append(FieldError(field: "top", topReason))
            }
        }
        parameters.themes = split(input.themes)
        parameters.regions = split(input.regions)
        parameters.countries = split(input.countries)
        for text in split(input.evidence) {
            if let level = EvidenceLevel(rawValue: text.lowercased()) { parameters.evidence.append(level) } else {
                errors.append(FieldError(field: "evidence", evidenceExplanation(text)))
            }
        }
        for (field, text) in [("capacity_per_innovation", input.capacityPerInnovation), ("capacity_per_need", input.capacityPerNeed)] {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            if let value = Int(trimmed) {
                if field == "capacity_per_innovation" { parameters.capacityPerInnovation = value } else { parameters.capacityPerNeed = value }
            } else {
                errors.append(FieldError(field: field, capacityReason))
            }
        }
        return combine(errors, parameters, reference)
    }

    /// Reads the JSON form (an object; see the type's description). Unknown keys and values of the wrong type are
    /// problems on their field; then `validated(reference:)`.
    public static func parse(json members: [String: JSONValue], reference: ReferenceData) -> Result<ReportParameters, ValidationFailure> {
        var errors: [FieldError] = []
        var parameters = ReportParameters()
        for key in members.keys.sorted() where !jsonKeys.contains(key) {
            errors.append(FieldError(field: key, reason: "is not a report parameter; known: \(jsonKeys.joined(separator: ", "))"))
        }
        func number(_ value: JSONValue) -> Double? {
            switch value {
            case .integer(let number): Double(number)
            case .number(let number): number
            default: nil
            }
        }
        func whole(_ value: JSONValue) -> Int? {
            switch value {
            case .integer(let number): number
            case .number(let number): number.rounded() == number ? Int(exactly: number) : nil
            default: nil
            }
        }
        func strings(_ key: String, allowNumbers: Bool = false) -> [String] {
            guard let value = members[key] else { return [] }
            let items: [JSONValue]
            switch value {
            case .null: return []
            case .array(let array): items = array
            case .string: items = [value]
            default:
                errors.append(FieldError(field: key, reason: "must be an array of strings"))
                return []
            }
            var result: [String] = []
            for item in items {
                switch item {
                case .string(let text) where text.trimmingCharacters(in: .whitespaces).isEmpty:
                    errors.append(FieldError(field: key, reason: "must not hold an empty value"))
                    return result
                case .string(let text): result.append(text)
                case .integer(let number) where allowNumbers: result.append(String(number))
                default:
                    errors.append(FieldError(field: key, reason: allowNumbers ? "must be an array of M49 codes or names" : "must be an array of strings"))
                    return result
                }
            }
            return result
        }
        if let value = members["weights"], value != .null {
            if case .object(let weights) = value {
                for name in weights.keys.sorted() {
                    guard componentNames.contains(name) else {
                        errors.append(FieldError(field: "weights.\(name)", reason: "is not a weight; known: \(componentNames.joined(separator: ", "))"))
                        continue
                    }
                    if let weight = number(weights[name]!), weight >= 0 { setWeight(name, weight, in: &parameters.weights) } else {
                        errors.append(FieldError(field: "weights.\(name)", reason: "must be a number of 0 or more"))
                    }
                }
            } else {
                errors.append(FieldError(field: "weights", reason: "must be an object of numbers, e.g. {\"text\": 0.6, \"themes\": 0.2}"))
            }
        }
        if let value = members["minimum_score"], value != .null {
            if let score = number(value) { parameters.minimumScore = score } else {
                errors.append(FieldError(field: "minimum_score", reason: "must be a number of 0 or more"))
            }
        }
        if let value = members["top"], value != .null {
            if let top = whole(value) { parameters.top = top } else {
                errors.append(FieldError(field: "top", reason: "must be a whole number from \(topRange.lowerBound) to \(topRange.upperBound)"))
            }
        }
        parameters.themes = strings("themes")
        parameters.regions = strings("regions", allowNumbers: true)
        parameters.countries = strings("countries")
        for text in strings("evidence") {
            if let level = EvidenceLevel(rawValue: text) { parameters.evidence.append(level) } else {
                errors.append(FieldError(field: "evidence", reason: evidenceReason(text)))
            }
        }
        for field in ["capacity_per_innovation", "capacity_per_need"] {
            guard let value = members[field], value != .null else { continue }
            if let capacity = whole(value) {
                if field == "capacity_per_innovation" { parameters.capacityPerInnovation = capacity } else { parameters.capacityPerNeed = capacity }
            } else {
                errors.append(FieldError(field: field, reason:
                    "must be a whole number from \(capacityRange.lowerBound) to \(capacityRange.upperBound), or null for no limit"))
            }
        }
        return combine(errors, parameters, reference)
    }

    private static func combine(_ errors: [FieldError], _ parameters: ReportParameters,
                                _ reference: ReferenceData) -> Result<ReportParameters, ValidationFailure> {
        switch parameters.validated(reference: reference) {
        case .success(let valid): return errors.isEmpty ? .success(valid) : .failure(ValidationFailure(errors))
        case .failure(let failure):
            // Problems of reading come first; a field already refused while reading is not reported twice.
            let refused = Set(errors.map(\.field))
            return .failure(ValidationFailure(errors + failure.errors.filter { !refused.contains($0.field) }))
        }
    }

    private static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ";") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func evidenceReason(_ text: String) -> String { evidenceExplanation(text).english }

    /// Why an evidence level is refused.
    private static func evidenceExplanation(_ text: String) -> Explanation {
        let levels = EvidenceLevel.allCases.map(\.rawValue).joined(separator: ", ")
        return Explanation("report.reason.unknown_evidence", ["value": text, "levels": levels], english: "'\(text)' is not one of \(levels)")
    }

    /// Why a weight's name is refused.
    private static func notAWeight(_ name: String) -> Explanation {
        let known = componentNames.joined(separator: ", ")
        return Explanation("report.reason.not_a_weight", ["known": known], english: "is not a weight; known: \(known)")
    }
}
