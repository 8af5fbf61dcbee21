import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Adding, editing and disabling users.
enum UsersController {
    struct UserForm: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var organisationID: String?
        var teamID: String?
        var serviceAreaID: String?
        var staffID: String?
    }

    /// The form as typed, its last day read from the three date boxes.
    static func values(_ req: Request) throws -> UserFormPage.Values {
        let form = try req.content.decode(UserForm.self)
        return .init(
            username: form.username ?? "", displayName: form.displayName ?? "", role: form.role ?? "",
            organisationID: form.organisationID ?? "", teamID: form.teamID ?? "", serviceAreaID: form.serviceAreaID ?? "",
            staffID: form.staffID ?? "", lastDay: DateField.read("lastDay") { try? req.content.get(String.self, at: $0) })
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let users = try await UserStore.everyoneWithPlacement(on: req.db)
        let rows = users.map { user in
            UsersPage.Row(
                id: user.id?.uuidString ?? "", username: user.username, displayName: user.displayName, role: user.role,
                placement: [user.organisation?.name, user.serviceArea?.name, user.team?.name].compactMap { $0 }.joined(separator: ", "),
                isDisabled: user.isDisabled, lastSignIn: user.lastSignInAt.map(DateFormats.dateTime),
                lastDay: user.lastWorkingDay?.written, hasEnded: user.hasEnded(by: .today)
            )
        }
        return .html(UsersPage.render(rows: rows, context: req.pageContext("Users", area: .admin, notice: Notice.from(req)?.message)))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        try await render(req, userID: nil, values: .init(), errors: FormErrors())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let values = try values(req)
        let checked = try await Accounts.check(values, existing: nil, on: req.db)
        guard let details = checked.valid else {
            return try await render(req, userID: nil, values: values, errors: checked.errors, status: .unprocessableEntity)
        }
        let (user, password) = try await Accounts.createWithOneTimePassword(details, by: req.auditActor, app: req.application, on: req.db)
        return try await renderOneTimePassword(req, user: user, password: password, isNew: true)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let user = try await find(req)
        let values = UserFormPage.Values(
            username: user.username, displayName: user.displayName, role: user.role.rawValue,
            organisationID: user.$organisation.id?.uuidString ?? "", teamID: user.$team.id?.uuidString ?? "",
            serviceAreaID: user.$serviceArea.id?.uuidString ?? "", staffID: user.staffID ?? "", lastDay: user.lastDay ?? "")
        return try await render(req, userID: user.id, isDisabled: user.isDisabled, values: values, errors: FormErrors())
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let user = try await find(req)
        let values = try values(req)
        let checked = try await Accounts.check(values, existing: user, on: req.db)
        guard let details = checked.valid else {
            return try await render(
                req, userID: user.id, isDisabled: user.isDisabled, values: values, errors: checked.errors,
                status: .unprocessableEntity)
        }
        let changes = [
            user.role != details.role ? "role \(user.role.rawValue) to \(details.role.rawValue)" : nil,
            user.username != details.username ? "username changed" : nil,
            user.staffID != details.staffID ? "staff identifier changed" : nil,
            user.lastDay != details.lastDay?.description ? "last day \(details.lastDay?.description ?? "removed")" : nil,
        ].compactMap { $0 }
        details.apply(to: user)
        try await UserStore.save(user, changes: changes, by: req.auditActor, on: req.db)
        return req.redirect(to: .admin(.users), notice: .userSaved)
    }

    /// Disable, enable or reset the password of an account.
    @Sendable static func access(req: Request) async throws -> Response {
        let user = try await find(req)
        switch try req.content.get(String.self, at: "action") {
        case let action where action == "disable" || action == "enable":
            if user.id == req.signedIn?.user.id {
                throw Abort(.badRequest, reason: "You cannot disable your own account. Ask another administrator.")
            }
            try await Accounts.setDisabled(user, action == "disable", by: req.auditActor, on: req.db)
            return req.redirect(to: .admin(.users), notice: user.isDisabled ? .userDisabled : .userEnabled)
        case "reset-password":
            let password = try await Accounts.resetPassword(user, by: req.auditActor, app: req.application, on: req.db)
            return try await renderOneTimePassword(req, user: user, password: password, isNew: false)
        default:
            throw Abort(.badRequest, reason: "Unknown action.")
        }
    }

    // MARK: - Helpers

    private static func find(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("userID", as: UUID.self), let user = try await UserStore.user(id: id, on: req.db) else {
            throw Abort(.notFound)
        }
        return user
    }

    private static func render(
        _ req: Request, userID: UUID?, isDisabled: Bool = false, values: UserFormPage.Values, errors: FormErrors,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let model = UserFormPage.Model(
            userID: userID?.uuidString, isDisabled: isDisabled, values: values, errors: errors,
            organisations: try await ReferenceDataStore.organisations(on: req.db).map { .init(value: $0.id!.uuidString, label: $0.name) },
            teams: try await ReferenceDataStore.teams(on: req.db).map { .init(value: $0.id!.uuidString, label: $0.name) },
            serviceAreas: try await ReferenceDataStore.serviceAreas(on: req.db).map { .init(value: $0.id!.uuidString, label: $0.name) }
        )
        let title = userID == nil ? "Add a user" : "Edit user"
        return .html(UserFormPage.render(model, context: req.pageContext(title, area: .admin)), status: status)
    }

    private static func renderOneTimePassword(_ req: Request, user: User, password: String, isNew: Bool) async throws -> Response {
        let page = OneTimePasswordPage.render(
            .init(displayName: user.displayName, username: user.username, password: password, isNewUser: isNew),
            context: req.pageContext("One-time password", area: .admin))
        return .html(page)
    }
}
