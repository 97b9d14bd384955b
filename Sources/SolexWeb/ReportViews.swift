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
    var added: [DiffRowView]
    var dropped: [DiffRowView]
    var moved: [DiffRowView]
    var addedCount: Int
    var droppedCount: Int
    var movedCount: Int
    var unchanged: Int
    var summary: String
}

/// Turns stored reports into view models.
struct ReportPresenter {
    let reference: ReferenceData

    /// The page's language (English until the presenter is given the request's).
    var localizer: Localizer = .untranslated

    private var presenter: Presenter { Presenter(reference: reference, localizer: localizer) }

    static let componentLabels: [String: String] = [
        "text": "Text", "themes": "Themes", "sdg": "SDG targets", "tags": "Tags", "evidence": "Evidence", "scale": "Scale",
        "language": "Language", "proximity": "Proximity",
    ]

    static let leftOutLabels: [String: String] = [
        "innovation_full": "the innovation is at capacity", "need_full": "the need is at capacity",
        "both_full": "both sides are at capacity", "not_positive": "the score is not above 0",
    ]

    func summary(_ summary: MatchReportSummary) -> ReportSummaryView {
        ReportSummaryView(id: Int(summary.id), name: summary.name, href: "/reports/\(summary.id)", createdAt: Self.minute(summary.createdAt),
                          createdBy: summary.createdBy, needCount: summary.needCount, innovationCount: summary.innovationCount,
                          pairCount: summary.pairCount, assigned: summary.assignedCount.map { "\($0) assigned" })
    }

    /// The report's facts: when, who, counts.
    func facts(_ summary: MatchReportSummary) -> [FactView] {
        var facts = [
            FactView(label: "Report", value: "\(summary.id)"),
            FactView(label: "Run", value: "\(Self.minute(summary.createdAt)) by \(summary.createdBy)"),
            FactView(label: "Needs considered", value: "\(summary.needCount)"),
            FactView(label: "Innovations considered", value: "\(summary.innovationCount)"),
            FactView(label: "Pairs proposed", value: "\(summary.pairCount)"),
        ]
        if let assigned = summary.assignedCount { facts.append(FactView(label: "Pairs assigned", value: "\(assigned)")) }
        return facts
    }

    /// The parameters, for people.
    func parameters(_ parameters: ReportParameters) -> [FactView] {
        let weights = ReportParameters.weightComponents(parameters.weights).filter { $0.1 > 0 }
            .map { "\(Self.componentLabels[$0.0] ?? $0.0) \(Self.short($0.1))" }.joined(separator: ", ")
        func all(_ items: [String]) -> String { items.isEmpty ? "all" : items.joined(separator: ", ") }
        return [
            FactView(label: "Weights", value: weights),
            FactView(label: "Minimum score", value: Self.short(parameters.minimumScore)),
            FactView(label: "Innovations per need", value: "\(parameters.top)"),
            FactView(label: "Themes of the needs", value: all(parameters.themes.map { presenter.themeLink($0).label })),
            FactView(label: "Regions of the needs", value: all(parameters.regions.map { ReportParameters.regionName($0, reference: reference) ?? $0 })),
            FactView(label: "Countries of the needs", value: all(parameters.countries.map { presenter.countryLink($0).label })),
            FactView(label: "Evidence of the innovations", value: all(parameters.evidence.map(\.rawValue))),
            FactView(label: "Capacity per innovation", value: parameters.capacityPerInnovation.map { $0 == 1 ? "1 need" : "\($0) needs" } ?? "no limit"),
            FactView(label: "Capacity per need", value: parameters.capacityPerNeed.map { $0 == 1 ? "1 proposal" : "\($0) proposals" } ?? "no limit"),
        ]
    }

    /// The report page (or its printable form). `statusError` puts a message next to one pair's status form.
    func page(_ report: MatchReport, layout: LayoutView, others: [MatchReportSummary], isPrint: Bool,
              statusError: (need: String, innovation: String, message: String)? = nil, inlineStyle: String? = nil) -> ReportPageView {
        let summary = report.summary
        let weights = summary.parameters.weights
        let needs = report.byNeed.map { pairs -> ReportNeedView in
            let first = pairs[0]
            return ReportNeedView(
                need: LinkView(label: first.needTitle, href: "/needs/\(percentEncoded(first.needRef))"), ref: first.needRef,
                country: presenter.countryLink(first.needCountry),
                pairs: pairs.map { pair in
                    var error: String?
                    if let statusError, statusError.need == pair.needRef, statusError.innovation == pair.innovationRef { error = statusError.message }
                    return self.pair(pair, weights: weights, report: Int(summary.id), isPrint: isPrint, statusError: error)
                })
        }
        let base = "/reports/\(summary.id)"
        return ReportPageView(
            layout: layout, id: Int(summary.id), facts: facts(summary), parameters: parameters(summary.parameters), needs: needs,
            hasPairs: !report.pairs.isEmpty, usesCapacities: summary.parameters.usesCapacities, csvHref: base + "/export.csv",
            jsonHref: base + "/export.json", printHref: base + "/print",
            compareOptions: others.filter { $0.id != summary.id }.map { OptionView(value: "\($0.id)", label: "\($0.id): \($0.name)", selected: false) },
            isPrint: isPrint, inlineStyle: inlineStyle)
    }

    func pair(_ pair: MatchReportPair, weights: MatchWeights, report: Int, isPrint: Bool, statusError: String?) -> ReportPairView {
        let e = pair.explanation
        let weightNames = Set(ReportParameters.weightComponents(weights).filter { $0.1 > 0 }.map(\.0))
        let contributions = ReportParameters.weightComponents(e.contributions)
            .filter { weightNames.contains($0.0) || $0.1 != 0 }
            .map { ContributionView(label: Self.componentLabels[$0.0] ?? $0.0, value: String(format: "%.3f", $0.1)) }
        func text(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: ", ") }
        let anchor = "pair-\(pair.needRef)-\(pair.innovationRef)"
        let current = pair.status
        var form: StatusFormView?
        if !isPrint {
            form = StatusFormView(
                id: "status-\(pair.needRef)-\(pair.innovationRef)", need: pair.needRef, innovation: pair.innovationRef, report: report,
                options: current.allowedNext.map { OptionView(value: $0.rawValue, label: $0.label, selected: $0 == current) },
                note: pair.followUp?.note ?? "", error: statusError)
        }
        return ReportPairView(
            anchor: anchor, rank: pair.rank,
            innovation: LinkView(label: pair.innovationTitle, href: "/innovations/\(percentEncoded(pair.innovationRef))"),
            innovationRef: pair.innovationRef, country: presenter.countryLink(pair.innovationCountry),
            score: String(format: "%.3f", pair.score), cooperation: e.cooperationLabel, contributions: contributions,
            sharedTerms: text(e.sharedTerms), sharedThemes: e.sharedThemes.map { presenter.themeLink($0) },
            sharedTargets: text(e.sharedTargets), sharedTags: text(e.sharedTags), notes: e.notes,
            isAssigned: pair.assigned == true, isLeftOut: pair.assigned == false,
            leftOutReason: pair.leftOutReason.map { Self.leftOutLabels[$0] ?? $0 }, leftOutExplanation: pair.leftOutExplanation,
            status: current.rawValue, statusLabel: current.label,
            statusNote: pair.followUp.flatMap { $0.note.isEmpty ? nil : $0.note },
            statusSince: pair.followUp.map { "since \(Timestamp.day($0.updatedAt)) by \($0.updatedBy)" }, statusForm: form)
    }

    func diff(_ diff: MatchReportDiff, layout: LayoutView) -> ReportDiffPageView {
        func links(_ need: String, _ innovation: String) -> (LinkView, LinkView) {
            (LinkView(label: diff.needTitles[need].flatMap { $0.isEmpty ? nil : $0 } ?? need, href: "/needs/\(percentEncoded(need))"),
             LinkView(label: diff.innovationTitles[innovation].flatMap { $0.isEmpty ? nil : $0 } ?? innovation,
                      href: "/innovations/\(percentEncoded(innovation))"))
        }
        func row(_ pair: ReportDiff.Pair, isNew: Bool) -> DiffRowView {
            let (need, innovation) = links(pair.need, pair.innovation)
            let rank = "\(pair.rank)", score = String(format: "%.3f", pair.score)
            return DiffRowView(need: need, innovation: innovation, oldRank: isNew ? "–" : rank, newRank: isNew ? rank : "–",
                               oldScore: isNew ? "–" : score, newScore: isNew ? score : "–", change: nil)
        }
        let moved = diff.diff.moved.map { item -> DiffRowView in
            let (need, innovation) = links(item.need, item.innovation)
            let change = item.rankChange > 0 ? "up \(item.rankChange)" : "down \(-item.rankChange)"
            return DiffRowView(need: need, innovation: innovation, oldRank: "\(item.oldRank)", newRank: "\(item.newRank)",
                               oldScore: String(format: "%.3f", item.oldScore), newScore: String(format: "%.3f", item.newScore), change: change)
        }
        let d = diff.diff
        return ReportDiffPageView(
            layout: layout, from: summary(diff.from), to: summary(diff.to), added: d.added.map { row($0, isNew: true) },
            dropped: d.dropped.map { row($0, isNew: false) }, moved: moved, addedCount: d.added.count,
            droppedCount: d.dropped.count, movedCount: d.moved.count, unchanged: d.unchanged,
            summary: "\(d.added.count) new, \(d.dropped.count) dropped, \(d.moved.count) moved, \(d.unchanged) unchanged")
    }

    /// A time to the minute, in UTC: "2026-11-22 15:09 UTC".
    static func minute(_ date: Date) -> String {
        let iso = Timestamp.iso(date)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    /// A number with up to four decimals, no trailing zeros.
    static func short(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
