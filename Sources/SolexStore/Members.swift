import Foundation
import GRDB
import SolexCore

/// Why a network use case (members, adoptions) did not happen.
public enum NetworkError: Error, Sendable, Equatable {
    /// Nothing has that key (a country that is not a member, an adoption or indicator id).
    case notFound(String)
}

/// A member country of the network, with what the directory shows of it.
public struct Member: Sendable, Hashable {
    public var country: String
    /// `YYYY-MM-DD`.
    public var joined: String
    public var note: String
    /// E-mail addresses of the country's focal point accounts, sorted.
    public var focalPoints: [String]
    /// Champion agencies of the country's published innovations, sorted.
    public var agencies: [String]
    /// Published innovations and needs of the country.
    public var innovationCount: Int
    public var needCount: Int
    /// Adoptions the country is part of (as adopter or as source).
    public var adoptionCount: Int
}

/// A pair with a recorded follow-up status, seen from one country.
public struct CountryPairing: Sendable, Hashable {
    /// True when the country offers the innovation; false when it has the need.
    public var offered: Bool
    public var needRef: String
    public var needTitle: String
    public var needCountry: String
    public var innovationRef: String
    public var innovationTitle: String
    public var innovationCountry: String
    public var status: PairStatus
    public var updatedAt: Date
}

/// The network's member countries: kept by the secretariat (web form, `solex member`, the demo seed file); focal
/// points come from the accounts of each country and agencies from the champions of its published innovations.
public struct Members: Sendable {
    public let catalogue: Catalogue
    /// The longest note.
    public static let maxNoteLength = 2000

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    private var database: AppDatabase { catalogue.database }

    /// Adds `country` as a member joined on `joined`, or changes the date and note of a member, in one transaction
    /// with its audit row. Returns whether the country was added (false: updated).
    @discardableResult
    public func add(country: String, joined: String, note: String = "", actor: Actor) throws -> Bool {
        try catalogue.authorize(actor, .manageMembers)
        let country = country.trimmingCharacters(in: .whitespaces).uppercased()
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if catalogue.reference.country(country) == nil { errors.append(FieldError(field: "country", Explanation("member.reason_country", english: "is not an ISO 3166-1 alpha-3 code"))) }
        if !CalendarDate.isValid(joined) { errors.append(FieldError(field: "joined", Explanation("adoption.reason_date", english: "must be a date YYYY-MM-DD"))) }
        if note.count > Self.maxNoteLength { errors.append(FieldError(field: "note", Explanation("adoption.reason_too_long", ["limit": String(Self.maxNoteLength)], english: "must be at most \(Self.maxNoteLength) characters"))) }
        if !errors.isEmpty { throw CatalogueError.invalid(ValidationFailure(errors)) }
        let time = catalogue.now()
        return try database.write { db in
            let old = try Row.fetchOne(db, sql: "SELECT joined, note FROM member WHERE country = ?", arguments: [country])
            if old != nil {
                try db.execute(sql: "UPDATE member SET joined = ?, note = ?, updated_at = ?, updated_by = ? WHERE country = ?",
                               arguments: [joined, note, time, actor.name, country])
            } else {
                try db.execute(sql: """
                    INSERT INTO member (country, joined, note, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [country, joined, note, time, actor.name, time, actor.name])
            }
            var changes: [AuditChange] = []
            let oldJoined: String? = old?["joined"], oldNote: String? = old?["note"]
            if oldJoined != joined { changes.append(AuditChange(field: "joined", old: oldJoined, new: joined)) }
            if oldNote != note { changes.append(AuditChange(field: "note", old: oldNote, new: note)) }
            try AuditLog.record(db, actor: actor, action: old == nil ? "member.add" : "member.update", kind: "member", ref: country,
                                changes: changes, at: time)
            return old == nil
        }
    }

    /// Removes `country` from the members (its entries, accounts and adoptions stay).
    public func remove(country: String, actor: Actor) throws {
        try catalogue.authorize(actor, .manageMembers)
        let time = catalogue.now()
        try database.write { db in
            guard let old = try Row.fetchOne(db, sql: "SELECT joined FROM member WHERE country = ?", arguments: [country]) else {
                throw NetworkError.notFound(country)
            }
            try db.execute(sql: "DELETE FROM member WHERE country = ?", arguments: [country])
            try AuditLog.record(db, actor: actor, action: "member.remove", kind: "member", ref: country,
                                changes: [AuditChange(field: "joined", old: old["joined"], new: nil)], at: time)
        }
    }

    /// Every member, by country name (ties by code).
    public func list() throws -> [Member] {
        let reference = catalogue.reference
        return try database.read { db in try Self.fetch(db, country: nil) }.sorted {
            (reference.country($0.country)?.name.en ?? $0.country, $0.country) < (reference.country($1.country)?.name.en ?? $1.country, $1.country)
        }
    }

    /// The member `country`, or nil if it is not a member.
    public func member(_ country: String) throws -> Member? {
        try database.read { db in try Self.fetch(db, country: country).first }
    }

    static func fetch(_ db: Database, country: String?) throws -> [Member] {
        let filter = country == nil ? "" : "WHERE m.country = ?"
        let arguments: StatementArguments = country.map { [$0] } ?? []
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.country, m.joined, m.note,
              (SELECT COUNT(*) FROM innovation i WHERE i.origin_country = m.country AND i.status = 'published') AS innovations,
              (SELECT COUNT(*) FROM need n WHERE n.country = m.country AND n.status = 'published') AS needs,
              (SELECT COUNT(*) FROM adoption a WHERE a.need_country = m.country OR a.innovation_country = m.country) AS adoptions
            FROM member m \(filter) ORDER BY m.country
            """, arguments: arguments)
        return try rows.map { row in
            let code: String = row["country"]
            let focal = try String.fetchAll(db, sql: "SELECT email FROM user WHERE role = 'focal_point' AND country = ? ORDER BY email",
                                            arguments: [code])
            let agencies = try String.fetchAll(db, sql: """
                SELECT DISTINCT champion FROM innovation WHERE origin_country = ? AND status = 'published' ORDER BY champion
                """, arguments: [code])
            return Member(country: code, joined: row["joined"], note: row["note"], focalPoints: focal, agencies: agencies,
                          innovationCount: row["innovations"], needCount: row["needs"], adoptionCount: row["adoptions"])
        }
    }

    /// The pairs with a recorded status whose need or innovation is of `country`, newest change first (ties by refs).
    /// Needs the permission to read the country's pairings.
    public func pairings(of country: String, actor: Actor) throws -> [CountryPairing] {
        try catalogue.authorize(actor, .readPairings(country: country))
        return try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.need_ref, s.innovation_ref, s.status, s.updated_at, n.title AS need_title, n.country AS need_country,
                       i.title AS innovation_title, i.origin_country AS innovation_country
                FROM pair_status s JOIN need n ON n.ref = s.need_ref JOIN innovation i ON i.ref = s.innovation_ref
                WHERE n.country = ? OR i.origin_country = ?
                ORDER BY s.updated_at DESC, s.need_ref, s.innovation_ref
                """, arguments: [country, country]).compactMap { row in
                guard let status = PairStatus(rawValue: row["status"]) else { return nil }
                let innovationCountry: String = row["innovation_country"]
                return CountryPairing(offered: innovationCountry == country, needRef: row["need_ref"], needTitle: row["need_title"],
                                      needCountry: row["need_country"], innovationRef: row["innovation_ref"],
                                      innovationTitle: row["innovation_title"], innovationCountry: innovationCountry,
                                      status: status, updatedAt: row["updated_at"])
            }
        }
    }

    /// The members as CSV: country, name, region, sub-region, joined, focal points, agencies, counts.
    public func csv() throws -> Data {
        let reference = catalogue.reference
        var rows = [["country", "name", "region", "subregion", "joined", "focal_points", "agencies", "innovations", "needs", "adoptions", "note"]]
        for member in try list() {
            let country = reference.country(member.country)
            rows.append([member.country, country?.name.en ?? "", country?.region ?? "", country?.subregion ?? "", member.joined,
                         String(member.focalPoints.count), member.agencies.joined(separator: "; "), String(member.innovationCount),
                         String(member.needCount), String(member.adoptionCount), member.note])
        }
        return try CSVFile.text(rows: rows)
    }
}
