import Foundation
import GRDB
import SolexCore

/// Why a workshop use case did not happen.
public enum WorkshopError: Error, Sendable, Equatable {
    /// No workshop has that slug.
    case notFound(String)
    /// The workshop file (or the input) broke the rules; every problem is listed with its path.
    case invalid(ValidationFailure)
    /// The workshop has no schedule yet (`schedule` first).
    case notScheduled(String)
    /// A manual edit was refused; nothing changed.
    case refused(AgendaRefusal)
}

/// A stored workshop, without its file.
public struct WorkshopSummary: Sendable, Hashable {
    public var id: Int64
    public var slug: String
    public var name: String
    public var createdAt: Date
    public var createdBy: String
    public var updatedAt: Date
    public var updatedBy: String
    /// Delegations and meeting requests in the file.
    public var delegationCount: Int
    public var requestCount: Int
    /// Meetings in the latest schedule; nil when it has none.
    public var scheduledCount: Int?
    /// The upper bound of the latest schedule; nil when it has none.
    public var upperBound: Int?
    /// Where it takes place, and its first and last day (`YYYY-MM-DD`).
    public var venue: String
    public var firstDay: String
    public var lastDay: String
}

/// A stored workshop: its file and its latest schedule.
public struct StoredWorkshop: Sendable {
    public var summary: WorkshopSummary
    /// The workshop file, with the requests added and the pins set since it was created.
    public var input: AgendaInput
    /// The valid plan of the input.
    public var plan: AgendaPlan
    /// The latest schedule; nil before the first run of the scheduler.
    public var schedule: Schedule?
    /// When the latest schedule was made.
    public var scheduledAt: Date?
}

/// Which pairs of a match report become meeting requests.
public enum RequestSelection: Sendable, Hashable {
    /// The K best-ranked pairs of each need.
    case top(Int)
    /// The pairs whose status is `accepted`.
    case accepted
}

/// A pair of a report that did not become a meeting request, and why.
public struct SkippedPair: Sendable, Hashable {
    public var need: String
    public var innovation: String
    /// Why, with its interface message key.
    public var explanation: Explanation
    /// Why, in English.
    public var reason: String { explanation.english }
}

/// What adding the requests of a report did.
public struct RequestImport: Sendable, Hashable {
    public var added: [MeetingRequest]
    public var skipped: [SkippedPair]
}

/// The formats of agenda exports.
public enum AgendaExportFormat: String, Sendable, Hashable, CaseIterable {
    case ics
    case frabXML = "frab-xml"
    case frabJSON = "frab-json"
    case csv

    /// The media type of the export.
    public var mediaType: String {
        switch self {
        case .ics: "text/calendar; charset=utf-8"
        case .frabXML: "application/xml; charset=utf-8"
        case .frabJSON: "application/json; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    /// The file extension of the export.
    public var fileExtension: String {
        switch self {
        case .ics: "ics"
        case .frabXML: "xml"
        case .frabJSON: "json"
        case .csv: "csv"
        }
    }
}

/// Workshop agendas: create workshops from workshop files, add meeting requests from match reports, schedule, edit
/// by hand and export. Writes need `.workshops` (organisers, the secretariat, administrators), reads
/// `.readWorkshops`; every write is audited and runs in one transaction.
public struct Workshops: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    var database: AppDatabase { catalogue.database }

    /// The country codes a delegation may have.
    private var countries: Set<String> { Set(catalogue.reference.countries.map(\.alpha3)) }

    // MARK: Create

    /// Reads and checks a workshop file and stores the workshop. Throws `WorkshopError.invalid` listing every problem
    /// with its path (a slug already in use is a problem of `id`).
    @discardableResult
    public func create(file data: Data, actor: Actor) throws -> WorkshopSummary {
        try catalogue.authorize(actor, .workshops)
        let input: AgendaInput
        switch AgendaInput.decode(data) {
        case .success(let decoded): input = decoded
        case .failure(let failure): throw WorkshopError.invalid(failure)
        }
        let plan = try validPlan(input)
        let time = catalogue.now()
        let json = try Self.json(plan.input)
        return try database.write { db in
            if try WorkshopRecord.filter(Column("slug") == plan.workshop.id).fetchCount(db) > 0 {
                throw WorkshopError.invalid(ValidationFailure([FieldError(field: "id", Explanation(
                    "workshop.reason.id_taken", ["id": plan.workshop.id], english: "a workshop '\(plan.workshop.id)' already exists"))]))
            }
            var record = WorkshopRecord(id: nil, slug: plan.workshop.id, name: plan.workshop.name, input: json, created_at: time,
                                        created_by: actor.name, updated_at: time, updated_by: actor.name)
            try record.insert(db)
            try AuditLog.record(db, actor: actor, action: "workshop.create", kind: "workshop", ref: record.slug,
                                changes: [AuditChange(field: "name", old: nil, new: record.name),
                                          AuditChange(field: "request_count", old: nil, new: String(plan.input.requests.count))], at: time)
            return Self.summary(record, plan.input, nil)
        }
    }

    func validPlan(_ input: AgendaInput) throws -> AgendaPlan {
        switch input.plan(countries: countries) {
        case .success(let plan): return plan
        case .failure(let failure): throw WorkshopError.invalid(failure)
        }
    }

    // MARK: Read

    /// Every workshop, by slug.
    public func list(actor: Actor) throws -> [WorkshopSummary] {
        try catalogue.authorize(actor, .readWorkshops)
        return try database.read { db in
            let schedules = try Row.fetchAll(db, sql: "SELECT workshop_id, schedule FROM workshop_schedule")
            var stored: [Int64: Schedule] = [:]
            for row in schedules {
                stored[row["workshop_id"]] = try? Self.decode(Schedule.self, row["schedule"] as String)
            }
            return try WorkshopRecord.order(Column("slug")).fetchAll(db).map { record in
                let input = try Self.decode(AgendaInput.self, record.input)
                return Self.summary(record, input, record.id.flatMap { stored[$0] })
            }
        }
    }

    /// The workshop `slug` with its plan and latest schedule; nil if there is none.
    public func workshop(_ slug: String, actor: Actor) throws -> StoredWorkshop? {
        try catalogue.authorize(actor, .readWorkshops)
        return try database.read { db in try fetch(slug, db) }
    }

    /// The workshop `slug`; throws `WorkshopError.notFound` if there is none.
    public func require(_ slug: String, actor: Actor) throws -> StoredWorkshop {
        guard let workshop = try workshop(slug, actor: actor) else { throw WorkshopError.notFound(slug) }
        return workshop
    }

    private func fetch(_ slug: String, _ db: Database) throws -> StoredWorkshop? {
        guard let record = try WorkshopRecord.filter(Column("slug") == slug).fetchOne(db), let id = record.id else { return nil }
        let input = try Self.decode(AgendaInput.self, record.input)
        let plan = try validPlan(input)
        let scheduleRecord = try WorkshopScheduleRecord.fetchOne(db, key: id)
        let schedule = try scheduleRecord.map { try Self.decode(Schedule.self, $0.schedule) }
        return StoredWorkshop(summary: Self.summary(record, input, schedule), input: input, plan: plan,
                              schedule: schedule, scheduledAt: scheduleRecord?.created_at)
    }

    func fetchRequired(_ slug: String, _ db: Database) throws -> (StoredWorkshop, WorkshopRecord) {
        guard let workshop = try fetch(slug, db),
              let record = try WorkshopRecord.fetchOne(db, key: workshop.summary.id) else { throw WorkshopError.notFound(slug) }
        return (workshop, record)
    }

    // MARK: Requests

    /// Adds meeting requests from the stored match report `report`: the top K pairs of each need, or the pairs
    /// whose status is accepted. The priority is the pair's score; the requester is the need's country and the champion
    /// the innovation's. A pair whose delegations are not both in the workshop, or already requested, is skipped with
    /// its reason.
    public func addRequests(_ slug: String, report id: Int64, selection: RequestSelection, actor: Actor) throws -> RequestImport {
        try catalogue.authorize(actor, .workshops)
        if case .top(let k) = selection, k < 1 {
            throw WorkshopError.invalid(ValidationFailure([FieldError(field: "top", WorkshopReasons.atLeastOne)]))
        }
        let time = catalogue.now()
        return try database.write { db in
            guard let report = try MatchReports.fetchReport(id, db) else { throw MatchReportError.notFound(id) }
            var (workshop, record) = try fetchRequired(slug, db)
            var input = workshop.input
            let picked = ReportRequestPicker(delegations: Set(input.delegations.map(\.country)), existing: input.requests).pick(report, selection)
            let added = picked.added
            input.requests += added
            if !added.isEmpty {
                _ = try validPlan(input)
                record.input = try Self.json(input)
                record.updated_at = time
                record.updated_by = actor.name
                try record.update(db)
                try AuditLog.record(db, actor: actor, action: "workshop.requests", kind: "workshop", ref: slug,
                                    changes: [AuditChange(field: "request_count", old: String(workshop.input.requests.count),
                                                          new: String(input.requests.count))], at: time)
                workshop.input = input
            }
            return picked
        }
    }

    // MARK: Schedule and edits

    /// Runs the scheduler over the workshop's requests (pinned meetings stay where they are pinned) and stores the
    /// schedule in place of the one before.
    @discardableResult
    public func schedule(_ slug: String, actor: Actor) throws -> Schedule {
        try catalogue.authorize(actor, .workshops)
        let time = catalogue.now()
        return try database.write { db in
            let (workshop, record) = try fetchRequired(slug, db)
            let schedule = AgendaScheduler.schedule(workshop.plan)
            try store(schedule, for: record, actor: actor, at: time, db)
            try AuditLog.record(db, actor: actor, action: "workshop.schedule", kind: "workshop", ref: slug,
                                changes: [AuditChange(field: "scheduled_count", old: workshop.schedule.map { String($0.scheduledCount) },
                                                      new: String(schedule.scheduledCount))], at: time)
            return schedule
        }
    }

    /// Moves a request's meeting (or places a left-out request) to a slot and a table. The meeting is pinned there, so
    /// the next run of the scheduler keeps it. Throws `WorkshopError.refused` with the constraint that refuses it.
    @discardableResult
    public func move(_ slug: String, request: String, slot: Int, table: String, actor: Actor) throws -> Schedule {
        try edit(slug, actor: actor, action: "workshop.move", subject: request,
                 change: "slot \(slot), table \(table)") { schedule, plan in
            AgendaEditor.move(request, toSlot: slot, table: table, in: schedule, plan: plan)
        }
    }

    /// Exchanges the slots and tables of two scheduled meetings; both are pinned where they end up.
    @discardableResult
    public func swap(_ slug: String, _ first: String, _ second: String, actor: Actor) throws -> Schedule {
        try edit(slug, actor: actor, action: "workshop.swap", subject: "\(first) <-> \(second)", change: "swapped") { schedule, plan in
            AgendaEditor.swap(first, second, in: schedule, plan: plan)
        }
    }

    private func edit(_ slug: String, actor: Actor, action: String, subject: String, change: String,
                      _ operation: @escaping @Sendable (Schedule, AgendaPlan) -> Result<AgendaEdit, AgendaRefusal>) throws -> Schedule {
        try catalogue.authorize(actor, .workshops)
        let time = catalogue.now()
        return try database.write { db in
            var (workshop, record) = try fetchRequired(slug, db)
            guard let schedule = workshop.schedule else { throw WorkshopError.notScheduled(slug) }
            let edit: AgendaEdit
            switch operation(schedule, workshop.plan) {
            case .success(let result): edit = result
            case .failure(let refusal): throw WorkshopError.refused(refusal)
            }
            workshop.input = workshop.input.applying(pins: edit.pins)
            record.input = try Self.json(workshop.input)
            record.updated_at = time
            record.updated_by = actor.name
            try record.update(db)
            try store(edit.schedule, for: record, actor: actor, at: time, db)
            try AuditLog.record(db, actor: actor, action: action, kind: "workshop", ref: slug,
                                changes: [AuditChange(field: "meeting", old: subject, new: change)], at: time)
            return edit.schedule
        }
    }

    private func store(_ schedule: Schedule, for record: WorkshopRecord, actor: Actor, at time: Date, _ db: Database) throws {
        guard let id = record.id else { return }
        try WorkshopScheduleRecord(workshop_id: id, schedule: try Self.json(schedule), created_at: time, created_by: actor.name).save(db)
    }

    // MARK: Export

    /// The names the exports show: country names and theme labels from the reference data, need and innovation titles
    /// from the catalogue.
    public func labels(for input: AgendaInput) throws -> AgendaLabels {
        let needs = Array(Set(input.requests.map(\.need))), innovations = Array(Set(input.requests.map(\.innovation)))
        return try database.read { db in
            AgendaLabels(reference: catalogue.reference, needs: try MatchReports.titlesOf("need", needs, db),
                         innovations: try MatchReports.titlesOf("innovation", innovations, db))
        }
    }

    /// The workshop's latest schedule exported in `format`, for the whole workshop or one delegation.
    public func export(_ slug: String, format: AgendaExportFormat, delegation: String? = nil, actor: Actor) throws -> String {
        let workshop = try require(slug, actor: actor)
        guard let schedule = workshop.schedule else { throw WorkshopError.notScheduled(slug) }
        let delegation = delegation?.uppercased()
        if let delegation, workshop.plan.delegation(delegation) == nil {
            throw WorkshopError.invalid(ValidationFailure([FieldError(field: "delegation", Explanation(
                "workshop.reason.no_such_delegation", ["code": delegation], english: "no delegation '\(delegation)' in the workshop"))]))
        }
        let labels = try labels(for: workshop.input)
        switch format {
        case .ics:
            return ICalendarWriter(plan: workshop.plan, schedule: schedule, labels: labels,
                                   stamp: workshop.scheduledAt ?? workshop.summary.updatedAt).calendar(for: delegation)
        case .frabXML: return FrabScheduleWriter(plan: workshop.plan, schedule: schedule, labels: labels).xml(for: delegation)
        case .frabJSON: return FrabScheduleWriter(plan: workshop.plan, schedule: schedule, labels: labels).json(for: delegation)
        case .csv: return AgendaCSVWriter(plan: workshop.plan, schedule: schedule, labels: labels).csv(for: delegation)
        }
    }

    // MARK: JSON

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func summary(_ record: WorkshopRecord, _ input: AgendaInput, _ schedule: Schedule?) -> WorkshopSummary {
        WorkshopSummary(id: record.id ?? 0, slug: record.slug, name: record.name, createdAt: record.created_at, createdBy: record.created_by,
                        updatedAt: record.updated_at, updatedBy: record.updated_by, delegationCount: input.delegations.count,
                        requestCount: input.requests.count, scheduledCount: schedule?.scheduledCount, upperBound: schedule?.upperBound,
                        venue: input.workshop.venue, firstDay: input.workshop.days.first?.date ?? "", lastDay: input.workshop.days.last?.date ?? "")
    }
}

extension MatchReports {
    /// Titles of entries of a table by ref.
    static func titlesOf(_ table: String, _ refs: [String], _ db: Database) throws -> [String: String] {
        guard !refs.isEmpty else { return [:] }
        let json = String(decoding: try JSONEncoder().encode(refs), as: UTF8.self)
        let rows = try Row.fetchAll(db, sql: "SELECT ref, title FROM \(table) WHERE ref IN (SELECT value FROM json_each(?))",
                                    arguments: [json])
        return Dictionary(rows.map { ($0["ref"] as String, $0["title"] as String) }, uniquingKeysWith: { first, _ in first })
    }
}
