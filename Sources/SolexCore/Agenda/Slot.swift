import Foundation

/// One meeting slot of a workshop, derived from the days, windows, breaks and slot length.
public struct Slot: Sendable, Hashable, Codable {
    /// The slot's position in the whole workshop, from 0, in time order.
    public var index: Int
    /// The day's position, from 0.
    public var day: Int
    /// The day's date, `YYYY-MM-DD`.
    public var date: String
    /// The local start time, `HH:MM`.
    public var start: String
    /// The local end time, `HH:MM`.
    public var end: String
    /// The start as an instant.
    public var startDate: Date
    /// The end as an instant; always `slotMinutes` after the start.
    public var endDate: Date

    /// Creates a slot.
    public init(index: Int, day: Int, date: String, start: String, end: String, startDate: Date, endDate: Date) {
        self.index = index
        self.day = day
        self.date = date
        self.start = start
        self.end = end
        self.startDate = startDate
        self.endDate = endDate
    }

    enum CodingKeys: String, CodingKey {
        case index, day, date, start, end, startDate = "start_date", endDate = "end_date"
    }

    /// How people read the slot: `2017-05-14 09:30`.
    public var label: String { date + " " + start }

    /// The slot's day and start as a value each interface language writes its own way ("Sunday 14 May, 9:30").
    public var moment: LocalizedValue { .moment(day: date, time: start) }
}

/// One day of a workshop, with its slots.
public struct AgendaDay: Sendable, Hashable {
    /// The day's position, from 0.
    public var index: Int
    /// The date, `YYYY-MM-DD`.
    public var date: String
    /// The indices of its slots.
    public var slots: Range<Int>
    /// The start of its first meeting window, as an instant.
    public var start: Date
    /// The end of its last meeting window, as an instant.
    public var end: Date
}

/// Turns the workshop's local dates and times into instants in its time zone.
///
/// A window is cut into slots in real elapsed time, so a day with a daylight saving change keeps slots of the full
/// length: a local time that does not exist (skipped when clocks go forward) is taken as the same time after the
/// change, and a local time that occurs twice (when clocks go back) as its first occurrence.
struct WorkshopClock: Sendable {
    let timeZone: TimeZone
    let calendar: Calendar

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The instant of a local time (minutes after midnight; 1440 is the next midnight) on a date.
    func instant(_ date: LocalDate, _ minutes: Int) -> Date {
        let (day, minutes) = minutes >= 1440 ? (date.next, minutes - 1440) : (date, minutes)
        return calendar.date(from: day.components(minutes: minutes)) ?? Date(timeIntervalSince1970: 0)
    }

    /// The local date and time of an instant.
    func local(_ instant: Date) -> (date: String, time: String) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let year = String(parts.year ?? 0)
        let date = String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + LocalTime.pad(parts.month ?? 0)
            + "-" + LocalTime.pad(parts.day ?? 0)
        return (date, LocalTime.pad(parts.hour ?? 0) + ":" + LocalTime.pad(parts.minute ?? 0))
    }

    /// The offset from UTC at an instant, in seconds.
    func offset(at instant: Date) -> Int { timeZone.secondsFromGMT(for: instant) }

    /// Cuts the workshop's days into slots: each day's windows less the breaks, each remaining stretch cut into
    /// consecutive slots from its start; a remainder shorter than a slot is not used. Dates and times must be valid.
    func slots(days: [(date: LocalDate, windows: [(Int, Int)])], breaks: [(Int, Int)], slotMinutes: Int) -> ([Slot], [AgendaDay]) {
        var slots: [Slot] = [], agendaDays: [AgendaDay] = []
        let length = TimeInterval(slotMinutes * 60)
        for (dayIndex, day) in days.enumerated() {
            let first = slots.count
            let windows = day.windows.sorted { $0.0 < $1.0 }.map { (instant(day.date, $0.0), instant(day.date, $0.1)) }
            let cuts = breaks.map { (instant(day.date, $0.0), instant(day.date, $0.1)) }.sorted { $0.0 < $1.0 }
            for window in windows {
                for stretch in Self.subtract(cuts, from: window) {
                    var start = stretch.0
                    while start.addingTimeInterval(length) <= stretch.1 {
                        let end = start.addingTimeInterval(length)
                        let from = local(start), to = local(end)
                        slots.append(Slot(index: slots.count, day: dayIndex, date: from.date, start: from.time,
                                          end: to.time, startDate: start, endDate: end))
                        start = end
                    }
                }
            }
            agendaDays.append(AgendaDay(index: dayIndex, date: day.date.description, slots: first..<slots.count,
                                        start: windows.first?.0 ?? instant(day.date, 0),
                                        end: windows.map(\.1).max() ?? instant(day.date, 0)))
        }
        return (slots, agendaDays)
    }

    /// The parts of `range` outside every cut (cuts sorted by start).
    static func subtract(_ cuts: [(Date, Date)], from range: (Date, Date)) -> [(Date, Date)] {
        var result: [(Date, Date)] = [], start = range.0
        for cut in cuts where cut.1 > start && cut.0 < range.1 {
            if cut.0 > start { result.append((start, cut.0)) }
            start = max(start, cut.1)
        }
        if start < range.1 { result.append((start, range.1)) }
        return result
    }
}
