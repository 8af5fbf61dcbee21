import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkApp
@testable import WaymarkPlanFile
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
            // 1003 is the team's too, with nothing due: counted among the children the team holds, not listed.
            _ = try await ReturnLoading.load(
                .caseSystem([
                    ("ssd_person.csv", Data("pers_person_id,pers_forename,pers_surname\n1003,Ivy,Jones\n".utf8)),
                    (
                        "ssd_involvements.csv",
                        Data(
                            ("invo_involvements_id,invo_professional_id,invo_professional_team,invo_person_id,invo_involvement_start_date,"
                                + "invo_involvement_end_date\nI9,,Duty & Assessment Team 1,1003,2025-08-01,\n").utf8)
                    ),
                ]), by: .commandLine, on: app.db)
            let duty = try await Team.query(on: app.db).filter(\.$name == "Duty & Assessment Team 1").first()!
            let manager = try await app.signIn(as: .teamManager)
            let managerAccount = try await User.find(manager.id, on: app.db)!
            managerAccount.$team.id = try duty.requireID()
            try await managerAccount.save(on: app.db)

            let managers = try await Self.home(app, manager)
            #expect(managers.contains("s clocks: Duty &amp; Assessment Team 1</h3>"))
            #expect(
                managers.contains("3 clocks overdue, 0 due today and 0 due in the next five working days, for the 3 children the team holds now."))
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

    @Test(
        "From the plan in force, a partner sees their organisation's actions to update, the director every action overdue or red",
        arguments: TestDatabase.available)
    func plan(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let loaded = try await DemoPlanLoading.load(
                barnet: try Data(contentsOf: BundledPlans.barnet), madeOn: .today, by: .commandLine, on: app.db)
            #expect(loaded?.contains("38 actions added") == true)
            // Loaded once: a second start adds nothing.
            #expect(
                try await DemoPlanLoading.load(barnet: try Data(contentsOf: BundledPlans.barnet), madeOn: .today, by: .commandLine, on: app.db) == nil
            )
            let catalogue = try await PlanCatalogue.load(planSlug: DemoPlan.slug, on: app.db)
            let today = ISODay.today
            let concerning = catalogue.actions.filter { $0.status.isOpen && ($0.isOverdue(on: today) || $0.rag == .red) }
            #expect(!concerning.isEmpty)

            let director = try await Self.home(app, try await app.signIn(as: .leadership))
            #expect(director.contains("Actions overdue or red"))
            #expect(director.contains("\(concerning.count <= 8 ? concerning.count : 8)") && director.contains(concerning[0].title))

            // The organisation answering for the most open actions: what it must update is listed, with where it stands.
            let open = catalogue.actions.filter(\.status.isOpen)
            let busiest = try #require(
                Dictionary(grouping: open.flatMap { action in action.responsible.map(\.name) }, by: { $0 }).max { $0.value.count < $1.value.count })
            let partner = try await Self.home(app, try await app.signIn(as: .partner, organisation: busiest.key))
            #expect(partner.contains("<h3>Actions for \(busiest.key)</h3>"))
            #expect(partner.contains("\(busiest.value.count) open action"))
            #expect(partner.contains("my-actions\">Open your actions"))
            // A team manager has no actions of their own and oversees none.
            #expect(!(try await Self.home(app, try await app.signIn(as: .teamManager))).contains("Actions overdue or red"))
        }
    }
}
