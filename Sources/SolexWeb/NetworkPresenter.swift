import Foundation
import SolexCore
import SolexStore

/// Turns members, SDG maps and adoptions into the view models of their pages.
struct NetworkPresenter {
    let reference: ReferenceData

    /// The page's language (English until the presenter is given the request's).
    var localizer: Localizer = .untranslated

    private var presenter: Presenter { Presenter(reference: reference, localizer: localizer) }

    /// A link to a member's page when the code is a country.
    func memberLink(_ code: String) -> LinkView {
        LinkView(label: reference.country(code)?.name.en ?? code, href: "/members/\(percentEncoded(code))")
    }

    func row(_ adoption: Adoption) -> AdoptionRowView {
        AdoptionRowView(
            id: adoption.id, href: "/adoptions/\(adoption.id)",
            need: LinkView(label: adoption.needTitle.isEmpty ? adoption.needRef : adoption.needTitle, href: "/needs/\(percentEncoded(adoption.needRef))"),
            needCountry: presenter.countryLink(adoption.needCountry),
            innovation: LinkView(label: adoption.innovationTitle.isEmpty ? adoption.innovationRef : adoption.innovationTitle,
                                 href: "/innovations/\(percentEncoded(adoption.innovationRef))"),
            innovationCountry: presenter.countryLink(adoption.innovationCountry), stage: adoption.stageLabel,
            stageDate: adoption.stageDate ?? "", startedOn: adoption.startedOn, indicatorCount: adoption.indicators.count)
    }

    /// The map's filter read from the query: a region or sub-region code that countries have, a theme slug that
    /// exists; anything else is ignored.
    func filter(region: String?, theme: String?, choices: [(code: Int, name: String)]) -> SDGMap.Filter {
        let code = region.flatMap { Int($0) }.flatMap { code in choices.contains { $0.code == code } ? code : nil }
        let slug = theme.flatMap { reference.theme($0) == nil ? nil : $0 }
        return SDGMap.Filter(region: code, theme: slug)
    }

    /// The query string of a filter ("" or "?region=142&theme=health").
    static func query(_ filter: SDGMap.Filter) -> String {
        var items: [String] = []
        if let region = filter.region { items.append("region=\(region)") }
        if let theme = filter.theme { items.append("theme=\(percentEncoded(theme))") }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    func filterView(_ filter: SDGMap.Filter, choices: [(code: Int, name: String)], action: String) -> MapFilterView {
        let regions = [OptionView(value: "", label: "All regions", selected: filter.region == nil)]
            + choices.map { OptionView(value: String($0.code), label: $0.name, selected: $0.code == filter.region) }
        let themes = [OptionView(value: "", label: "All themes", selected: filter.theme == nil)]
            + reference.themes.map { OptionView(value: $0.slug, label: $0.label.en, selected: $0.slug == filter.theme) }
        var parts: [String] = []
        if let region = filter.region { parts.append("region: " + (choices.first { $0.code == region }?.name ?? String(region))) }
        if let theme = filter.theme { parts.append("theme: " + (reference.theme(theme)?.label.en ?? theme)) }
        return MapFilterView(action: action, regions: regions, themes: themes,
                             summary: parts.isEmpty ? "All regions and themes" : "Filtered by " + parts.joined(separator: ", "),
                             isFiltered: !parts.isEmpty)
    }

    func goalLabels() -> [Int: String] {
        Dictionary(reference.goals.map { ($0.number, $0.label.en) }, uniquingKeysWith: { first, _ in first })
    }

    func indicator(_ indicator: AdoptionIndicator, adoption: Int64) -> IndicatorView {
        let progress = indicator.progress
        let number = { (value: Double) in Statistics.format(value) }
        return IndicatorView(
            id: indicator.id, anchor: "indicator-\(indicator.id)", name: indicator.name, kind: indicator.kind.label, unit: indicator.unit,
            baseline: number(indicator.baseline), target: number(indicator.target),
            direction: progress.isReduction ? "Reduction (target below baseline)" : "Increase (target above baseline)",
            latest: progress.latest.map { number($0.value) } ?? "—", latestDate: progress.latest?.date ?? "",
            progress: IndicatorProgress.percent(progress.progress),
            progressValue: Int(((progress.displayProgress ?? 0) * 100).rounded()), hasProgress: progress.progress != nil,
            improvement: IndicatorProgress.percent(progress.improvement),
            svg: ProgressChartSVG.chart(progress, name: indicator.name, unit: indicator.unit, id: "chart-\(indicator.id)"),
            measurements: progress.measurements.enumerated().map { index, measurement in
                MeasurementRowView(date: measurement.date, value: number(measurement.value),
                                   note: indicator.measurements.first { $0.date == measurement.date && $0.value == measurement.value }?.note ?? "")
            },
            hasMeasurements: !indicator.measurements.isEmpty,
            measurementAction: "/adoptions/\(adoption)/indicators/\(indicator.id)/measurements")
    }
}
