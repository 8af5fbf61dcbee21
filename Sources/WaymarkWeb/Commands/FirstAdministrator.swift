import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore

/// The account the demo makes, and where its one-time password is kept when it cannot be shown on a terminal.
package enum FirstAdministrator {
    package static let username = "admin"

    /// Beside the SQLite database; for PostgreSQL, in ./data.
    package static func passwordFile(_ settings: Settings) -> String {
        let folder = if case .sqlite(let path) = settings.database { URL(fileURLWithPath: path).deletingLastPathComponent().path } else { "data" }
        return folder + "/first-administrator-password"
    }

    /// How to make the first administrator, for a database that has none.
    private static let howToMakeOne = """
        This database has no administrator yet: make one with
          waymark users create NAME --name "Full Name" --role system-admin
        """

    /// Where the database has no administrator, says on standard error how to make one (every command that opens the
    /// database, and the server, after making the first administrator where they may).
    package static func noteIfMissing(app: Application) async throws {
        guard try await AccountRecords.administrators(on: app.db) == 0 else { return }
        app.logger.warning("\(howToMakeOne)")
    }

    /// Makes `admin` with a one-time password, shown once (Waymark keeps only its hash), where the database has no
    /// user at all; returns what to tell the person, or nil. The password is printed only to a terminal: where the
    /// output is not one (a service manager, a redirect), it may be kept in a log, so it goes into a file only this
    /// user can read (`passwordFile`), and the message says where.
    package static func createIfNone(app: Application) async throws -> String? {
        guard try await AccountRecords.count(on: app.db) == 0 else { return nil }
        let admin = Accounts.Details(username: username, displayName: "Waymark administrator", role: .systemAdmin)
        let password = try await Accounts.createWithOneTimePassword(
            admin, by: .system, app: app, on: app.db
        ).oneTimePassword
        let signIn = "http://\(app.settings.hostname):\(app.settings.port)/sign-in"
        guard isatty(STDOUT_FILENO) != 0 else {
            let file = passwordFile(app.settings)
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data((password + "\n").utf8).write(to: URL(fileURLWithPath: file))
            return """
                Waymark made the first administrator account, admin. Its one-time password is in \(file), readable by this
                user only (it is not printed, as this output may be kept in a log). Sign in at \(signIn) and choose your
                own; the file is then removed.
                """
        }
        let rule = String(repeating: "─", count: 72)
        return """
            \(rule)
            Waymark made the first administrator account.
              Sign in at   \(signIn)
              Username     admin
              Password     \(password)   (one-time: you will choose your own)
            This is shown only once. If it is lost: waymark users reset-password admin
            \(rule)
            """
    }
}
