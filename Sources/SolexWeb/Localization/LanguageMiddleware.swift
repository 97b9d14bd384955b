import Foundation
import HTTPTypes
import Hummingbird

/// Chooses the interface language of each request: an explicit `?lang=` (remembered in a cookie for a year), else
/// the language cookie, else the browser's `Accept-Language`, else English. Sets `context.localizer` and answers
/// with `Content-Language` and `Vary`.
struct LanguageMiddleware: RouterMiddleware {
    /// The cookie that keeps an explicit choice.
    static let cookieName = "solex_lang"
    /// The query parameter of an explicit choice.
    static let parameter = "lang"

    let messages: MessageCatalogue
    let secureCookies: Bool

    func handle(_ request: Request, context: AppRequestContext,
                next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        let chosen = request.uri.queryParameters[Self.parameter[...]].flatMap { InterfaceLanguage(code: String($0)) }
        let language = chosen
            ?? request.cookies[Self.cookieName].flatMap { InterfaceLanguage(rawValue: $0.value) }
            ?? request.headers[.acceptLanguage].flatMap(InterfaceLanguage.negotiate(acceptLanguage:))
            ?? .en
        var context = context
        context.localizer = messages.localizer(language)
        context.pathAndQuery = request.uri.description.hasPrefix("/") ? request.uri.description : "/"
        var response = try await next(request, context)
        if let chosen, request.cookies[Self.cookieName]?.value != chosen.code {
            response.setCookie(Cookie(name: Self.cookieName, value: chosen.code, maxAge: 365 * 24 * 3600, path: "/",
                                      secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        if response.headers[.contentLanguage] == nil, response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.headers[.contentLanguage] = language.code
        }
        response.headers[values: .vary] += ["Accept-Language", "Cookie"]
        return response
    }
}

/// A link to the page in another interface language.
struct LanguageLinkView: Sendable {
    /// The language's name in itself ("Français").
    var label: String
    /// Its code, for `lang` and `hreflang`.
    var code: String
    /// The current page with `lang` set.
    var href: String
    var isCurrent: Bool
}
