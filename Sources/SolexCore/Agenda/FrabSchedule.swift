import Foundation

/// A workshop's agenda in the terms of the frab schedule format, shared by the XML and JSON writers: days, rooms
/// (the tables, then the session rooms that are not tables) and events. A bilateral meeting is an event of type
/// `meeting` in its table's room with both delegations as persons; a thematic session is an event of type
/// `discussion` in its room with its delegations as persons.
struct FrabSchedule {
    struct Event {
        var id: Int, guid: String, room: String, title: String, subtitle: String?, type: String
        var date: String, end: String, start: String, duration: String
        var abstract: String, description: String, slug: String, track: String, url: String
        var persons: [(name: String, guid: String)]
    }

    struct Day {
        var index: Int, date: String, start: String, end: String
        var rooms: [(name: String, events: [Event])]
    }

    struct Room {
        var name: String, guid: String, capacity: Int?
    }

    var title: String, acronym: String, start: String, end: String, slotDuration: String, timeZone: String?
    var language: String?, version: String
    var rooms: [Room]
    var days: [Day]

    init(plan: AgendaPlan, schedule: Schedule, labels: AgendaLabels, delegation: String?, baseURL: String?) {
        let export = AgendaExport(plan: plan, schedule: schedule, delegation: delegation)
        let workshop = plan.workshop, clock = WorkshopClock(timeZone: plan.timeZone)
        title = workshop.name + (delegation.map { " – " + labels.delegation($0) } ?? "")
        acronym = Self.acronym(workshop.id)
        start = plan.days.first?.date ?? ""
        end = plan.days.last?.date ?? ""
        slotDuration = Self.duration(workshop.slotMinutes * 60)
        timeZone = workshop.timeZone.range(of: "^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$", options: .regularExpression) != nil
            ? workshop.timeZone : nil
        language = workshop.language
        version = Self.version(workshop.id, schedule)
        func stamp(_ date: Date) -> String { Self.dateTime(date, clock) }
        func person(_ code: String) -> (String, String) {
            (export.delegation(code, labels), StableUUID.agenda(workshop.id, "delegation", code))
        }
        func link(_ slug: String, _ guid: String) -> String { baseURL.map { $0 + "/" + slug } ?? "urn:uuid:" + guid }
        func roomName(_ room: String) -> String { plan.table(room)?.name ?? room }

        var events: [(day: Int, event: Event)] = []
        for meeting in export.meetings {
            let request = meeting.request, slug = acronym + "-meeting-\(meeting.number)" + Self.slugPart(request.id)
            var lines = ["Adopting: " + export.delegation(request.requester, labels), "Champion: " + export.delegation(request.champion, labels),
                         "Innovation: " + labels.innovation(request.innovation), "Need: " + labels.need(request.need)]
            lines.append("Table: \(meeting.table.name) (seats \(meeting.table.capacity)); request \(request.id)")
            events.append((meeting.slot.day, Event(
                id: meeting.number, guid: meeting.uid, room: meeting.table.name,
                title: "\(labels.delegation(request.requester)) meets \(labels.delegation(request.champion))",
                subtitle: labels.innovationTitle(request.innovation), type: "meeting",
                date: stamp(meeting.slot.startDate), end: stamp(meeting.slot.endDate), start: meeting.slot.start,
                duration: Self.duration(Int(meeting.slot.endDate.timeIntervalSince(meeting.slot.startDate))),
                abstract: "Bilateral meeting on \(labels.innovation(request.innovation)), for the need \(labels.need(request.need)).",
                description: lines.joined(separator: "\n"), slug: slug, track: "Bilateral meetings", url: link(slug, meeting.uid),
                persons: [person(request.requester), person(request.champion)])))
        }
        for item in export.sessions {
            let session = item.session, slug = acronym + "-session-\(item.number)" + Self.slugPart(session.id)
            let day = plan.days.first { $0.date == session.day }?.index ?? 0
            events.append((day, Event(
                id: item.number, guid: item.uid, room: roomName(session.room), title: session.title, subtitle: nil,
                type: "discussion", date: stamp(item.start), end: stamp(item.end), start: clock.local(item.start).time,
                duration: Self.duration(Int(item.end.timeIntervalSince(item.start))),
                abstract: "Thematic session on \(labels.theme(session.theme)).",
                description: "Delegations: " + session.delegations.map(labels.delegation).joined(separator: ", "),
                slug: slug, track: labels.theme(session.theme), url: link(slug, item.uid), persons: session.delegations.map(person))))
        }
        var names = workshop.tables.map(\.name)
        for session in workshop.sessions where !names.contains(roomName(session.room)) { names.append(roomName(session.room)) }
        if delegation != nil { names = names.filter { name in events.contains { $0.event.room == name } } }
        rooms = names.map { name in
            Room(name: name, guid: StableUUID.agenda(workshop.id, "room", name), capacity: workshop.tables.first { $0.name == name }?.capacity)
        }
        days = plan.days.map { day in
            let todays = events.filter { $0.day == day.index }.map(\.event)
            let sessionTimes = export.sessions.filter { $0.session.day == day.date }
            let first = ([day.start] + sessionTimes.map(\.start)).min() ?? day.start
            let last = ([day.end] + sessionTimes.map(\.end)).max() ?? day.end
            return Day(index: day.index + 1, date: day.date, start: stamp(first), end: stamp(last),
                       rooms: names.map { name in (name, todays.filter { $0.room == name }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }) })
        }
    }

    /// The acronym: the workshop id with `_` for `-` (frab acronyms allow no hyphen inside), at least 4 characters.
    static func acronym(_ id: String) -> String {
        let text = id.replacingOccurrences(of: "-", with: "_")
        return text.count >= 4 ? text : text + "_agenda"
    }

    /// `-` and the id in lower case letters and digits joined by hyphens, or nothing if none is left.
    static func slugPart(_ id: String) -> String {
        let words = id.lowercased().split { !(("a"..."z").contains($0) || ("0"..."9").contains($0)) || !$0.isASCII }
        return words.isEmpty ? "" : "-" + words.joined(separator: "-")
    }

    /// `HH:MM` for a number of seconds.
    static func duration(_ seconds: Int) -> String { LocalTime.pad(seconds / 3600) + ":" + LocalTime.pad(seconds % 3600 / 60) }

    /// An instant as local date-time with its offset: `2017-05-14T09:00:00+06:00`.
    static func dateTime(_ date: Date, _ clock: WorkshopClock) -> String {
        let parts = clock.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let local = ICalendarText.dateTime(parts)
        let offset = clock.offset(at: date), sign = offset < 0 ? "-" : "+", value = abs(offset)
        return String(local.prefix(4)) + "-" + local.dropFirst(4).prefix(2) + "-" + local.dropFirst(6).prefix(2) + "T"
            + local.dropFirst(9).prefix(2) + ":" + local.dropFirst(11).prefix(2) + ":" + local.dropFirst(13).prefix(2)
            + sign + LocalTime.pad(value / 3600) + ":" + LocalTime.pad(value % 3600 / 60)
    }

    /// A short fingerprint of the schedule (workshop id and every assignment), so each new schedule has a new version.
    static func version(_ workshop: String, _ schedule: Schedule) -> String {
        let text = ([workshop] + schedule.assignments.map { "\($0.request) \($0.slot) \($0.table)" }).joined(separator: "\n")
        return SHA1.hash(Array(text.utf8)).prefix(6).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
