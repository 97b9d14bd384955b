import Foundation

/// What a signed-in person may do in Solex. Anonymous visitors have no role.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Manages accounts, and may do everything the secretariat does.
    case admin
    /// The network secretariat: reviews and publishes entries, runs match reports, reads the audit log.
    case secretariat
    /// A workshop organiser: builds and edits workshop agendas.
    case organiser
    /// A member country's focal point, bound to one country: registers and edits that country's innovations and
    /// needs and submits them for review.
    case focalPoint = "focal_point"

    /// How the role is named on pages.
    public var label: String {
        switch self {
        case .admin: "Administrator"
        case .secretariat: "Secretariat"
        case .organiser: "Workshop organiser"
        case .focalPoint: "Country focal point"
        }
    }

    /// Whether the role reviews and publishes entries (admin and secretariat).
    public var reviews: Bool { self == .admin || self == .secretariat }
}
