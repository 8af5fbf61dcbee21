import Foundation
import Testing

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

/// Constants written into SQL as quoted literals come back from each database as they went in.
@Suite struct TextRowsTests {
    @Test func literalsAreQuotedWithTheirQuotesDoubled() {
        #expect(TextRows.literals(["2026-03-31", "O'Neill", "''", "Zoë"]) == "'2026-03-31', 'O''Neill', '''''', 'Zoë'")
        #expect(TextRows.literals([String]()) == "")
    }

    @Test("A literal with quotes and letters outside ASCII is read back unchanged", arguments: TestDatabase.available)
    func literalsRoundTrip(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let values = ["O'Neill", "it''s", "Zoë Brontë"]
            let rows = try await TextRows.read("SELECT \(TextRows.literals(values))", on: app.db)
            #expect(rows == [values])
        }
    }

    @Test(
        "Every PostgreSQL connection starts with the reports' settings, on each event loop's handle too",
        arguments: TestDatabase.available.filter { $0 == .postgres })
    func postgresSessionSettings(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            for db in app.sideBySide(app.db) {
                let rows = try await TextRows.read("SELECT current_setting('work_mem'), current_setting('max_parallel_workers_per_gather')", on: db)
                #expect(rows == [["256MB", "0"]])
            }
        }
    }
}
