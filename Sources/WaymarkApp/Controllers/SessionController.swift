import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Signing in and out.
enum SessionController {
    struct SignInForm: Content {
        var username: String?
        var password: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(to: SiteURL.home.path) }
        let expired = req.query(SignInQuery.self).expired
        let model = SignInPage.Model(problem: nil)
        let notice = expired ? "You were signed out because Waymark was not used for a while. Sign in again." : nil
        return .html(SignInPage.render(model, context: req.pageContext("Sign in", notice: notice)))
    }

    /// Every failed sign-in, whatever the reason (no such username, a wrong password, a disabled or ended account), gets the
    /// same words after the same work (the throttle's counts, a password hash compared, an audit line), so that
    /// neither the answer nor its timing says which usernames exist. An address that keeps failing must wait.
    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let now = Date()

        func failed(
            _ message: String = "The username or password is not right. Check them and try again.",
            status: HTTPResponseStatus = .unauthorized
        ) -> Response {
            .html(SignInPage.render(.init(username: username, problem: message), context: req.pageContext("Sign in")), status: status)
        }

        guard !username.isEmpty, !password.isEmpty else {
            return failed("Enter your username and password.", status: .unprocessableEntity)
        }
        let throttles = try await SignInThrottles.read(address: req.clientAddress, username: username, on: req.db)
        if let until = throttles.waitUntil(at: now) {
            try await AuditTrail.record(.signInFailed, detail: "too many failed sign-ins from this address", by: req.auditActor, on: req.db)
            return failed(
                "There have been too many failed sign-ins from this computer. \(SignInThrottle.tryAgain(after: until, now: now)). "
                    + "If you have forgotten your password, ask a Waymark administrator to reset it.", status: .tooManyRequests)
        }
        let user = try await UserStore.user(named: username, on: req.db)
        let matches = try await Accounts.verify(password, against: user?.passwordHash ?? Accounts.decoyHash, on: req.application)
        let ended = user?.hasEnded(by: ISODay(now)) ?? false
        guard let user, matches, !user.isDisabled, !ended else {
            let why = user.map { $0.isDisabled ? "account disabled" : ended ? "account ended" : "wrong password" } ?? "unknown username"
            try await AccountRecords.signInFailed(
                user, counts: throttles.failing(at: now), why: why, by: user.map { req.auditActor(as: $0) } ?? req.auditActor, on: req.db)
            return failed()
        }

        let (token, session) = try SessionStore.new(for: user, now: now)
        try await AccountRecords.signIn(
            user, session: session, clearing: throttles.clearedBySuccess, at: now, by: req.auditActor(as: user), on: req.db)
        let response = req.redirect(to: user.mustChangePassword ? .changePassword : .home)
        response.cookies[SessionStore.cookieName(req.application.settings)] = SessionStore.cookie(token, settings: req.application.settings)
        response.cookies[CSRF.cookieName(req.application.settings)] = .expired
        return response
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        try await AccountRecords.signOut(signedIn.session, user: signedIn.user, by: req.auditActor, on: req.db)
        req.signedIn = nil
        let response = req.redirect(to: .signIn())
        response.cookies[SessionStore.cookieName(req.application.settings)] = .expired
        return response
    }
}
