import Foundation

/// Checks an `AgendaInput` and lists every problem at once, each naming its field path (`tables[2].capacity`,
/// `requests[5].champion`) and the reason. Country codes are put in upper case.
struct AgendaValidator {
    var input: AgendaInput
    let countries: Set<String>?
    var errors: [FieldError] = []
    /// The parsed days, when every date and window is valid.
    var days: [(date: LocalDate, windows: [(Int, Int)])] = []
    var breaks: [(Int, Int)] = []
    var timeZone: TimeZone?
    /// Whether the time zone, slot length, days and breaks are all valid, so slots can be derived.
    var workshopUsable = true
    /// Whether every day was read, so dates can be checked against them.
    var daysKnown = false

    /// The range of slot lengths, in minutes.
    static let slotMinutesRange = 5...480

    init(_ input: AgendaInput, countries: Set<String>?) {
        self.input = input
        self.countries = countries
    }

    mutating func fail(_ field: String, _ key: String, _ values: [String: String] = [:], english: String) {
        errors.append(FieldError(field: field, Explanation(key, values, english: english)))
    }

    /// Reads `HH:MM`, or records an error.
    mutating func time(_ text: String, _ field: String) -> Int? {
        if let time = LocalTime(text) { return time.minutes }
        fail(field, "agenda.reason.time", english: "must be a time written HH:MM, from 00:00 to 23:59")
        return nil
    }

    /// Reads a start and an end, or records errors.
    mutating func range(_ start: String, _ end: String, _ field: String) -> (Int, Int)? {
        let from = time(start, field + ".start"), to = time(end, field + ".end")
        guard let from, let to else { return nil }
        guard from < to else {
            fail(field, "agenda.reason.ends_before_start", ["start": start, "end": end], english: "must end after it starts (\(start) to \(end))")
            return nil
        }
        return (from, to)
    }

    /// Reads a date that must be one of the workshop's days, or records an error.
    mutating func workshopDay(_ text: String, _ field: String) -> LocalDate? {
        guard let date = LocalDate(text) else {
            fail(field, "agenda.reason.date", english: "must be a date written YYYY-MM-DD")
            return nil
        }
        if daysKnown && !days.contains(where: { $0.date == date }) {
            fail(field, "agenda.reason.not_a_day", ["day": text], english: "\(text) is not a day of the workshop")
            return nil
        }
        return date
    }

    /// Whether a required text is present, or records an error.
    @discardableResult
    mutating func required(_ text: String, _ field: String) -> Bool {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fail(field, "agenda.reason.required", english: "is required")
            return false
        }
        return true
    }

    /// Records duplicates among `values` (paths built by `field`).
    mutating func unique(_ values: [String], _ field: (Int) -> String) {
        var first: [String: Int] = [:]
        for (index, value) in values.enumerated() where !value.isEmpty {
            if let earlier = first[value] { fail(field(index), "agenda.reason.duplicate", ["value": value, "other": field(earlier)], english: "'\(value)' is also used by \(field(earlier))") }
            else { first[value] = index }
        }
    }

    // MARK: The workshop

    mutating func checkWorkshop() {
        let workshop = input.workshop
        if required(workshop.id, "id"), !Self.isSlug(workshop.id) {
            fail("id", "agenda.reason.slug", english: "must be lower-case letters and digits, in words joined by single hyphens (e.g. dhaka-2017)")
        }
        required(workshop.name, "name")
        required(workshop.venue, "venue")
        if let zone = TimeZone(identifier: workshop.timeZone), zone.identifier == workshop.timeZone || workshop.timeZone == "UTC" { timeZone = zone } else {
            fail("time_zone", "agenda.reason.time_zone", ["zone": workshop.timeZone], english: "'\(workshop.timeZone)' is not an IANA time zone (e.g. Asia/Dhaka)")
            workshopUsable = false
        }
        if let language = workshop.language, language.range(of: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) == nil {
            fail("language", "agenda.reason.language", english: "must be a language code such as en or fr-CA")
        }
        if !Self.slotMinutesRange.contains(workshop.slotMinutes) {
            let (low, high) = (Self.slotMinutesRange.lowerBound, Self.slotMinutesRange.upperBound)
            fail("slot_minutes", "agenda.reason.whole_number_range", ["min": String(low), "max": String(high)], english: "must be a whole number from \(low) to \(high)")
            workshopUsable = false
        }
        checkDays(workshop.days)
        for (index, cut) in workshop.breaks.enumerated() {
            if let range = range(cut.start, cut.end, "breaks[\(index)]") { breaks.append(range) } else { workshopUsable = false }
        }
        if workshop.tables.isEmpty { fail("tables", "agenda.reason.no_table", english: "needs at least one table") }
        for (index, table) in workshop.tables.enumerated() {
            required(table.id, "tables[\(index)].id")
            required(table.name, "tables[\(index)].name")
            if table.capacity < 1 { fail("tables[\(index)].capacity", "agenda.reason.at_least_one", english: "must be at least 1") }
        }
        unique(workshop.tables.map(\.id)) { "tables[\($0)].id" }
    }

    mutating func checkDays(_ workshopDays: [WorkshopDay]) {
        if workshopDays.isEmpty {
            fail("days", "agenda.reason.no_day", english: "needs at least one day")
            workshopUsable = false
        }
        var parsed: [(date: LocalDate, windows: [(Int, Int)])] = []
        for (index, day) in workshopDays.enumerated() {
            let field = "days[\(index)]"
            var windows: [(Int, Int)] = [], usable = true
            let date = LocalDate(day.date)
            if date == nil { fail(field + ".date", "agenda.reason.date", english: "must be a date written YYYY-MM-DD"); usable = false }
            if let date, let previous = parsed.last?.date, !(previous < date) {
                fail(field + ".date", "agenda.reason.day_order", ["day": String(describing: previous)], english: "must come after the day before (\(previous))")
                usable = false
            }
            if day.windows.isEmpty { fail(field + ".windows", "agenda.reason.no_window", english: "needs at least one window"); usable = false }
            for (position, window) in day.windows.enumerated() {
                let path = field + ".windows[\(position)]"
                guard let range = range(window.start, window.end, path) else { usable = false; continue }
                if let other = windows.firstIndex(where: { $0.0 < range.1 && range.0 < $0.1 }) {
                    fail(path, "agenda.reason.overlaps", ["other": "\(field).windows[\(other)]"], english: "overlaps \(field).windows[\(other)]")
                    usable = false
                }
                windows.append(range)
            }
            if let date, usable { parsed.append((date, windows)) } else { workshopUsable = false }
        }
        days = parsed
        daysKnown = !workshopDays.isEmpty && parsed.count == workshopDays.count
    }

    /// Lower-case letters and digits in words joined by single hyphens, at most 64 characters.
    static func isSlug(_ text: String) -> Bool {
        text.count <= 64 && text.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil
    }
}
