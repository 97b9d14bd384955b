import Foundation
import GRDB
import SolexCore

/// Meeting requests made from the pairs of a match report, and the pairs left aside with their reasons.
struct ReportRequestPicker {
    /// The delegations that may take part; nil: every country of a chosen pair becomes a delegation.
    var delegations: Set<String>?
    /// The requests already in the workshop.
    var existing: [MeetingRequest]

    /// The requests for the chosen pairs of `report`, in the report's order (need ref, then rank).
    func pick(_ report: MatchReport, _ selection: RequestSelection) -> RequestImport {
        var keys = Set(existing.map { "\($0.need)\u{1F}\($0.innovation)" })
        var ids = Set(existing.map(\.id))
        var added: [MeetingRequest] = [], skipped: [SkippedPair] = []
        for pair in report.pairs {
            switch selection {
            case .top(let k): if pair.rank > k { continue }
            case .accepted: if pair.status != .accepted { continue }
            }
            func skip(_ reason: Explanation) { skipped.append(SkippedPair(need: pair.needRef, innovation: pair.innovationRef, explanation: reason)) }
            if let delegations {
                let missing = [pair.needCountry, pair.innovationCountry].filter { !delegations.contains($0) }
                if !missing.isEmpty {
                    let codes = missing.joined(separator: ", ")
                    skip(Explanation("workshop.skip.no_delegation", ["codes": codes],
                                     english: "no delegation " + missing.map { "'\($0)'" }.joined(separator: " or ") + " in the workshop"))
                    continue
                }
            }
            if pair.needCountry == pair.innovationCountry {
                skip(Explanation("workshop.skip.same_country", english: "the need and the innovation are of the same country"))
                continue
            }
            let key = "\(pair.needRef)\u{1F}\(pair.innovationRef)"
            if keys.contains(key) { skip(Explanation("workshop.skip.already_requested", english: "already requested")); continue }
            let id = Self.requestID(need: pair.needRef, innovation: pair.innovationRef, taken: ids)
            added.append(MeetingRequest(id: id, need: pair.needRef, innovation: pair.innovationRef, requester: pair.needCountry,
                                        champion: pair.innovationCountry, priority: max(0, pair.score)))
            keys.insert(key)
            ids.insert(id)
        }
        return RequestImport(added: added, skipped: skipped)
    }

    /// `NEED~INNOVATION`, with `~2`, `~3`, ... after it if that id is taken.
    static func requestID(need: String, innovation: String, taken: Set<String>) -> String {
        var id = "\(need)~\(innovation)", suffix = 2
        while taken.contains(id) { id = "\(need)~\(innovation)~\(suffix)"; suffix += 1 }
        return id
    }
}

extension Workshops {
    /// Creates a workshop whose delegations and meeting requests come from a stored match report: the chosen pairs
    /// become requests (priority: the pair's score) and their countries the delegations. `input` gives the workshop
    /// (its delegations and requests are replaced). Throws `WorkshopError.invalid` with every problem (a report with
    /// no pair to take is a problem of `report`).
    @discardableResult
    public func create(_ input: AgendaInput, fromReport id: Int64, selection: RequestSelection, actor: Actor) throws -> (WorkshopSummary, RequestImport) {
        try catalogue.authorize(actor, .workshops)
        if case .top(let k) = selection, k < 1 {
            throw WorkshopError.invalid(ValidationFailure([FieldError(field: "top", WorkshopReasons.atLeastOne)]))
        }
        guard let report = try database.read({ db in try MatchReports.fetchReport(id, db) }) else {
            throw WorkshopError.invalid(ValidationFailure([FieldError(field: "report", WorkshopReasons.noReport(id))]))
        }
        let known = Set(catalogue.reference.countries.map(\.alpha3))
        var picked = ReportRequestPicker(delegations: known, existing: []).pick(report, selection)
        var input = input
        input.delegations = Set(picked.added.flatMap(\.delegations)).sorted().map { Delegation(country: $0) }
        input.requests = picked.added
        var problems: [FieldError] = []
        if picked.added.isEmpty {
            problems.append(FieldError(field: "report", selection == .accepted
                ? Explanation("workshop.reason.no_accepted_pair", english: "has no accepted pair between two countries")
                : Explanation("workshop.reason.no_pair", english: "has no pair between two countries to import")))
        }
        if case .failure(let failure) = input.plan(countries: known) {
            problems += failure.errors.filter { !$0.field.hasPrefix("delegations") && !$0.field.hasPrefix("requests") }
        }
        if !problems.isEmpty { throw WorkshopError.invalid(ValidationFailure(problems)) }
        let summary = try create(file: try JSONEncoder().encode(input), actor: actor)
        picked.added.sort { $0.id < $1.id }
        return (summary, picked)
    }

    /// Adds one meeting request by hand: the requester is the need's country and the champion the innovation's; both
    /// must have a delegation. The priority defaults to 1. Throws `WorkshopError.invalid` naming `need`,
    /// `innovation` or `priority`.
    @discardableResult
    public func addRequest(_ slug: String, need: String, innovation: String, priority: Double?, actor: Actor) throws -> MeetingRequest {
        try catalogue.authorize(actor, .workshops)
        let time = catalogue.now()
        return try database.write { db in
            var (workshop, record) = try fetchRequired(slug, db)
            var problems: [FieldError] = []
            let delegations = Set(workshop.input.delegations.map(\.country))
            func country(_ table: String, _ column: String, _ ref: String, _ field: String) throws -> String? {
                guard !ref.isEmpty else { problems.append(FieldError(field: field, Explanation("reason.required", english: "is required"))); return nil }
                guard let code = try String.fetchOne(db, sql: "SELECT \(column) FROM \(table) WHERE ref = ?", arguments: [ref]) else {
                    problems.append(FieldError(field: field, Explanation("workshop.reason.no_such_" + table, ["ref": ref], english: "no \(table) '\(ref)'")))
                    return nil
                }
                if !delegations.contains(code) {
                    problems.append(FieldError(field: field, Explanation("workshop.reason.no_delegation", ["code": code],
                                                                         english: "its country \(code) has no delegation in the workshop")))
                }
                return code
            }
            let requester = try country("need", "country", need, "need")
            let champion = try country("innovation", "origin_country", innovation, "innovation")
            if let priority, !(priority.isFinite && priority >= 0) {
                problems.append(FieldError(field: "priority", WorkshopReasons.priority))
            }
            if let requester, let champion, requester == champion {
                problems.append(FieldError(field: "innovation", Explanation("workshop.reason.same_country", ["code": requester],
                                                                            english: "is of the same country as the need (\(requester))")))
            }
            if workshop.input.requests.contains(where: { $0.need == need && $0.innovation == innovation }) {
                problems.append(FieldError(field: "innovation", Explanation("workshop.reason.already_requested",
                                                                            english: "this need and innovation are already requested")))
            }
            guard problems.isEmpty, let requester, let champion else { throw WorkshopError.invalid(ValidationFailure(problems)) }
            let request = MeetingRequest(id: ReportRequestPicker.requestID(need: need, innovation: innovation, taken: Set(workshop.input.requests.map(\.id))),
                                         need: need, innovation: innovation, requester: requester, champion: champion,
                                         priority: priority ?? MeetingRequest.defaultPriority)
            workshop.input.requests.append(request)
            _ = try validPlan(workshop.input)
            try save(workshop.input, &record, actor: actor, at: time, db)
            try AuditLog.record(db, actor: actor, action: "workshop.requests", kind: "workshop", ref: slug,
                                changes: [AuditChange(field: "request", old: nil, new: "\(request.id) (\(requester) -> \(champion))")], at: time)
            return request
        }
    }

    /// Pins a scheduled meeting where it is (its slot and table), so the next run of the scheduler keeps it there, or
    /// removes a request's pin (`pinned` false). Refused (`not_scheduled`) when pinning a request without a meeting.
    public func setPinned(_ slug: String, request: String, pinned: Bool, actor: Actor) throws {
        try catalogue.authorize(actor, .workshops)
        let time = catalogue.now()
        try database.write { db in
            var (workshop, record) = try fetchRequired(slug, db)
            guard let index = workshop.input.requests.firstIndex(where: { $0.id == request }) else {
                throw WorkshopError.refused(AgendaRefusal(constraint: .unknownRequest, AgendaSentence(
                    "agenda.refusal.unknown_request", ["request": request], english: "no request '\(request)'")))
            }
            let old = workshop.input.requests[index].pin
            if pinned {
                guard let assignment = workshop.schedule?.assignment(of: request), workshop.plan.slots.indices.contains(assignment.slot) else {
                    throw WorkshopError.refused(AgendaRefusal(constraint: .notScheduled, AgendaSentence(
                        "agenda.refusal.nothing_to_pin", ["request": request], english: "\(request) has no meeting to pin")))
                }
                let slot = workshop.plan.slots[assignment.slot]
                workshop.input.requests[index].pin = MeetingPin(day: slot.date, start: slot.start, table: assignment.table)
            } else {
                workshop.input.requests[index].pin = nil
            }
            guard workshop.input.requests[index].pin != old else { return }
            try save(workshop.input, &record, actor: actor, at: time, db)
            try AuditLog.record(db, actor: actor, action: pinned ? "workshop.pin" : "workshop.unpin", kind: "workshop", ref: slug,
                                changes: [AuditChange(field: "pin", old: old.map(Self.describe), new: workshop.input.requests[index].pin.map(Self.describe))],
                                at: time)
        }
    }

    private func save(_ input: AgendaInput, _ record: inout WorkshopRecord, actor: Actor, at time: Date, _ db: Database) throws {
        record.input = try Self.json(input)
        record.updated_at = time
        record.updated_by = actor.name
        try record.update(db)
    }

    static func describe(_ pin: MeetingPin) -> String {
        let when = pin.slot.map { "slot \($0)" } ?? "\(pin.day ?? "") \(pin.start ?? "")"
        return when + (pin.table.map { ", table \($0)" } ?? "")
    }
}
