import Foundation
import SolexCore
import SolexStore

/// The new-workshop form: what was typed and the problems found. Controls (id / name): `workshop-id` / `id`,
/// `workshop-name` / `name`, `venue`, `time-zone` / `time_zone`, `first-day` / `first_day`, `day-count` /
/// `day_count`, `day-start` / `day_start`, `day-end` / `day_end`, `slot-minutes` / `slot_minutes`, `break-start` /
/// `break_start`, `break-end` / `break_end`, `table-count` / `table_count`, `table-capacity` / `table_capacity`,
/// `max-per-day` / `max_per_day`, `report` / `report`, `selection-top` and `selection-accepted` / `selection`, `top`.
struct WorkshopForm {
    /// The controls in page order: name, id, default, type, required, whether it has help. The label is the message
    /// `workshop.field.<name>`, the help `workshop.help.<name>`.
    static let controls: [(name: String, id: String, value: String, type: String, required: Bool, hasHelp: Bool)] = [
        ("id", "workshop-id", "", "text", true, true),
        ("name", "workshop-name", "", "text", true, false),
        ("venue", "venue", "", "text", true, true),
        ("time_zone", "time-zone", "UTC", "text", true, true),
        ("first_day", "first-day", "", "date", true, true),
        ("day_count", "day-count", "2", "number", true, true),
        ("day_start", "day-start", "09:00", "time", true, true),
        ("day_end", "day-end", "17:00", "time", true, false),
        ("slot_minutes", "slot-minutes", "30", "number", true, false),
        ("break_start", "break-start", "", "time", false, true),
        ("break_end", "break-end", "", "time", false, false),
        ("table_count", "table-count", "6", "number", true, true),
        ("table_capacity", "table-capacity", "2", "number", true, true),
        ("max_per_day", "max-per-day", "", "number", false, true),
    ]
    static let maxDays = 14

    var values: [String: String]
    var report: String
    var selection: String
    var top: String
    var errors: [FieldError] = []

    /// The form with its defaults.
    static var blank: WorkshopForm {
        WorkshopForm(values: Dictionary(uniqueKeysWithValues: controls.map { ($0.name, $0.value) }), report: "", selection: "top", top: "3")
    }

    /// The form as posted.
    static func posted(_ form: FormData) -> WorkshopForm {
        var values: [String: String] = [:]
        for control in controls { values[control.name] = (form.first(control.name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        return WorkshopForm(values: values, report: form.first("report") ?? "", selection: form.first("selection") == "accepted" ? "accepted" : "top",
                            top: (form.first("top") ?? "").trimmingCharacters(in: .whitespaces))
    }

    private func value(_ name: String) -> String { values[name] ?? "" }

    /// The workshop, the report and the choice of pairs; or every problem the form itself finds (numbers, dates).
    /// The core's checks run in the store and name their fields by path.
    func parsed() -> Result<(AgendaInput, Int64, RequestSelection), ValidationFailure> {
        var problems: [FieldError] = []
        func whole(_ name: String, _ range: ClosedRange<Int>, optional: Bool = false) -> Int? {
            let text = value(name)
            if text.isEmpty && optional { return nil }
            guard let number = Int(text), range.contains(number) else {
                problems.append(FieldError(field: name, Explanation("agenda.reason.whole_number_range", ["min": String(range.lowerBound), "max": String(range.upperBound)],
                                                                    english: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")))
                return nil
            }
            return number
        }
        let dayCount = whole("day_count", 1...Self.maxDays), tableCount = whole("table_count", 1...200)
        let capacity = whole("table_capacity", 1...100), slotMinutes = whole("slot_minutes", 1...1440)
        let maxPerDay = whole("max_per_day", 1...1000, optional: true)
        let first = LocalDate(value("first_day"))
        if first == nil { problems.append(FieldError(field: "first_day", Explanation("agenda.reason.date", english: "must be a date written YYYY-MM-DD"))) }
        let (breakStart, breakEnd) = (value("break_start"), value("break_end"))
        if breakStart.isEmpty != breakEnd.isEmpty {
            problems.append(FieldError(field: breakStart.isEmpty ? "break_start" : "break_end",
                                       Explanation("workshop.reason.break_both", english: "give both ends of the break, or neither")))
        }
        let reportID = Int64(report).flatMap { $0 > 0 ? $0 : nil }
        if reportID == nil { problems.append(FieldError(field: "report", WorkshopReasons.chooseReport)) }
        var selection = RequestSelection.accepted
        if self.selection == "top" {
            if let k = Int(top), k >= 1 { selection = .top(k) } else { problems.append(FieldError(field: "top", WorkshopReasons.atLeastOne)) }
        }
        guard problems.isEmpty, let dayCount, let tableCount, let capacity, let slotMinutes, let first, let reportID else {
            return .failure(ValidationFailure(problems))
        }
        var date = first, days: [WorkshopDay] = []
        for _ in 0..<dayCount {
            days.append(WorkshopDay(date: date.description, windows: [TimeRange(start: value("day_start"), end: value("day_end"))]))
            date = date.next
        }
        let workshop = Workshop(id: value("id"), name: value("name"), venue: value("venue"), timeZone: value("time_zone"), days: days,
                                slotMinutes: slotMinutes, breaks: breakStart.isEmpty ? [] : [TimeRange(start: breakStart, end: breakEnd)],
                                tables: (1...tableCount).map { MeetingTable(id: "T\($0)", name: "Table \($0)", capacity: capacity) })
        return .success((AgendaInput(workshop: workshop, delegations: [], settings: AgendaSettings(maxMeetingsPerDelegationPerDay: maxPerDay)),
                         reportID, selection))
    }

    /// The control that shows a problem found at a core path (`days[0].windows[0].end` is shown on `day_end`).
    static func control(for path: String) -> String {
        if path.hasPrefix("days[") {
            if path.hasSuffix(".start") { return "day_start" }
            if path.contains(".windows") { return "day_end" }
            if path.hasSuffix(".date") { return "first_day" }
            return "slot_minutes"
        }
        if path == "days" { return "day_count" }
        if path.hasPrefix("breaks") { return path.hasSuffix(".start") ? "break_start" : "break_end" }
        if path.hasPrefix("tables") { return path.hasSuffix(".capacity") ? "table_capacity" : "table_count" }
        if path.hasPrefix("settings") { return "max_per_day" }
        if path == "language" || path.isEmpty { return "id" }
        return path
    }

    /// The message shown next to a control: the reason, with the core's path when it is not the control's name.
    static func message(_ error: FieldError, _ localizer: Localizer) -> String {
        control(for: error.field) == error.field ? localizer.reason(error) : localizer.fieldLine(error)
    }

    /// The form's view in the language of `localizer`.
    func view(layout: LayoutView, reports: [MatchReportSummary], fileErrors: [String] = [], localizer: Localizer) -> WorkshopNewPageView {
        var messages: [String: String] = [:]
        for error in errors where messages[Self.control(for: error.field)] == nil {
            messages[Self.control(for: error.field)] = Self.message(error, localizer)
        }
        func field(_ name: String, _ id: String, _ label: String, _ type: String, _ required: Bool, _ help: String?, _ value: String) -> WorkshopFieldView {
            let error = messages[name]
            let describedBy = [help.map { _ in id + "-help" }, error.map { _ in id + "-error" }].compactMap { $0 }.joined(separator: " ")
            return WorkshopFieldView(id: id, name: name, label: label, value: value, help: help, error: error, type: type, required: required,
                                     describedBy: describedBy)
        }
        let label = { (name: String) in localizer.t("workshop.field." + name) }
        let labels = Dictionary(uniqueKeysWithValues: Self.controls.map { ($0.name, label($0.name)) }
            + [("report", localizer.t("workshop.report")), ("top", localizer.t("workshop.top"))])
        let anchors = Dictionary(uniqueKeysWithValues: Self.controls.map { ($0.name, $0.id) } + [("report", "report"), ("top", "top")])
        return WorkshopNewPageView(
            layout: layout,
            errors: errors.map { error in
                let control = Self.control(for: error.field)
                return FormErrorView(label: labels[control] ?? control, reason: Self.message(error, localizer), anchor: "#" + (anchors[control] ?? control))
            },
            hasErrors: !errors.isEmpty,
            fields: Self.controls.map { control in
                let help = control.hasHelp ? localizer.t("workshop.help." + control.name, ["max": localizer.number(Self.maxDays)]) : nil
                return field(control.name, control.id, label(control.name), control.type, control.required, help, value(control.name))
            },
            reports: reports.map { OptionView(value: String($0.id), label: "\($0.id): \($0.name)", selected: String($0.id) == report) },
            hasReports: !reports.isEmpty, reportError: messages["report"],
            top: field("top", "top", localizer.t("workshop.top_k"), "number", false, localizer.t("workshop.help.top"), top),
            selectionTop: selection == "top", selectionAccepted: selection == "accepted", fileErrors: fileErrors)
    }
}
