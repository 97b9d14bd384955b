import Foundation

/// Everything the scheduler needs: the workshop, the delegations, the meeting requests and the settings.
///
/// Its JSON form is the workshop file: the workshop's keys at the top level, next to `delegations`, `requests`
/// (may be left out) and `settings` (may be left out), all snake_case. See `docs/agenda.md`.
public struct AgendaInput: Sendable, Hashable, Codable {
    /// The workshop.
    public var workshop: Workshop
    /// The delegations, one per country.
    public var delegations: [Delegation]
    /// The meeting requests.
    public var requests: [MeetingRequest]
    /// The scheduler's limits.
    public var settings: AgendaSettings

    /// Creates an input.
    public init(workshop: Workshop, delegations: [Delegation], requests: [MeetingRequest] = [], settings: AgendaSettings = AgendaSettings()) {
        self.workshop = workshop
        self.delegations = delegations
        self.requests = requests
        self.settings = settings
    }

    /// Reads the workshop file form: the workshop's keys and `delegations`, `requests`, `settings` in one object.
    public init(from decoder: any Decoder) throws {
        workshop = try Workshop(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        delegations = try container.decode([Delegation].self, forKey: .delegations)
        requests = try container.decodeIfPresent([MeetingRequest].self, forKey: .requests) ?? []
        settings = try container.decodeIfPresent(AgendaSettings.self, forKey: .settings) ?? AgendaSettings()
    }

    /// Writes the workshop file form.
    public func encode(to encoder: any Encoder) throws {
        try workshop.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(delegations, forKey: .delegations)
        try container.encode(requests, forKey: .requests)
        try container.encode(settings, forKey: .settings)
    }

    enum CodingKeys: String, CodingKey {
        case delegations, requests, settings
    }

    /// Reads a workshop file. A file that is not valid JSON, or whose values have the wrong type or are missing,
    /// gives one error naming the path (e.g. `tables[2].capacity: expected a whole number`); the values themselves
    /// are checked by `plan(countries:)`.
    public static func decode(_ data: Data) -> Result<AgendaInput, ValidationFailure> {
        do {
            return .success(try JSONDecoder().decode(AgendaInput.self, from: data))
        } catch let error as DecodingError {
            return .failure(ValidationFailure([Self.fieldError(error)]))
        } catch {
            return .failure(ValidationFailure([FieldError(field: "", Explanation("agenda.reason.not_json", english: "is not valid JSON"))]))
        }
    }

    /// Gives every pinned request the pin returned by a manual edit, so that the next run keeps it.
    public func applying(pins: [String: MeetingPin]) -> AgendaInput {
        var result = self
        for index in result.requests.indices {
            if let pin = pins[result.requests[index].id] { result.requests[index].pin = pin }
        }
        return result
    }

    /// The field path of a coding path: `tables[2].capacity`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue { path += "[\(index)]" } else { path += (path.isEmpty ? "" : ".") + key.stringValue }
        }
        return path
    }

    static func fieldError(_ error: DecodingError) -> FieldError {
        switch error {
        case .keyNotFound(let key, let context):
            return FieldError(field: path(context.codingPath + [key]), Explanation("agenda.reason.required", english: "is required"))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let (key, text) = Self.describe(type)
            return FieldError(field: path(context.codingPath), Explanation("agenda.reason.expected_" + key, english: "expected " + text))
        case .dataCorrupted(let context):
            return FieldError(field: path(context.codingPath), context.codingPath.isEmpty
                ? Explanation("agenda.reason.not_json", english: "is not valid JSON") : Explanation("agenda.reason.not_valid", english: "is not a valid value"))
        @unknown default:
            return FieldError(field: "", Explanation("agenda.reason.unreadable", english: "could not be read"))
        }
    }

    /// The kind of value a type expects: a key suffix (`agenda.reason.expected_<key>`) and its English name.
    private static func describe(_ type: Any.Type) -> (key: String, text: String) {
        switch type {
        case is Int.Type: ("whole_number", "a whole number")
        case is Double.Type: ("number", "a number")
        case is String.Type: ("text", "text")
        case is Bool.Type: ("boolean", "true or false")
        default: String(describing: type).hasPrefix("Array") ? ("list", "a list") : ("object", "an object")
        }
    }
}
