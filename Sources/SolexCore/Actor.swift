import Foundation

/// Who performs a write. Every write in the service layer takes one, so that accounts and authorization can
/// decide what each actor may do, and the store records who changed what.
public struct Actor: Sendable, Hashable, Codable {
    /// How the actor reached the service.
    public enum Channel: String, Sendable, Codable {
        /// A person using the web pages.
        case web
        /// A client of the JSON API.
        case api
        /// An operator at the command line.
        case cli
        /// Solex itself (seeding reference and demo data).
        case system
    }

    /// A stable name recorded with each write, e.g. "cli" or a user's e-mail.
    public var name: String
    /// The channel.
    public var channel: Channel
    /// The signed-in account's role; nil for an anonymous visitor.
    public var role: Role?
    /// For a focal point: the country (ISO alpha-3) they act for.
    public var country: String?
    /// The account's id, when a person is signed in.
    public var userID: Int64?

    /// Creates an actor.
    public init(name: String, channel: Channel, role: Role? = nil, country: String? = nil, userID: Int64? = nil) {
        self.name = name
        self.channel = channel
        self.role = role
        self.country = country
        self.userID = userID
    }

    /// Solex itself (seeding), with the secretariat's rights.
    public static let system = Actor(name: "system", channel: .system, role: .secretariat)
    /// An operator at the command line: acts as the secretariat (the CLI runs on the server, by its operators).
    public static let commandLine = Actor(name: "cli", channel: .cli, role: .secretariat)
    /// A visitor of the web pages (before accounts exist).
    public static let webVisitor = Actor(name: "web", channel: .web)
    /// A client of the JSON API (before accounts exist).
    public static let apiClient = Actor(name: "api", channel: .api)
}
