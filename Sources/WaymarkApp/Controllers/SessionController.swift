import Fluent
import Vapor
import WaymarkDomain
import WaymarkViews

/// Signing in and out.
enum SessionController {
    struct SignInForm: Content {
        var username: String?
        var password: String?
    }

    /// Compared against when the username is unknown, so a failed sign-in takes as long either way.
    private static let decoyHash = try! Bcrypt.hash(SessionStore.randomToken(), cost: Accounts.bcryptCost)

    @Sendable static func show(req: Request) async throws -> Response {
        if req.signedIn != nil { return req.redirect(to: SiteURL.home.path) }
        let expired = (try? req.query.get(String.self, at: "expired")) == "1"
        let model = SignInPage.Model(problem: nil)
        let notice = expired ? "You were signed out because Waymark was not used for a while. Sign in again." : nil
        return .html(SignInPage.render(model, context: req.pageContext("Sign in", notice: notice)))
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let now = Date()

        func failed(_ message: String = "The username or password is not right. Check them and try again.",
                    status: HTTPResponseStatus = .unauthorized) -> Response {
            .html(SignInPage.render(.init(username: username, problem: message), context: req.pageContext("Sign in")), status: status)
        }

        guard !username.isEmpty, !password.isEmpty else {
            return failed("Enter your username and password.", status: .unprocessableEntity)
        }
        guard let user = try await User.query(on: req.db).filter(\.$username == username).first() else {
            _ = try? Bcrypt.verify(password, created: decoyHash)
            try await AuditTrail.record(.signInFailed, detail: "unknown username", by: req.auditActor, on: req.db)
            return failed()
        }
        let actor = req.auditActor(as: user)
        if user.lockout.isLocked(at: now) {
            try await AuditTrail.record(.signInFailed, recordType: .user, recordID: user.id?.uuidString, detail: "account locked", by: actor, on: req.db)
            return failed("This account is locked for 15 minutes after \(SignInLockout.maximumFailures) failed sign-ins. Try again later, or ask an administrator to reset your password.")
        }
        guard !user.isDisabled, try Bcrypt.verify(password, created: user.passwordHash) else {
            if !user.isDisabled { user.lockout = user.lockout.recordingFailure(at: now) }
            try await req.db.transaction { db in
                try await user.save(on: db)
                try await AuditTrail.record(.signInFailed, recordType: .user, recordID: user.id?.uuidString,
                                            detail: user.isDisabled ? "account disabled" : "wrong password", by: actor, on: db)
            }
            return failed()
        }

        user.lockout = .cleared
        user.lastSignInAt = now
        let token = try await req.db.transaction { db in
            try await user.save(on: db)
            try await AuditTrail.record(.signIn, recordType: .user, recordID: user.id?.uuidString, by: actor, on: db)
            return try await SessionStore.start(for: user, on: db, now: now)
        }
        let response = req.redirect(to: user.mustChangePassword ? SiteURL.changePassword.path : SiteURL.home.path, redirectType: .normal)
        response.cookies[SessionStore.cookieName] = SessionStore.cookie(token, settings: req.application.settings)
        response.cookies[CSRF.cookieName] = .expired
        return response
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        try await req.db.transaction { db in
            try await req.audit(.signOut, recordType: .user, recordID: signedIn.user.id?.uuidString, on: db)
            try await SessionStore.end(signedIn.session, on: db)
        }
        req.signedIn = nil
        let response = req.redirect(to: SiteURL.signIn.path, redirectType: .normal)
        response.cookies[SessionStore.cookieName] = .expired
        return response
    }
}
