import Fluent
import Vapor
import WaymarkDomain
import WaymarkViews

/// Adding, editing and disabling users.
enum UsersController {
    struct UserForm: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var organisationID: String?
        var teamID: String?
        var serviceAreaID: String?

        var values: UserFormPage.Values {
            .init(username: (username ?? "").trimmingCharacters(in: .whitespaces).lowercased(),
                  displayName: (displayName ?? "").trimmingCharacters(in: .whitespaces),
                  role: role ?? "", organisationID: organisationID ?? "", teamID: teamID ?? "", serviceAreaID: serviceAreaID ?? "")
        }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let users = try await User.query(on: req.db)
            .with(\.$organisation).with(\.$team).with(\.$serviceArea)
            .sort(\.$displayName).all()
        let rows = users.map { user in
            UsersPage.Row(
                id: user.id?.uuidString ?? "", username: user.username, displayName: user.displayName, role: user.role,
                placement: [user.organisation?.name, user.serviceArea?.name, user.team?.name].compactMap { $0 }.joined(separator: ", "),
                isDisabled: user.isDisabled, lastSignIn: user.lastSignInAt.map(DateFormats.minute)
            )
        }
        return .html(UsersPage.render(rows: rows, context: req.pageContext("Users", area: .admin, notice: Notice.from(req)?.message)))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        try await render(req, userID: nil, values: .init(), errors: FormErrors())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let values = try req.content.decode(UserForm.self).values
        let checked = try await validate(values, existing: nil, on: req.db)
        guard let checked = checked.valid else {
            return try await render(req, userID: nil, values: values, errors: checked.errors, status: .unprocessableEntity)
        }
        let oneTimePassword = PasswordHashing.oneTimePassword()
        let user = User(username: values.username, displayName: values.displayName,
                        passwordHash: try await PasswordHashing.hash(oneTimePassword, on: req), role: checked.role, mustChangePassword: true)
        checked.apply(to: user)
        try await req.db.transaction { db in
            try await user.create(on: db)
            try await req.audit(.create, recordType: "user", recordID: user.id?.uuidString, detail: "role \(user.role.rawValue)", on: db)
        }
        return try await renderOneTimePassword(req, user: user, password: oneTimePassword, isNew: true)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let user = try await find(req)
        let values = UserFormPage.Values(
            username: user.username, displayName: user.displayName, role: user.role.rawValue,
            organisationID: user.$organisation.id?.uuidString ?? "", teamID: user.$team.id?.uuidString ?? "",
            serviceAreaID: user.$serviceArea.id?.uuidString ?? "")
        return try await render(req, userID: user.id, isDisabled: user.isDisabled, values: values, errors: FormErrors())
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let user = try await find(req)
        let values = try req.content.decode(UserForm.self).values
        let checked = try await validate(values, existing: user, on: req.db)
        guard let checked = checked.valid else {
            return try await render(req, userID: user.id, isDisabled: user.isDisabled, values: values, errors: checked.errors,
                                    status: .unprocessableEntity)
        }
        let changes = [user.role != checked.role ? "role \(user.role.rawValue) to \(checked.role.rawValue)" : nil,
                       user.username != values.username ? "username changed" : nil].compactMap { $0 }
        user.username = values.username
        user.displayName = values.displayName
        user.role = checked.role
        checked.apply(to: user)
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await req.audit(.update, recordType: "user", recordID: user.id?.uuidString,
                                detail: changes.isEmpty ? nil : changes.joined(separator: "; "), on: db)
        }
        return req.redirect(to: SiteURL.adminUsers.path + Notice.userSaved.query, redirectType: .normal)
    }

    /// Disable, enable or reset the password of an account.
    @Sendable static func access(req: Request) async throws -> Response {
        let user = try await find(req)
        let userID = try user.requireID()
        let action = try req.content.get(String.self, at: "action")
        switch action {
        case "disable", "enable":
            if userID == req.signedIn?.user.id {
                throw Abort(.badRequest, reason: "You cannot disable your own account. Ask another administrator.")
            }
            user.isDisabled = action == "disable"
            try await req.db.transaction { db in
                try await user.save(on: db)
                if user.isDisabled { try await SessionStore.endAll(for: userID, on: db) }
                try await req.audit(.update, recordType: "user", recordID: userID.uuidString, detail: "account \(action)d", on: db)
            }
            return req.redirect(to: SiteURL.adminUsers.path + (user.isDisabled ? Notice.userDisabled : Notice.userEnabled).query,
                                redirectType: .normal)
        case "reset-password":
            let oneTimePassword = PasswordHashing.oneTimePassword()
            user.passwordHash = try await PasswordHashing.hash(oneTimePassword, on: req)
            user.mustChangePassword = true
            user.lockout = .cleared
            try await req.db.transaction { db in
                try await user.save(on: db)
                try await SessionStore.endAll(for: userID, on: db)
                try await req.audit(.passwordReset, recordType: "user", recordID: userID.uuidString, on: db)
            }
            return try await renderOneTimePassword(req, user: user, password: oneTimePassword, isNew: false)
        default:
            throw Abort(.badRequest, reason: "Unknown action.")
        }
    }

    // MARK: - Helpers

    private static func find(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("userID", as: UUID.self), let user = try await User.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        return user
    }

    /// A form that passed every check, with the records it names.
    struct Checked {
        var role: Role
        var organisation: UUID?
        var team: UUID?
        var serviceArea: UUID?

        func apply(to user: User) {
            user.$organisation.id = organisation
            user.$team.id = team
            user.$serviceArea.id = serviceArea
        }
    }

    static func validate(_ values: UserFormPage.Values, existing: User?, on db: any Database) async throws
        -> (valid: Checked?, errors: FormErrors)
    {
        var errors = FormErrors()
        let username = values.username
        if username.isEmpty {
            errors.add("username", "Enter a username.")
        } else if username.count > 64 || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) {
            errors.add("username", "Use only letters, numbers, dots and hyphens, at most 64 characters.")
        } else if let other = try await User.query(on: db).filter(\.$username == username).first(), other.id != existing?.id {
            errors.add("username", "Username \"\(username)\" is already taken.")
        }
        if values.displayName.isEmpty { errors.add("displayName", "Enter the person's full name.") }
        if values.displayName.count > 120 { errors.add("displayName", "Use at most 120 characters.") }
        let role = Role(rawValue: values.role)
        if role == nil { errors.add("role", "Choose a role.") }

        func reference<M: Model>(_ type: M.Type, _ raw: String, field: String, label: String) async throws -> UUID? where M.IDValue == UUID {
            guard !raw.isEmpty else { return nil }
            guard let id = UUID(uuidString: raw), try await M.find(id, on: db) != nil else {
                errors.add(field, "Choose a \(label) from the list.")
                return nil
            }
            return id
        }
        let organisation = try await reference(Organisation.self, values.organisationID, field: "organisationID", label: "organisation")
        let team = try await reference(Team.self, values.teamID, field: "teamID", label: "team")
        var serviceArea = try await reference(ServiceArea.self, values.serviceAreaID, field: "serviceAreaID", label: "service area")
        if role?.requiresOrganisation == true, organisation == nil, errors["organisationID"] == nil {
            errors.add("organisationID", "Choose the organisation this partner works for: partners see only their organisation's work.")
        }
        // A team belongs to one service area: take it from the team, and refuse a contradiction.
        if let team, let teamModel = try await Team.find(team, on: db) {
            if let serviceArea, serviceArea != teamModel.$serviceArea.id {
                errors.add("serviceAreaID", "The team chosen belongs to another service area. Choose that service area, or none.")
            }
            serviceArea = teamModel.$serviceArea.id
        }
        guard errors.isEmpty, let role else { return (nil, errors) }
        return (Checked(role: role, organisation: organisation, team: team, serviceArea: serviceArea), errors)
    }

    private static func render(
        _ req: Request, userID: UUID?, isDisabled: Bool = false, values: UserFormPage.Values, errors: FormErrors,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let model = UserFormPage.Model(
            userID: userID?.uuidString, isDisabled: isDisabled, values: values, errors: errors,
            organisations: try await Organisation.query(on: req.db).sort(\.$name).all().map { .init(value: $0.id!.uuidString, label: $0.name) },
            teams: try await Team.query(on: req.db).sort(\.$name).all().map { .init(value: $0.id!.uuidString, label: $0.name) },
            serviceAreas: try await ServiceArea.query(on: req.db).sort(\.$name).all().map { .init(value: $0.id!.uuidString, label: $0.name) }
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
