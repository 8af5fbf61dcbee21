import Fluent
import SQLKit
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

@Suite("Audit trail")
struct AuditTrailTests {
    @Test("Searching by user, record and date finds the right lines", arguments: TestDatabase.available)
    func search(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let auditor = try await app.signIn(as: .qaAuditor, username: "qa.one")
            let actor = AuditTrail.Actor(userID: nil, username: "sw.one", ipAddress: "127.0.0.1", requestID: "r1")
            let day = DateFormats.day("2026-03-10")!
            try await AuditTrail.record(.view, recordType: "child", recordID: "C100", by: actor, on: app.db, at: day.addingTimeInterval(3600))
            try await AuditTrail.record(.view, recordType: "child", recordID: "C200", by: actor, on: app.db, at: day.addingTimeInterval(86_400 + 60))
            try await AuditTrail.record(
                .export, recordType: "annex-a", by: .init(userID: nil, username: "tm.two", ipAddress: nil, requestID: "r2"),
                on: app.db, at: day)

            try await app.testing().test(
                .GET, "/admin/audit?username=sw.one&recordType=child&from=2026-03-10&to=2026-03-10",
                headers: auditor.headers
            ) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("C100"))
                #expect(!html.contains("C200"), "the next day is outside the range")
                #expect(!html.contains("annex-a</td>"))
                #expect(html.contains("Records 1 to 1 of 1"))
            }
            try await app.testing().test(.GET, "/admin/audit?from=10/03/2026", headers: auditor.headers) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Enter the start as a real day, for example 22 11 2026."))
            }
        }
    }

    @Test("The database refuses to change or delete audit lines", arguments: TestDatabase.available)
    func appendOnly(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            try await AuditTrail.record(
                .view, recordType: "child", recordID: "C1",
                by: .init(userID: nil, username: "x", ipAddress: nil, requestID: "r"), on: app.db)
            let sql = app.db as! any SQLDatabase
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_events SET username = 'y'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_events").run() }
            #expect(try await AuditEvent.query(on: app.db).first()?.username == "x")
        }
    }
}
