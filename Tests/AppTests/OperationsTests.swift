import Testing
import Vapor
import VaporTesting
import WaymarkDomain
import WaymarkTimescales

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("Errors, health and settings")
struct OperationsTests {
    @Test("Migrations run in their numbered order under the names databases recorded them by (from when they lived in WaymarkApp)")
    func migrationNames() {
        #expect(
            StoreMigrations.all.map(\.name) == [
                "WaymarkApp.CreateAccounts", "WaymarkApp.CreateAuditEvents", "WaymarkApp.CreatePlans", "WaymarkApp.CreateMeasures",
                "WaymarkApp.CreateAPITokens", "WaymarkApp.AddKeyFigureIndicators", "WaymarkApp.CreateChildren",
                "WaymarkApp.AddCaseSystemDetails", "WaymarkApp.CreatePerformanceCommentary", "WaymarkApp.CreateKeptClocks",
                "WaymarkApp.IndexRecordsByChild", "WaymarkApp.ThrottleSignIns", "WaymarkStore.AddStaffIdentifiers",
                "WaymarkStore.CreateCaseAudits", "WaymarkStore.CreateSupervision", "WaymarkStore.AddReaudits",
                "WaymarkStore.LinkLearningActionsToPlans", "WaymarkStore.AddTripleLock",
                "WaymarkStore.CreateAuditInstrumentVersions", "WaymarkStore.CreateCalibration",
                "WaymarkStore.CreateSelfEvaluations", "WaymarkStore.AddAuditTimescales",
            ])
    }

    @Test("An unknown path gives the 404 page in the layout, with navigation for a signed-in person")
    func notFoundPage() async throws {
        try await withApp(on: .sqlite) { app in
            let user = try await app.signIn(as: .teamManager)
            try await app.testing().test(.GET, "/no/such/page", headers: user.headers) { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType == .html)
                #expect(res.body.string.contains("<h1>Page not found</h1>"))
                #expect(res.body.string.contains(#"aria-label="Main""#))
            }
        }
    }

    @Test("Errors under /api are JSON")
    func apiErrors() async throws {
        try await withApp(on: .sqlite) { app in
            try await app.testing().test(.GET, "/api/v1/nothing-here") { res in
                #expect(res.status == .notFound)
                #expect(res.body.string == #"{"error":"Not Found"}"#)
            }
            try await app.testing().test(.GET, "/api/v1/session") { res in
                #expect(res.status == .unauthorized)
                #expect(res.body.string == #"{"error":"Sign in first."}"#)
            }
            let user = try await app.signIn(as: .partner, username: "partner.api")
            try await app.testing().test(.GET, "/api/v1/session", headers: user.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#""role":"partner""#))
            }
        }
    }

    @Test("A body over the size limit gives 413")
    func bodyTooLarge() async throws {
        try await withApp(on: .sqlite) { app in
            let admin = try await app.signIn(as: .systemAdmin)
            let big = String(repeating: "a", count: 2 * 1024 * 1024)
            try await app.testing(method: .running(port: 0)).test(
                .POST, "/admin/organisations",
                headers: HTTPHeaders.form().merging(admin.headers),
                body: formBody([("csrfToken", admin.csrfToken), ("name", big)])
            ) { res in
                #expect(res.status == .payloadTooLarge)
            }
        }
    }

    @Test("The health check answers 200 with the database up and 503 without it, and does not crash")
    func healthCheck() async throws {
        try await withApp(on: .sqlite) { app in
            try await app.testing().test(.GET, "/healthz") { res in
                #expect(res.status == .ok)
                #expect(res.body.string == #"{"database":"ok","status":"ok"}"# || res.body.string == #"{"status":"ok","database":"ok"}"#)
            }
        }
        // Nothing listens on port 1: the database is unreachable.
        var settings = try await FreshDatabase.make(.sqlite).settings()
        settings.database = .postgres(url: "postgres://nobody:nothing@127.0.0.1:1/none")
        settings.autoMigrate = false
        try await withApp(settings: settings, open: false) { app in
            try await app.testing().test(.GET, "/healthz") { res in
                #expect(res.status == .serviceUnavailable)
                #expect(res.body.string.contains("unreachable"))
            }
            try await app.testing().test(.GET, "/livez") { res in
                #expect(res.status == .ok)
            }
        }
    }

    @Test("Pages carry security headers and are not cached")
    func securityHeaders() async throws {
        try await withApp(on: .sqlite) { app in
            try await app.testing().test(.GET, "/sign-in") { res in
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
                #expect(res.headers.first(name: .cacheControl) == "no-store")
            }
        }
    }

    @Test("Settings: defaults, PostgreSQL from DATABASE_URL, and one line per bad setting")
    func settings() throws {
        let defaults = try Settings.load(from: [:])
        #expect(defaults.database == .sqlite(path: "data/waymark.sqlite"))
        #expect(defaults.port == 8080 && defaults.hostname == "127.0.0.1" && defaults.autoMigrate && !defaults.secureCookies)

        let postgres = try Settings.load(from: ["DATABASE_URL": "postgres://u:p@db:5432/waymark", "WAYMARK_SECURE_COOKIES": "true"])
        #expect(postgres.database == .postgres(url: "postgres://u:p@db:5432/waymark"))
        #expect(!postgres.autoMigrate, "several servers share PostgreSQL: migrate once, by hand")
        #expect(postgres.secureCookies)

        #expect(try Settings.load(from: ["DATABASE_URL": "/var/lib/waymark/w.sqlite"]).database == .sqlite(path: "/var/lib/waymark/w.sqlite"))

        #expect {
            try Settings.load(from: ["WAYMARK_PORT": "80800", "LOG_LEVEL": "loud", "DATABASE_URL": "mysql://x", "WAYMARK_SECURE_COOKIES": "maybe"])
        } throws: { error in
            let lines = (error as? Settings.Problems)?.lines ?? []
            return lines.count == 4
                && lines.contains("WAYMARK_PORT=80800 is not valid: use a whole number from 1 to 65535.")
                && lines.contains { $0.hasPrefix("LOG_LEVEL=loud is not valid") }
                && lines.contains { $0.hasPrefix("DATABASE_URL must start with postgres://") }
                && lines.contains("WAYMARK_SECURE_COOKIES=maybe is not valid: use true or false.")
        }
    }

    @Test("Settings: the local timescale choices, the child population, and a newer bank holiday file laid over Waymark's")
    func timescaleSettings() throws {
        let defaults = try Settings.load(from: [:])
        #expect(defaults.timescales == TimescaleSettings() && defaults.childPopulation == nil && defaults.bankHolidaysFile == nil)
        let local = try Settings.load(from: [
            "WAYMARK_CP_VISIT_WORKING_DAYS": "20", "WAYMARK_CARE_LEAVER_CONTACT_WEEKS": "6",
            "WAYMARK_CHILD_POPULATION": "97900",
        ])
        #expect(local.timescales == TimescaleSettings(protectionVisitWorkingDays: 20, careLeaverContactWeeks: 6) && local.childPopulation == 97_900)
        #expect {
            try Settings.load(from: ["WAYMARK_CARE_LEAVER_CONTACT_WEEKS": "0", "WAYMARK_CHILD_POPULATION": "many"])
        } throws: { error in
            (error as? Settings.Problems)?.lines == [
                "WAYMARK_CHILD_POPULATION=many is not valid: use a whole number from 1 to 20000000.",
                "WAYMARK_CARE_LEAVER_CONTACT_WEEKS=0 is not valid: use a whole number from 1 to 52.",
            ]
        }

        // GOV.UK's file for 2026 with one day only: for 2026 its days replace Waymark's; other years keep theirs.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bank-holidays-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "New Year", "date": "2026-01-01"}]}}"#.utf8).write(
            to: file)
        var settings = defaults
        settings.bankHolidaysFile = file.path
        let calendar = try TimescaleEngine.configured(by: settings).calendar
        #expect(calendar.isWorkingDay(ISODay("2026-12-25")!) && !calendar.isWorkingDay(ISODay("2026-01-01")!))
        #expect(!calendar.isWorkingDay(ISODay("2025-12-25")!))
        // A file it cannot use stops start-up, saying which setting and why.
        try Data("not json".utf8).write(to: file)
        #expect {
            try TimescaleEngine.configured(by: settings)
        } throws: { error in
            (error as? Settings.Problems)?.lines.first?.hasPrefix("WAYMARK_BANK_HOLIDAYS=\(file.path): not a bank holiday file in GOV.UK's format")
                == true
        }
    }
}

@Suite("Files Waymark makes")
struct FileModeTests {
    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test("The database, its write-ahead log and a backup are readable by Waymark's own user only")
    func privateFiles() async throws {
        let fresh = try await FreshDatabase.make(.sqlite)
        defer { fresh.remove() }
        let backup = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-backup-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: backup) }
        try await withApp(settings: fresh.settings()) { app in
            _ = try await app.signIn(as: .readOnly)
            #expect(try Self.mode(fresh.location) == 0o600)
            #expect(try Self.mode(fresh.location + "-wal") == 0o600)
            var context = CommandContext(console: app.console, input: CommandInput(arguments: ["waymark", backup]))
            context.application = app
            try await BackupCommand().run(using: &context)
            #expect(try Self.mode(backup) == 0o600)
        }
    }
}
