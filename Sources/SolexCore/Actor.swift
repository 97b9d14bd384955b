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

    /// Creates an actor.
    public init(name: String, channel: Channel) {
        self.name = name
        self.channel = channel
    }

    /// Solex itself.
    public static let system = Actor(name: "system", channel: .system)
    /// An operator at the command line.
    public static let commandLine = Actor(name: "cli", channel: .cli)
    /// A visitor of the web pages (before accounts exist).
    public static let webVisitor = Actor(name: "web", channel: .web)
    /// A client of the JSON API (before accounts exist).
    public static let apiClient = Actor(name: "api", channel: .api)
}
