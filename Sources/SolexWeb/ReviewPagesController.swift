import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The secretariat's review queue: every submitted entry, oldest first.
struct ReviewPagesController {
    let catalogue: Catalogue
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("review") { _, context in
            try catalogue.authorize(context.actor, .review(.publish, country: ""))
            let localizer = context.localizer
            let presenter = Presenter(reference: catalogue.reference, localizer: localizer)
            var rows: [EntryRowView] = []
            for kind in EntryKind.allCases {
                let page = try catalogue.list(EntryQuery(kind: kind, perPage: 100, sort: .updated, statuses: [.submitted]))
                rows += page.entries.map { entry in
                    var row = presenter.row(entry)
                    row.kindLabel = localizer.t("review.kind." + entry.kind.rawValue)
                    row.updated = localizer.day(entry.metadata.updatedAt)
                    return row
                }
            }
            let view = ReviewPageView(layout: LayoutView(title: localizer.t("review.title"), context: context, section: "review"),
                                      rows: rows, count: localizer.number(rows.count))
            return pages.render("review_queue", view)
        }
    }
}

struct ReviewPageView: Sendable {
    var layout: LayoutView
    var rows: [EntryRowView]
    /// How many entries wait, written in the page's language.
    var count: String
}

/// The audit log for the secretariat: filters, paging and a CSV export.
struct AuditPagesController {
    let catalogue: Catalogue
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("audit") { request, context in
            let filter = Self.filter(request, perPage: 50)
            let (entries, total) = try catalogue.auditLog(filter, actor: context.actor)
            let presenter = Presenter(reference: catalogue.reference, localizer: context.localizer)
            let pageCount = max(1, (total + filter.perPage - 1) / filter.perPage)
            func href(_ page: Int) -> String { "/audit" + Self.query(filter, page: page) }
            let view = AuditPageView(
                layout: LayoutView(title: context.localizer.t("nav.audit"), context: context, section: "audit"),
                actor: filter.actor ?? "", action: filter.action ?? "", subjectKind: filter.subjectKind ?? "",
                subjectRef: filter.subjectRef ?? "", rows: entries.map { AuditRowView($0, presenter: presenter) }, total: context.localizer.number(total),
                previousHref: filter.page > 1 ? href(filter.page - 1) : nil, nextHref: filter.page < pageCount ? href(filter.page + 1) : nil,
                csvHref: "/audit.csv" + Self.query(filter, page: nil))
            return pages.render("audit", view)
        }
        group.get("audit.csv") { request, context in
            var filter = Self.filter(request, perPage: 500)
            var lines = ["id,at,actor,channel,action,subject_kind,subject_ref,reason,changes"]
            var page = 1
            while true {
                filter.page = page
                let (entries, _) = try catalogue.auditLog(filter, actor: context.actor)
                for entry in entries {
                    let changes = String(decoding: try JSONEncoder.sortedKeys.encode(entry.changes), as: UTF8.self)
                    lines.append([String(entry.id), Timestamp.iso(entry.at), entry.actor, entry.channel, entry.action, entry.subjectKind,
                                  entry.subjectRef, entry.reason ?? "", changes].map(Self.csvField).joined(separator: ","))
                }
                if entries.count < filter.perPage { break }
                page += 1
            }
            var response = Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                                    body: .init(byteBuffer: ByteBuffer(string: lines.joined(separator: "\r\n") + "\r\n")))
            response.headers[.contentDisposition] = "attachment; filename=\"solex-audit.csv\""
            return response
        }
    }

    static func filter(_ request: Request, perPage: Int) -> AuditFilter {
        let q = request.uri.queryParameters
        return AuditFilter(actor: q.get("actor"), action: q.get("action"), subjectKind: q.get("kind"), subjectRef: q.get("ref"),
                           page: q.get("page").flatMap(Int.init) ?? 1, perPage: perPage)
    }

    static func query(_ filter: AuditFilter, page: Int?) -> String {
        var items: [String] = []
        if let v = filter.actor { items.append("actor=" + percentEncoded(v)) }
        if let v = filter.action { items.append("action=" + percentEncoded(v)) }
        if let v = filter.subjectKind { items.append("kind=" + percentEncoded(v)) }
        if let v = filter.subjectRef { items.append("ref=" + percentEncoded(v)) }
        if let page { items.append("page=\(page)") }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    /// A CSV field, quoted when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it.
    static func csvField(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

extension JSONEncoder {
    static var sortedKeys: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

struct AuditPageView: Sendable {
    var layout: LayoutView
    var actor: String
    var action: String
    var subjectKind: String
    var subjectRef: String
    var rows: [AuditRowView]
    /// How many writes match, written in the page's language.
    var total: String
    var previousHref: String?
    var nextHref: String?
    var csvHref: String
}

extension AuditRowView {
    /// A row of the audit log in the presenter's language: the action, the channel and the kind of subject named in it
    /// (the stored code where the catalogue has no name for it), the time written out.
    init(_ entry: AuditEntry, presenter: Presenter) {
        let kind = EntryKind(rawValue: entry.subjectKind)
        let localizer = presenter.localizer
        func name(_ prefix: String, _ code: String) -> String { localizer.has(prefix + code) ? localizer.t(prefix + code) : code }
        self.init(at: localizer.dateTime(entry.at), actor: entry.actor, channel: name("audit.channel.", entry.channel),
                  action: name("audit.action.", entry.action),
                  subject: "\(name("audit.kind.", entry.subjectKind)) \(entry.subjectRef)",
                  subjectHref: kind.map { "/\($0.plural)/\(percentEncoded(entry.subjectRef))" }, reason: entry.reason,
                  changes: entry.changes.map { Change(field: $0.field, old: $0.old ?? "—", new: $0.new ?? "—") })
    }
}

/// Accounts, for administrators: list and add.
struct UserPagesController {
    let accounts: Accounts
    let catalogue: Catalogue
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("users") { _, context in try page(context, error: nil, notice: nil) }
        group.post("users") { request, context in
            var request = request
            let form = try await FormData.read(&request, context: context)
            guard let role = form.first("role").flatMap(Role.init(rawValue:)) else {
                try catalogue.authorize(context.actor, .manageUsers)
                return try page(context, error: context.localizer.t("users.choose_role"), notice: nil, status: .unprocessableContent)
            }
            let country = form.first("country").flatMap { $0.isEmpty ? nil : $0 }
            do {
                try accounts.addUser(email: form.first("email") ?? "", password: form.first("password") ?? "", role: role,
                                     country: country, actor: context.actor)
            } catch AccountError.invalid(let field, let reason, let explanation) {
                let message = explanation.map(context.localizer.text) ?? (field == "password" ? reason : "\(field.capitalized) \(reason).")
                return try page(context, error: message, notice: nil, status: .unprocessableContent)
            }
            return try page(context, error: nil, notice: context.localizer.t("users.created_notice"), status: .created)
        }
    }

    private func page(_ context: AppRequestContext, error: String?, notice: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let localizer = context.localizer
        let users = try accounts.users(actor: context.actor).map {
            UserRowView(email: $0.email, role: localizer.t("role." + $0.role.rawValue), country: $0.country ?? "",
                        created: localizer.day($0.createdAt), disabled: $0.disabled)
        }
        let roles = Role.allCases.map { OptionView(value: $0.rawValue, label: localizer.t("role." + $0.rawValue), selected: false) }
        let view = UsersPageView(layout: LayoutView(title: localizer.t("users.title"), context: context, section: "", notice: notice), error: error,
                                 users: users, roles: roles)
        return pages.render("users", view, status: status)
    }
}

struct UserRowView: Sendable {
    var email: String
    var role: String
    var country: String
    var created: String
    var disabled: Bool
}

struct UsersPageView: Sendable {
    var layout: LayoutView
    var error: String?
    var users: [UserRowView]
    var roles: [OptionView]
}
