import Foundation

/// Where the follow-up of a proposed pair (a need and an innovation) stands. Kept per pair, across report runs:
/// a pair without a recorded status is `proposed`.
///
/// Allowed moves: forward one step at a time along proposed → contacted → accepted → partnership started; back to
/// any earlier step of that line (to correct a mistake); to declined from proposed, contacted or accepted; and from
/// declined back to proposed or contacted (the pair is reopened). Setting the same status again is allowed: it
/// records a new note.
public enum PairStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case proposed, contacted, accepted, declined
    case partnershipStarted = "partnership_started"

    /// The status of a pair nobody has acted on.
    public static let initial = PairStatus.proposed

    /// How people read the status.
    public var label: String {
        switch self {
        case .proposed: "Proposed"
        case .contacted: "Contacted"
        case .accepted: "Accepted"
        case .declined: "Declined"
        case .partnershipStarted: "Partnership started"
        }
    }

    /// The position on the forward line; nil for declined.
    private var step: Int? {
        switch self {
        case .proposed: 0
        case .contacted: 1
        case .accepted: 2
        case .partnershipStarted: 3
        case .declined: nil
        }
    }

    /// Whether a pair with this status may be given `next`.
    public func canMove(to next: PairStatus) -> Bool {
        if next == self { return true }
        switch (step, next.step) {
        case (let from?, let to?): return to == from + 1 || to < from
        case (let from?, nil): return from < 3  // declined, before a partnership has started
        case (nil, let to?): return to <= 1  // reopened
        case (nil, nil): return true
        }
    }

    /// The statuses a pair with this status may be given, in display order (this one included).
    public var allowedNext: [PairStatus] { Self.allCases.filter(canMove(to:)) }

    /// Why the move is refused, or nil if it is allowed.
    public func refusal(to next: PairStatus) -> Explanation? {
        guard !canMove(to: next) else { return nil }
        let allowed = allowedNext.map(\.rawValue)
        return Explanation("pair.status_refused", ["from": rawValue, "to": next.rawValue, "allowed": allowed.joined(separator: ", ")],
                           localized: ["from": .label(Self.labelKey + rawValue), "to": .label(Self.labelKey + next.rawValue),
                                       "allowed": .labels(allowed.map { Self.labelKey + $0 })],
                           english: "cannot go from \(rawValue) to \(next.rawValue); allowed: \(allowed.joined(separator: ", "))")
    }

    /// The interface catalogue's keys of the statuses' names start with this, e.g. "pair.status.accepted".
    public static let labelKey = "pair.status."
}
