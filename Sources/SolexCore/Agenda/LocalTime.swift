import Foundation

/// A wall-clock time of day written `HH:MM` (24-hour clock, 00:00 to 23:59), kept as minutes after midnight.
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes after midnight, 0 to 1439.
    public var minutes: Int

    /// Creates a time from minutes after midnight (0 to 1439).
    public init(minutes: Int) {
        self.minutes = minutes
    }

    /// Reads `HH:MM` exactly (two digits each); nil for anything else or a time past 23:59.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
              let hour = Self.twoDigits(bytes[0], bytes[1]), let minute = Self.twoDigits(bytes[3], bytes[4]),
              hour < 24, minute < 60 else { return nil }
        minutes = hour * 60 + minute
    }

    /// The time as `HH:MM`.
    public var description: String { Self.pad(minutes / 60) + ":" + Self.pad(minutes % 60) }

    /// Orders times from midnight on.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minutes < rhs.minutes }

    static func twoDigits(_ high: UInt8, _ low: UInt8) -> Int? {
        let zero = UInt8(ascii: "0")
        guard (zero...zero + 9).contains(high), (zero...zero + 9).contains(low) else { return nil }
        return Int(high - zero) * 10 + Int(low - zero)
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A calendar date written `YYYY-MM-DD` (proleptic Gregorian calendar).
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int

    /// Reads `YYYY-MM-DD` exactly; nil for anything else or a date that does not exist (e.g. 2017-02-29).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let century = LocalTime.twoDigits(bytes[0], bytes[1]), let years = LocalTime.twoDigits(bytes[2], bytes[3]),
              let month = LocalTime.twoDigits(bytes[5], bytes[6]), let day = LocalTime.twoDigits(bytes[8], bytes[9]),
              century * 100 + years >= 1, (1...12).contains(month), day >= 1,
              day <= Self.daysIn(month: month, year: century * 100 + years) else { return nil }
        self.year = century * 100 + years
        self.month = month
        self.day = day
    }

    /// The date as `YYYY-MM-DD`.
    public var description: String {
        let year = String(year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + LocalTime.pad(month) + "-" + LocalTime.pad(day)
    }

    /// The date as `YYYYMMDD`, as iCalendar writes dates.
    public var compact: String { description.replacingOccurrences(of: "-", with: "") }

    /// Orders dates in time.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    /// The number of days in a month of a year.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The date components of this date at a local time (minutes after midnight), for a calendar in the workshop's zone.
    func components(minutes: Int) -> DateComponents {
        DateComponents(year: year, month: month, day: day, hour: minutes / 60, minute: minutes % 60)
    }

    /// The next day.
    public var next: LocalDate {
        var result = self
        if day < Self.daysIn(month: month, year: year) { result.day += 1 }
        else if month < 12 { result.month += 1; result.day = 1 }
        else { result.year += 1; result.month = 1; result.day = 1 }
        return result
    }
}
