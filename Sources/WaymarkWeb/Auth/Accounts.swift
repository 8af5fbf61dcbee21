import Fluent
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkUI

/// What is done to an account, from the admin pages, the command line or the first start: one place for the
/// checks, the password hashing, ending sessions and the audit line, so every path behaves the same.
package enum Accounts {
    static let bcryptCost = 12

    /// Bcrypt is slow on purpose; it runs on threads of its own (`Application.hashPasswords`).
    package static func hash(_ password: String, on app: Application) async throws -> String {
        try await app.hashPasswords { try Bcrypt.hash(password, cost: bcryptCost) }
    }

    /// Whether the password is the one hashed; off the event loop, as hashing is.
    package static func verify(_ password: String, against hash: String, on app: Application) async throws -> Bool {
        try await app.hashPasswords { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    /// Compared against when there is no account to compare with, so every failed sign-in costs the same.
    package static let decoyHash = try! Bcrypt.hash(SessionStore.randomToken(), cost: bcryptCost)

    /// A one-time password: four groups of four from an alphabet without look-alike characters.
    package static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        return (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement()! }) }.joined(separator: "-")
    }

    /// An account's details that passed every check, with the records they name.
    package struct Details {
        package var username: String
        package var displayName: String
        package var role: Role
        package var organisation: UUID?
        package var team: UUID?
        package var serviceArea: UUID?
        /// Their identifier in the case system, which links the children allocated to them.
        package var staffID: String?
        /// The last day the account works (`AccountEnd`); nil: it does not end.
        package var lastDay: ISODay?

        package init(
            username: String, displayName: String, role: Role, organisation: UUID? = nil, team: UUID? = nil, serviceArea: UUID? = nil,
            staffID: String? = nil, lastDay: ISODay? = nil
        ) {
            self.lastDay = lastDay
            self.username = username
            self.displayName = displayName
            self.role = role
            self.organisation = organisation
            self.team = team
            self.serviceArea = serviceArea
            self.staffID = staffID
        }

        package func apply(to user: User) {
            user.username = username
            user.displayName = displayName
            user.role = role
            user.$organisation.id = organisation
            user.$team.id = team
            user.$serviceArea.id = serviceArea
            user.staffID = staffID
            user.lastDay = lastDay?.description
        }
    }

    /// Adds an account with a one-time password, returned so it can be shown once; the person must replace it
    /// at first sign-in.
    package static func createWithOneTimePassword(
        _ details: Details, by actor: AuditTrail.Actor, app: Application, on db: any Database
    ) async throws -> (user: User, oneTimePassword: String) {
        let password = oneTimePassword()
        return (try await insert(details, password: password, mustChangePassword: true, by: actor, app: app, on: db), password)
    }

    /// Adds an account with a password its owner chose (checked against `PasswordPolicy` by the caller).
    package static func create(
        _ details: Details, password: String, by actor: AuditTrail.Actor, app: Application, on db: any Database
    ) async throws -> User {
        try await insert(details, password: password, mustChangePassword: false, by: actor, app: app, on: db)
    }

    private static func insert(
        _ details: Details, password: String, mustChangePassword: Bool, by actor: AuditTrail.Actor, app: Application, on db: any Database
    ) async throws -> User {
        let user = User(
            username: details.username, displayName: details.displayName, passwordHash: try await hash(password, on: app),
            role: details.role, mustChangePassword: mustChangePassword)
        details.apply(to: user)
        try await AccountRecords.add(user, by: actor, on: db)
        return user
    }

    /// Disables an account (ending its sessions on every server at once) or enables it again.
    package static func setDisabled(_ user: User, _ disabled: Bool, by actor: AuditTrail.Actor, on db: any Database) async throws {
        try await AccountRecords.setDisabled(user, disabled, by: actor, on: db)
    }

    /// A new one-time password, returned so it can be shown once; also ends the account's sessions.
    package static func resetPassword(_ user: User, by actor: AuditTrail.Actor, app: Application, on db: any Database) async throws -> String {
        let password = oneTimePassword()
        try await AccountRecords.resetPassword(user, toHash: try await hash(password, on: app), by: actor, on: db)
        return password
    }

    /// Sets a password an administrator chose (checked against the policy by the caller), which the person keeps; their
    /// sessions end.
    package static func setPassword(_ user: User, to password: String, by actor: AuditTrail.Actor, app: Application, on db: any Database) async throws
    {
        try await AccountRecords.resetPassword(user, toHash: try await hash(password, on: app), mustChange: false, by: actor, on: db)
    }
}
