import Foundation
import GRDB
import SolexCore

/// Adoptions: a pair becomes one when its status becomes `partnership_started` (in the same transaction), or when the
/// secretariat or a focal point of either country creates one. Stages, indicators and measurements are added to it;
/// every write is authorised (`Permission.editAdoption` with the pair's countries) and audited. Reading is public.
public struct Adoptions: Sendable {
    public let catalogue: Catalogue
    /// The longest indicator name and note; the longest unit.
    public static let maxNameLength = 200
    public static let maxNoteLength = 2000
    public static let maxUnitLength = 40

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    private var database: AppDatabase { catalogue.database }

    // MARK: Read

    /// Every adoption, by id.
    public func list() throws -> [Adoption] {
        try database.read { db in try Self.fetch(db) }
    }

    /// The adoptions `country` is part of (either side), by id.
    public func list(country: String) throws -> [Adoption] {
        try database.read { db in try Self.fetch(db, where: "a.need_country = ? OR a.innovation_country = ?", arguments: [country, country]) }
    }

    /// The adoption `id`, or nil.
    public func adoption(_ id: Int64) throws -> Adoption? {
        try database.read { db in try Self.fetch(db, where: "a.id = ?", arguments: [id]).first }
    }

    /// The adoption `id`; throws `NetworkError.notFound` if there is none.
    public func require(_ id: Int64) throws -> Adoption {
        guard let adoption = try adoption(id) else { throw NetworkError.notFound("adoption \(id)") }
        return adoption
    }

    // MARK: Write

    /// Creates the adoption of the pair `need` × `innovation` (both must exist), started on `startedOn` (default today).
    /// A pair has at most one adoption: a second is refused on `innovation`.
    @discardableResult
    public func create(need: String, innovation: String, startedOn: String? = nil, actor: Actor) throws -> Adoption {
        try refuseNonEditors(actor)
        guard let needEntry = try catalogue.entry(.need, ref: need) else { throw CatalogueError.notFound(.need, need) }
        guard let innovationEntry = try catalogue.entry(.innovation, ref: innovation) else { throw CatalogueError.notFound(.innovation, innovation) }
        try catalogue.authorize(actor, .editAdoption(needCountry: needEntry.country, innovationCountry: innovationEntry.country))
        let time = catalogue.now()
        let day = startedOn ?? CalendarDate.of(time)
        if !CalendarDate.isValid(day) {
            throw CatalogueError.invalid(ValidationFailure([FieldError(field: "started_on", Explanation("adoption.reason_date", english: "must be a date YYYY-MM-DD"))]))
        }
        let id = try database.write { db -> Int64 in
            guard let id = try Self.ensure(db, need: need, innovation: innovation, needCountry: needEntry.country,
                                           innovationCountry: innovationEntry.country, startedOn: day, actor: actor, at: time) else {
                throw CatalogueError.invalid(ValidationFailure([FieldError(field: "innovation", Explanation("adoption.reason_already", english: "this pair is already an adoption"))]))
            }
            return id
        }
        return try require(id)
    }

    /// Creates the adoption of a pair inside the caller's transaction unless it exists; returns the new id, or nil.
    @discardableResult
    static func ensure(_ db: Database, need: String, innovation: String, needCountry: String, innovationCountry: String,
                       startedOn: String, actor: Actor, at time: Date) throws -> Int64? {
        let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM adoption WHERE need_ref = ? AND innovation_ref = ?",
                                       arguments: [need, innovation]) ?? false
        if exists { return nil }
        try db.execute(sql: """
            INSERT INTO adoption (need_ref, innovation_ref, need_country, innovation_country, started_on, created_at, created_by,
                                  updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [need, innovation, needCountry, innovationCountry, startedOn, time, actor.name, time, actor.name])
        let id = db.lastInsertedRowID
        try AuditLog.record(db, actor: actor, action: "adoption.create", kind: "adoption", ref: String(id),
                            changes: [AuditChange(field: "pair", old: nil, new: "\(need)/\(innovation)"),
                                      AuditChange(field: "started_on", old: nil, new: startedOn)], at: time)
        return id
    }

    /// Records that adoption `id` reached `stage` on `date` (see `AdoptionStage` for the allowed moves; the date may not
    /// be earlier than the stage before).
    @discardableResult
    public func recordStage(_ id: Int64, stage: AdoptionStage, date: String, note: String = "", actor: Actor) throws -> Adoption {
        let adoption = try authorized(id, actor)
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if let refusal = AdoptionStage.refusal(from: adoption.stage, to: stage) { errors.append(FieldError(field: "stage", refusal)) }
        if !CalendarDate.isValid(date) {
            errors.append(FieldError(field: "date", Explanation("adoption.reason_date", english: "must be a date YYYY-MM-DD")))
        } else if let previous = adoption.stageDate, date < previous {
            errors.append(FieldError(field: "date", Explanation("adoption.reason_before", ["date": previous], english: "must not be before \(previous), the date of the stage before")))
        }
        if note.count > Self.maxNoteLength { errors.append(FieldError(field: "note", Explanation("adoption.reason_too_long", ["limit": String(Self.maxNoteLength)], english: "must be at most \(Self.maxNoteLength) characters"))) }
        if !errors.isEmpty { throw CatalogueError.invalid(ValidationFailure(errors)) }
        let time = catalogue.now()
        try database.write { db in
            try db.execute(sql: "INSERT INTO adoption_stage (adoption_id, stage, date, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, stage.rawValue, date, note, time, actor.name])
            try db.execute(sql: "UPDATE adoption SET stage = ?, stage_date = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [stage.rawValue, date, time, actor.name, id])
            try AuditLog.record(db, actor: actor, action: "adoption.stage", kind: "adoption", ref: String(id), reason: note.isEmpty ? nil : note,
                                changes: [AuditChange(field: "stage", old: adoption.stage?.rawValue, new: stage.rawValue),
                                          AuditChange(field: "stage_date", old: adoption.stageDate, new: date)], at: time)
        }
        return try require(id)
    }

    /// Adds an indicator to adoption `id`. The target must differ from the baseline (the progress is measured between
    /// them); a target below the baseline is a reduction. Returns the indicator's id.
    @discardableResult
    public func addIndicator(_ id: Int64, name: String, kind: IndicatorKind, unit: String, baseline: Double, target: Double,
                             actor: Actor) throws -> Int64 {
        _ = try authorized(id, actor)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines), unit = unit.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if name.isEmpty { errors.append(FieldError(field: "name", Explanation("adoption.reason_required", english: "is required"))) }
        if name.count > Self.maxNameLength { errors.append(FieldError(field: "name", Explanation("adoption.reason_too_long", ["limit": String(Self.maxNameLength)], english: "must be at most \(Self.maxNameLength) characters"))) }
        if unit.isEmpty { errors.append(FieldError(field: "unit", Explanation("adoption.reason_required", english: "is required"))) }
        if unit.count > Self.maxUnitLength { errors.append(FieldError(field: "unit", Explanation("adoption.reason_too_long", ["limit": String(Self.maxUnitLength)], english: "must be at most \(Self.maxUnitLength) characters"))) }
        for text in [name, unit] where text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.append(FieldError(field: text == name ? "name" : "unit", Explanation("adoption.reason_one_line", english: "must be one line of text")))
        }
        if !baseline.isFinite { errors.append(FieldError(field: "baseline", Explanation("adoption.reason_number", english: "must be a number"))) }
        if !target.isFinite { errors.append(FieldError(field: "target", Explanation("adoption.reason_number", english: "must be a number"))) }
        if baseline.isFinite && target == baseline { errors.append(FieldError(field: "target", Explanation("adoption.reason_differ", english: "must differ from the baseline"))) }
        if !errors.isEmpty { throw CatalogueError.invalid(ValidationFailure(errors)) }
        let time = catalogue.now()
        return try database.write { db in
            try db.execute(sql: """
                INSERT INTO adoption_indicator (adoption_id, name, kind, unit, baseline, target, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, name, kind.rawValue, unit, baseline, target, time, actor.name])
            let indicator = db.lastInsertedRowID
            try db.execute(sql: "UPDATE adoption SET updated_at = ?, updated_by = ? WHERE id = ?", arguments: [time, actor.name, id])
            try AuditLog.record(db, actor: actor, action: "adoption.indicator", kind: "adoption", ref: String(id),
                                changes: [AuditChange(field: "indicator", old: nil, new: "\(indicator): \(name) (\(kind.rawValue), \(unit))"),
                                          AuditChange(field: "baseline", old: nil, new: Statistics.format(baseline)),
                                          AuditChange(field: "target", old: nil, new: Statistics.format(target))], at: time)
            return indicator
        }
    }

    /// Adds a dated measurement to indicator `indicator` of adoption `id`.
    public func addMeasurement(_ id: Int64, indicator: Int64, date: String, value: Double, note: String = "", actor: Actor) throws {
        let adoption = try authorized(id, actor)
        guard adoption.indicators.contains(where: { $0.id == indicator }) else { throw NetworkError.notFound("indicator \(indicator)") }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if !CalendarDate.isValid(date) { errors.append(FieldError(field: "date", Explanation("adoption.reason_date", english: "must be a date YYYY-MM-DD"))) }
        if !value.isFinite { errors.append(FieldError(field: "value", Explanation("adoption.reason_number", english: "must be a number"))) }
        if note.count > Self.maxNoteLength { errors.append(FieldError(field: "note", Explanation("adoption.reason_too_long", ["limit": String(Self.maxNoteLength)], english: "must be at most \(Self.maxNoteLength) characters"))) }
        if !errors.isEmpty { throw CatalogueError.invalid(ValidationFailure(errors)) }
        let time = catalogue.now()
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO adoption_measurement (indicator_id, date, value, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [indicator, date, value, note, time, actor.name])
            try db.execute(sql: "UPDATE adoption SET updated_at = ?, updated_by = ? WHERE id = ?", arguments: [time, actor.name, id])
            try AuditLog.record(db, actor: actor, action: "adoption.measurement", kind: "adoption", ref: String(id), reason: note.isEmpty ? nil : note,
                                changes: [AuditChange(field: "indicator \(indicator)", old: nil, new: "\(date): \(Statistics.format(value))")], at: time)
        }
    }

    /// The adoption, once `actor` is known to be allowed to update it.
    private func authorized(_ id: Int64, _ actor: Actor) throws -> Adoption {
        try refuseNonEditors(actor)
        let adoption = try require(id)
        try catalogue.authorize(actor, .editAdoption(needCountry: adoption.needCountry, innovationCountry: adoption.innovationCountry))
        return adoption
    }

    /// Refuses, before anything is read, those who may update no adoption at all (anonymous visitors: sign in first;
    /// workshop organisers). Focal points are checked against the pair's countries afterwards.
    private func refuseNonEditors(_ actor: Actor) throws {
        guard actor.role?.reviews != true, actor.role != .focalPoint else { return }
        try catalogue.authorize(actor, .editAdoption(needCountry: "", innovationCountry: ""))
    }
}
