import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// A person changing their own password (required after a one-time password).
enum AccountController {
    struct PasswordForm: Content {
        var currentPassword: String?
        var newPassword: String?
        var confirmPassword: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        return .html(ChangePasswordPage.render(.init(isRequired: user.mustChangePassword), context: req.pageContext("Change your password")))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let user = signedIn.user
        let form = try req.content.decode(PasswordForm.self)
        let newPassword = form.newPassword ?? ""
        var errors = FormErrors()
        // Guessing at the current password from a stolen session is throttled as guessing at sign-in is.
        let throttles = try await SignInThrottles.read(
            address: req.clientAddress, username: "current password of \(try user.requireID())",
            on: req.db)
        let now = Date()
        if let until = throttles.waitUntil(at: now) {
            errors.add("currentPassword", "The current password has been wrong too many times. \(SignInThrottle.tryAgain(after: until, now: now)).")
            return page(req, user: user, errors: errors, status: .tooManyRequests)
        }
        if try await !Accounts.verify(form.currentPassword ?? "", against: user.passwordHash, on: req.application) {
            try await AccountRecords.save(throttles.failing(at: now), on: req.db)
            errors.add("currentPassword", "Your current password is not right.")
        } else if try await Accounts.verify(newPassword, against: user.passwordHash, on: req.application) {
            errors.add("newPassword", "Choose a new password, not the one you have now.")
        }
        for problem in PasswordPolicy.standard.problems(password: newPassword, username: user.username) {
            errors.add("newPassword", problem)
        }
        if newPassword != (form.confirmPassword ?? "") {
            errors.add("confirmPassword", "The two new passwords are not the same.")
        }
        guard errors.isEmpty else { return page(req, user: user, errors: errors, status: .unprocessableEntity) }
        try await AccountRecords.forget(throttles.clearedBySuccess, on: req.db)
        // Other sessions of this person end; this one goes on.
        try await AccountRecords.changePassword(
            user, toHash: try await Accounts.hash(newPassword, on: req.application), keeping: signedIn.session, by: req.auditActor, on: req.db)
        // The first administrator's one-time password, kept in a file, is no longer of use.
        if user.username == FirstAdministrator.username {
            try? FileManager.default.removeItem(atPath: FirstAdministrator.passwordFile(req.application.settings))
        }
        return req.redirect(to: .home, notice: .passwordChanged)
    }

    private static func page(_ req: Request, user: User, errors: FormErrors, status: HTTPResponseStatus) -> Response {
        .html(
            ChangePasswordPage.render(.init(isRequired: user.mustChangePassword, errors: errors), context: req.pageContext("Change your password")),
            status: status)
    }
}
