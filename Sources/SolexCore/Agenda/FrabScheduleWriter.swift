import Foundation

/// Writes a workshop's agenda in the frab schedule format, as XML (`schedule.xml`) and as JSON (`schedule.json`),
/// for the whole workshop or one delegation. Both validate against the format's published schemas (the XSD and
/// the draft-06 JSON Schema). Event GUIDs are the same name-based UUIDs as the iCalendar UIDs.
public struct FrabScheduleWriter: Sendable {
    /// The plan.
    public var plan: AgendaPlan
    /// The schedule to write.
    public var schedule: Schedule
    /// Names for codes and refs.
    public var labels: AgendaLabels
    /// The address under which event pages live (`BASE/SLUG`); without it, an event's `url` in JSON is `urn:uuid:GUID`.
    public var baseURL: String?

    /// Creates a writer.
    public init(plan: AgendaPlan, schedule: Schedule, labels: AgendaLabels = AgendaLabels(), baseURL: String? = nil) {
        self.plan = plan
        self.schedule = schedule
        self.labels = labels
        self.baseURL = baseURL
    }

    func model(_ delegation: String?) -> FrabSchedule {
        FrabSchedule(plan: plan, schedule: schedule, labels: labels, delegation: delegation, baseURL: baseURL)
    }

    /// The schedule as frab XML.
    public func xml(for delegation: String? = nil) -> String {
        let model = model(delegation)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n  <generator name=\"Solex\"/>\n"
        out += "  " + element("version", model.version) + "\n  <conference>\n"
        var conference = [("acronym", model.acronym), ("title", model.title), ("start", model.start), ("end", model.end),
                          ("days", String(model.days.count)), ("timeslot_duration", model.slotDuration)]
        if let zone = model.timeZone { conference.append(("time_zone_name", zone)) }
        for (name, value) in conference { out += "    " + element(name, value) + "\n" }
        out += "  </conference>\n"
        for day in model.days {
            out += "  <day index=\"\(day.index)\" date=\"\(day.date)\" start=\"\(day.start)\" end=\"\(day.end)\">\n"
            for room in day.rooms {
                let guid = model.rooms.first { $0.name == room.name }?.guid
                out += "    <room name=\"\(Self.escape(room.name))\"" + (guid.map { " guid=\"\($0)\"" } ?? "")
                guard !room.events.isEmpty else { out += "/>\n"; continue }
                out += ">\n"
                for event in room.events { out += self.event(event, language: model.language) }
                out += "    </room>\n"
            }
            out += "  </day>\n"
        }
        return out + "</schedule>\n"
    }

    func event(_ event: FrabSchedule.Event, language: String?) -> String {
        var out = "      <event guid=\"\(event.guid)\" id=\"\(event.id)\">\n"
        var fields = [("room", event.room), ("title", event.title)]
        if let subtitle = event.subtitle { fields.append(("subtitle", subtitle)) }
        fields += [("type", event.type), ("date", event.date), ("start", event.start), ("duration", event.duration),
                   ("abstract", event.abstract), ("slug", event.slug), ("track", event.track)]
        if let language { fields.append(("language", language)) }
        fields.append(("description", event.description))
        for (name, value) in fields { out += "        " + element(name, value) + "\n" }
        out += "        <persons>\n"
        for person in event.persons { out += "          <person guid=\"\(person.guid)\">\(Self.escape(person.name))</person>\n" }
        return out + "        </persons>\n      </event>\n"
    }

    func element(_ name: String, _ value: String) -> String { "<\(name)>\(Self.escape(value))</\(name)>" }

    /// Escapes text for XML content and attribute values; drops characters XML 1.0 does not allow.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let value = scalar.value
                if value >= 0x20 && value != 0xFFFE && value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// The schedule as frab JSON.
    public func json(for delegation: String? = nil) -> String {
        let model = model(delegation)
        var conference: [(String, OrderedJSON)] = [
            ("acronym", .string(model.acronym)), ("title", .string(model.title)), ("start", .string(model.start)),
            ("end", .string(model.end)), ("daysCount", .int(model.days.count)), ("timeslot_duration", .string(model.slotDuration)),
        ]
        if let zone = model.timeZone { conference.append(("time_zone_name", .string(zone))) }
        conference.append(("rooms", .array(model.rooms.map { room in
            .object([("name", .string(room.name)), ("guid", .string(room.guid))] + (room.capacity.map { [("capacity", .int($0))] } ?? []))
        })))
        conference.append(("days", .array(model.days.map { day in
            .object([("index", .int(day.index)), ("date", .string(day.date)), ("day_start", .string(day.start)),
                     ("day_end", .string(day.end)),
                     ("rooms", .object(day.rooms.map { ($0.name, .array($0.events.map { event(json: $0, language: model.language) })) }))])
        })))
        var schedule: [(String, OrderedJSON)] = [("version", .string(model.version))]
        if let baseURL { schedule.append(("base_url", .string(baseURL))) }
        schedule.append(("conference", .object(conference)))
        return OrderedJSON.object([("generator", .object([("name", .string("Solex"))])), ("schedule", .object(schedule))]).text
    }

    func event(json event: FrabSchedule.Event, language: String?) -> OrderedJSON {
        .object([
            ("guid", .string(event.guid)), ("id", .int(event.id)), ("date", .string(event.date)), ("end", .string(event.end)),
            ("start", .string(event.start)), ("duration", .string(event.duration)), ("room", .string(event.room)),
            ("slug", .string(event.slug)), ("url", .string(event.url)), ("title", .string(event.title)),
            ("subtitle", .text(event.subtitle)), ("track", .string(event.track)), ("type", .string(event.type)),
            ("language", .text(language)), ("abstract", .string(event.abstract)), ("description", .string(event.description)),
            ("persons", .array(event.persons.map { .object([("name", .string($0.name)), ("guid", .string($0.guid))]) })),
            ("links", .array([])),
        ])
    }
}
