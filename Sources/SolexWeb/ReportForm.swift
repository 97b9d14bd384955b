import Foundation
import SolexCore
import SolexStore

/// The new-report form: what was typed, and the problems found. Control names: `name`, `weight_<component>`,
/// `minimum_score`, `top`, `themes`, `regions`, `countries`, `evidence` (multiple selects), `capacity_per_innovation`,
/// `capacity_per_need`.
struct ReportForm {
    var name: String
    var text: ReportParameterText
    var errors: [FieldError] = []

    /// The form filled with the defaults.
    static var blank: ReportForm { ReportForm(name: "", text: ReportParameterText(ReportParameters())) }

    /// The form as posted.
    static func posted(_ form: FormData) -> ReportForm {
        var weights: [String: String] = [:]
        for name in ReportParameters.componentNames { weights[name] = form.first("weight_\(name)") ?? "" }
        let text = ReportParameterText(
            weights: weights, minimumScore: form.first("minimum_score") ?? "", top: form.first("top") ?? "",
            themes: form.all("themes"), regions: form.all("regions"), countries: form.all("countries"), evidence: form.all("evidence"),
            capacityPerInnovation: form.first("capacity_per_innovation") ?? "", capacityPerNeed: form.first("capacity_per_need") ?? "")
        return ReportForm(name: (form.first("name") ?? "").trimmingCharacters(in: .whitespacesAndNewlines), text: text)
    }

    /// The control that shows the problem of `field` (`weights.text` is shown on `weight_text`).
    static func control(for field: String) -> String {
        if field == "weights" { return "weight_text" }
        if field.hasPrefix("weights.") { return "weight_" + field.dropFirst("weights.".count) }
        return field
    }

    static let labels: [String: String] = [
        "name": "Name", "minimum_score": "Minimum score", "top": "Innovations per need (top K)", "themes": "Themes of the needs",
        "regions": "Regions of the needs", "countries": "Countries of the needs", "evidence": "Evidence levels of the innovations",
        "capacity_per_innovation": "Capacity per innovation", "capacity_per_need": "Capacity per need", "weights": "Weights",
    ]

    static func label(for field: String) -> String {
        if field.hasPrefix("weights.") {
            let name = String(field.dropFirst("weights.".count))
            return "Weight of " + (ReportPresenter.componentLabels[name]?.lowercased() ?? name)
        }
        return labels[field] ?? field
    }

    /// The form's view.
    func view(reference: ReferenceData) -> ReportFormView {
        var messages: [String: String] = [:]
        for error in errors where messages[error.field] == nil { messages[error.field] = error.reason }
        func field(_ name: String, label: String, help: String? = nil, value: String = "", isNumber: Bool = false,
                   isMultiSelect: Bool = false, step: String? = nil, min: String? = nil, maxLength: Int? = nil,
                   options: [OptionView] = [], errorKey: String? = nil) -> ReportFieldView {
            let id = "field-\(name)"
            let error = messages[errorKey ?? name]
            let describedBy = [help.map { _ in id + "-help" }, error.map { _ in id + "-error" }].compactMap { $0 }.joined(separator: " ")
            return ReportFieldView(name: name, id: id, label: label, help: help, error: error, required: false, describedBy: describedBy,
                                   isText: !isNumber && !isMultiSelect, isNumber: isNumber, isMultiSelect: isMultiSelect, value: value,
                                   step: step, min: min, maxLength: maxLength, options: options)
        }
        func options(_ values: [(String, String)], selected: [String]) -> [OptionView] {
            let chosen = Set(selected.flatMap { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } })
            return values.map { OptionView(value: $0.0, label: $0.1, selected: chosen.contains($0.0)) }
        }
        let weights = ReportParameters.componentNames.map { name in
            field("weight_\(name)", label: ReportPresenter.componentLabels[name] ?? name, value: text.weights[name] ?? "", isNumber: true,
                  step: "any", min: "0", errorKey: "weights.\(name)")
        }
        var regions: [(Int, String, Bool)] = []
        for country in reference.countries {
            if let code = country.regionCode, !regions.contains(where: { $0.0 == code }) { regions.append((code, country.region, true)) }
            if let code = country.subregionCode, !regions.contains(where: { $0.0 == code }) { regions.append((code, country.subregion, false)) }
        }
        // Regions first, then sub-regions, each by name.
        let regionOptions = regions.sorted { ($0.2 ? 0 : 1, $0.1) < ($1.2 ? 0 : 1, $1.1) }
            .map { (String($0.0), $0.2 ? $0.1 : "\($0.1) (sub-region)") }
        let selectedRegions = text.regions.map { ReportParameters.regionCode($0, reference: reference) ?? $0 }
        return ReportFormView(
            action: "/reports",
            errors: errors.map { FormErrorView(label: Self.label(for: $0.field), reason: $0.reason, anchor: "#field-" + Self.control(for: $0.field)) },
            hasErrors: !errors.isEmpty,
            name: field("name", label: "Name", help: "Optional. Left empty, the report is named after the time it was run.", value: name,
                        maxLength: MatchReports.maxNameLength),
            weights: weights, weightsError: messages["weights"],
            settings: [
                field("minimum_score", label: "Minimum score", help: "Pairs scoring less are left out. 0 keeps every pair.",
                      value: text.minimumScore, isNumber: true, step: "any", min: "0"),
                field("top", label: "Innovations per need (top K)",
                      help: "\(ReportParameters.topRange.lowerBound) to \(ReportParameters.topRange.upperBound).", value: text.top,
                      isNumber: true, step: "1", min: "1"),
            ],
            filters: [
                field("themes", label: "Themes of the needs", help: "Only needs with one of these themes. None chosen: every need.",
                      isMultiSelect: true, options: options(reference.themes.map { ($0.slug, $0.label.en) }, selected: text.themes)),
                field("regions", label: "Regions of the needs", help: "UN M49 regions and sub-regions of the needs' countries.",
                      isMultiSelect: true, options: options(regionOptions, selected: selectedRegions)),
                field("countries", label: "Countries of the needs", isMultiSelect: true,
                      options: options(reference.countries.map { ($0.alpha3, $0.name.en) }.sorted { $0.1 < $1.1 },
                                       selected: text.countries.map { $0.uppercased() })),
                field("evidence", label: "Evidence levels of the innovations", help: "Only innovations with one of these levels.",
                      isMultiSelect: true, options: options(EvidenceLevel.allCases.map { ($0.rawValue, $0.rawValue.capitalized) }, selected: text.evidence)),
            ],
            capacities: [
                field("capacity_per_innovation", label: "Capacity per innovation",
                      help: "How many needs one innovation's champion can support. Empty: no limit.", value: text.capacityPerInnovation,
                      isNumber: true, step: "1", min: "1"),
                field("capacity_per_need", label: "Capacity per need",
                      help: "How many proposals one need takes. Empty: no limit.", value: text.capacityPerNeed, isNumber: true, step: "1", min: "1"),
            ])
    }
}
