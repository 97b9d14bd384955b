import Foundation
import SolexCore
import Testing

private typealias F = AgendaFixture

/// The exports of the fixture workshops, compared byte for byte with the files in Tests/Fixtures/agenda. Run with
/// SOLEX_UPDATE_GOLDEN=1 to write the files again (then read them before committing).
private func exports() throws -> [(String, String)] {
    let stamp = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01T00:00:00Z
    let labels = try F.labels()
    let plan = try F.plan(F.input("workshop.json")), schedule = AgendaScheduler.schedule(plan)
    let ics = ICalendarWriter(plan: plan, schedule: schedule, labels: labels, stamp: stamp)
    let frab = FrabScheduleWriter(plan: plan, schedule: schedule, labels: labels)
    let csv = AgendaCSVWriter(plan: plan, schedule: schedule, labels: labels)
    let dst = try F.plan(F.input("dst-workshop.json")), dstSchedule = AgendaScheduler.schedule(dst)
    let dstFrab = FrabScheduleWriter(plan: dst, schedule: dstSchedule, baseURL: "https://agenda.example.org/berlin-dst")
    return [
        ("all.ics", ics.calendar()), ("BGD.ics", ics.calendar(for: "BGD")), ("all.xml", frab.xml()), ("all.json", frab.json()),
        ("THA.xml", frab.xml(for: "THA")), ("THA.json", frab.json(for: "THA")), ("all.csv", csv.csv()), ("BGD.csv", csv.csv(for: "BGD")),
        ("dst.ics", ICalendarWriter(plan: dst, schedule: dstSchedule, stamp: stamp).calendar()), ("dst.xml", dstFrab.xml()), ("dst.json", dstFrab.json()),
    ]
}

@Suite("Agenda exports: iCalendar, frab XML and JSON, CSV")
struct AgendaExportTests {
    static let updating = ProcessInfo.processInfo.environment["SOLEX_UPDATE_GOLDEN"] == "1"

    @Test("Each export equals its golden file byte for byte")
    func golden() throws {
        let plan = try F.plan(F.input("workshop.json")), schedule = AgendaScheduler.schedule(plan)
        if Self.updating {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(schedule).write(to: F.folder.appendingPathComponent("result.json"))
        }
        #expect(try JSONDecoder().decode(Schedule.self, from: F.read("result.json")) == schedule)
        for (name, text) in try exports() {
            if Self.updating { try Data(text.utf8).write(to: F.folder.appendingPathComponent(name)) }
            let expected = try F.read(name)
            #expect(Data(text.utf8) == expected, "\(name) differs from its golden file")
        }
    }

    @Test("TEXT values are escaped as RFC 5545 says",
          arguments: [("a,b;c\\d", "a\\,b\\;c\\\\d"), ("line one\nline two\r\nthree\rfour", "line one\\nline two\\nthree\\nfour"),
                      ("tab\there", "tab\there"), ("bell\u{07}gone", "bellgone"), ("ঢাকা, ไทย; ok", "ঢাকা\\, ไทย\\; ok"), ("", "")])
    func escaping(text: String, escaped: String) {
        #expect(ICalendarText.escape(text) == escaped)
    }

    @Test("Long lines fold at 75 octets without splitting a character",
          arguments: [
              (String(repeating: "a", count: 75), [75]),
              (String(repeating: "a", count: 76), [75, 2]),
              (String(repeating: "a", count: 200), [75, 75, 52]),
              ("SUMMARY:" + String(repeating: "ঢাকা ", count: 12), [73, 72, 21]),
              ("SUMMARY:" + String(repeating: "หลักประกันสุขภาพถ้วนหน้า", count: 3), [71, 73, 73, 10]),
              ("X:" + String(repeating: "é", count: 40), [74, 9]),
          ] as [(String, [Int])])
    func folding(line: String, octets: [Int]) throws {
        let folded = Array(ICalendarText.fold(line).utf8)
        #expect(folded.suffix(2) == [13, 10])
        // Work on bytes: "\r\n" is one Character in Swift, and a space before a combining mark is one too.
        var physical: [[UInt8]] = [[]]
        for byte in folded.dropLast(2) {
            if byte == 10, physical[physical.count - 1].last == 13 { physical[physical.count - 1].removeLast(); physical.append([]) }
            else { physical[physical.count - 1].append(byte) }
        }
        #expect(physical.map(\.count) == octets)
        #expect(physical.dropFirst().allSatisfy { $0.first == 32 })
        #expect(physical.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "a character was split")
        let continuations = physical.dropFirst().compactMap { String(validating: $0.dropFirst(), as: UTF8.self)?.unicodeScalars.first }
        #expect(continuations.allSatisfy { !$0.properties.generalCategory.isMark }, "a line starts with a combining mark")
        #expect(Array(physical.enumerated().map { $0.offset == 0 ? $0.element : Array($0.element.dropFirst()) }.joined()) == Array(line.utf8))
    }

    @Test("CSV fields are quoted as RFC 4180 says",
          arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
                      ("crlf\r\nend", "\"crlf\r\nend\""), ("ঢাকা", "ঢাকা")])
    func csvQuoting(field: String, written: String) {
        #expect(AgendaCSVWriter.field(field) == written)
    }

    @Test("Name-based UUIDs are those of Python's uuid.uuid5 in the URL namespace",
          arguments: [("urn:solex:agenda:dhaka-2017:meeting:R01", "9755042d-2f64-57a9-baff-a11c4dd0fff5"),
                      ("urn:solex:agenda:ঢাকা:meeting:ไทย", "f191b44a-2b5b-5a13-99da-20217758ed4c")])
    func uuids(name: String, uuid: String) {
        #expect(StableUUID.v5(name) == uuid)
    }

    @Test("A meeting keeps its UID when it moves; times follow it")
    func stableUIDs() throws {
        let plan = try F.plan(F.input("workshop.json")), schedule = AgendaScheduler.schedule(plan)
        let stamp = Date(timeIntervalSince1970: 0)
        let before = ICalendarWriter(plan: plan, schedule: schedule, stamp: stamp).calendar()
        let free = try #require(schedule.assignments.first { $0.request == "R4" })
        let target = try #require(plan.slots.indices.first { slot in
            AgendaEditor.move("R4", toSlot: slot, table: free.table, in: schedule, plan: plan).failureValue == nil && slot != free.slot
        })
        let edit = try AgendaEditor.move("R4", toSlot: target, table: free.table, in: schedule, plan: plan).get()
        let after = ICalendarWriter(plan: plan, schedule: edit.schedule, stamp: stamp).calendar()
        func uids(_ text: String) -> Set<String> { Set(text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }) }
        #expect(uids(before) == uids(after) && !uids(before).isEmpty)
        #expect(before != after)
        #expect(FrabScheduleWriter(plan: plan, schedule: schedule).json().contains(StableUUID.v5("urn:solex:agenda:golden-2024:meeting:R4")))
    }

    @Test("A delegation's exports hold only its meetings and sessions")
    func perDelegation() throws {
        let plan = try F.plan(F.input("workshop.json")), schedule = AgendaScheduler.schedule(plan)
        let ics = ICalendarWriter(plan: plan, schedule: schedule, stamp: Date(timeIntervalSince1970: 0))
        let mine = schedule.assignments.filter { plan.request($0.request)!.involves("NPL") }.count
        #expect(ics.calendar(for: "NPL").components(separatedBy: "BEGIN:VEVENT").count - 1 == mine)
        #expect(AgendaCSVWriter(plan: plan, schedule: schedule).csv(for: "NPL").components(separatedBy: "\r\n").count - 2 == mine)
        #expect(ics.calendar(for: "THA").contains("Thematic session"))
    }

    @Test("A time that occurs twice when clocks go back is written in UTC")
    func repeatedHour() throws {
        let plan = try F.plan(F.input("dst-workshop.json")), schedule = AgendaScheduler.schedule(plan)
        let text = ICalendarWriter(plan: plan, schedule: schedule, stamp: Date(timeIntervalSince1970: 0)).calendar()
        #expect(text.contains("DTSTART;TZID=Europe/Berlin:20241027T020000\r\n"))
        #expect(text.contains("DTSTART:20241027T010000Z\r\n"))
        #expect(text.contains("TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"))
    }
}

private extension Unicode.GeneralCategory {
    var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}
