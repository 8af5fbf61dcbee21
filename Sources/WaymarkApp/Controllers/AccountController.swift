import Fluent
import Vapor
import WaymarkDomain
import WaymarkViews

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
        if try !Bcrypt.verify(form.currentPassword ?? "", created: user.passwordHash) {
            errors.add("currentPassword", "Your current password is not right.")
        }
        for problem in PasswordPolicy.standard.problems(password: newPassword, username: user.username) {
            errors.add("newPassword", problem)
        }
        if newPassword != (form.confirmPassword ?? "") {
            errors.add("confirmPassword", "The two new passwords are not the same.")
        }
        guard errors.isEmpty else {
            let page = ChangePasswordPage.render(.init(isRequired: user.mustChangePassword, errors: errors),
                                                 context: req.pageContext("Change your password"))
            return .html(page, status: .unprocessableEntity)
        }
        user.passwordHash = try await Accounts.hash(newPassword, on: req.application)
        user.mustChangePassword = false
        try await req.db.transaction { db in
            try await user.save(on: db)
            // Other sessions of this person end; this one goes on.
            try await SessionStore.endAll(for: user.requireID(), except: signedIn.session, on: db)
            try await req.audit(.passwordChanged, recordType: .user, recordID: user.id?.uuidString, on: db)
        }
        return req.redirect(to: SiteURL.home.path + Notice.passwordChanged.query, redirectType: .normal)
    }
}
