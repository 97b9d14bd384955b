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
        LinkView(label: presenter.countryName(code), href: "/members/\(percentEncoded(code))")
    }

    func row(_ adoption: Adoption) -> AdoptionRowView {
        AdoptionRowView(
            id: adoption.id, href: "/adoptions/\(adoption.id)",
            need: LinkView(label: adoption.needTitle.isEmpty ? adoption.needRef : adoption.needTitle, href: "/needs/\(percentEncoded(adoption.needRef))"),
            needCountry: presenter.countryLink(adoption.needCountry),
            innovation: LinkView(label: adoption.innovationTitle.isEmpty ? adoption.innovationRef : adoption.innovationTitle,
                                 href: "/innovations/\(percentEncoded(adoption.innovationRef))"),
            innovationCountry: presenter.countryLink(adoption.innovationCountry), stage: stageLabel(adoption.stageKey),
            stageDate: adoption.stageDate.map(localizer.day(iso:)) ?? "", startedOn: localizer.day(iso: adoption.startedOn),
            indicatorCount: localizer.number(adoption.indicators.count))
    }

    /// An adoption stage (or `not_started`) in the page's language; the key itself if unknown.
    func stageLabel(_ key: String) -> String {
        localizer.has("stage." + key) ? localizer.t("stage." + key) : key
    }

    /// A kind of indicator in the page's language.
    func kindLabel(_ kind: IndicatorKind) -> String {
        localizer.has("indicator." + kind.rawValue) ? localizer.t("indicator." + kind.rawValue) : kind.label
    }

    /// A UN M49 region or sub-region in the page's language (`region.<code>`), else its English name.
    func regionName(_ code: Int?, english: String) -> String {
        guard let code, localizer.has("region.\(code)") else { return english }
        return localizer.t("region.\(code)")
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
        let named = choices.map { (code: $0.code, name: regionName($0.code, english: $0.name)) }
            .sorted { $0.name.compare($1.name, locale: localizer.language.locale) == .orderedAscending }
        let regions = [OptionView(value: "", label: localizer.t("sdgmap.all_regions"), selected: filter.region == nil)]
            + named.map { OptionView(value: String($0.code), label: $0.name, selected: $0.code == filter.region) }
        let themes = [OptionView(value: "", label: localizer.t("sdgmap.all_themes"), selected: filter.theme == nil)]
            + reference.themes.map { OptionView(value: $0.slug, label: localizer.text($0.label), selected: $0.slug == filter.theme) }
        var parts: [String] = []
        if let region = filter.region {
            parts.append(localizer.t("sdgmap.filter_region", ["name": named.first { $0.code == region }?.name ?? String(region)]))
        }
        if let theme = filter.theme { parts.append(localizer.t("sdgmap.filter_theme", ["name": presenter.themeLabel(theme)])) }
        return MapFilterView(action: action, regions: regions, themes: themes,
                             summary: parts.isEmpty ? localizer.t("sdgmap.summary_all")
                                 : localizer.t("sdgmap.filtered_by", ["filters": parts.joined(separator: ", ")]),
                             isFiltered: !parts.isEmpty)
    }

    /// The goals' labels in the page's language.
    func goalLabels() -> [Int: String] {
        Dictionary(reference.goals.map { ($0.number, localizer.text($0.label)) }, uniquingKeysWith: { first, _ in first })
    }

    /// A whole number in the page's language.
    func count(_ value: Int) -> String { localizer.number(value) }

    /// A gap as written: "+2", "−1", "0", digits in the page's language.
    func signed(_ gap: Int) -> String {
        let digits = localizer.number(abs(gap))
        return gap > 0 ? "+" + digits : gap < 0 ? "−" + digits : digits
    }

    /// A measured value: up to three decimals, trailing zeros dropped, in the page's language ("4.5", "4,5").
    func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        return (value == 0 ? 0 : value).formatted(.number.precision(.fractionLength(0...3)).locale(localizer.language.locale))
    }

    /// A fraction as a whole per cent in the page's language ("85%", "85 %"); "—" for nil.
    func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        let whole = (value * 100).rounded()
        return (whole / 100).formatted(.percent.precision(.fractionLength(0)).locale(localizer.language.locale))
    }

    /// The words of the SDG map's charts in the page's language.
    var mapWords: SDGMapChartWords {
        let localizer = localizer, presenter = self
        return SDGMapChartWords(
            heatMapTitle: localizer.t("chart.heatmap_title"),
            heatMapDescription: { goals, regions in
                localizer.t("chart.heatmap_description", ["goals": localizer.number(goals), "regions": localizer.number(regions)])
            },
            cellTitle: { goal, region, count in
                localizer.t("chart.heatmap_cell", ["goal": String(goal), "region": region, "supply": localizer.number(count.supply),
                                                   "demand": localizer.number(count.demand), "gap": presenter.signed(count.gap)])
            },
            cellText: { count in
                localizer.t("chart.heatmap_cell_text", ["supply": localizer.number(count.supply), "demand": localizer.number(count.demand),
                                                        "gap": presenter.signed(count.gap)])
            },
            legend: { gap in
                let values = ["gap": presenter.signed(gap)]
                return switch gap {
                case ..<(-2): localizer.t("chart.legend_more_supply_3", values)
                case -2 ... -1: localizer.t("chart.legend_more_supply", values)
                case 0: localizer.t("chart.legend_even", values)
                case 1...2: localizer.t("chart.legend_more_demand", values)
                default: localizer.t("chart.legend_more_demand_3", values)
                }
            },
            barsTitle: { goal, label in localizer.t("chart.bars_title", ["goal": String(goal), "label": label]) },
            barsDescription: { count in localizer.t("chart.bars_description", ["count": localizer.number(count)]) },
            barsKey: localizer.t("chart.bars_key"),
            targetTitle: { id, count in
                localizer.t("chart.bars_target", ["id": id, "supply": localizer.number(count.supply), "demand": localizer.number(count.demand),
                                                  "gap": presenter.signed(count.gap)])
            },
            barText: { supply, value in
                supply ? localizer.t("chart.bar_supply", ["value": localizer.number(value)])
                    : localizer.t("chart.bar_demand", ["value": localizer.number(value)])
            })
    }

    /// A "YYYY-MM-DD" day abbreviated in the page's language ("30 Sep 2024", "30 sept. 2024"), short enough for a
    /// chart's axis; the text unchanged when it is not such a day.
    func shortDay(iso text: String) -> String {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: .gmt,
                                                         year: parts[0], month: parts[1], day: parts[2]).date else { return text }
        return date.formatted(Date.FormatStyle(date: .abbreviated, time: .omitted, locale: localizer.language.locale, timeZone: .gmt))
    }

    /// The words of an indicator's chart in the page's language.
    var chartWords: ProgressChartWords {
        let localizer = localizer, presenter = self
        return ProgressChartWords(
            number: { presenter.decimal($0) }, day: { presenter.shortDay(iso: $0) },
            description: { baseline, target, latest, progress, count in
                localizer.t("chart.progress_description", ["baseline": baseline, "target": target, "latest": latest, "progress": progress,
                                                           "count": localizer.number(count)])
            },
            latest: { value, date in localizer.t("chart.progress_latest", ["value": value, "date": date]) },
            noMeasurement: localizer.t("chart.progress_no_measurement"),
            line: { isTarget, value in
                isTarget ? localizer.t("chart.progress_target", ["value": value]) : localizer.t("chart.progress_baseline", ["value": value])
            },
            point: { date, value, unit in localizer.t("chart.progress_point", ["date": date, "value": value, "unit": unit]) },
            percent: { presenter.percent($0) })
    }

    func indicator(_ indicator: AdoptionIndicator, adoption: Int64) -> IndicatorView {
        let progress = indicator.progress
        return IndicatorView(
            id: indicator.id, anchor: "indicator-\(indicator.id)", name: indicator.name, kind: kindLabel(indicator.kind), unit: indicator.unit,
            baseline: decimal(indicator.baseline), target: decimal(indicator.target),
            direction: progress.isReduction ? localizer.t("adoption.reduction") : localizer.t("adoption.increase"),
            latest: progress.latest.map { decimal($0.value) } ?? "—", latestDate: progress.latest.map { localizer.day(iso: $0.date) } ?? "",
            progress: percent(progress.progress),
            progressValue: Int(((progress.displayProgress ?? 0) * 100).rounded()), hasProgress: progress.progress != nil,
            improvement: percent(progress.improvement),
            svg: ProgressChartSVG.chart(progress, name: indicator.name, unit: indicator.unit, id: "chart-\(indicator.id)", words: chartWords),
            measurements: progress.measurements.map { measurement in
                MeasurementRowView(date: localizer.day(iso: measurement.date), value: decimal(measurement.value),
                                   note: indicator.measurements.first { $0.date == measurement.date && $0.value == measurement.value }?.note ?? "")
            },
            hasMeasurements: !indicator.measurements.isEmpty,
            measurementAction: "/adoptions/\(adoption)/indicators/\(indicator.id)/measurements")
    }

    /// A form problem for the page: the field's label (`<prefix><field>` in the catalogue) and the reason in the
    /// page's language, stage codes and dates in the reason written out.
    func problem(_ error: FieldError, labels prefix: String) -> FieldProblemView {
        FieldProblemView(field: error.field, label: localizer.has(prefix + error.field) ? localizer.t(prefix + error.field) : error.field,
                         reason: reason(error))
    }

    /// A field error's reason in the page's language.
    func reason(_ error: FieldError) -> String {
        guard var explanation = error.explanation else { return error.reason }
        for key in ["stage", "from", "to"] {
            if let raw = explanation.values[key] { explanation.values[key] = stageLabel(raw) }
        }
        if let allowed = explanation.values["allowed"] {
            explanation.values["allowed"] = allowed.components(separatedBy: ", ").map(stageLabel).joined(separator: ", ")
        }
        if let date = explanation.values["date"] { explanation.values["date"] = localizer.day(iso: date) }
        if let limit = explanation.values["limit"], let number = Int(limit) { explanation.values["limit"] = localizer.number(number) }
        return localizer.text(explanation)
    }
}
