import Foundation

/// A public-service innovation offered by its champion for other countries to adopt.
public struct Innovation: Sendable, Hashable, Codable {
    public var ref: String
    public var title: String
    public var summary: String
    public var description: String
    public var originCountry: String
    public var champion: String
    public var themes: [String]
    public var sdgTargets: [String]
    public var tags: [String]
    public var scale: Scale
    public var beneficiaries: Int?
    public var evidenceLevel: EvidenceLevel
    public var evidence: String
    /// The language the entry is written in (ISO 639-1).
    public var language: String
    public var languages: [String]
    public var yearStarted: Int?
    public var url: String?

    /// Builds an innovation from validated, canonical field values.
    public init(validated values: FieldValues) {
        let read = FieldReader(values)
        ref = read.text("ref")
        title = read.text("title")
        summary = read.text("summary")
        description = read.text("description")
        originCountry = read.text("origin_country")
        champion = read.text("champion")
        themes = read.list("themes")
        sdgTargets = read.list("sdg_targets")
        tags = read.list("tags")
        scale = Scale(rawValue: read.text("scale")) ?? .pilot
        beneficiaries = read.integer("beneficiaries")
        evidenceLevel = EvidenceLevel(rawValue: read.text("evidence_level")) ?? .anecdotal
        evidence = read.text("evidence")
        language = read.text("language")
        languages = read.list("languages")
        yearStarted = read.integer("year_started")
        url = read.optionalText("url")
    }

    /// The canonical field values, keyed by interchange name.
    public var values: FieldValues {
        [
            "ref": .text(ref), "title": .text(title), "summary": .text(summary), "description": .text(description),
            "origin_country": .text(originCountry), "champion": .text(champion), "themes": .list(themes),
            "sdg_targets": .list(sdgTargets), "tags": .list(tags), "scale": .text(scale.rawValue),
            "beneficiaries": beneficiaries.map(FieldValue.integer) ?? .null,
            "evidence_level": .text(evidenceLevel.rawValue), "evidence": .text(evidence), "language": .text(language), "languages": .list(languages),
            "year_started": yearStarted.map(FieldValue.integer) ?? .null, "url": url.map(FieldValue.text) ?? .null,
        ]
    }
}

/// A problem a member country wants to solve with another country's help.
public struct Need: Sendable, Hashable, Codable {
    public var ref: String
    public var title: String
    public var description: String
    public var country: String
    public var themes: [String]
    public var sdgTargets: [String]
    public var tags: [String]
    public var supportTypes: [String]
    /// The language the entry is written in (ISO 639-1).
    public var language: String
    public var languages: [String]
    public var created: String

    /// Builds a need from validated, canonical field values.
    public init(validated values: FieldValues) {
        let read = FieldReader(values)
        ref = read.text("ref")
        title = read.text("title")
        description = read.text("description")
        country = read.text("country")
        themes = read.list("themes")
        sdgTargets = read.list("sdg_targets")
        tags = read.list("tags")
        supportTypes = read.list("support_types")
        language = read.text("language")
        languages = read.list("languages")
        created = read.text("created")
    }

    /// The canonical field values, keyed by interchange name.
    public var values: FieldValues {
        [
            "ref": .text(ref), "title": .text(title), "description": .text(description), "country": .text(country),
            "themes": .list(themes), "sdg_targets": .list(sdgTargets), "tags": .list(tags),
            "support_types": .list(supportTypes), "language": .text(language), "languages": .list(languages), "created": .text(created),
        ]
    }
}

/// Typed reads of canonical field values.
struct FieldReader {
    let values: FieldValues
    init(_ values: FieldValues) { self.values = values }
    func text(_ name: String) -> String { values[name]?.textValue ?? "" }
    func optionalText(_ name: String) -> String? { values[name]?.textValue }
    func integer(_ name: String) -> Int? { values[name]?.integerValue }
    func list(_ name: String) -> [String] { values[name]?.listValue ?? [] }
}
