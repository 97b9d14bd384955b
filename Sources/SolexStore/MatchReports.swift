import Foundation
import GRDB
import SolexCore

/// Why a match report use case did not happen.
public enum MatchReportError: Error, Sendable, Equatable {
    /// No report has that id.
    case notFound(Int64)
    /// The input broke the rules; every problem is listed with its field.
    case invalid(ValidationFailure)
}

/// A stored report run, without its pairs.
public struct MatchReportSummary: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var createdAt: Date
    /// The name of the actor who ran it.
    public var createdBy: String
    /// The parameters it was run with, in canonical form.
    public var parameters: ReportParameters
    /// Published needs that passed the filters.
    public var needCount: Int
    /// Published innovations that passed the filters.
    public var innovationCount: Int
    /// Pairs proposed.
    public var pairCount: Int
    /// Pairs chosen by the capacity assignment; nil when the report has no capacities.
    public var assignedCount: Int?
}

/// Where the follow-up of a pair stands now.
public struct PairFollowUp: Sendable, Hashable {
    public var status: PairStatus
    public var note: String
    public var updatedAt: Date
    public var updatedBy: String
}

/// One change of a pair's status.
public struct PairStatusEvent: Sendable, Hashable {
    /// The status before; nil for the first status recorded for the pair (which was then `proposed`).
    public var from: PairStatus?
    public var to: PairStatus
    public var note: String
    public var at: Date
    public var by: String
}

/// A pair of a stored report: what the report proposed (frozen at the run) and the pair's status now.
public struct MatchReportPair: Sendable, Hashable {
    public var needRef: String
    public var needTitle: String
    public var needCountry: String
    /// The innovation's rank for this need, from 1.
    public var rank: Int
    public var innovationRef: String
    public var innovationTitle: String
    public var innovationCountry: String
    public var score: Double
    public var explanation: PairExplanation
    /// Whether the capacity assignment chose the pair; nil when the report has no capacities.
    public var assigned: Bool?
    /// Why the assignment left the pair out (`innovation_full`, `need_full`, `both_full`, `not_positive`).
    public var leftOutReason: String?
    /// The same in a sentence.
    public var leftOutExplanation: String?
    /// The pair's recorded status now (shared by every report); nil if nobody has acted on it.
    public var followUp: PairFollowUp?

    /// The pair's status now.
    public var status: PairStatus { followUp?.status ?? .initial }
}

/// A stored report with its pairs, by need ref then rank.
public struct MatchReport: Sendable, Hashable {
    public var summary: MatchReportSummary
    public var pairs: [MatchReportPair]

    /// The pairs grouped by need, in need order.
    public var byNeed: [[MatchReportPair]] {
        var groups: [[MatchReportPair]] = []
        for pair in pairs {
            if groups.last?.first?.needRef == pair.needRef { groups[groups.count - 1].append(pair) } else { groups.append([pair]) }
        }
        return groups
    }
}

/// Two stored reports compared.
public struct MatchReportDiff: Sendable, Hashable {
    public var from: MatchReportSummary
    public var to: MatchReportSummary
    public var diff: ReportDiff
    /// Titles of the needs and innovations named in either report (as the reports stored them).
    public var needTitles: [String: String]
    public var innovationTitles: [String: String]
}

/// The secretariat's match reports: run the matcher with chosen parameters over the published catalogue and keep the
/// run as an immutable snapshot; list, show, export and compare runs; and record the follow-up status of pairs,
/// which is kept across runs. Every use case runs in one transaction.
public struct MatchReports: Sendable {
    public let catalogue: Catalogue

    /// The longest report name.
    public static let maxNameLength = 200
    /// The longest status note.
    public static let maxNoteLength = 2000

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    private var database: AppDatabase { catalogue.database }

    // MARK: Run

    /// Checks the name and the parameters, runs the matcher over the published needs and innovations that pass the
    /// filters, assigns the pairs under the capacities when there are any, and stores the run in one transaction.
    /// Returns the new report's id. Throws `MatchReportError.invalid` listing every problem.
    @discardableResult
    public func run(name: String? = nil, parameters: ReportParameters, actor: Actor) throws -> Int64 {
        try catalogue.authorize(actor, .matchReports)
        let time = catalogue.now()
        var errors: [FieldError] = []
        // Control characters (line breaks included) are refused anywhere, even at the ends that trimming would drop.
        let raw = name ?? ""
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.count > Self.maxNameLength {
            errors.append(FieldError(field: "name", Explanation("report.reason.name_too_long", ["limit": String(Self.maxNameLength)],
                                                                localized: ["limit": .number(Self.maxNameLength)],
                                                                english: "must be at most \(Self.maxNameLength) characters")))
        } else if raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.append(FieldError(field: "name", Explanation("report.reason.name_one_line", english: "must be one line of text")))
        }
        var valid = parameters
        switch parameters.validated(reference: catalogue.reference) {
        case .success(let parameters): valid = parameters
        case .failure(let failure): errors += failure.errors
        }
        if !errors.isEmpty { throw MatchReportError.invalid(ValidationFailure(errors)) }
        let snapshot = try compute(valid)
        let report = MatchReportRecord(
            id: nil, name: name.isEmpty ? "Report of " + Self.minute(time) : name, created_at: time, created_by: actor.name,
            parameters: valid.jsonText, need_count: snapshot.needCount, innovation_count: snapshot.innovationCount,
            pair_count: snapshot.pairs.count, assigned_count: valid.usesCapacities ? snapshot.pairs.filter { $0.assigned == true }.count : nil)
        return try database.write { db in
            var report = report
            try report.insert(db)
            let id = report.id ?? db.lastInsertedRowID
            let needRefs = Array(Set(snapshot.pairs.map(\.need_ref)))
            let innovationRefs = Array(Set(snapshot.pairs.map(\.innovation_ref)))
            let needTitles = try Self.titles("need", needRefs, db)
            let innovationTitles = try Self.titles("innovation", innovationRefs, db)
            for var pair in snapshot.pairs {
                pair.report_id = id
                pair.need_title = needTitles[pair.need_ref] ?? ""
                pair.innovation_title = innovationTitles[pair.innovation_ref] ?? ""
                try pair.insert(db)
            }
            try AuditLog.record(db, actor: actor, action: "report.run", kind: "report", ref: String(id),
                                changes: [AuditChange(field: "name", old: nil, new: report.name),
                                          AuditChange(field: "parameters", old: nil, new: report.parameters),
                                          AuditChange(field: "pair_count", old: nil, new: String(report.pair_count))], at: time)
            return id
        }
    }

    private struct Snapshot: Sendable {
        var needCount: Int
        var innovationCount: Int
        var pairs: [MatchReportPairRecord]
    }

    /// Runs the matcher (and the assignment) outside any transaction: only reading the corpus touches the database.
    private func compute(_ parameters: ReportParameters) throws -> Snapshot {
        let reference = catalogue.reference
        let corpus = try catalogue.matchCorpus()
        let themes = Set(parameters.themes), regions = Set(parameters.regions), countries = Set(parameters.countries)
        let evidence = Set(parameters.evidence)
        let needs = corpus.needs.filter { need in
            guard countries.isEmpty || countries.contains(need.country) else { return false }
            guard themes.isEmpty || !themes.isDisjoint(with: need.themes) else { return false }
            guard !regions.isEmpty else { return true }
            let country = reference.country(need.country)
            return [country?.regionCode, country?.subregionCode].contains { $0.map { regions.contains(String($0)) } ?? false }
        }
        let innovations = evidence.isEmpty ? corpus.innovations : corpus.innovations.filter { evidence.contains($0.evidence) }
        let innovationCountry = Dictionary(innovations.map { ($0.ref, $0.country) }, uniquingKeysWith: { first, _ in first })
        var results: [[Match]] = []
        if !needs.isEmpty && !innovations.isEmpty {
            let matcher = catalogue.makeMatcher(innovations)
            results = matcher.matches(for: needs, top: parameters.top, weights: parameters.weights, minimumScore: parameters.minimumScore)
        }
        var assignment: [String: [String: (assigned: Bool, reason: String?, explanation: String?)]] = [:]
        if parameters.usesCapacities {
            let candidates = zip(needs, results).flatMap { need, matches in
                matches.map { CapacityAssignment.Candidate(need: need.ref, innovation: $0.innovation, score: $0.score) }
            }
            let capacities = CapacityAssignment.Capacities(perInnovation: parameters.capacityPerInnovation ?? max(1, needs.count),
                                                           perNeed: parameters.capacityPerNeed ?? parameters.top)
            let result = CapacityAssignment.assign(candidates, capacities: capacities)
            for pair in result.chosen { assignment[pair.need, default: [:]][pair.innovation] = (true, nil, nil) }
            for left in result.leftOut {
                assignment[left.candidate.need, default: [:]][left.candidate.innovation] = (false, left.reason.rawValue, left.explanation)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var pairs: [MatchReportPairRecord] = []
        for (need, matches) in zip(needs, results) {
            for (index, match) in matches.enumerated() {
                let explanation = PairExplanation(match.explanation)
                let decision = assignment[need.ref]?[match.innovation]
                pairs.append(MatchReportPairRecord(
                    report_id: 0, need_ref: need.ref, rank: index + 1, innovation_ref: match.innovation, need_title: "",
                    need_country: need.country, innovation_title: "", innovation_country: innovationCountry[match.innovation] ?? "",
                    score: match.score, explanation: String(decoding: try encoder.encode(explanation), as: UTF8.self),
                    cooperation: explanation.cooperation, assigned: parameters.usesCapacities ? (decision?.assigned ?? false) : nil,
                    left_out_reason: decision?.reason, left_out_explanation: decision?.explanation))
            }
        }
        return Snapshot(needCount: needs.count, innovationCount: innovations.count, pairs: pairs)
    }

    private static func titles(_ table: String, _ refs: [String], _ db: Database) throws -> [String: String] {
        guard !refs.isEmpty else { return [:] }
        let json = String(decoding: try JSONEncoder().encode(refs), as: UTF8.self)
        let rows = try Row.fetchAll(db, sql: "SELECT ref, title FROM \(table) WHERE ref IN (SELECT value FROM json_each(?))",
                                    arguments: [json])
        return Dictionary(rows.map { ($0["ref"] as String, $0["title"] as String) }, uniquingKeysWith: { first, _ in first })
    }

    /// A time to the minute, for default names: "2026-11-22 15:09 UTC".
    static func minute(_ date: Date) -> String {
        let iso = date.ISO8601Format()
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    // MARK: Read

    /// Every stored report, newest first.
    public func list() throws -> [MatchReportSummary] {
        try database.read { db in
            try MatchReportRecord.fetchAll(db, sql: "SELECT * FROM match_report ORDER BY id DESC").map(Self.summary)
        }
    }

    /// The stored report `id` with its pairs and their status now; nil if there is none.
    public func report(_ id: Int64) throws -> MatchReport? {
        try database.read { db in try Self.fetchReport(id, db) }
    }

    /// The stored report `id`; throws `MatchReportError.notFound` if there is none.
    public func require(_ id: Int64) throws -> MatchReport {
        guard let report = try report(id) else { throw MatchReportError.notFound(id) }
        return report
    }

    /// Compares the pairs of report `from` (the older, usually) with those of report `to`, on one read snapshot.
    public func diff(from: Int64, to: Int64) throws -> MatchReportDiff {
        try database.read { db in
            guard let old = try Self.fetchReport(from, db) else { throw MatchReportError.notFound(from) }
            guard let new = try Self.fetchReport(to, db) else { throw MatchReportError.notFound(to) }
            func pairs(_ report: MatchReport) -> [ReportDiff.Pair] {
                report.pairs.map { ReportDiff.Pair(need: $0.needRef, innovation: $0.innovationRef, rank: $0.rank, score: $0.score) }
            }
            var needTitles: [String: String] = [:], innovationTitles: [String: String] = [:]
            for pair in old.pairs + new.pairs {
                needTitles[pair.needRef] = pair.needTitle
                innovationTitles[pair.innovationRef] = pair.innovationTitle
            }
            return MatchReportDiff(from: old.summary, to: new.summary, diff: ReportDiff(old: pairs(old), new: pairs(new)),
                                   needTitles: needTitles, innovationTitles: innovationTitles)
        }
    }

    static func fetchReport(_ id: Int64, _ db: Database) throws -> MatchReport? {
        guard let record = try MatchReportRecord.fetchOne(db, key: id) else { return nil }
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.*, s.status AS s_status, s.note AS s_note, s.updated_at AS s_updated_at, s.updated_by AS s_updated_by
            FROM match_report_pair p
            LEFT JOIN pair_status s ON s.need_ref = p.need_ref AND s.innovation_ref = p.innovation_ref
            WHERE p.report_id = ? ORDER BY p.need_ref, p.rank
            """, arguments: [id])
        let decoder = JSONDecoder()
        let pairs = try rows.map { row -> MatchReportPair in
            let pair = try MatchReportPairRecord(row: row)
            let explanation = (try? decoder.decode(PairExplanation.self, from: Data(pair.explanation.utf8)))
                ?? PairExplanation(contributions: MatchComponents(text: 0, themes: 0, sdg: 0, tags: 0, evidence: 0, scale: 0, language: 0, proximity: 0),
                                   sharedTerms: [], sharedThemes: [], sharedTargets: [], sharedTags: [], notes: [], cooperation: pair.cooperation)
            var followUp: PairFollowUp?
            if let status = (row["s_status"] as String?).flatMap(PairStatus.init(rawValue:)) {
                followUp = PairFollowUp(status: status, note: row["s_note"], updatedAt: row["s_updated_at"], updatedBy: row["s_updated_by"])
            }
            return MatchReportPair(
                needRef: pair.need_ref, needTitle: pair.need_title, needCountry: pair.need_country, rank: pair.rank,
                innovationRef: pair.innovation_ref, innovationTitle: pair.innovation_title, innovationCountry: pair.innovation_country,
                score: pair.score, explanation: explanation, assigned: pair.assigned, leftOutReason: pair.left_out_reason,
                leftOutExplanation: pair.left_out_explanation, followUp: followUp)
        }
        return MatchReport(summary: summary(record), pairs: pairs)
    }

    static func summary(_ record: MatchReportRecord) -> MatchReportSummary {
        let parameters = (try? JSONDecoder().decode(ReportParameters.self, from: Data(record.parameters.utf8))) ?? ReportParameters()
        return MatchReportSummary(id: record.id ?? 0, name: record.name, createdAt: record.created_at, createdBy: record.created_by,
                                  parameters: parameters, needCount: record.need_count, innovationCount: record.innovation_count,
                                  pairCount: record.pair_count, assignedCount: record.assigned_count)
    }

    // MARK: Pair status

    /// Records a new status (and note) for the pair of `need` and `innovation`, with an event in its history, in one
    /// transaction; a pair that reaches `partnership_started` becomes an adoption in that transaction. Both entries must exist; the move must be allowed (see `PairStatus`). The note is trimmed and
    /// may be empty.
    @discardableResult
    public func setStatus(need: String, innovation: String, status: PairStatus, note: String = "", actor: Actor) throws -> PairFollowUp {
        try catalogue.authorize(actor, .matchReports)
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > Self.maxNoteLength {
            throw MatchReportError.invalid(ValidationFailure([FieldError(field: "note", Explanation(
                "pair.note_too_long", ["max": String(Self.maxNoteLength)], localized: ["max": .number(Self.maxNoteLength)],
                english: "must be at most \(Self.maxNoteLength) characters"))]))
        }
        let time = catalogue.now()
        return try database.write { db in
            guard let needEntry = try Catalogue.fetch(.need, ref: need, db) else { throw CatalogueError.notFound(.need, need) }
            guard let innovationEntry = try Catalogue.fetch(.innovation, ref: innovation, db) else {
                throw CatalogueError.notFound(.innovation, innovation)
            }
            let current = try PairStatusRecord.fetchOne(db, key: ["need_ref": need, "innovation_ref": innovation])
            let from = current.flatMap { PairStatus(rawValue: $0.status) }
            if let refusal = (from ?? .initial).refusal(to: status) {
                throw MatchReportError.invalid(ValidationFailure([FieldError(field: "status", refusal)]))
            }
            try PairStatusRecord(need_ref: need, innovation_ref: innovation, status: status.rawValue, note: note, updated_at: time,
                                 updated_by: actor.name).save(db)
            var event = PairStatusEventRecord(id: nil, need_ref: need, innovation_ref: innovation, from_status: from?.rawValue,
                                              to_status: status.rawValue, note: note, created_at: time, created_by: actor.name)
            try event.insert(db)
            try AuditLog.record(db, actor: actor, action: "pair.status", kind: "pair", ref: "\(need)/\(innovation)",
                                reason: note.isEmpty ? nil : note,
                                changes: [AuditChange(field: "status", old: (from ?? .initial).rawValue, new: status.rawValue)], at: time)
            // A partnership that starts becomes an adoption in the same transaction (once per pair).
            if status == .partnershipStarted {
                try Adoptions.ensure(db, need: need, innovation: innovation, needCountry: needEntry.country,
                                     innovationCountry: innovationEntry.country, startedOn: CalendarDate.of(time), actor: actor, at: time)
            }
            return PairFollowUp(status: status, note: note, updatedAt: time, updatedBy: actor.name)
        }
    }

    /// The pair's status now; nil if nobody has acted on it.
    public func status(need: String, innovation: String) throws -> PairFollowUp? {
        try database.read { db in
            try PairStatusRecord.fetchOne(db, key: ["need_ref": need, "innovation_ref": innovation]).flatMap { record in
                PairStatus(rawValue: record.status).map {
                    PairFollowUp(status: $0, note: record.note, updatedAt: record.updated_at, updatedBy: record.updated_by)
                }
            }
        }
    }

    /// Every change of the pair's status, oldest first.
    public func history(need: String, innovation: String) throws -> [PairStatusEvent] {
        try database.read { db in
            try PairStatusEventRecord.fetchAll(db, sql: """
                SELECT * FROM pair_status_event WHERE need_ref = ? AND innovation_ref = ? ORDER BY id
                """, arguments: [need, innovation]).compactMap { record in
                PairStatus(rawValue: record.to_status).map {
                    PairStatusEvent(from: record.from_status.flatMap(PairStatus.init(rawValue:)), to: $0, note: record.note,
                                    at: record.created_at, by: record.created_by)
                }
            }
        }
    }
}
