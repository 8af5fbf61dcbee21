import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkApp
@testable import WaymarkStore

/// The home page answers "what needs me today": each area lists what is the person's, and only that.
@Suite("The home page: what needs me today", .serialized)
struct HomeTests {
    static func home(_ app: Application, _ user: SignedInUser) async throws -> String {
        var body = ""
        try await app.testing().test(.GET, "/", headers: user.headers) { res in
            #expect(res.status == .ok)
            body = res.body.string
        }
        return body
    }

    @Test(
        "A team manager sees their team's overdue clocks, a practitioner their own children's, a head of service their teams'; others none",
        arguments: TestDatabase.available)
    func children(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let sam = try await app.signIn(as: .practitioner)
            let account = try await User.find(sam.id, on: app.db)!
            account.displayName = "Sam Mensah"
            try await account.save(on: app.db)
            // 1001 is Sam's in Duty & Assessment Team 1, with a MASH decision and a return interview long overdue;
            // 1002 is the team's with no worker, its decision overdue too.
            _ = try await ReturnLoading.load(.caseSystem(CaseloadTests.trackerExtract()), by: .commandLine, on: app.db)
            let duty = try await Team.query(on: app.db).filter(\.$name == "Duty & Assessment Team 1").first()!
            let manager = try await app.signIn(as: .teamManager)
            let managerAccount = try await User.find(manager.id, on: app.db)!
            managerAccount.$team.id = try duty.requireID()
            try await managerAccount.save(on: app.db)

            let managers = try await Self.home(app, manager)
            #expect(managers.contains("s clocks: Duty &amp; Assessment Team 1</h3>"))
            #expect(
                managers.contains("3 clocks overdue, 0 due today and 0 due in the next five working days, for the 2 children the team holds now."))
            #expect(managers.contains("MASH decision: Amara Okafor") && managers.contains("MASH decision: Theo Smith"))
            #expect(managers.contains("/children/caseloads/\(try duty.requireID().uuidString)/tracker"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$detail ~~ "home page").count() == 1)

            // Sam sees 1001 only: its decision and its return interview.
            let sams = try await Self.home(app, sam)
            #expect(sams.contains("children") && sams.contains("s clocks</h3>"))
            #expect(sams.contains("2 clocks overdue, 0 due today and 0 due in the next five working days, for the 1 child you hold now."))
            #expect(sams.contains("Amara Okafor") && !sams.contains("Theo Smith"))

            // The head of the service area sees the team's counts, not the children.
            let head = try await app.signIn(as: .headOfService)
            let headAccount = try await User.find(head.id, on: app.db)!
            headAccount.$serviceArea.id = duty.$serviceArea.id
            try await headAccount.save(on: app.db)
            let heads = try await Self.home(app, head)
            #expect(heads.contains("Duty &amp; Assessment Team 1") && heads.contains("3 overdue, 0 due this week"))
            #expect(!heads.contains("Amara Okafor"))

            // Another team's manager, a partner and a read-only user have nothing here.
            let other = try await app.signIn(as: .teamManager)
            let otherAccount = try await User.find(other.id, on: app.db)!
            otherAccount.$team.id = try await Team.query(on: app.db).filter(\.$name != "Duty & Assessment Team 1").first()!.requireID()
            try await otherAccount.save(on: app.db)
            #expect(!(try await Self.home(app, other)).contains("Amara Okafor"))
            for role in [Role.partner, .readOnly] {
                let page = try await Self.home(app, try await app.signIn(as: role))
                #expect(page.contains("Nothing needs you today") && !page.contains("Amara Okafor"), "\(role)")
            }
        }
    }
}
