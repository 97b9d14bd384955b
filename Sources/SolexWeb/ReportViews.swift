import Foundation
import SolexCore
import SolexStore

// View models of the match report pages. Like the others, plain structs of stored properties that the templates read.
// Every page view has `isReports = true`: the header, rendered inside `layout`, finds it up the context stack and
// marks the "Reports" navigation link as current.

/// A label and a value.
struct FactView: Sendable {
    var label: String
    var value: String
}

/// A stored report in a list.
struct ReportSummaryView: Sendable {
    var id: Int
    var name: String
    var href: String
    var createdAt: String
    var createdBy: String
    var needCount: Int
    var innovationCount: Int
    var pairCount: Int
    /// "12 assigned", when the report has capacities.
    var assigned: String?
}

/// A control of the new-report form.
struct ReportFieldView: Sendable {
    var name: String
    /// "field-<name>".
    var id: String
    var label: String
    var help: String?
    var error: String?
    /// Read by the shared `field_attrs` partial.
    var required: Bool
    var describedBy: String
    var isText: Bool
    var isNumber: Bool
    var isMultiSelect: Bool
    var value: String
    /// `step` and `min` of a number control.
    var step: String?
    var min: String?
    var maxLength: Int?
    var options: [OptionView]
}

/// The new-report form.
struct ReportFormView: Sendable {
    var action: String
    var errors: [FormErrorView]
    var hasErrors: Bool
    var name: ReportFieldView
    var weights: [ReportFieldView]
    /// A problem with the weights as a whole (all zero).
    var weightsError: String?
    var settings: [ReportFieldView]
    var filters: [ReportFieldView]
    var capacities: [ReportFieldView]
}

/// `GET /reports`: the stored reports, a comparison form and the new-report form.
struct ReportsPageView: Sendable {
    var layout: LayoutView
    var isReports = true
    var reports: [ReportSummaryView]
    /// Reports to choose in the comparison form (newest first).
    var compareFrom: [OptionView]
    var compareTo: [OptionView]
    var canCompare: Bool
    var form: ReportFormView
}

/// A component's contribution to a pair's score.
struct ContributionView: Sendable {
    var label: String
    var value: String
}

/// The form that changes a pair's status.
struct StatusFormView: Sendable {
    var id: String
    var need: String
    var innovation: String
    var report: Int
    /// The page of the report the form is on (after the first), to come back to.
    var page: Int?
    var options: [OptionView]
    var note: String
    var error: String?
}

/// A proposed pair on a report page.
struct ReportPairView: Sendable {
    /// The element id, "pair-<need>-<innovation>".
    var anchor: String
    var rank: Int
    var innovation: LinkView
    var innovationRef: String
    var country: LinkView
    var score: String
    var cooperation: String
    var contributions: [ContributionView]
    var sharedTerms: String?
    var sharedThemes: [LinkView]
    var sharedTargets: String?
    var sharedTags: String?
    var notes: [String]
    /// With capacities: assigned, or left out with the reason.
    var isAssigned: Bool
    var isLeftOut: Bool
    var leftOutReason: String?
    var leftOutExplanation: String?
    var status: String
    var statusLabel: String
    var statusNote: String?
    /// "since 2026-11-22 by web", when a status was recorded.
    var statusSince: String?
    var statusForm: StatusFormView?
}

/// A need on a report page with its pairs.
struct ReportNeedView: Sendable {
    var need: LinkView
    var ref: String
    var country: LinkView
    var pairs: [ReportPairView]
}

/// `GET /reports/{id}` and its printable form.
struct ReportPageView: Sendable {
    var layout: LayoutView
    var isReports = true
    var id: Int
    var facts: [FactView]
    var parameters: [FactView]
    var needs: [ReportNeedView]
    /// "Needs 51-100 of 2,000" when the needs fill more than one page.
    var needsRange: String?
    /// Links to the other pages of needs (none on the printable page).
    var pagination: PaginationView?
    var hasPairs: Bool
    var usesCapacities: Bool
    var csvHref: String
    var jsonHref: String
    var printHref: String
    /// Other reports to compare this one with.
    var compareOptions: [OptionView]
    /// The printable page: no forms, no navigation.
    var isPrint: Bool
    /// For a file written by `solex report export --format html`: the style sheet's text, put in a `<style>` element.
    var inlineStyle: String?
}

/// A pair in a comparison.
struct DiffRowView: Sendable {
    var need: LinkView
    var innovation: LinkView
    var oldRank: String
    var newRank: String
    var oldScore: String
    var newScore: String
    /// "up 2", "down 1".
    var change: String?
}

/// `GET /reports/diff`.
struct ReportDiffPageView: Sendable {
    var layout: LayoutView
    var isReports = true
    var from: ReportSummaryView
    var to: ReportSummaryView
    /// The two reports' links, names, ids and times, read by the lead sentence.
    var fromHref: String
    var fromName: String
    var fromId: String
    var fromCreatedAt: String
    var toHref: String
    var toName: String
    var toId: String
    var toCreatedAt: String
    var added: [DiffRowView]
    var dropped: [DiffRowView]
    var moved: [DiffRowView]
    var addedCount: Int
    var droppedCount: Int
    var movedCount: Int
    var unchanged: Int
    /// "3 pairs kept the same rank."
    var unchangedText: String
    var summary: String
}

/// Turns stored reports into view models.
struct ReportPresenter {
    let reference: ReferenceData

    /// The page's language (English until the presenter is given the request's).
    var localizer: Localizer = .untranslated

    private var presenter: Presenter { Presenter(reference: reference, localizer: localizer) }

    /// The name of a score component (`text`, `themes`, ...) in the page's language.
    func componentLabel(_ name: String) -> String { name.isEmpty ? name : localizer.has("weights." + name) ? localizer.t("weights." + name) : name }

    /// An evidence level in the page's language.
    func evidenceLabel(_ level: String) -> String { localizer.has("report.evidence." + level) ? localizer.t("report.evidence." + level) : level }

    /// A UN M49 region or sub-region, given by its code, in the page's language (the reference data's English name
    /// where the catalogue has none).
    func regionName(_ code: String) -> String {
        let key = "report.region." + code
        return localizer.has(key) ? localizer.t(key) : ReportParameters.regionName(code, reference: reference) ?? code
    }

    /// A pair status in the page's language.
    func statusLabel(_ status: PairStatus) -> String { localizer.t("pair.status." + status.rawValue) }

    /// Why a pair was left out, from its stored code, in the page's language.
    func leftOutLabel(_ code: String) -> String {
        localizer.has("report.left_out_reason." + code) ? localizer.t("report.left_out_reason." + code) : code
    }

    /// A note of the matcher ("same region", "evidence: monitored", ...) in the page's language; other text unchanged.
    func note(_ text: String) -> String {
        switch text {
        case "same sub-region": return localizer.t("report.note.same_subregion")
        case "same region": return localizer.t("report.note.same_region")
        default: break
        }
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return text }
        switch parts[0] {
        case "evidence": return localizer.t("report.note.evidence", ["level": evidenceLabel(parts[1])])
        case "scale":
            let scale = localizer.has("report.scale." + parts[1]) ? localizer.t("report.scale." + parts[1]) : parts[1]
            return localizer.t("report.note.scale", ["scale": scale])
        case "shared language":
            let names = parts[1].split(separator: ",").map { presenter.languageName($0.trimmingCharacters(in: .whitespaces)) }
            return localizer.t("report.note.shared_language", ["languages": names.joined(separator: ", ")])
        default: return text
        }
    }

    func summary(_ summary: MatchReportSummary) -> ReportSummaryView {
        ReportSummaryView(id: Int(summary.id), name: summary.name, href: "/reports/\(summary.id)", createdAt: minute(summary.createdAt),
                          createdBy: summary.createdBy, needCount: summary.needCount, innovationCount: summary.innovationCount,
                          pairCount: summary.pairCount,
                          assigned: summary.assignedCount.map { localizer.t("report.assigned_count", ["count": localizer.number($0)]) })
    }

    /// The report's facts: when, who, counts.
    func facts(_ summary: MatchReportSummary) -> [FactView] {
        var facts = [
            FactView(label: localizer.t("report.fact.report"), value: "\(summary.id)"),
            FactView(label: localizer.t("report.fact.run"),
                     value: localizer.t("report.run_by", ["time": minute(summary.createdAt), "person": summary.createdBy])),
            FactView(label: localizer.t("report.fact.needs"), value: localizer.number(summary.needCount)),
            FactView(label: localizer.t("report.fact.innovations"), value: localizer.number(summary.innovationCount)),
            FactView(label: localizer.t("report.fact.pairs"), value: localizer.number(summary.pairCount)),
        ]
        if let assigned = summary.assignedCount {
            facts.append(FactView(label: localizer.t("report.fact.assigned"), value: localizer.number(assigned)))
        }
        return facts
    }

    /// The parameters, for people.
    func parameters(_ parameters: ReportParameters) -> [FactView] {
        let weights = ReportParameters.weightComponents(parameters.weights).filter { $0.1 > 0 }
            .map { "\(componentLabel($0.0)) \(short($0.1))" }.joined(separator: ", ")
        func all(_ items: [String]) -> String { items.isEmpty ? localizer.t("report.all") : items.joined(separator: ", ") }
        func count(_ value: Int?, one: String, many: String) -> String {
            guard let value else { return localizer.t("report.no_limit") }
            return value == 1 ? localizer.t(one) : localizer.t(many, ["count": localizer.number(value)])
        }
        return [
            FactView(label: localizer.t("report.field.weights"), value: weights),
            FactView(label: localizer.t("report.field.minimum_score"), value: short(parameters.minimumScore)),
            FactView(label: localizer.t("report.param.top"), value: localizer.number(parameters.top)),
            FactView(label: localizer.t("report.field.themes"), value: all(parameters.themes.map { presenter.themeLink($0).label })),
            FactView(label: localizer.t("report.field.regions"),
                     value: all(parameters.regions.map(regionName))),
            FactView(label: localizer.t("report.field.countries"), value: all(parameters.countries.map { presenter.countryLink($0).label })),
            FactView(label: localizer.t("report.param.evidence"), value: all(parameters.evidence.map { evidenceLabel($0.rawValue) })),
            FactView(label: localizer.t("report.field.capacity_per_innovation"),
                     value: count(parameters.capacityPerInnovation, one: "report.needs_one", many: "report.needs_many")),
            FactView(label: localizer.t("report.field.capacity_per_need"),
                     value: count(parameters.capacityPerNeed, one: "report.proposals_one", many: "report.proposals_many")),
        ]
    }

    /// The report page (or its printable form). `statusError` puts a message next to one pair's status form. With
    /// `needsPage` (the report's needs by page, as the request already read them, and the page asked for), only that
    /// page of needs is shown; the printable form shows them all.
    func page(_ report: MatchReport, layout: LayoutView, others: [MatchReportSummary], isPrint: Bool,
              statusError: (need: String, innovation: String, message: String)? = nil, inlineStyle: String? = nil,
              needsPage: (pages: ReportNeedPages, page: Int)? = nil) -> ReportPageView {
        let summary = report.summary
        let weights = summary.parameters.weights
        let base = "/reports/\(summary.id)"
        let pages = needsPage?.pages ?? ReportNeedPages(report)
        let shown = needsPage.map { pages.range($0.page) } ?? pages.needs.indices
        var needsRange: String?, pagination: PaginationView?
        if let needsPage = needsPage?.page, pages.pageCount > 1 {
            needsRange = localizer.t("report.needs_range", ["start": localizer.number(shown.lowerBound + 1),
                                                            "end": localizer.number(shown.upperBound), "total": localizer.number(pages.needs.count)])
            pagination = PaginationView(page: needsPage, pageCount: pages.pageCount) { $0 == 1 ? base : base + "?page=\($0)" }
        }
        let needs = pages.needs[shown].map { pairs -> ReportNeedView in
            let first = pairs[0]
            return ReportNeedView(
                need: LinkView(label: first.needTitle, href: "/needs/\(percentEncoded(first.needRef))"), ref: first.needRef,
                country: presenter.countryLink(first.needCountry),
                pairs: pairs.map { pair in
                    var error: String?
                    if let statusError, statusError.need == pair.needRef, statusError.innovation == pair.innovationRef { error = statusError.message }
                    return self.pair(pair, weights: weights, report: Int(summary.id), page: needsPage.flatMap { $0.page > 1 ? $0.page : nil },
                                     isPrint: isPrint, statusError: error)
                })
        }
        return ReportPageView(
            layout: layout, id: Int(summary.id), facts: facts(summary), parameters: parameters(summary.parameters), needs: needs,
            needsRange: needsRange, pagination: pagination, hasPairs: !report.pairs.isEmpty, usesCapacities: summary.parameters.usesCapacities, csvHref: base + "/export.csv",
            jsonHref: base + "/export.json", printHref: base + "/print",
            compareOptions: others.filter { $0.id != summary.id }.map { OptionView(value: "\($0.id)", label: "\($0.id): \($0.name)", selected: false) },
            isPrint: isPrint, inlineStyle: inlineStyle)
    }

    func pair(_ pair: MatchReportPair, weights: MatchWeights, report: Int, page: Int? = nil, isPrint: Bool,
              statusError: String?) -> ReportPairView {
        let e = pair.explanation
        let weightNames = Set(ReportParameters.weightComponents(weights).filter { $0.1 > 0 }.map(\.0))
        let contributions = ReportParameters.weightComponents(e.contributions)
            .filter { weightNames.contains($0.0) || $0.1 != 0 }
            .map { ContributionView(label: componentLabel($0.0), value: localizer.decimal($0.1, digits: 3)) }
        func text(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: ", ") }
        let anchor = "pair-\(pair.needRef)-\(pair.innovationRef)"
        let current = pair.status
        var form: StatusFormView?
        if !isPrint {
            form = StatusFormView(
                id: "status-\(pair.needRef)-\(pair.innovationRef)", need: pair.needRef, innovation: pair.innovationRef, report: report, page: page,
                options: current.allowedNext.map { OptionView(value: $0.rawValue, label: statusLabel($0), selected: $0 == current) },
                note: pair.followUp?.note ?? "", error: statusError)
        }
        return ReportPairView(
            anchor: anchor, rank: pair.rank,
            innovation: LinkView(label: pair.innovationTitle, href: "/innovations/\(percentEncoded(pair.innovationRef))"),
            innovationRef: pair.innovationRef, country: presenter.countryLink(pair.innovationCountry),
            score: localizer.decimal(pair.score, digits: 3),
            cooperation: e.isTriangular ? localizer.t("cooperation.triangular") : localizer.t("cooperation.south_south"),
            contributions: contributions,
            sharedTerms: text(e.sharedTerms), sharedThemes: e.sharedThemes.map { presenter.themeLink($0) },
            sharedTargets: text(e.sharedTargets), sharedTags: text(e.sharedTags), notes: e.notes.map(note),
            isAssigned: pair.assigned == true, isLeftOut: pair.assigned == false,
            leftOutReason: pair.leftOutReason.map(leftOutLabel), leftOutExplanation: pair.leftOutExplanation,
            status: current.rawValue, statusLabel: statusLabel(current),
            statusNote: pair.followUp.flatMap { $0.note.isEmpty ? nil : $0.note },
            statusSince: pair.followUp.map { localizer.t("report.status_since", ["day": localizer.day($0.updatedAt), "person": $0.updatedBy]) },
            statusForm: form)
    }

    func diff(_ diff: MatchReportDiff, layout: LayoutView) -> ReportDiffPageView {
        func links(_ need: String, _ innovation: String) -> (LinkView, LinkView) {
            (LinkView(label: diff.needTitles[need].flatMap { $0.isEmpty ? nil : $0 } ?? need, href: "/needs/\(percentEncoded(need))"),
             LinkView(label: diff.innovationTitles[innovation].flatMap { $0.isEmpty ? nil : $0 } ?? innovation,
                      href: "/innovations/\(percentEncoded(innovation))"))
        }
        func row(_ pair: ReportDiff.Pair, isNew: Bool) -> DiffRowView {
            let (need, innovation) = links(pair.need, pair.innovation)
            let rank = localizer.number(pair.rank), score = localizer.decimal(pair.score, digits: 3)
            return DiffRowView(need: need, innovation: innovation, oldRank: isNew ? "–" : rank, newRank: isNew ? rank : "–",
                               oldScore: isNew ? "–" : score, newScore: isNew ? score : "–", change: nil)
        }
        let moved = diff.diff.moved.map { item -> DiffRowView in
            let (need, innovation) = links(item.need, item.innovation)
            let change = item.rankChange > 0 ? localizer.t("report.diff_up", ["count": localizer.number(item.rankChange)])
                : localizer.t("report.diff_down", ["count": localizer.number(-item.rankChange)])
            return DiffRowView(need: need, innovation: innovation, oldRank: localizer.number(item.oldRank), newRank: localizer.number(item.newRank),
                               oldScore: localizer.decimal(item.oldScore, digits: 3), newScore: localizer.decimal(item.newScore, digits: 3),
                               change: change)
        }
        let d = diff.diff
        let from = summary(diff.from), to = summary(diff.to)
        return ReportDiffPageView(
            layout: layout, from: from, to: to, fromHref: from.href, fromName: from.name, fromId: String(from.id),
            fromCreatedAt: from.createdAt, toHref: to.href, toName: to.name, toId: String(to.id), toCreatedAt: to.createdAt,
            added: d.added.map { row($0, isNew: true) },
            dropped: d.dropped.map { row($0, isNew: false) }, moved: moved, addedCount: d.added.count,
            droppedCount: d.dropped.count, movedCount: d.moved.count, unchanged: d.unchanged,
            unchangedText: d.unchanged == 1 ? localizer.t("report.diff_unchanged_one")
                : localizer.t("report.diff_unchanged_many", ["count": localizer.number(d.unchanged)]),
            summary: localizer.t("report.diff_summary", ["added": localizer.number(d.added.count), "dropped": localizer.number(d.dropped.count),
                                                         "moved": localizer.number(d.moved.count), "unchanged": localizer.number(d.unchanged)]))
    }

    /// A time to the minute, in UTC, written in the page's language: "Nov 22, 2026 at 3:09 PM UTC", "22 nov. 2026, 15:09 UTC".
    func minute(_ date: Date) -> String {
        localizer.t("report.time_utc", ["time": localizer.dateTime(date)])
    }

    /// A number with up to four decimals, no trailing zeros, in the page's language.
    func short(_ value: Double) -> String {
        value.formatted(.number.precision(.fractionLength(0...4)).locale(localizer.language.locale))
    }
}
