import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// `waymark users create|list|disable|enable|reset-password`
struct UsersCommand: AsyncCommandGroup {
    var help: String { "Manage the people who sign in to Waymark." }
    var commands: [String: any AnyAsyncCommand] {
        [
            "create": CreateUser(),
            "list": ListUsers(),
            "disable": SetDisabled(disable: true),
            "enable": SetDisabled(disable: false),
            "reset-password": ResetPassword(),
        ]
    }
}

private func findUser(_ username: String, on db: any Database) async throws -> User {
    guard let user = try await UserStore.user(named: username, on: db) else {
        throw CommandFailure("There is no user \"\(username)\". See them with: waymark users list")
    }
    return user
}

struct CreateUser: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username", help: "What the person signs in with (letters, numbers, dots, hyphens).")
        var username: String
        @Option(name: "name", help: "The person's full name.")
        var name: String?
        @Option(name: "role", help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: String?
        @Option(name: "organisation", help: "The organisation's name (required for partners).")
        var organisation: String?
        @Option(name: "team", help: "The team's name.")
        var team: String?
        @Option(name: "service-area", help: "The service area's name (a head of service's; a team gives its own).")
        var serviceArea: String?
        @Option(name: "staff-id", help: "Their identifier in the case system's extract, which links the children allocated to them.")
        var staffID: String?
        @Option(name: "last-day", help: "The last day the account works, yyyy-mm-dd (required for an external moderator).")
        var lastDay: String?
        @Flag(name: "password-stdin", help: "Read the password from standard input instead of making a one-time password.")
        var passwordFromStdin: Bool
        init() {}
    }

    var help: String { "Add a user and print a one-time password (or take one from standard input)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let db = try await context.database(noteMissingAdministrator: false)
        var organisationID = "", teamID = "", serviceAreaID = ""
        if let name = signature.organisation {
            guard let organisation = try await ReferenceDataStore.organisation(named: name, on: db) else {
                throw CommandFailure("There is no organisation \"\(name)\".")
            }
            organisationID = organisation.id!.uuidString
        }
        if let name = signature.team {
            guard let team = try await ReferenceDataStore.team(named: name, on: db) else {
                throw CommandFailure("There is no team \"\(name)\".")
            }
            teamID = team.id!.uuidString
        }
        if let name = signature.serviceArea {
            guard let area = try await ReferenceDataStore.serviceArea(named: name, on: db) else {
                throw CommandFailure("There is no service area \"\(name)\".")
            }
            serviceAreaID = area.id!.uuidString
        }
        let values = UserFormPage.Values(
            username: signature.username, displayName: signature.name ?? signature.username,
            role: signature.role ?? "", organisationID: organisationID, teamID: teamID, serviceAreaID: serviceAreaID,
            staffID: signature.staffID ?? "", lastDay: signature.lastDay ?? "")
        let checked = try await Accounts.check(values, existing: nil, on: db)
        guard let details = checked.valid else {
            throw CommandFailure(checked.errors.messages.map { "\(Self.option[$0.field] ?? $0.field): \($0.message)" }.joined(separator: "\n"))
        }

        let user: User
        var password: String?
        if signature.passwordFromStdin {
            let chosen = readLine(strippingNewline: true) ?? ""
            let problems = PasswordPolicy.standard.problems(password: chosen, username: details.username)
            guard problems.isEmpty else { throw CommandFailure("The password was not accepted: " + problems.joined(separator: " ")) }
            user = try await Accounts.create(details, password: chosen, by: .commandLine, app: app, on: db)
        } else {
            (user, password) = try await Accounts.createWithOneTimePassword(details, by: .commandLine, app: app, on: db)
        }
        let linked = try await WorkerLinks.how(user, on: db)
        context.console.print(
            "Added \(user.username) (\(user.role.displayName))"
                + (linked.byStaffID + linked.byName > 0
                    ? ", with the \(Counted.phrase(linked.byStaffID + linked.byName, "child", plural: "children")) the case system allocates to them."
                    : "."))
        if let password { context.console.print("One-time password: \(password)  (shown only once; they choose their own at first sign-in)") }
        try await FirstAdministrator.noteIfMissing(app: app)
    }

    /// The form's field names as this command spells them, for its error messages.
    private static let option = [
        "username": "USERNAME", "displayName": "--name", "role": "--role", "organisationID": "--organisation",
        "teamID": "--team", "serviceAreaID": "--service-area", "staffID": "--staff-id",
    ]
}

struct ListUsers: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "List every user with their role and status." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let users = try await UserStore.everyone(on: try await context.database())
        let width = max(8, users.map(\.username.count).max() ?? 0)
        func row(_ username: String, _ role: String, _ status: String, _ name: String) -> String {
            [
                username.padding(toLength: width, withPad: " ", startingAt: 0), role.padding(toLength: 16, withPad: " ", startingAt: 0),
                status.padding(toLength: 8, withPad: " ", startingAt: 0), name,
            ].joined(separator: "  ")
        }
        context.console.print(row("USERNAME", "ROLE", "STATUS", "NAME"))
        for user in users {
            let status = user.isDisabled ? "disabled" : user.hasEnded(by: .today) ? "ended" : "active"
            context.console.print(row(user.username, user.role.rawValue, status, user.displayName))
        }
    }
}

struct SetDisabled: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        init() {}
    }
    let disable: Bool
    var help: String { disable ? "Disable a user: they cannot sign in and their sessions end." : "Enable a disabled user again." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = try await context.database()
        let user = try await findUser(signature.username, on: db)
        try await Accounts.setDisabled(user, disable, by: .commandLine, on: db)
        context.console.print("\(user.username) is now \(disable ? "disabled" : "enabled").")
    }
}

struct ResetPassword: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Flag(name: "password-stdin", help: "Read the new password from standard input instead of making a one-time password.")
        var passwordFromStdin: Bool
        init() {}
    }
    var help: String { "Make a new one-time password for a user, or set the one given on standard input (also ends its sessions)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let user = try await findUser(signature.username, on: try await context.database())
        guard signature.passwordFromStdin else {
            let password = try await Accounts.resetPassword(user, by: .commandLine, app: app, on: app.db)
            context.console.print("One-time password for \(user.username): \(password)  (shown only once)")
            return
        }
        // As `create --password-stdin`: a password an administrator chose and gives the person by other means.
        let chosen = readLine(strippingNewline: true) ?? ""
        let problems = PasswordPolicy.standard.problems(password: chosen, username: user.username)
        guard problems.isEmpty else { throw CommandFailure("The password was not accepted: " + problems.joined(separator: " ")) }
        try await Accounts.setPassword(user, to: chosen, by: .commandLine, app: app, on: app.db)
        context.console.print("Set the password for \(user.username); their sessions have ended.")
    }
}
