import Foundation

/// The text rules of iCalendar (RFC 5545, section 3.1 and 3.3.11): escaping TEXT values and folding long lines.
public enum ICalendarText {
    /// The longest line, in octets, without its CRLF.
    public static let lineLimit = 75

    /// Escapes a TEXT value: backslash, semicolon and comma get a backslash; a line break (CRLF, LF or CR) becomes
    /// `\n`; other control characters, which TEXT does not allow, are dropped (a tab is kept).
    public static func escape(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if previous != "\r" { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Folds one content line: at most 75 octets per physical line, each continuation starting with one space.
    /// Lines are cut between characters as people see them (grapheme clusters), so a vowel sign or accent never
    /// starts a continuation line; a cluster longer than a whole line is cut between its code points. A multi-octet
    /// character is never split. Lines end with CRLF.
    public static func fold(_ line: String) -> String {
        var out = "", width = 0
        func add(_ scalars: String.UnicodeScalarView.SubSequence, size: Int) {
            if width + size > lineLimit {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(contentsOf: scalars)
            width += size
        }
        for character in line {
            let size = character.utf8.count
            if size < lineLimit {
                add(character.unicodeScalars[...], size: size)
            } else {
                for scalar in character.unicodeScalars { add(String(scalar).unicodeScalars[...], size: UTF8.width(scalar)) }
            }
        }
        return out + "\r\n"
    }

    /// A property line, folded: `NAME;PARAM=VALUE:value` (the value already escaped if it is TEXT).
    static func property(_ name: String, _ value: String, parameters: [(String, String)] = []) -> String {
        fold(name + parameters.map { ";\($0.0)=\($0.1)" }.joined() + ":" + value)
    }

    /// A UTC date-time: `20170514T033000Z`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return dateTime(parts) + "Z"
    }

    /// A local date-time from components: `20170514T093000`.
    static func dateTime(_ parts: DateComponents) -> String {
        let year = String(parts.year ?? 0)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + LocalTime.pad(parts.month ?? 0)
            + LocalTime.pad(parts.day ?? 0) + "T" + LocalTime.pad(parts.hour ?? 0) + LocalTime.pad(parts.minute ?? 0)
            + LocalTime.pad(parts.second ?? 0)
    }

    /// A UTC offset: `+0600`, `-0330`, or with seconds when there are any.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+", value = abs(seconds)
        let text = sign + LocalTime.pad(value / 3600) + LocalTime.pad(value % 3600 / 60)
        return value % 60 == 0 ? text : text + LocalTime.pad(value % 60)
    }

    /// The VTIMEZONE of a zone over a period: one observance for the offset at the start, then one for each change
    /// of offset up to the end (from the zone's transitions as Foundation knows them). Each observance starts at the
    /// local time, in the offset before it, when it takes effect.
    static func timeZone(_ zone: TimeZone, named name: String, from start: Date, to end: Date) -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        func wall(_ date: Date, _ offset: Int) -> String {
            dateTime(utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date.addingTimeInterval(TimeInterval(offset))))
        }
        func observance(_ at: Date, from: Int, to: Int, daylight: Bool) -> String {
            let kind = daylight ? "DAYLIGHT" : "STANDARD"
            return fold("BEGIN:" + kind) + property("DTSTART", wall(at, from)) + property("TZOFFSETFROM", offset(from))
                + property("TZOFFSETTO", offset(to)) + fold("END:" + kind)
        }
        let first = zone.secondsFromGMT(for: start)
        var out = fold("BEGIN:VTIMEZONE") + property("TZID", name)
        out += observance(start, from: first, to: first, daylight: zone.isDaylightSavingTime(for: start))
        var moment = start
        while let next = zone.nextDaylightSavingTimeTransition(after: moment), next <= end {
            out += observance(next, from: zone.secondsFromGMT(for: next.addingTimeInterval(-1)), to: zone.secondsFromGMT(for: next),
                              daylight: zone.isDaylightSavingTime(for: next))
            moment = next
        }
        return out + fold("END:VTIMEZONE")
    }
}
