import Foundation
import SolexCore
import SolexStore

/// What a workshop page shows besides the workshop: the outcome of the form just sent, and what was typed in it.
struct WorkshopPageState {
    /// Why an edit was refused.
    var problem: String?
    var notice: String?
    /// The add-by-hand form: need, innovation, priority as typed, and its problems (`field: reason`).
    var need = "", innovation = "", priority = ""
    var requestErrors: [String] = []
    var importErrors: [String] = []
    /// Lines of what an import from a report did.
    var importResult: [String] = []
    /// The choices of the move and swap forms.
    var moveRequest = "", moveSlot = "", moveTable = "", swapFirst = "", swapSecond = ""
}

/// Builds the organiser's page of a workshop.
struct WorkshopPagePresenter {
    let workshop: StoredWorkshop
    let labels: AgendaLabels
    let canEdit: Bool
    /// The language of the page.
    let localizer: Localizer

    private var plan: AgendaPlan { workshop.plan }

    func page(layout: LayoutView, reports: [MatchReportSummary], state: WorkshopPageState) -> WorkshopPageView {
        let presenter = AgendaPresenter(plan: plan, schedule: workshop.schedule, labels: labels, localizer: localizer)
        let slug = percentEncoded(workshop.summary.slug), base = "/workshops/\(slug)"
        let schedule = workshop.schedule
        let meetings = Dictionary((schedule?.assignments ?? []).map { ($0.request, $0) }, uniquingKeysWith: { first, _ in first })
        let leftOut = Set((schedule?.leftOut ?? []).map(\.request))
        var meetingCounts: [String: Int] = [:]
        for assignment in schedule?.assignments ?? [] {
            for code in plan.request(assignment.request)?.delegations ?? [] { meetingCounts[code, default: 0] += 1 }
        }
        func meeting(_ request: MeetingRequest) -> String { "\(request.id): \(request.requester) ↔ \(request.champion)" }
        func place(_ assignment: Assignment) -> String {
            let slot = plan.slots.indices.contains(assignment.slot) ? slotLabel(plan.slots[assignment.slot])
                : localizer.t("workshop.slot_fallback", ["slot": String(assignment.slot)])
            return localizer.t("workshop.place", ["slot": slot, "table": plan.table(assignment.table)?.name ?? assignment.table])
        }
        let requests = plan.input.requests.sorted { ($0.priority, $1.id) > ($1.priority, $0.id) }
        let scheduled = requests.filter { meetings[$0.id] != nil }
        func options(_ list: [MeetingRequest], selected: String) -> [OptionView] {
            list.map { OptionView(value: $0.id, label: meeting($0), selected: $0.id == selected) }
        }
        let sentences = schedule.map { plan.leftOutSentences($0) } ?? [:]
        let field = { (name: String, id: String, label: String, value: String, type: String, help: String?) in
            WorkshopFieldView(id: id, name: name, label: label, value: value, help: help, error: nil, type: type, required: name != "priority",
                              describedBy: help == nil ? "" : id + "-help")
        }
        return WorkshopPageView(
            layout: layout, slug: workshop.summary.slug, name: workshop.summary.name, venue: plan.workshop.venue,
            timeZone: plan.workshop.timeZone, dates: presenter.dates, canEdit: canEdit, problem: state.problem,
            isScheduled: schedule != nil, scheduledCount: localizer.number(schedule?.scheduledCount ?? 0),
            upperBound: localizer.number(schedule?.upperBound ?? plan.upperBound),
            requestCount: localizer.number(plan.input.requests.count), scheduledAt: workshop.scheduledAt.map { localizer.dateTime($0) },
            days: presenter.days,
            leftOut: (schedule?.leftOut ?? []).map { left in
                LeftOutView(request: left.request, meeting: plan.request(left.request).map(meeting) ?? left.request,
                            reason: localizer.t("schedule.left_out." + left.reason.rawValue),
                            explanation: sentences[left.request].map { localizer.text($0) } ?? left.explanation)
            },
            delegations: plan.delegations.map { delegation in
                let code = delegation.country
                return DelegationRowView(code: code, name: presenter.name(code), people: localizer.number(delegation.people.count),
                                         meetings: localizer.number(meetingCounts[code] ?? 0), href: "\(base)/delegations/\(code)",
                                         exports: exportLinks(base, delegation: code))
            },
            requests: requests.map { request in
                let where_ = meetings[request.id].map(place) ?? localizer.t(leftOut.contains(request.id) ? "meeting.left_out" : "meeting.not_scheduled")
                return RequestRowView(id: request.id, need: labels.need(request.need), innovation: labels.innovation(request.innovation),
                                      requester: request.requester, champion: request.champion, priority: priority(request.priority),
                                      place: where_, pinned: request.pin != nil, canPin: request.pin == nil && meetings[request.id] != nil)
            },
            exports: exportLinks(base, delegation: nil), printHref: "\(base)/agenda.html", printAllHref: "\(base)/agenda.html?delegation=all",
            reports: reports.map { OptionView(value: String($0.id), label: "\($0.id): \($0.name)", selected: false) },
            requestFields: [
                field("need", "request-need", localizer.t("workshop.field.need"), state.need, "text", localizer.t("workshop.help.need")),
                field("innovation", "request-innovation", localizer.t("workshop.field.innovation"), state.innovation, "text",
                      localizer.t("workshop.help.innovation")),
                field("priority", "request-priority", localizer.t("workshop.field.priority"), state.priority, "text", localizer.t("workshop.help.priority")),
            ],
            requestErrors: state.requestErrors, importErrors: state.importErrors, importResult: state.importResult,
            moveRequests: options(requests, selected: state.moveRequest),
            moveSlots: plan.slots.map { slot in
                OptionView(value: String(slot.index), label: localizer.t("workshop.slot_option", [
                    "number": localizer.number(slot.day + 1), "day": localizer.weekdayAndDay(iso: slot.date), "time": localizer.time(local: slot.start),
                ]), selected: String(slot.index) == state.moveSlot)
            },
            moveTables: plan.workshop.tables.map { OptionView(value: $0.id, label: $0.name, selected: $0.id == state.moveTable) },
            swapFirst: options(scheduled, selected: state.swapFirst), swapSecond: options(scheduled, selected: state.swapSecond))
    }

    /// The slot of a meeting as people read it: "Monday 14 May 09:00".
    func slotLabel(_ slot: Slot) -> String { localizer.weekdayAndDay(iso: slot.date) + " " + localizer.time(local: slot.start) }

    /// The export links of the workshop or of one delegation (the names of the file formats are not translated).
    func exportLinks(_ base: String, delegation: String?) -> [LinkView] {
        let query = delegation.map { "?delegation=\($0)" } ?? ""
        return [("iCalendar", "ics"), ("frab XML", "xml"), ("frab JSON", "json"), ("CSV", "csv"), (localizer.t("workshop.export_printable"), "html")].map {
            LinkView(label: $0.0, href: "\(base)/agenda.\($0.1)\(query)")
        }
    }

    /// A priority as people read it: up to three decimals, with the language's decimal separator.
    func priority(_ value: Double) -> String {
        let text = localizer.decimal(value, digits: 3)
        guard let separator = text.lastIndex(where: { !$0.isNumber }), text[text.index(after: separator)...].count == 3 else { return text }
        let fraction = text[text.index(after: separator)...].replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
        return fraction.isEmpty ? String(text[..<separator]) : String(text[...separator]) + fraction
    }
}
