import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkPlanFile
import WaymarkStore

/// The demo: the borough's organisations, service areas and teams, its plans and made-up children, loaded into a
/// database that has none, and the first administrator. Only `waymark serve` on the embedded SQLite default and an
/// explicit `waymark demo load` do this; any other database gets no made-up data unless `WAYMARK_DEMO_DATA` says so.
enum DemoStart {
    static let system = AuditTrail.Actor(userID: nil, username: "(system)", ipAddress: nil, requestID: "demo")

    /// Everything, each part only where the database has none of it; returns what it did, a line each.
    static func load(children: Int, seed: UInt64 = 1, year: Int = 2026, years: Int = 1, app: Application) async throws -> [String] {
        var done: [String] = []
        if try await loadReferenceData(on: app.db) { done.append("Loaded the borough's organisations, service areas and teams.") }
        if try await Plan.query(on: app.db).count() == 0 {
            let summary = try await PlanLoading.load(try Data(contentsOf: BundledPlans.barnet), fileName: "barnet.yaml", by: system, on: app.db)
            done.append("Loaded the demo plans: \(summary).")
        }
        if children > 0, try await Child.query(on: app.db).count() == 0 {
            let result = try await DemoLoading.generate(children: children, seed: seed, year: year, years: years,
                                                        engine: app.timescaleEngine, by: system, on: app.db)
            if years > 1 { done.append("Loaded \(years) collection years of \(children) demo children; the last year's:") }
            else { done.append("Loaded \(children) demo children:") }
            done.append("  SSDA903: \(result.ssda903).")
            done.append("  CIN census: \(result.cin).")
            done.append("  Case system extract: \(result.caseSystem).")
        }
        return done
    }

    /// The organisations, service areas and teams, into a database that has none; says whether it loaded them.
    @discardableResult
    static func loadReferenceData(on db: any Database) async throws -> Bool {
        guard try await Organisation.query(on: db).count() == 0, try await ServiceArea.query(on: db).count() == 0 else { return false }
        try await db.transaction { db in
            for organisation in DemoReferenceData.organisations {
                try await Organisation(name: organisation.name, kind: organisation.kind).create(on: db)
            }
            for area in DemoReferenceData.serviceAreas {
                let serviceArea = ServiceArea(name: area.name)
                try await serviceArea.create(on: db)
                for team in area.teams {
                    try await Team(name: team, serviceAreaID: serviceArea.requireID()).create(on: db)
                }
            }
        }
        return true
    }
}

/// The account the demo makes, and where its one-time password is kept when it cannot be shown on a terminal.
enum FirstAdministrator {
    static let username = "admin"

    /// Beside the SQLite database; for PostgreSQL, in ./data.
    static func passwordFile(_ settings: Settings) -> String {
        let folder = if case .sqlite(let path) = settings.database { URL(fileURLWithPath: path).deletingLastPathComponent().path } else { "data" }
        return folder + "/first-administrator-password"
    }

    /// How to make the first administrator, for a database that has none.
    static let howToMakeOne = """
        This database has no administrator yet: make one with
          waymark users create NAME --name "Full Name" --role system-admin
        """

    static func exists(on db: any Database) async throws -> Bool {
        try await User.query(on: db).filter(\.$role == .systemAdmin).count() > 0
    }

    /// Makes `admin` with a one-time password, shown once (Waymark keeps only its hash), where the database has no
    /// user at all; returns what to tell the person, or nil. The password is printed only to a terminal: where the
    /// output is not one (a service manager, a redirect), it may be kept in a log, so it goes into a file only this
    /// user can read (`passwordFile`), and the message says where.
    static func createIfNone(app: Application) async throws -> String? {
        guard try await User.query(on: app.db).count() == 0 else { return nil }
        let admin = Accounts.Details(username: username, displayName: "Waymark administrator", role: .systemAdmin)
        let password = try await Accounts.createWithOneTimePassword(admin, by: DemoStart.system, app: app, on: app.db).oneTimePassword
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
