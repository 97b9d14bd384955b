import Foundation
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
            return page(.forbidden, context, message: reason)
        } catch CatalogueError.notFound {
            return page(.notFound, context)
        } catch NetworkError.notFound {
            return page(.notFound, context)
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
        let message: String = if let message { message } else { switch status {
        case .notFound: "There is no page at this address. It may have been deleted or the link may be mistyped."
        case .forbidden: "This form has expired or did not come from Solex. Go back, reload the page and send it again."
        case .badRequest: "The request could not be understood."
        case .contentTooLarge: "What you sent is too large."
        case .methodNotAllowed: "This address does not accept that kind of request."
        case _ where (400..<500).contains(status.code): "The request could not be handled."
        default: "Something went wrong on our side. Nothing you did caused it; please try again later."
        } }
        let view = ErrorPageView(layout: LayoutView(title: status.reasonPhrase, context: context, section: ""),
                                 status: Int(status.code), message: message)
        return pages.render("error", view, status: status)
    }
}
