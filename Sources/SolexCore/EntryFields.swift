import Foundation

/// The fields of an innovation, in interchange order.
public enum InnovationFields {
    /// Every field.
    public static let all: [FieldSpec] = [
        FieldSpec("ref", .ref, label: "Reference",
                  help: "A short stable code, e.g. INN-BGD-001 (letters, digits, '.', '_', '-')."),
        FieldSpec("title", .text(maxLength: FieldLimits.title, required: true, multiline: false), label: "Title"),
        FieldSpec("summary", .text(maxLength: FieldLimits.summary, required: true, multiline: true), label: "Summary",
                  help: "One or two sentences: what it is and what it changed."),
        FieldSpec("description", .text(maxLength: FieldLimits.description, required: true, multiline: true),
                  label: "Description", help: "How it works, who runs it, what it took."),
        FieldSpec("origin_country", .choice(.countries), label: "Origin country"),
        FieldSpec("champion", .text(maxLength: FieldLimits.champion, required: true, multiline: false),
                  label: "Champion agency"),
        FieldSpec("themes", .codes(.themes, min: 1, max: 16), label: "Themes"),
        FieldSpec("sdg_targets", .codes(.sdgTargets, min: 0, max: 20), label: "SDG targets"),
        FieldSpec("tags", .tags(maxCount: FieldLimits.tagCount, maxLength: FieldLimits.tagLength), label: "Tags",
                  help: "Free keywords separated by ';', e.g. one-stop-shop; e-kyc."),
        FieldSpec("scale", .choice(.fixed(Scale.allCases.map(\.rawValue))), label: "Scale reached"),
        FieldSpec("beneficiaries", .integer(0...10_000_000_000), label: "Beneficiaries",
                  help: "People reached, a whole number; leave empty if not known."),
        FieldSpec("evidence_level", .choice(.fixed(EvidenceLevel.allCases.map(\.rawValue))), label: "Evidence level"),
        FieldSpec("evidence", .text(maxLength: FieldLimits.evidence, required: false, multiline: true),
                  label: "Evidence of impact", help: "Figures and who measured them."),
        FieldSpec("language", .choice(.languages), label: "Language of this entry",
                  help: "The language the title and texts above are written in."),
        FieldSpec("languages", .codes(.languages, min: 0, max: 20), label: "Languages",
                  help: "Languages the material is available in."),
        FieldSpec("year_started", .year, label: "Year started"),
        FieldSpec("url", .url, label: "Web site"),
    ]
}

/// The fields of a need, in interchange order.
public enum NeedFields {
    /// Every field.
    public static let all: [FieldSpec] = [
        FieldSpec("ref", .ref, label: "Reference",
                  help: "A short stable code, e.g. NEED-BEN-001 (letters, digits, '.', '_', '-')."),
        FieldSpec("title", .text(maxLength: FieldLimits.title, required: true, multiline: false), label: "Title"),
        FieldSpec("description", .text(maxLength: FieldLimits.description, required: true, multiline: true),
                  label: "Description", help: "The problem, who it affects and what has been tried."),
        FieldSpec("country", .choice(.countries), label: "Country"),
        FieldSpec("themes", .codes(.themes, min: 0, max: 16), label: "Themes"),
        FieldSpec("sdg_targets", .codes(.sdgTargets, min: 0, max: 20), label: "SDG targets"),
        FieldSpec("tags", .tags(maxCount: FieldLimits.tagCount, maxLength: FieldLimits.tagLength), label: "Tags",
                  help: "Free keywords separated by ';'."),
        FieldSpec("support_types", .codes(.fixed(SupportType.allCases.map(\.rawValue)), min: 0, max: 6),
                  label: "Support wanted"),
        FieldSpec("language", .choice(.languages), label: "Language of this entry",
                  help: "The language the title and description are written in."),
        FieldSpec("languages", .codes(.languages, min: 0, max: 20), label: "Languages",
                  help: "Working languages."),
        FieldSpec("created", .date, label: "Date of the request"),
    ]
}
