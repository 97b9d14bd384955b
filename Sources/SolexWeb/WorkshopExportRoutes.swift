import Crypto
import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The downloads of a workshop's agenda (`agenda.ics`, `.xml`, `.json`, `.csv`, `.html`, each with an optional
/// `?delegation=ALPHA3`; `agenda.html?delegation=all` gives one page per delegation) and the printable page of one
/// delegation. `agenda.html` is the same file as `solex agenda export --format html`: its style sheet is put into
/// the page, and its Content-Security-Policy allows that one style element by its SHA-256 hash.
struct WorkshopExportRoutes {
    let controller: WorkshopPagesController

    private var workshops: Workshops { controller.workshops }

    func add(to group: RouterGroup<AppRequestContext>) {
        for format in AgendaExportFormat.allCases {
            group.get("workshops/:id/agenda.\(format.fileExtension)") { request, context in
                let workshop = try controller.find(context)
                let delegation = try delegationParameter(request, workshop)
                guard workshop.schedule != nil else { return try notScheduled(workshop, context) }
                let text = try workshops.export(workshop.summary.slug, format: format, delegation: delegation, actor: context.actor)
                return Self.file(text, type: format.mediaType, name: Self.fileName(workshop, delegation, format.fileExtension), inline: false)
            }
        }
        group.get("workshops/:id/agenda.html") { request, context in
            let workshop = try controller.find(context)
            let parameter = request.uri.queryParameters.get("delegation")
            let selection = AgendaPrintSelection(parameter)
            if case .delegation(let code) = selection, workshop.plan.delegation(code) == nil { throw HTTPError(.notFound) }
            guard workshop.schedule != nil else { return try notScheduled(workshop, context) }
            let html = AgendaPrintPage.render(controller.pages, plan: workshop.plan, schedule: workshop.schedule,
                                              labels: try controller.labels(workshop, context.localizer), selection: selection,
                                              inlineStyle: controller.style, language: context.localizer.language)
            let suffix: String? = switch selection { case .grid: nil; case .allDelegations: "delegations"; case .delegation(let code): code }
            var response = Self.file(html, type: "text/html; charset=utf-8", name: Self.fileName(workshop, suffix, "html"), inline: true)
            response.headers[.contentLanguage] = context.localizer.language.code
            let hash = Data(SHA256.hash(data: Data(controller.style.utf8))).base64EncodedString()
            response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'sha256-\(hash)'; img-src 'self' data:; base-uri 'none'; "
                + "form-action 'none'; frame-ancestors 'none'"
            return response
        }
        group.get("workshops/:id/delegations/:country") { _, context in
            let workshop = try controller.find(context)
            let code = try context.parameters.require("country").uppercased()
            guard workshop.plan.delegation(code) != nil else { throw HTTPError(.notFound) }
            let html = AgendaPrintPage.render(controller.pages, plan: workshop.plan, schedule: workshop.schedule,
                                              labels: try controller.labels(workshop, context.localizer), selection: .delegation(code), inlineStyle: nil,
                                              language: context.localizer.language)
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: context.localizer.language.code],
                            body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    /// The `delegation` query parameter in upper case; 404 when the workshop has no such delegation.
    private func delegationParameter(_ request: Request, _ workshop: StoredWorkshop) throws -> String? {
        guard let code = request.uri.queryParameters.get("delegation")?.uppercased(), !code.isEmpty else { return nil }
        guard workshop.plan.delegation(code) != nil else { throw HTTPError(.notFound) }
        return code
    }

    private func notScheduled(_ workshop: StoredWorkshop, _ context: AppRequestContext) throws -> Response {
        var state = WorkshopPageState()
        state.problem = context.localizer.t("workshop.nothing_to_export")
        return try controller.show(workshop, context, state, status: .conflict)
    }

    /// `dhaka-2017-agenda.ics`, or `dhaka-2017-agenda-BTN.ics` for one delegation.
    static func fileName(_ workshop: StoredWorkshop, _ suffix: String?, _ ext: String) -> String {
        "\(workshop.summary.slug)-agenda" + (suffix.map { "-\($0)" } ?? "") + ".\(ext)"
    }

    static func file(_ text: String, type: String, name: String, inline: Bool) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "\(inline ? "inline" : "attachment"); filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
