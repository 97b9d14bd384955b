import Foundation

/// Writes a workshop's agenda as an iCalendar file (RFC 5545), for the whole workshop or for one delegation: one
/// VEVENT per scheduled meeting (and, unless turned off, per thematic session), times in the workshop's time zone
/// with its VTIMEZONE. UIDs are name-based UUIDs of the workshop and request (or session) ids, so a meeting keeps
/// its UID when it moves and across exports. Lines end with CRLF and are folded at 75 octets.
public struct ICalendarWriter: Sendable {
    /// The plan.
    public var plan: AgendaPlan
    /// The schedule to write.
    public var schedule: Schedule
    /// Names for codes and refs.
    public var labels: AgendaLabels
    /// The time of the export, written as every event's DTSTAMP.
    public var stamp: Date
    /// Whether thematic sessions are written too.
    public var includeSessions: Bool

    /// The product identifier written as PRODID.
    public static let productID = "-//Solex//Workshop agenda//EN"

    /// Creates a writer.
    public init(plan: AgendaPlan, schedule: Schedule, labels: AgendaLabels = AgendaLabels(), stamp: Date, includeSessions: Bool = true) {
        self.plan = plan
        self.schedule = schedule
        self.labels = labels
        self.stamp = stamp
        self.includeSessions = includeSessions
    }

    /// The calendar of the whole workshop, or of one delegation (its meetings and sessions).
    public func calendar(for delegation: String? = nil) -> String {
        let export = AgendaExport(plan: plan, schedule: schedule, delegation: delegation)
        let workshop = plan.workshop, zone = workshop.timeZone
        let name = workshop.name + (delegation.map { " – " + labels.delegation($0) } ?? "")
        var out = ICalendarText.fold("BEGIN:VCALENDAR") + ICalendarText.property("VERSION", "2.0")
            + ICalendarText.property("PRODID", Self.productID) + ICalendarText.property("CALSCALE", "GREGORIAN")
            + ICalendarText.property("METHOD", "PUBLISH") + ICalendarText.property("X-WR-CALNAME", ICalendarText.escape(name))
            + ICalendarText.property("X-WR-TIMEZONE", zone)
        let clock = WorkshopClock(timeZone: plan.timeZone)
        let start = plan.days.first.flatMap { LocalDate($0.date) }.map { clock.instant($0, 0) } ?? stamp
        let end = plan.days.last?.end ?? stamp
        out += ICalendarText.timeZone(plan.timeZone, named: zone, from: start.addingTimeInterval(-86400), to: end.addingTimeInterval(86400))
        for meeting in export.meetings { out += event(meeting, export, delegation) }
        if includeSessions { for session in export.sessions { out += event(session, export) } }
        return out + ICalendarText.fold("END:VCALENDAR")
    }

    func event(_ meeting: AgendaExport.Meeting, _ export: AgendaExport, _ delegation: String?) -> String {
        let request = meeting.request, workshop = plan.workshop
        let title = labels.innovationTitle(request.innovation)
        var summary: String, lines: [String]
        if let delegation {
            let other = request.counterpart(of: delegation)
            summary = "Meeting with \(labels.delegation(other)): \(title)"
            lines = ["Counterpart: " + export.delegation(other, labels) + (request.requester == other ? " (adopting)" : " (champion)")]
            let people = export.people(other)
            if !people.isEmpty { lines.append("Their delegation: " + people) }
        } else {
            summary = "\(labels.delegation(request.requester)) meets \(labels.delegation(request.champion)): \(title)"
            lines = ["Delegations: \(export.delegation(request.requester, labels)) (adopting) and \(export.delegation(request.champion, labels)) (champion)"]
        }
        lines += ["Innovation: " + labels.innovation(request.innovation), "Need: " + labels.need(request.need),
                  "Table: \(meeting.table.name) (seats \(meeting.table.capacity))", "Request: \(request.id)"]
        return ICalendarText.fold("BEGIN:VEVENT") + ICalendarText.property("UID", meeting.uid)
            + ICalendarText.property("DTSTAMP", ICalendarText.utc(stamp))
            + time("DTSTART", meeting.slot.startDate) + time("DTEND", meeting.slot.endDate)
            + ICalendarText.property("SUMMARY", ICalendarText.escape(summary))
            + ICalendarText.property("LOCATION", ICalendarText.escape(meeting.table.name + ", " + workshop.venue))
            + ICalendarText.property("DESCRIPTION", ICalendarText.escape(lines.joined(separator: "\n")))
            + ICalendarText.property("CATEGORIES", "Bilateral meeting") + ICalendarText.property("STATUS", "CONFIRMED")
            + ICalendarText.fold("END:VEVENT")
    }

    func event(_ item: AgendaExport.Session, _ export: AgendaExport) -> String {
        let session = item.session
        let lines = ["Theme: " + labels.theme(session.theme),
                     "Delegations: " + session.delegations.map(labels.delegation).joined(separator: ", ")]
        return ICalendarText.fold("BEGIN:VEVENT") + ICalendarText.property("UID", item.uid)
            + ICalendarText.property("DTSTAMP", ICalendarText.utc(stamp))
            + time("DTSTART", item.start) + time("DTEND", item.end)
            + ICalendarText.property("SUMMARY", ICalendarText.escape("Thematic session: " + session.title))
            + ICalendarText.property("LOCATION", ICalendarText.escape(session.room + ", " + plan.workshop.venue))
            + ICalendarText.property("DESCRIPTION", ICalendarText.escape(lines.joined(separator: "\n")))
            + ICalendarText.property("CATEGORIES", "Thematic session") + ICalendarText.property("STATUS", "CONFIRMED")
            + ICalendarText.fold("END:VEVENT")
    }

    /// A date-time property in the workshop's zone (`DTSTART;TZID=Asia/Dhaka:20170514T090000`), or in UTC when the
    /// local time would not name the instant (the second occurrence of a time when clocks go back).
    func time(_ name: String, _ date: Date) -> String {
        let clock = WorkshopClock(timeZone: plan.timeZone)
        let parts = clock.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard clock.calendar.date(from: parts) == date else { return ICalendarText.property(name, ICalendarText.utc(date)) }
        return ICalendarText.property(name, ICalendarText.dateTime(parts), parameters: [("TZID", plan.workshop.timeZone)])
    }
}
