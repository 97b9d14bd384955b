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

    /// The catalogue keys of the fields' labels.
    static let labelKeys: [String: String] = [
        "name": "report.field.name", "minimum_score": "report.field.minimum_score", "top": "report.field.top",
        "themes": "report.field.themes", "regions": "report.field.regions", "countries": "report.field.countries",
        "evidence": "report.field.evidence", "capacity_per_innovation": "report.field.capacity_per_innovation",
        "capacity_per_need": "report.field.capacity_per_need", "weights": "report.field.weights",
    ]

    /// The label of `field` (as errors name it) in the page's language.
    static func label(for field: String, presenter: ReportPresenter) -> String {
        let localizer = presenter.localizer
        if field.hasPrefix("weights.") {
            let name = String(field.dropFirst("weights.".count))
            let component = presenter.componentLabel(name)
            return localizer.t("weights.weight_of", ["component": component == name ? name : component.lowercased(with: localizer.language.locale)])
        }
        return labelKeys[field].map { localizer.t($0) } ?? field
    }

    /// The form's view, in the language of `presenter`.
    func view(reference: ReferenceData, presenter: ReportPresenter) -> ReportFormView {
        let localizer = presenter.localizer
        var messages: [String: String] = [:]
        for error in errors where messages[error.field] == nil { messages[error.field] = localizer.reason(error) }
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
            field("weight_\(name)", label: presenter.componentLabel(name), value: text.weights[name] ?? "", isNumber: true,
                  step: "any", min: "0", errorKey: "weights.\(name)")
        }
        let locale = localizer.language.locale
        func byName(_ items: [(String, String)]) -> [(String, String)] {
            items.sorted { $0.1.compare($1.1, options: [.caseInsensitive, .diacriticInsensitive], locale: locale) == .orderedAscending }
        }
        var regions: [(code: Int, isRegion: Bool)] = []
        for country in reference.countries {
            if let code = country.regionCode, !regions.contains(where: { $0.code == code }) { regions.append((code, true)) }
            if let code = country.subregionCode, !regions.contains(where: { $0.code == code }) { regions.append((code, false)) }
        }
        // Regions first, then sub-regions, each by name in the page's language.
        let regionOptions = byName(regions.filter(\.isRegion).map { (String($0.code), presenter.regionName(String($0.code))) })
            + byName(regions.filter { !$0.isRegion }.map { (String($0.code), presenter.regionName(String($0.code))) })
                .map { ($0.0, localizer.t("report.subregion", ["name": $0.1])) }
        let selectedRegions = text.regions.map { ReportParameters.regionCode($0, reference: reference) ?? $0 }
        func help(_ key: String, _ values: [String: String] = [:]) -> String { localizer.t(key, values) }
        return ReportFormView(
            action: "/reports",
            errors: errors.map { error in
                FormErrorView(label: Self.label(for: error.field, presenter: presenter), reason: localizer.reason(error),
                              anchor: "#field-" + Self.control(for: error.field))
            },
            hasErrors: !errors.isEmpty,
            name: field("name", label: localizer.t("report.field.name"), help: help("report.help.name"), value: name,
                        maxLength: MatchReports.maxNameLength),
            weights: weights, weightsError: messages["weights"],
            settings: [
                field("minimum_score", label: localizer.t("report.field.minimum_score"), help: help("report.help.minimum_score"),
                      value: text.minimumScore, isNumber: true, step: "any", min: "0"),
                field("top", label: localizer.t("report.field.top"),
                      help: help("report.help.top", ["min": localizer.number(ReportParameters.topRange.lowerBound),
                                                     "max": localizer.number(ReportParameters.topRange.upperBound)]),
                      value: text.top, isNumber: true, step: "1", min: "1"),
            ],
            filters: [
                field("themes", label: localizer.t("report.field.themes"), help: help("report.help.themes"),
                      isMultiSelect: true, options: options(reference.themes.map { ($0.slug, localizer.text($0.label)) }, selected: text.themes)),
                field("regions", label: localizer.t("report.field.regions"), help: help("report.help.regions"),
                      isMultiSelect: true, options: options(regionOptions, selected: selectedRegions)),
                field("countries", label: localizer.t("report.field.countries"), isMultiSelect: true,
                      options: options(byName(reference.countries.map { ($0.alpha3, localizer.text($0.name)) }),
                                       selected: text.countries.map { $0.uppercased() })),
                field("evidence", label: localizer.t("report.field.evidence"), help: help("report.help.evidence"),
                      isMultiSelect: true, options: options(EvidenceLevel.allCases.map { ($0.rawValue, presenter.evidenceLabel($0.rawValue)) },
                                                            selected: text.evidence)),
            ],
            capacities: [
                field("capacity_per_innovation", label: localizer.t("report.field.capacity_per_innovation"),
                      help: help("report.help.capacity_per_innovation"), value: text.capacityPerInnovation,
                      isNumber: true, step: "1", min: "1"),
                field("capacity_per_need", label: localizer.t("report.field.capacity_per_need"),
                      help: help("report.help.capacity_per_need"), value: text.capacityPerNeed, isNumber: true, step: "1", min: "1"),
            ])
    }
}
