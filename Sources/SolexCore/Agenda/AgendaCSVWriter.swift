import Foundation

/// Writes a workshop's meetings as CSV (RFC 4180): a header, then one row per meeting in time order, CRLF line
/// ends, a field quoted when it holds a comma, a quote or a line break (quotes doubled).
public struct AgendaCSVWriter: Sendable {
    /// The plan.
    public var plan: AgendaPlan
    /// The schedule to write.
    public var schedule: Schedule
    /// Names for codes and refs.
    public var labels: AgendaLabels

    /// The columns, in order.
    public static let header = ["request", "day", "date", "start", "end", "table", "table_name", "requester", "requester_name",
                                "champion", "champion_name", "need", "need_title", "innovation", "innovation_title", "priority"]

    /// Creates a writer.
    public init(plan: AgendaPlan, schedule: Schedule, labels: AgendaLabels = AgendaLabels()) {
        self.plan = plan
        self.schedule = schedule
        self.labels = labels
    }

    /// The CSV of the whole workshop, or of one delegation's meetings.
    public func csv(for delegation: String? = nil) -> String {
        let export = AgendaExport(plan: plan, schedule: schedule, delegation: delegation)
        var out = Self.row(Self.header)
        for meeting in export.meetings {
            let request = meeting.request
            out += Self.row([request.id, String(meeting.slot.day + 1), meeting.slot.date, meeting.slot.start, meeting.slot.end,
                             meeting.table.id, meeting.table.name, request.requester, labels.countries[request.requester] ?? "",
                             request.champion, labels.countries[request.champion] ?? "", request.need, labels.needs[request.need] ?? "",
                             request.innovation, labels.innovations[request.innovation] ?? "", "\(request.priority)"])
        }
        return out
    }

    /// One record, fields quoted where needed, ending with CRLF.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted if it holds a comma, a double quote, a CR or an LF.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
