import Foundation
import SolexCore
import SolexStore

/// The new-workshop form: what was typed and the problems found. Controls (id / name): `workshop-id` / `id`,
/// `workshop-name` / `name`, `venue`, `time-zone` / `time_zone`, `first-day` / `first_day`, `day-count` /
/// `day_count`, `day-start` / `day_start`, `day-end` / `day_end`, `slot-minutes` / `slot_minutes`, `break-start` /
/// `break_start`, `break-end` / `break_end`, `table-count` / `table_count`, `table-capacity` / `table_capacity`,
/// `max-per-day` / `max_per_day`, `report` / `report`, `selection-top` and `selection-accepted` / `selection`, `top`.
struct WorkshopForm {
    /// The controls in page order: name, id, label, default, type, required, help.
    static let controls: [(name: String, id: String, label: String, value: String, type: String, required: Bool, help: String?)] = [
        ("id", "workshop-id", "Identifier", "", "text", true, "Lower-case letters and digits in words joined by hyphens, e.g. dhaka-2017. It is part of every exported calendar id."),
        ("name", "workshop-name", "Name", "", "text", true, nil),
        ("venue", "venue", "Venue", "", "text", true, "Building and city."),
        ("time_zone", "time-zone", "Time zone", "UTC", "text", true, "An IANA time zone such as Asia/Dhaka, Africa/Porto-Novo or UTC."),
        ("first_day", "first-day", "First day", "", "date", true, "YYYY-MM-DD."),
        ("day_count", "day-count", "Number of days", "2", "number", true, "1 to \(maxDays); consecutive days."),
        ("day_start", "day-start", "Meetings start at", "09:00", "time", true, "Local time, HH:MM, every day."),
        ("day_end", "day-end", "Meetings end at", "17:00", "time", true, nil),
        ("slot_minutes", "slot-minutes", "Minutes per meeting", "30", "number", true, nil),
        ("break_start", "break-start", "Break from (optional)", "", "time", false, "A break every day, e.g. lunch."),
        ("break_end", "break-end", "Break until (optional)", "", "time", false, nil),
        ("table_count", "table-count", "Number of tables", "6", "number", true, "Named Table 1, Table 2, ..."),
        ("table_capacity", "table-capacity", "Seats per table", "2", "number", true, "A meeting needs a table that seats both delegations."),
        ("max_per_day", "max-per-day", "Most meetings per delegation per day (optional)", "", "number", false, "Empty: no limit."),
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
                problems.append(FieldError(field: name, reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
                return nil
            }
            return number
        }
        let dayCount = whole("day_count", 1...Self.maxDays), tableCount = whole("table_count", 1...200)
        let capacity = whole("table_capacity", 1...100), slotMinutes = whole("slot_minutes", 1...1440)
        let maxPerDay = whole("max_per_day", 1...1000, optional: true)
        let first = LocalDate(value("first_day"))
        if first == nil { problems.append(FieldError(field: "first_day", reason: "must be a date written YYYY-MM-DD")) }
        let (breakStart, breakEnd) = (value("break_start"), value("break_end"))
        if breakStart.isEmpty != breakEnd.isEmpty {
            problems.append(FieldError(field: breakStart.isEmpty ? "break_start" : "break_end", reason: "give both ends of the break, or neither"))
        }
        let reportID = Int64(report).flatMap { $0 > 0 ? $0 : nil }
        if reportID == nil { problems.append(FieldError(field: "report", reason: "choose a stored match report")) }
        var selection = RequestSelection.accepted
        if self.selection == "top" {
            if let k = Int(top), k >= 1 { selection = .top(k) } else { problems.append(FieldError(field: "top", reason: "must be a whole number of 1 or more")) }
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
    static func message(_ error: FieldError) -> String {
        control(for: error.field) == error.field ? error.reason : "\(error.field): \(error.reason)"
    }

    /// The form's view.
    func view(layout: LayoutView, reports: [MatchReportSummary], fileErrors: [String] = []) -> WorkshopNewPageView {
        var messages: [String: String] = [:]
        for error in errors where messages[Self.control(for: error.field)] == nil { messages[Self.control(for: error.field)] = Self.message(error) }
        func field(_ name: String, _ id: String, _ label: String, _ type: String, _ required: Bool, _ help: String?, _ value: String) -> WorkshopFieldView {
            let error = messages[name]
            let describedBy = [help.map { _ in id + "-help" }, error.map { _ in id + "-error" }].compactMap { $0 }.joined(separator: " ")
            return WorkshopFieldView(id: id, name: name, label: label, value: value, help: help, error: error, type: type, required: required,
                                     describedBy: describedBy)
        }
        let labels = Dictionary(uniqueKeysWithValues: Self.controls.map { ($0.name, $0.label) } + [("report", "Match report"), ("top", "Pairs per need")])
        let anchors = Dictionary(uniqueKeysWithValues: Self.controls.map { ($0.name, $0.id) } + [("report", "report"), ("top", "top")])
        return WorkshopNewPageView(
            layout: layout,
            errors: errors.map { error in
                let control = Self.control(for: error.field)
                return FormErrorView(label: labels[control] ?? control, reason: Self.message(error), anchor: "#" + (anchors[control] ?? control))
            },
            hasErrors: !errors.isEmpty,
            fields: Self.controls.map { field($0.name, $0.id, $0.label, $0.type, $0.required, $0.help, value($0.name)) },
            reports: reports.map { OptionView(value: String($0.id), label: "\($0.id): \($0.name)", selected: String($0.id) == report) },
            hasReports: !reports.isEmpty, reportError: messages["report"],
            top: field("top", "top", "Pairs per need (top K)", "number", false, "The K best pairs of each need become meeting requests.", top),
            selectionTop: selection == "top", selectionAccepted: selection == "accepted", fileErrors: fileErrors)
    }
}
