import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkQualityArea
@testable import WaymarkStore

@Suite("The partnership's summary of case audits: service-level, small numbers hidden, for partners and the board")
struct QualitySummaryTests {
    typealias Send = AuditInstrumentVersionTests

    @Test(
        "A partner and a board member read it from their home page; one audit shows as fewer than 5, with no team or child",
        arguments: TestDatabase.available)
    func summary(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            try await CaseAuditTests.loadChildren(app)
            let submitted = try await CaseAuditTests.submittedAudit(app)
            let child = try #require(try await Child.find(submitted.audit.childID, on: app.db))
            for role in [Role.partner, .boardMember] {
                let reader = try await app.signIn(as: role)
                let home = try await Send.get(app, "/", as: reader).body.string
                #expect(home.contains("Read the partnership&#39;s summary") || home.contains("Read the partnership's summary"))
                let page = try await Send.get(app, "/quality/summary?month=\(ReportMonth(ISODay.today))", as: reader)
                let body = page.body.string
                #expect(page.status == .ok)
                // One audit done, requires improvement: its count and its grade's count hidden, with the next smallest (0s stay).
                #expect(body.contains("<th scope=\"row\">The 12 months</th><td class=\"numeric\">fewer than 5</td>"))
                #expect(
                    body.contains(
                        "<td class=\"numeric\">0</td><td class=\"numeric\">0</td><td class=\"numeric\">fewer than 5</td><td class=\"numeric\">0</td><td class=\"numeric\">–</td>"
                    ))
                #expect(!body.contains(child.localID) && !body.contains(submitted.audit.team) && !body.contains("Test Quality assurance"))
                #expect(try await Send.get(app, "/quality/report", as: reader).status == .forbidden)
                #expect(try await Send.get(app, "/quality", as: reader).status == .forbidden)
            }
        }
    }
}
