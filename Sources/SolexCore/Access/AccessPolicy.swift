import Foundation

/// Something a person wants to do, with what the decision depends on.
public enum Permission: Sendable, Hashable {
    /// Read an entry of a country in a status (published entries are public).
    case readEntry(country: String, status: EntryStatus)
    /// Register a new entry for a country.
    case createEntry(country: String)
    /// Change an entry's fields (the country before and after the change).
    case editEntry(country: String, status: EntryStatus, newCountry: String)
    /// Delete an entry.
    case deleteEntry(country: String, status: EntryStatus)
    /// Move an entry along the review workflow.
    case review(ReviewAction, country: String)
    /// Bulk import of entries.
    case importEntries
    /// Merge a duplicate entry into another one (the secretariat).
    case mergeEntries
    /// Run, read and export match reports; set a pair's status.
    case matchReports
    /// Create and edit workshops and their agendas.
    case workshops
    /// Read the agendas and exports of workshops.
    case readWorkshops
    /// Read and export the audit log.
    case auditLog
    /// Add, change and remove member countries of the network.
    case manageMembers
    /// Create an adoption of a pair, record its stages, indicators and measurements (the countries of the pair's need
    /// and innovation).
    case editAdoption(needCountry: String, innovationCountry: String)
    /// Read the follow-up status of the pairs of a country (either side).
    case readPairings(country: String)
    /// Create accounts, change roles.
    case manageUsers
    /// Manage one's own password and API tokens.
    case ownAccount
}

/// The answer to "may this actor do that?".
public enum AccessDecision: Sendable, Hashable {
    case allowed
    /// Nobody is signed in and the action needs someone who is (web: redirect to sign-in; API: 401).
    case signInRequired
    /// Signed in, but not allowed; the reason (a message key under `error.denied.` with its English text) is safe to
    /// show.
    case forbidden(Explanation)

    /// Whether the action may go ahead.
    public var isAllowed: Bool { self == .allowed }
}

/// The one place where Solex decides who may do what. The web pages, the JSON API and the command line all ask it
/// before every write and every non-public read.
public enum AccessPolicy {
    /// Decides whether `actor` may do `permission`.
    public static func decide(_ actor: Actor, _ permission: Permission) -> AccessDecision {
        if case .readEntry(_, .published) = permission { return .allowed }
        guard let role = actor.role else { return .signInRequired }
        if role.reviews {
            if case .manageUsers = permission, role != .admin { return denied("manage_users", "Only an administrator manages accounts.") }
            return .allowed
        }
        switch (role, permission) {
        case (_, .ownAccount), (_, .readWorkshops):
            return .allowed
        case (.organiser, .workshops):
            return .allowed
        case (.focalPoint, .readEntry(let country, _)):
            return own(actor, country) ? .allowed : denied("read", "Only published entries of other countries can be read.")
        case (.focalPoint, .createEntry(let country)):
            return own(actor, country) ? .allowed : denied("register", "A focal point registers entries of their own country only.")
        case (.focalPoint, .editEntry(let country, let status, let newCountry)):
            guard own(actor, country), own(actor, newCountry) else {
                return denied("edit", "A focal point edits entries of their own country only.")
            }
            return status == .archived ? denied("archived", "An archived entry cannot be edited.") : .allowed
        case (.focalPoint, .deleteEntry(let country, let status)):
            guard own(actor, country) else { return denied("delete", "A focal point deletes entries of their own country only.") }
            return status == .draft || status == .returned
                ? .allowed : denied("delete_draft", "Only drafts can be deleted by a focal point; ask the secretariat to archive it.")
        case (.focalPoint, .editAdoption(let needCountry, let innovationCountry)):
            return own(actor, needCountry) || own(actor, innovationCountry)
                ? .allowed : denied("adoption", "A focal point updates only adoptions its country is part of.")
        case (.focalPoint, .readPairings(let country)):
            return own(actor, country) ? .allowed : denied("pairings", "A focal point reads the pairings of its own country only.")
        case (.focalPoint, .review(let action, let country)):
            guard own(actor, country) else { return denied("submit", "A focal point submits entries of their own country only.") }
            return action == .submit || action == .withdraw
                ? .allowed : denied("review", "Only the secretariat publishes, returns and archives entries.")
        default:
            return .forbidden(Explanation("error.denied.role", ["role": role.rawValue], english: "Your role (\(role.label)) does not allow this."))
        }
    }

    /// A refusal with the message key `error.denied.<key>` and its English text.
    private static func denied(_ key: String, _ english: String) -> AccessDecision {
        .forbidden(Explanation("error.denied." + key, english: english))
    }

    private static func own(_ actor: Actor, _ country: String) -> Bool {
        actor.country != nil && actor.country == country
    }
}
