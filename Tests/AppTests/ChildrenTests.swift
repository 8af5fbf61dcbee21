import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain
import WaymarkReturns
@testable import WaymarkApp

@Suite("Children's pages", .serialized)
struct ChildrenTests {
    /// Two children from a small SSDA903 return; A1 is looked after and allocated to a worker in the MASH Team.
    static func setUp(_ app: Application) async throws -> (a1: UUID, worker: SignedInUser, team: UUID) {
        let read = SSDA903CSVReader.read(files: [
            ("header.csv", Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,2,27/03/2012,WBRI,,,\nB2,1,02/05/2010,WIRI,,,\n".utf8)),
            ("episodes.csv", Data("""
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A1,01/02/2025,S,C2,N1,U1,PR1,,,,,,
            B2,01/02/2024,S,V2,N2,U1,PR1,01/03/2024,E13,,,,

            """.utf8)),
        ])
        _ = try await ReturnLoading.load(ReturnJourneys(read), kind: "ssda903", year: 2025, files: ["header.csv", "episodes.csv"],
                                         problems: read.problems, by: .commandLine, on: app.db)
        let team = try await Team.query(on: app.db).filter(\.$name == "MASH Team").first()!
        let worker = try await app.signIn(as: .practitioner)
        let a1 = try await Child.query(on: app.db).filter(\.$localID == "A1").first()!.requireID()
        let allocation = ChildAllocation()
        allocation.childID = a1
        allocation.teamID = try team.requireID()
        allocation.workerID = worker.id
        allocation.starts = "2025-02-01"
        try await allocation.create(on: app.db)
        return (a1, worker, try team.requireID())
    }

    static func status(_ app: Application, _ user: SignedInUser, _ path: String) async throws -> HTTPResponseStatus {
        var status = HTTPResponseStatus.internalServerError
        try await app.testing().test(.GET, path, headers: user.headers) { status = $0.status }
        return status
    }

    @Test("A child's page shows who they are, where they are now and the chronology with its sources, and the view is audited",
          arguments: TestDatabase.available)
    func childPage(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let (a1, _, _) = try await Self.setUp(app)
            let leader = try await app.signIn(as: .leadership)
            // Found by identifier through a posted form: nothing searched for goes into a URL.
            try await app.testing().test(.POST, "/children", headers: HTTPHeaders.form().merging(leader.headers),
                                         body: formBody([("csrfToken", leader.csrfToken), ("q", "A1")])) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<a href=\"/children/\(a1.uuidString)\">A1</a>"))
            }
            try await app.testing().test(.GET, "/children/\(a1.uuidString)", headers: leader.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("Looked after"))
                #expect(body.contains("Looked-after episode"))
                #expect(body.contains("LS C2") && body.contains("episodes.csv, line 2"))
                #expect(body.contains("2012-03-27"))
            }
            let views = try await AuditEvent.query(on: app.db).filter(\.$action == "view").all()
            #expect(views.map(\.recordID) == ["A1"] && views.map(\.recordType) == ["child"])
        }
    }

    @Test("Who may open a child's page follows their caseload, team or service area; partners see no child", arguments: TestDatabase.available)
    func recordScope(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let (a1, worker, team) = try await Self.setUp(app)
            let path = "/children/\(a1.uuidString)"
            #expect(try await Self.status(app, worker, path) == .ok)
            #expect(try await Self.status(app, try await app.signIn(as: .practitioner), path) == .notFound)

            let manager = try await app.signIn(as: .teamManager)
            let user = try await User.find(manager.id, on: app.db)!
            user.$team.id = team
            try await user.save(on: app.db)
            #expect(try await Self.status(app, manager, path) == .ok)
            #expect(try await Self.status(app, try await app.signIn(as: .teamManager), path) == .notFound)
            #expect(try await Self.status(app, try await app.signIn(as: .qaAuditor), path) == .ok)
            #expect(try await Self.status(app, try await app.signIn(as: .partner), path) == .forbidden)
            #expect(try await Self.status(app, try await app.signIn(as: .boardMember), "/children") == .forbidden)
            // Only the views that were allowed are in the audit trail.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "view").count() == 3)
        }
    }
}
