import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The secretariat's match report pages: list and run reports, show one with its explained pairs, export it (CSV,
/// JSON, printable page), compare two, and change a pair's status.
struct ReportPagesController {
    let reports: MatchReports
    let pages: PageRenderer
    let runs: ReportRunQueue

    init(catalogue: Catalogue, pages: PageRenderer, runs: ReportRunQueue) {
        reports = MatchReports(catalogue: catalogue)
        self.pages = pages
        self.runs = runs
    }

    private var reference: ReferenceData { reports.catalogue.reference }

    /// The presenter of a page in the request's language.
    private func presenter(_ context: AppRequestContext) -> ReportPresenter {
        ReportPresenter(reference: reference, localizer: context.localizer)
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("reports") { _, context in try list(ReportForm.blank, context) }
        group.post("reports") { request, context in
            var request = request
            var form = ReportForm.posted(try await FormData.read(&request, context: context))
            switch ReportParameters.parse(form.text, reference: reference) {
            case .failure(let failure):
                form.errors = failure.errors
                return try list(form, context, status: .unprocessableContent)
            case .success(let parameters):
                do {
                    let name = form.name, actor = context.actor
                    let id = try await runs.run { try reports.run(name: name, parameters: parameters, actor: actor) }
                    return Response.redirect(to: "/reports/\(id)?saved=1", type: .normal)
                } catch MatchReportError.invalid(let failure) {
                    form.errors = failure.errors
                    return try list(form, context, status: .unprocessableContent)
                }
            }
        }
        group.get("reports/diff") { request, context in
            let query = request.uri.queryParameters
            guard let from = query.get("from").flatMap(Self.reportID), let to = query.get("to").flatMap(Self.reportID) else {
                throw HTTPError(.badRequest)
            }
            let diff = try found { try reports.diff(from: from, to: to) }
            let title = context.localizer.t("report.diff_title", ["from": String(from), "to": String(to)])
            let layout = LayoutView(title: title, context: context, section: "reports")
            return pages.render("report_diff", presenter(context).diff(diff, layout: layout))
        }
        group.get("reports/:id") { request, context in
            let report = try find(context)
            let query = request.uri.queryParameters
            let needPages = ReportNeedPages(report)
            guard let page = needPages.page(asked: query.get("page")) else {
                let t = context.localizer
                let view = ErrorPageView(layout: LayoutView(title: t.t("error.title_400"), context: context, section: "reports"), status: 400,
                                         message: t.t("report.bad_page", ["page": query.get("page") ?? "", "count": t.number(needPages.pageCount)]))
                return pages.render("error", view, status: .badRequest)
            }
            let notice: String? = query.get("saved") != nil ? context.localizer.t("report.saved")
                : query.get("status") != nil ? context.localizer.t("report.status_saved") : nil
            return try show(report, context, notice: notice, page: (needPages, page))
        }
        group.get("reports/:id/export.csv") { _, context in
            let report = try find(context)
            return Self.download(try report.csv(), type: "text/csv; charset=utf-8", name: "solex-report-\(report.summary.id).csv")
        }
        group.get("reports/:id/export.json") { _, context in
            let report = try find(context)
            return Self.download(try report.json(), type: "application/json", name: "solex-report-\(report.summary.id).json")
        }
        group.get("reports/:id/print") { _, context in
            let report = try find(context)
            let layout = LayoutView(title: report.summary.name, context: context, section: "reports")
            return pages.render("report_print", presenter(context).page(report, layout: layout, others: [], isPrint: true))
        }
        group.post("pairs/status") { request, context in
            var request = request
            let form = try await FormData.read(&request, context: context)
            let need = form.first("need") ?? "", innovation = form.first("innovation") ?? ""
            let reportID = form.first("report").flatMap(Self.reportID)
            guard !need.isEmpty, !innovation.isEmpty else { throw HTTPError(.badRequest) }
            // Back to the page of the report the form was on.
            let page = form.first("page").flatMap(Int.init).flatMap { (2...ReportNeedPages.maximumPage).contains($0) ? $0 : nil }
            let back = reportID.map { "/reports/\($0)" + (page.map { "?page=\($0)&status=1" } ?? "?status=1") }
                ?? "/needs/\(percentEncoded(need))"
            let anchor = "#pair-\(need)-\(innovation)"
            do {
                guard let status = PairStatus(rawValue: form.first("status") ?? "") else {
                    throw MatchReportError.invalid(ValidationFailure([FieldError(field: "status", Explanation(
                        "pair.status_unknown", english: "must be one of \(PairStatus.allCases.map(\.rawValue).joined(separator: ", "))"))]))
                }
                try reports.setStatus(need: need, innovation: innovation, status: status, note: form.first("note") ?? "", actor: context.actor)
                return Response.redirect(to: back + anchor, type: .normal)
            } catch MatchReportError.invalid(let failure) {
                guard let reportID, let report = try reports.report(reportID) else { throw HTTPError(.badRequest) }
                let message = failure.errors.map { statusProblem($0, context.localizer) }.joined(separator: "; ")
                let needPages = ReportNeedPages(report)
                return try show(report, context, statusError: (need, innovation, message), status: .unprocessableContent,
                                page: (needPages, needPages.page(of: need)))
            } catch CatalogueError.notFound {
                throw HTTPError(.notFound)
            }
        }
    }

    private func list(_ form: ReportForm, _ context: AppRequestContext, status: HTTPResponse.Status = .ok) throws -> Response {
        let summaries = try reports.list()
        let options = summaries.map { OptionView(value: "\($0.id)", label: "\($0.id): \($0.name)", selected: false) }
        var compareFrom = options, compareTo = options
        // Preselect the two newest: the older as "from", the newer as "to".
        if compareFrom.count > 1 { compareFrom[1].selected = true }
        if !compareTo.isEmpty { compareTo[0].selected = true }
        let view = ReportsPageView(
            layout: LayoutView(title: context.localizer.t("reports.title"), context: context, section: "reports"),
            reports: summaries.map(presenter(context).summary), compareFrom: compareFrom, compareTo: compareTo, canCompare: summaries.count > 1,
            form: form.view(reference: reference, presenter: presenter(context)))
        return pages.render("reports", view, status: status)
    }

    private func show(_ report: MatchReport, _ context: AppRequestContext, notice: String? = nil,
                      statusError: (need: String, innovation: String, message: String)? = nil,
                      status: HTTPResponse.Status = .ok, page: (pages: ReportNeedPages, page: Int)) throws -> Response {
        let layout = LayoutView(title: report.summary.name, context: context, section: "reports", notice: notice)
        let view = presenter(context).page(report, layout: layout, others: try reports.list(), isPrint: false, statusError: statusError,
                                           needsPage: page)
        return pages.render("report", view, status: status)
    }

    /// A refused status change said in the page's language: an unknown status, a move the workflow does not allow and
    /// a note that is too long are whole sentences; other problems are named with their field.
    private func statusProblem(_ error: FieldError, _ localizer: Localizer) -> String {
        ["status", "note"].contains(error.field) ? localizer.reason(error) : "\(error.field): \(localizer.reason(error))"
    }

    private func find(_ context: AppRequestContext) throws -> MatchReport {
        guard let id = Self.reportID(try context.parameters.require("id")), let report = try reports.report(id) else {
            throw HTTPError(.notFound)
        }
        return report
    }

    /// Runs `work`, turning an unknown report into 404.
    private func found<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch MatchReportError.notFound { throw HTTPError(.notFound) }
    }

    /// A report id from text: a whole number from 1.
    static func reportID(_ text: String) -> Int64? {
        guard let id = Int64(text), id > 0 else { return nil }
        return id
    }

    /// A file to download.
    static func download(_ data: Data, type: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The printable page of a report as a file of its own, for `solex report export --format html`: the same template
/// as `GET /reports/{id}/print`, with the style sheet put into the page so that it reads without the server.
public enum ReportPrintPage {
    /// The HTML text of report `report` in `language`, rendered with the templates, messages and style sheet of
    /// `webDirectory`.
    public static func html(_ report: MatchReport, reference: ReferenceData, webDirectory: String,
                            language: InterfaceLanguage = .en) async throws -> String {
        let pages = try PageRenderer(webDirectory: webDirectory)
        let style = try String(contentsOfFile: webDirectory + "/static/solex.css", encoding: .utf8)
        let localizer = pages.messages.localizer(language)
        let layout = LayoutView(title: report.summary.name, csrfToken: "", section: "reports", localizer: localizer)
        let view = ReportPresenter(reference: reference, localizer: localizer).page(report, layout: layout, others: [], isPrint: true,
                                                                                    inlineStyle: style)
        return pages.html("report_print", view, in: language)
    }
}
