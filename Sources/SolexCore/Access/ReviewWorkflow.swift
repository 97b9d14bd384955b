import Foundation

/// A step of the review workflow: draft -> submitted -> published, or returned to the focal point with a reason;
/// published entries can be archived and archived ones published again.
public enum ReviewAction: String, Sendable, CaseIterable, Codable {
    /// Ask the secretariat to publish (from draft or returned).
    case submit
    /// Take a submitted entry back to draft.
    case withdraw
    /// Make a submitted entry public.
    case publish
    /// Send a submitted entry back to its focal point with a reason.
    case `return`
    /// Take a published (or any) entry out of public view.
    case archive
    /// Publish an archived entry again.
    case restore

    /// The status after the action, or nil when the action does not apply to `status`.
    public func next(from status: EntryStatus) -> EntryStatus? {
        switch (self, status) {
        case (.submit, .draft), (.submit, .returned): .submitted
        case (.withdraw, .submitted): .draft
        case (.publish, .submitted): .published
        case (.return, .submitted), (.return, .published): .returned
        case (.archive, .draft), (.archive, .submitted), (.archive, .returned), (.archive, .published): .archived
        case (.restore, .archived): .published
        default: nil
        }
    }

    /// Whether the action needs a reason (returning an entry does: the focal point must know what to fix).
    public var needsReason: Bool { self == .return }

    /// The verb shown on buttons.
    public var label: String {
        switch self {
        case .submit: "Submit for review"
        case .withdraw: "Withdraw"
        case .publish: "Publish"
        case .return: "Return to focal point"
        case .archive: "Archive"
        case .restore: "Publish again"
        }
    }
}
