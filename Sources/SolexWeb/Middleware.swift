import Foundation
import SolexCore
import SolexStore
import HTTPTypes
import Hummingbird

/// Adds the security headers to every response.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A response may set a stricter policy of its own (the printable agenda allows its one style element by hash).
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'" }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}

/// Turns every error into a response that says what happened in general terms only: an RFC 9457 problem for
/// the JSON API, an error page for everything else. Internal descriptions go to the log, never to the client.
struct ErrorMiddleware: RouterMiddleware {
    let pages: PageRenderer

    func handle(_ request: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            do {
                return try await next(request, context)
            } catch {
                return Problem(error, logger: context.logger).response()
            }
        }
        do {
            return try await next(request, context)
        } catch CatalogueError.signInRequired {
            return Response.redirect(to: "/sign-in?next=" + percentEncoded(request.returnPath), type: .normal)
        } catch CatalogueError.forbidden(let reason) {
            return page(.forbidden, context, message: Self.refusal(reason, context.localizer))
        } catch CatalogueError.notFound {
            return page(.notFound, context)
        } catch NetworkError.notFound {
            return page(.notFound, context)
        } catch is ReportRunQueue.Busy {
            var response = page(.serviceUnavailable, context, message: context.localizer.t("report.busy"))
            response.headers[.retryAfter] = String(ReportRunQueue.Busy.retryAfter)
            return response
        } catch let error as HTTPResponseError {
            let status = error.status
            if (400..<500).contains(status.code) { return page(status, context) }
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return page(.internalServerError, context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return page(.internalServerError, context)
        }
    }

    private func page(_ status: HTTPResponse.Status, _ context: AppRequestContext, message: String? = nil) -> Response {
        let t = context.localizer
        let message: String = if let message { message } else { switch status {
        case .notFound: t.t("error.not_found")
        case .forbidden: t.t("error.forbidden")
        case .badRequest: t.t("error.bad_request")
        case .contentTooLarge: t.t("error.too_large")
        case .methodNotAllowed: t.t("error.method_not_allowed")
        case _ where (400..<500).contains(status.code): t.t("error.client")
        default: t.t("error.server")
        } }
        let titleKey = "error.title_\(status.code)"
        let view = ErrorPageView(layout: LayoutView(title: t.has(titleKey) ? t.t(titleKey) : status.reasonPhrase, context: context, section: ""),
                                 status: Int(status.code), message: message)
        return pages.render("error", view, status: status)
    }

    /// A refusal of the access policy in the page's language (its English text where the catalogue lacks its key).
    static func refusal(_ reason: Explanation, _ t: Localizer) -> String {
        guard t.has(reason.key) else { return reason.english }
        var values = reason.values
        if let role = values["role"], t.has("role." + role) { values["role"] = t.t("role." + role) }
        return t.t(reason.key, values)
    }
}
