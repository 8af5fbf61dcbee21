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
        user.passwordHash = try await PasswordHashing.hash(newPassword, on: req)
        user.mustChangePassword = false
        try await req.db.transaction { db in
            try await user.save(on: db)
            // Other sessions of this person end; this one goes on.
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$id != signedIn.session.requireID()).delete()
            try await req.audit(.passwordChanged, recordType: "user", recordID: user.id?.uuidString, on: db)
        }
        return req.redirect(to: SiteURL.home.path + Notice.passwordChanged.query, redirectType: .normal)
    }
}

/// Bcrypt work is slow on purpose; do it off the event loop.
enum PasswordHashing {
    static let cost = 12

    static func hash(_ password: String, on req: Request) async throws -> String {
        try await req.application.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// A one-time password: four groups of four from an alphabet without look-alike characters.
    static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        return (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement()! }) }.joined(separator: "-")
    }
}
