import Fluent
import SQLKit
import Vapor
import WaymarkDomain
import WaymarkPlanFile

/// Runs before the server or any command: migrations (where configured), the demo reference data into an
/// empty database, and the first administrator account.
struct StartupTasks: LifecycleHandler {
    func willBootAsync(_ app: Application) async throws {
        let settings = app.settings
        if case .sqlite = settings.database, let sql = app.db as? any SQLDatabase {
            // Write-ahead logging: readers never wait for a writer, and `waymark backup` can run beside the server.
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        if settings.autoMigrate {
            try await app.autoMigrate()
        }
        guard try await isMigrated(app.db) else {
            app.logger.notice("The database has no tables yet: run `waymark migrate` first.")
            return
        }
        if settings.loadDemoData {
            try await loadReferenceData(on: app.db)
        }
        if app.environment != .testing {
            if settings.loadDemoData {
                try await loadBarnetPlan(app)
                try await loadDemoChildren(app)
            }
            try await createFirstAdministrator(app)
        }
    }

    private func isMigrated(_ db: any Database) async throws -> Bool {
        do {
            _ = try await User.query(on: db).count()
            return true
        } catch {
            return false
        }
    }

    func loadReferenceData(on db: any Database) async throws {
        guard try await Organisation.query(on: db).count() == 0, try await ServiceArea.query(on: db).count() == 0 else { return }
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
    }

    /// The borough's plans, loaded once into a database that has none (tests import what they need themselves).
    private func loadBarnetPlan(_ app: Application) async throws {
        guard try await Plan.query(on: app.db).count() == 0 else { return }
        let system = AuditTrail.Actor(userID: nil, username: "(system)", ipAddress: nil, requestID: "startup")
        let summary = try await PlanLoading.load(try Data(contentsOf: BundledPlans.barnet), fileName: "barnet.yaml", by: system, on: app.db)
        app.logger.notice("Loaded the demo plans: \(summary)")
    }

    /// Made-up children (`waymark demo generate`, seed 1) in a database that has none, so every page has something to show.
    private func loadDemoChildren(_ app: Application) async throws {
        let count = app.settings.demoChildren
        guard count > 0, try await Child.query(on: app.db).count() == 0 else { return }
        let system = AuditTrail.Actor(userID: nil, username: "(system)", ipAddress: nil, requestID: "startup")
        let result = try await DemoLoading.generate(children: count, seed: 1, year: 2026, output: nil, engine: app.timescaleEngine, by: system,
                                                    on: app.db)
        app.logger.notice("Loaded \(count) demo children: SSDA903 \(result.ssda903); CIN census \(result.cin); case system \(result.caseSystem)")
    }

    /// The first start makes `admin` with a one-time password, shown once; Waymark keeps only its hash. It is printed
    /// only to a terminal: where the output is not one (a service manager, a redirect), it may be kept in a log, so the
    /// password goes into a file only this user can read (`FirstAdministrator.passwordFile`), and the output says where.
    private func createFirstAdministrator(_ app: Application) async throws {
        guard try await User.query(on: app.db).count() == 0 else { return }
        let admin = Accounts.Details(username: FirstAdministrator.username, displayName: "Waymark administrator", role: .systemAdmin)
        let system = AuditTrail.Actor(userID: nil, username: "(system)", ipAddress: nil, requestID: "startup")
        let password = try await Accounts.createWithOneTimePassword(admin, by: system, app: app, on: app.db).oneTimePassword
        guard isatty(STDOUT_FILENO) != 0 else {
            let file = FirstAdministrator.passwordFile(app.settings)
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data((password + "\n").utf8).write(to: URL(fileURLWithPath: file))
            app.console.print("""
                Waymark made the first administrator account, admin. Its one-time password is in \(file), readable by this
                user only (it is not printed, as this output may be kept in a log). Sign in at
                http://\(app.settings.hostname):\(app.settings.port)/sign-in and choose your own; the file is then removed.
                """)
            return
        }
        let rule = String(repeating: "─", count: 72)
        app.console.print("""
            \(rule)
            Waymark made the first administrator account.
              Sign in at   http://\(app.settings.hostname):\(app.settings.port)/sign-in
              Username     admin
              Password     \(password)   (one-time: you will choose your own)
            This is shown only once. If it is lost: waymark users reset-password admin
            \(rule)
            """)
    }
}

/// The account the first start makes, and where its one-time password is kept when it cannot be shown on a terminal.
enum FirstAdministrator {
    static let username = "admin"

    /// Beside the SQLite database; for PostgreSQL, in ./data.
    static func passwordFile(_ settings: Settings) -> String {
        let folder = if case .sqlite(let path) = settings.database { URL(fileURLWithPath: path).deletingLastPathComponent().path } else { "data" }
        return folder + "/first-administrator-password"
    }
}
