import Foundation

/// Where an adoption (a pair whose partnership has started) stands. An adoption without any recorded stage is
/// "not started": the partnership is agreed, nothing has happened yet.
///
/// Allowed moves: forward along study visit → pilot → scale-up → completed, skipping steps if need be; to stopped
/// from any stage that is not completed. Completed and stopped are final. Each stage is recorded with its date,
/// which may not be earlier than the date of the stage before.
public enum AdoptionStage: String, Sendable, Hashable, CaseIterable, Codable {
    case studyVisit = "study_visit"
    case pilot
    case scaleUp = "scale_up"
    case completed
    case stopped

    /// How people read the stage.
    public var label: String {
        switch self {
        case .studyVisit: "Study visit"
        case .pilot: "Pilot"
        case .scaleUp: "Scale-up"
        case .completed: "Completed"
        case .stopped: "Stopped"
        }
    }

    /// The label of an adoption with no stage yet.
    public static let notStartedLabel = "Not started"
    /// The key of an adoption with no stage yet, in summaries and exports.
    public static let notStartedKey = "not_started"

    /// The position on the forward line; nil for stopped.
    private var step: Int? {
        switch self {
        case .studyVisit: 0
        case .pilot: 1
        case .scaleUp: 2
        case .completed: 3
        case .stopped: nil
        }
    }

    /// Whether the stage is final (nothing may follow it).
    public var isFinal: Bool { self == .completed || self == .stopped }

    /// Whether an adoption at `current` (nil: not started) may move to `next`.
    public static func canMove(from current: AdoptionStage?, to next: AdoptionStage) -> Bool {
        guard let current else { return true }
        if current.isFinal { return false }
        if next == .stopped { return true }
        guard let from = current.step, let to = next.step else { return false }
        return to > from
    }

    /// Why an adoption at `current` (nil: not started) may not move to `next`, or nil if it may.
    public static func refusal(from current: AdoptionStage?, to next: AdoptionStage) -> Explanation? {
        guard !canMove(from: current, to: next) else { return nil }
        guard let current, !current.isFinal else {
            let stage = current?.rawValue ?? ""
            return Explanation("adoption.reason_final", ["stage": stage], english: "the adoption is \(stage); no stage may follow")
        }
        let allowed = allCases.filter { canMove(from: current, to: $0) }.map(\.rawValue).joined(separator: ", ")
        return Explanation("adoption.reason_move", ["from": current.rawValue, "to": next.rawValue, "allowed": allowed],
                           english: "cannot go from \(current.rawValue) to \(next.rawValue); allowed: \(allowed)")
    }
}

/// A calendar date written `YYYY-MM-DD` (the stage dates and measurement dates of adoptions).
public enum CalendarDate {
    /// Whether `text` is a real calendar date in the form `YYYY-MM-DD` between 1900 and 2200.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// The UTC calendar date of `date`.
    public static func of(_ date: Date) -> String { String(date.ISO8601Format().prefix(10)) }
}
