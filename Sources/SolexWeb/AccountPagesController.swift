import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// Signing in and out, changing one's password, and one's API tokens.
struct AccountPagesController {
    let accounts: Accounts
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("sign-in") { request, context in
            signInPage(context, email: "", next: safeNext(request.uri.queryParameters.get("next")), error: nil)
        }
        group.post("sign-in") { request, context in
            var request = request
            let form = try await FormData.read(&request, context: context)
            let email = form.first("email") ?? "", next = safeNext(form.first("next"))
            do {
                let user = try accounts.signIn(email: email, password: form.first("password") ?? "",
                                               address: request.clientAddress(context))
                // A new session id on every sign-in (no session fixation).
                context.sessions.clearSession()
                context.sessions.createSession(WebSession(userID: user.id, passwordChangedAt: user.passwordChangedAt.timeIntervalSince1970))
                return Response.redirect(to: next, type: .normal)
            } catch AccountError.throttled(let minutes) {
                let localizer = context.localizer
                let error = minutes == 1 ? localizer.t("signin.throttled_one")
                    : localizer.t("signin.throttled_many", ["minutes": localizer.number(minutes)])
                return signInPage(context, email: email, next: next, status: .tooManyRequests, error: error)
            } catch AccountError.badCredentials {
                return signInPage(context, email: email, next: next, status: .unauthorized, error: context.localizer.t("signin.wrong"))
            }
        }
        group.post("sign-out") { _, context in
            context.sessions.clearSession()
            return Response.redirect(to: "/", type: .normal)
        }
        group.get("account/password") { _, context in
            try requireAccount(context)
            return passwordPage(context, error: nil)
        }
        group.post("account/password") { request, context in
            try requireAccount(context)
            var request = request
            let form = try await FormData.read(&request, context: context)
            do {
                try accounts.changePassword(userID: context.actor.userID ?? 0, current: form.first("current") ?? "",
                                            new: form.first("password") ?? "", actor: context.actor)
            } catch AccountError.invalid(_, let reason, let explanation) {
                return passwordPage(context, error: explanation.map(context.localizer.text) ?? reason, status: .unprocessableContent)
            }
            // The password changed: this session is renewed, every other session of the account ends.
            if let user = try accounts.user(id: context.actor.userID ?? 0) {
                context.sessions.clearSession()
                context.sessions.createSession(WebSession(userID: user.id, passwordChangedAt: user.passwordChangedAt.timeIntervalSince1970))
            }
            return passwordPage(context, error: nil, notice: context.localizer.t("password.changed"))
        }
        group.get("account/tokens") { _, context in
            try requireAccount(context)
            return try tokensPage(context, secret: nil, error: nil)
        }
        group.post("account/tokens") { request, context in
            try requireAccount(context)
            var request = request
            let form = try await FormData.read(&request, context: context)
            do {
                let created = try accounts.createToken(name: form.first("name") ?? "", actor: context.actor)
                return try tokensPage(context, secret: created.secret, error: nil, status: .created)
            } catch AccountError.invalid(_, let reason, let explanation) {
                let error = explanation.map(context.localizer.text) ?? "Name " + reason + "."
                return try tokensPage(context, secret: nil, error: error, status: .unprocessableContent)
            }
        }
        group.post("account/tokens/:id/revoke") { _, context in
            try requireAccount(context)
            guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.notFound) }
            do {
                try accounts.revokeToken(id: id, actor: context.actor)
            } catch AccountError.notFound {
                throw HTTPError(.notFound)
            }
            return Response.redirect(to: "/account/tokens?revoked=1", type: .normal)
        }
    }

    private func requireAccount(_ context: AppRequestContext) throws {
        if context.actor.role == nil { throw CatalogueError.signInRequired }
    }

    private func signInPage(_ context: AppRequestContext, email: String, next: String, status: HTTPResponse.Status = .ok,
                            error: String?) -> Response {
        let view = SignInPageView(layout: LayoutView(title: context.localizer.t("layout.sign_in"), context: context, section: ""), email: email, next: next,
                                  error: error)
        return pages.render("sign_in", view, status: status)
    }

    private func passwordPage(_ context: AppRequestContext, error: String?, notice: String? = nil,
                              status: HTTPResponse.Status = .ok) -> Response {
        let view = PasswordPageView(layout: LayoutView(title: context.localizer.t("password.title"), context: context, section: "", notice: notice),
                                    error: error, minimumLength: PasswordPolicy.minimumLength)
        return pages.render("account_password", view, status: status)
    }

    private func tokensPage(_ context: AppRequestContext, secret: String?, error: String?,
                            status: HTTPResponse.Status = .ok) throws -> Response {
        let localizer = context.localizer
        let tokens = try accounts.tokens(actor: context.actor).map { token in
            TokenRowView(id: token.id, name: token.name, createdAt: localizer.dateTime(token.createdAt),
                         lastUsedAt: token.lastUsedAt.map { localizer.dateTime($0) } ?? localizer.t("tokens.never"),
                         revokedAt: token.revokedAt.map { localizer.dateTime($0) }, revokeHref: "/account/tokens/\(token.id)/revoke")
        }
        let view = TokensPageView(layout: LayoutView(title: localizer.t("layout.api_tokens"), context: context, section: ""), secret: secret,
                                  error: error, tokens: tokens)
        return pages.render("account_tokens", view, status: status)
    }
}

struct SignInPageView: Sendable {
    var layout: LayoutView
    var email: String
    var next: String
    var error: String?
}

struct PasswordPageView: Sendable {
    var layout: LayoutView
    var error: String?
    var minimumLength: Int
}

struct TokenRowView: Sendable {
    var id: Int64
    var name: String
    var createdAt: String
    var lastUsedAt: String
    var revokedAt: String?
    var revokeHref: String
}

struct TokensPageView: Sendable {
    var layout: LayoutView
    /// The new token, shown once.
    var secret: String?
    var error: String?
    var tokens: [TokenRowView]
}
