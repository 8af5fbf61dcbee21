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

@Suite("Several Waymark servers on one database")
struct SharedSessionTests {
    @Test(
        "A session made on one server is accepted by a second server on the same PostgreSQL, and ends on both",
        .enabled(if: TestDatabase.postgresURL != nil, "needs the PostgreSQL server the test script starts"))
    func sessionCrossesServers() async throws {
        let fresh = try await FreshDatabase.make(.postgres)
        defer { fresh.remove() }
        try await withApp(settings: fresh.settings()) { first in
            let user = try await first.signIn(as: .headOfService)
            try await withApp(settings: fresh.settings()) { second in
                try await second.testing().test(.GET, "/", headers: user.headers) { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("Test Head of service"))
                }
                try await second.testing().test(
                    .POST, "/sign-out", headers: HTTPHeaders.form().merging(user.headers),
                    body: formBody([("csrfToken", user.csrfToken)])
                ) { res in
                    #expect(res.status == .seeOther)
                }
            }
            try await first.testing().test(.GET, "/", headers: user.headers) { res in
                #expect(res.status == .seeOther)
            }
        }
    }

    /// CI always has PostgreSQL; this stops the PostgreSQL tests from being skipped there without anyone noticing.
    @Test("The PostgreSQL server is given whenever the test script asks for it")
    func postgresGivenWhenRequired() {
        if ProcessInfo.processInfo.environment["WAYMARK_REQUIRE_POSTGRES"] == "1" {
            #expect(TestDatabase.postgresURL != nil)
        }
    }
}
