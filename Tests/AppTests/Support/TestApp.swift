import Fluent
import FluentPostgresDriver
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

/// The databases every database test runs on. PostgreSQL needs `WAYMARK_TEST_POSTGRES_URL` (the test script
/// starts a throw-away server and sets it); the role in that URL must be allowed to create databases.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["WAYMARK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// SQLite always; PostgreSQL when a server was given.
    static var available: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }
}

/// Builds the app with the production `configure` on a fresh database of the given kind, runs `test`, and always
/// shuts the app down and removes the database. The database is a required argument: VaporTesting's own
/// `withApp { }` (no database, no `configure`) would otherwise be chosen.
@discardableResult
func withApp<T>(
    on database: TestDatabase,
    idleTimeoutMinutes: Int = 30,
    _ test: (Application) async throws -> T
) async throws -> T {
    let fresh = try await FreshDatabase.make(database)
    defer { fresh.remove() }
    return try await withApp(settings: fresh.settings(idleTimeoutMinutes: idleTimeoutMinutes), test)
}

/// Builds the app on an existing database (for two "servers" sharing one PostgreSQL), opened as `waymark serve` opens
/// it, with the demo's organisations, service areas and teams (no plans, children or administrator: tests make their
/// own). `open: false` leaves the database alone (one that cannot be reached).
@discardableResult
func withApp<T>(settings: Settings, open: Bool = true, _ test: (Application) async throws -> T) async throws -> T {
    let app = try await Application.make(.testing)
    do {
        try await configure(app, settings: settings)
        try await app.asyncBoot()
        if open {
            try await app.openDatabase()
            if settings.loadDemoData { try await DemoReferenceData.load(on: app.db) }
        }
        let result = try await test(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// A database of its own for one test, so tests can run in parallel.
struct FreshDatabase: Sendable {
    let kind: TestDatabase
    let location: String
    let dropStatement: String?

    static func make(_ kind: TestDatabase) async throws -> FreshDatabase {
        switch kind {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-test-\(UUID().uuidString).sqlite").path
            return FreshDatabase(kind: kind, location: path, dropStatement: nil)
        case .postgres:
            guard let base = TestDatabase.postgresURL, var url = URLComponents(string: base) else {
                throw TestSetupError("WAYMARK_TEST_POSTGRES_URL is not set: run the README's test command, which starts PostgreSQL.")
            }
            let name = "waymark_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
            try await runOnServer(base, "CREATE DATABASE \(name)")
            url.path = "/\(name)"
            return FreshDatabase(kind: kind, location: url.string!, dropStatement: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    func settings(idleTimeoutMinutes: Int = 30) -> Settings {
        Settings(
            database: kind == .sqlite ? .sqlite(path: location) : .postgres(url: location),
            hostname: "127.0.0.1", port: 8080, logLevel: .warning, secureCookies: false,
            idleTimeoutMinutes: idleTimeoutMinutes, autoMigrate: true, loadDemoData: true)
    }

    func remove() {
        switch kind {
        case .sqlite:
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location + suffix) }
        case .postgres:
            guard let dropStatement, let base = TestDatabase.postgresURL else { return }
            // Dropped in the background: a leftover database on a throw-away server does no harm.
            Task { try? await FreshDatabase.runOnServer(base, dropStatement) }
        }
    }

    /// Runs one statement on the server of the base URL, outside any transaction (CREATE DATABASE needs that).
    static func runOnServer(_ baseURL: String, _ statement: String) async throws {
        let app = try await Application.make(.testing)
        do {
            app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: baseURL)), as: .psql)
            try await (app.db as! any SQLDatabase).raw(SQLQueryString(statement)).run()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
