import Fluent
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkUI
import WaymarkViews

/// What is done to an account, from the admin pages, the command line or the first start: one place for the
/// checks, the password hashing, ending sessions and the audit line, so every path behaves the same.
enum Accounts {
    static let bcryptCost = 12

    /// Bcrypt is slow on purpose; it runs off the event loop.
    static func hash(_ password: String, on app: Application) async throws -> String {
        try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: bcryptCost) }
    }

    /// Whether the password is the one hashed; off the event loop, as hashing is.
    static func verify(_ password: String, against hash: String, on app: Application) async throws -> Bool {
        try await app.threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    /// Compared against when there is no account to compare with, so every failed sign-in costs the same.
    static let decoyHash = try! Bcrypt.hash(SessionStore.randomToken(), cost: bcryptCost)

    /// A one-time password: four groups of four from an alphabet without look-alike characters.
    static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        return (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement()! }) }.joined(separator: "-")
    }

    /// An account's details that passed every check, with the records they name.
    struct Details {
        var username: String
        var displayName: String
        var role: Role
        var organisation: UUID?
        var team: UUID?
        var serviceArea: UUID?

        func apply(to user: User) {
            user.username = username
            user.displayName = displayName
            user.role = role
            user.$organisation.id = organisation
            user.$team.id = team
            user.$serviceArea.id = serviceArea
        }
    }

    /// Checks the details of a new or edited account; each problem is keyed by the form field it belongs to.
    static func check(_ values: UserFormPage.Values, existing: User?, on db: any Database) async throws
        -> (valid: Details?, errors: FormErrors)
    {
        var errors = FormErrors()
        let username = values.username.trimmingCharacters(in: .whitespaces).lowercased()
        let displayName = values.displayName.trimmingCharacters(in: .whitespaces)
        if username.isEmpty {
            errors.add("username", "Enter a username.")
        } else if username.count > 64 || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) {
            errors.add("username", "Use only letters, numbers, dots and hyphens, at most 64 characters.")
        } else if let other = try await User.query(on: db).filter(\.$username == username).first(), other.id != existing?.id {
            errors.add("username", "Username \"\(username)\" is already taken.")
        }
        if displayName.isEmpty { errors.add("displayName", "Enter the person's full name.") }
        if displayName.count > 120 { errors.add("displayName", "Use at most 120 characters.") }
        let role = Role(rawValue: values.role)
        if role == nil { errors.add("role", "Choose a role.") }

        func find<M: Model>(_ type: M.Type, _ raw: String, field: String, label: String) async throws -> M? where M.IDValue == UUID {
            guard !raw.isEmpty else { return nil }
            guard let id = UUID(uuidString: raw), let found = try await M.find(id, on: db) else {
                errors.add(field, "Choose a \(label) from the list.")
                return nil
            }
            return found
        }
        let organisation = try await find(Organisation.self, values.organisationID, field: "organisationID", label: "organisation")
        let team = try await find(Team.self, values.teamID, field: "teamID", label: "team")
        var serviceArea = try await find(ServiceArea.self, values.serviceAreaID, field: "serviceAreaID", label: "service area")?.id
        if role?.requiresOrganisation == true, organisation == nil, errors["organisationID"] == nil {
            errors.add("organisationID", "Choose the organisation this partner works for: partners see only their organisation's work.")
        }
        // A team belongs to one service area: take it from the team, and refuse a contradiction.
        if let team {
            if let serviceArea, serviceArea != team.$serviceArea.id {
                errors.add("serviceAreaID", "The team chosen belongs to another service area. Choose that service area, or none.")
            }
            serviceArea = team.$serviceArea.id
        }
        guard errors.isEmpty, let role else { return (nil, errors) }
        return (Details(username: username, displayName: displayName, role: role, organisation: organisation?.id, team: team?.id,
                        serviceArea: serviceArea), errors)
    }

    /// Adds an account with a one-time password, returned so it can be shown once; the person must replace it
    /// at first sign-in.
    static func createWithOneTimePassword(
        _ details: Details, by actor: AuditTrail.Actor, app: Application, on db: any Database
    ) async throws -> (user: User, oneTimePassword: String) {
        let password = oneTimePassword()
        return (try await insert(details, password: password, mustChangePassword: true, by: actor, app: app, on: db), password)
    }

    /// Adds an account with a password its owner chose (checked against `PasswordPolicy` by the caller).
    static func create(
        _ details: Details, password: String, by actor: AuditTrail.Actor, app: Application, on db: any Database
    ) async throws -> User {
        try await insert(details, password: password, mustChangePassword: false, by: actor, app: app, on: db)
    }

    private static func insert(
        _ details: Details, password: String, mustChangePassword: Bool, by actor: AuditTrail.Actor, app: Application, on db: any Database
    ) async throws -> User {
        let user = User(username: details.username, displayName: details.displayName, passwordHash: try await hash(password, on: app),
                        role: details.role, mustChangePassword: mustChangePassword)
        details.apply(to: user)
        try await db.transaction { db in
            try await user.create(on: db)
            try await AuditTrail.record(.create, recordType: .user, recordID: user.id?.uuidString, detail: "role \(user.role.rawValue)",
                                        by: actor, on: db)
        }
        return user
    }

    /// Disables an account (ending its sessions on every server at once) or enables it again.
    static func setDisabled(_ user: User, _ disabled: Bool, by actor: AuditTrail.Actor, on db: any Database) async throws {
        let userID = try user.requireID()
        user.isDisabled = disabled
        try await db.transaction { db in
            try await user.save(on: db)
            if disabled { try await SessionStore.endAll(for: userID, on: db) }
            try await AuditTrail.record(.update, recordType: .user, recordID: userID.uuidString,
                                        detail: disabled ? "account disabled" : "account enabled", by: actor, on: db)
        }
    }

    /// A new one-time password, returned so it can be shown once; also ends the account's sessions.
    static func resetPassword(_ user: User, by actor: AuditTrail.Actor, app: Application, on db: any Database) async throws -> String {
        let userID = try user.requireID()
        let password = oneTimePassword()
        user.passwordHash = try await hash(password, on: app)
        user.mustChangePassword = true
        try await db.transaction { db in
            try await user.save(on: db)
            try await SessionStore.endAll(for: userID, on: db)
            try await AuditTrail.record(.passwordReset, recordType: .user, recordID: userID.uuidString, by: actor, on: db)
        }
        return password
    }
}
