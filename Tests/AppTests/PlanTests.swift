import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain
import WaymarkPlanFile

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

extension Application {
    /// Loads the bundled Barnet plans, as the first start does.
    func loadBarnetPlan() async throws -> PlanImportSummary {
        try await PlanLoading.load(try Data(contentsOf: BundledPlans.barnet), fileName: "barnet.yaml", by: .commandLine, on: db)
    }
}

@Suite("The partnership plan", .serialized)
struct PlanTests {
    static let cypp = "/plans/cypp-2019-2023"

    @Test("The whole seed plan loads, and loading it again changes nothing", arguments: TestDatabase.available)
    func importIsCompleteAndIdempotent(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let first = try await app.loadBarnetPlan()
            #expect(first.plans == 4 && first.actionsAdded == 107)
            #expect(try await Outcome.query(on: app.db).count() == 7 + 4 + 6 + 5)
            #expect(try await Recommendation.query(on: app.db).count() == 24)
            #expect(try await StrategyDocument.query(on: app.db).count() == 14)
            let second = try await app.loadBarnetPlan()
            #expect(second.actionsAdded == 0 && second.actionsChanged == 0 && second.actionsUnchanged == 107)
            #expect(try await PlanAction.query(on: app.db).count() == 107)

            // Export, then import the export: still nothing changes.
            let exported = try PlanFileCoder.write(try await PlanExporter.run(on: app.db))
            let third = try await PlanLoading.load(Data(exported.utf8), fileName: "export.yaml", by: .commandLine, on: app.db)
            #expect(third.actionsUnchanged == 107 && third.actionsChanged == 0)
            #expect(try await Indicator.query(on: app.db).count() == 19)
            #expect(try await IndicatorValue.query(on: app.db).count() == 30)
            #expect(try await IndicatorLink.query(on: app.db).count() == 13 + 6) // 13 indicators name an outcome, 6 an action
            // The export of what was imported is the same file again.
            #expect(try PlanFileCoder.write(try await PlanExporter.run(on: app.db)) == exported)
        }
    }

    @Test("A file with an error is refused whole and the database is left as it was", arguments: TestDatabase.available)
    func badFileChangesNothing(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let auditLines = try await AuditEvent.query(on: app.db).count()
            var text = try String(contentsOf: BundledPlans.barnet, encoding: .utf8)
            text = text.replacingOccurrences(
                of: "title: Make every school in Barnet good or outstanding", with: "title: Make every school outstanding")
            text = text.replacingOccurrences(
                of: "responsible: [Housing, Barnet Homes, Family Services]", with: "responsible: [Housing, \"Barnet Homes \", Family Services]")
            do {
                _ = try await PlanLoading.load(Data(text.utf8), fileName: "edited.yaml", by: .commandLine, on: app.db)
                Issue.record("the file should have been refused")
            } catch let refused as PlanImportRefused {
                #expect(
                    refused.description.contains(
                        "edited.yaml: plans[0].outcomes[1].objectives[1].actions[1].responsible[1]: unknown organisation \"Barnet Homes \""))
                #expect(
                    refused.description.contains(
                        "edited.yaml: plans[0].outcomes[2].objectives[1].actions[1].responsible[1]: unknown organisation \"Barnet Homes \""))
            }
            #expect(try await PlanAction.query(on: app.db).filter(\.$title == "Make every school outstanding").count() == 0)
            #expect(try await AuditEvent.query(on: app.db).count() == auditLines)
        }
    }

    @Test("Removing an action that has updates is refused, so no history is lost", arguments: TestDatabase.available)
    func removingAnActionWithHistoryIsRefused(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let admin = try await app.signIn(as: .systemAdmin)
            try await Self.recordUpdate(app, as: admin, ref: "2.2.4", commentary: "Staying put arrangements reviewed.")
            let text = try String(contentsOf: BundledPlans.barnet, encoding: .utf8)
            // Drop Safe and Secure 2.2.4, the last action of its objective (so no other action's ref moves).
            let action =
                "              - title: Ensure Children in care and care leavers are appropriately prepared and supported to live independently\n                responsible: [Family Services, The Partnership]\n                monitoring: [Corporate Parenting Plan, Family Services Improvement Board, \"Children, Education and Safeguarding Committee\", Ofsted reports]\n"
            let range = try #require(text.range(of: action))
            let edited = text.replacingCharacters(in: range, with: "")
            do {
                _ = try await PlanLoading.load(Data(edited.utf8), fileName: "edited.yaml", by: .commandLine, on: app.db)
                Issue.record("the import should have been refused")
            } catch let refused as PlanImportRefused {
                #expect(
                    refused.description.contains(
                        "edited.yaml: plans[0]: action 2.2.4 (\"Ensure Children in care and care leavers are appropriately prepared and supported to live independently\") is not in the file but has updates"
                    ))
            }
            #expect(try await PlanAction.query(on: app.db).count() == 107)
        }
    }

    @Test("Every page of the plan area opens for a board member", arguments: TestDatabase.available)
    func pagesOpen(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let member = try await app.signIn(as: .boardMember)
            let board = try await Board.query(on: app.db).filter(\.$name == "Homelessness Strategic Plan").first()!
            let pages: [(String, String)] = [
                ("/plan", "Barnet Children and Young People's Plan 2019–2023"),
                (Self.cypp, "Cooperation and Leadership"),
                (Self.cypp + "/outcomes/2", "Develop and deliver a new Youth Homelessness Strategy"),
                (Self.cypp + "/outcomes/1", "Young people feel Barnet is a family friendly place to live"),
                (Self.cypp + "/actions/2.2.2", "Barnet Homes"),
                (Self.cypp + "/actions?q=homelessness&organisation=", "3 of 80 actions match"),
                (Self.cypp + "/report", "Actions by outcome and RAG"),
                ("/plans/cypp-2023-2027-summary", "There is a strong social care service that builds resilience"),
                ("/my-actions", "My actions"),
                ("/boards", "Homelessness Strategic Plan"),
                ("/boards/\(board.id!.uuidString)", "Prevent families from becoming homeless"),
                ("/recommendations", "Ensure that connected carers are thoroughly assessed within regulatory timescales."),
                ("/documents", "Review overdue"),
            ]
            for (path, text) in pages {
                try await app.testing().test(.GET, path, headers: member.headers) { res in
                    #expect(res.status == .ok, "\(path)")
                    #expect(res.body.string.contains(text), "\(path) should show \(text)")
                }
            }
            // A board member reads but may not update: no form.
            try await app.testing().test(.GET, Self.cypp + "/actions/2.2.2", headers: member.headers) { res in
                #expect(!res.body.string.contains("Record an update"))
            }
        }
    }

    @Test("Filters narrow the actions by organisation, board and RAG", arguments: TestDatabase.available)
    func filters(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let member = try await app.signIn(as: .boardMember)
            let homes = try await Organisation.query(on: app.db).filter(\.$name == "Barnet Homes").first()!.id!.uuidString
            // Barnet Homes is responsible for three actions of the 2019–23 plan: 2.2.2, 2.2.3 and 3.2.2 (2.2.2 printed again).
            try await app.testing().test(.GET, Self.cypp + "/actions?organisation=\(homes)", headers: member.headers) { res in
                #expect(res.body.string.contains("3 of 80 actions match"))
            }
            try await app.testing().test(.GET, Self.cypp + "/actions?rag=red", headers: member.headers) { res in
                #expect(res.body.string.contains("0 of 80 actions match"))
            }
            try await app.testing().test(.GET, Self.cypp + "/actions?due=2026-02-30", headers: member.headers) { res in
                #expect(res.body.string.contains("Enter the date as a real day"))
            }
        }
    }

    static func recordUpdate(
        _ app: Application, as user: SignedInUser, ref: String, commentary: String, rag: String = "amber",
        expect status: HTTPResponseStatus = .seeOther
    ) async throws {
        try await app.testing().test(
            .POST, cypp + "/actions/\(ref)", headers: HTTPHeaders.form().merging(user.headers),
            body: formBody([
                ("csrfToken", user.csrfToken), ("commentary", commentary), ("status", "at-risk"),
                ("progress", "30"), ("rag", rag), ("ragReason", "Consultation slipped a month."), ("evidence", ""),
            ])
        ) { res in
            #expect(res.status == status, "\(user.role) updating \(ref)")
        }
    }

    @Test("Who may update an action, for every role", arguments: TestDatabase.available)
    func updatePermissions(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            // 2.2.2 names Barnet Homes as responsible; 1.1.1 names only Family Services.
            for role in Role.allCases {
                let user = try await app.signIn(as: role, organisation: "Barnet Homes")
                let mayOwn = role.permissions.contains(.updatePlanActions)
                let mayOther = role == .systemAdmin
                try await Self.recordUpdate(
                    app, as: user, ref: "2.2.2", commentary: "Update by \(role.rawValue).", expect: mayOwn ? .seeOther : .forbidden)
                try await Self.recordUpdate(
                    app, as: user, ref: "1.1.1", commentary: "Update by \(role.rawValue).", expect: mayOther ? .seeOther : .forbidden)
            }
            let action = try await PlanAction.query(on: app.db).filter(\.$ref == "2.2.2").first()!
            #expect(action.status == .atRisk && action.progress == 30 && action.rag == .amber)
            // Admin, leadership, head of service, team manager, practitioner and partner: six updates on 2.2.2.
            #expect(try await ActionUpdate.query(on: app.db).filter(\.$actionID == action.id!).count() == 6)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordType == "plan-action").filter(\.$action == "update").count() == 7)
        }
    }

    @Test("An update with mistakes is shown again with every message and nothing is saved", arguments: TestDatabase.available)
    func invalidUpdate(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let partner = try await app.signIn(as: .partner, organisation: "Barnet Homes")
            try await app.testing().test(
                .POST, Self.cypp + "/actions/2.2.2", headers: HTTPHeaders.form().merging(partner.headers),
                body: formBody([
                    ("csrfToken", partner.csrfToken), ("commentary", " "), ("status", "on-track"),
                    ("progress", "250"), ("rag", "red"), ("ragReason", ""), ("evidence", "not a link"),
                ])
            ) { res in
                #expect(res.status == .unprocessableEntity)
                let body = res.body.string
                for message in [
                    "Enter what has happened since the last update", "Enter progress as a whole number from 0 to 100",
                    "Say why the action is red", "is not a web address starting https://",
                ] {
                    #expect(body.contains(message), "\(message)")
                }
            }
            #expect(try await ActionUpdate.query(on: app.db).count() == 0)
        }
    }

    @Test("A partner's update shows in My actions, the action's history and the next board report", arguments: TestDatabase.available)
    func updateReachesTheBoardReport(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let partner = try await app.signIn(as: .partner, organisation: "Barnet Homes")
            try await app.testing().test(.GET, "/my-actions", headers: partner.headers) { res in
                #expect(res.body.string.contains("Develop and deliver a new Youth Homelessness Strategy"))
                #expect(!res.body.string.contains("Make every school in Barnet good or outstanding"))
            }
            try await Self.recordUpdate(app, as: partner, ref: "2.2.2", commentary: "Youth homelessness strategy consultation closes in January.")
            try await app.testing().test(.GET, Self.cypp + "/actions/2.2.2", headers: partner.headers) { res in
                #expect(res.body.string.contains("Youth homelessness strategy consultation closes in January."))
                #expect(res.body.string.contains("Test Partner agency (Barnet Homes)"))
            }
            try await app.testing().test(.GET, Self.cypp + "/report", headers: partner.headers) { res in
                let body = res.body.string
                #expect(body.contains("Youth homelessness strategy consultation closes in January."))
                #expect(body.contains("1 update recorded, newest first"))
            }
            // A report for a period before the update does not list it as a change.
            try await app.testing().test(.GET, Self.cypp + "/report?from=2020-01-01&to=2020-03-31", headers: partner.headers) { res in
                #expect(res.body.string.contains("No updates were recorded between 2020-01-01 and 2020-03-31."))
            }
        }
    }

    @Test("The API returns the plan as JSON and describes itself in OpenAPI", arguments: TestDatabase.available)
    func api(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let member = try await app.signIn(as: .readOnly)
            try await app.testing().test(.GET, "/api/v1/plans/cypp-2019-2023", headers: member.headers) { res in
                #expect(res.status == .ok)
                let plan = try res.content.decode(PlanAPIController.PlanDetailDTO.self)
                #expect(plan.outcomes.count == 7 && plan.objectives.count == 21 && plan.actions.count == 80)
                #expect(
                    plan.actions.first { $0.ref == "2.2.2" }?.responsible == [
                        "Barnet Council – Housing", "Barnet Homes", "Barnet Council – Family Services",
                    ])
            }
            try await app.testing().test(.GET, "/api/v1/plans/nope", headers: member.headers) { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/api/v1/openapi.json") { res in
                let document = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
                let paths = (document?["paths"] as? [String: Any])?.keys.sorted()
                // Every API route but the session and the document itself is described.
                let routes = app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") }
                    .filter { $0.hasPrefix("/api/v1/") && !["/api/v1/session", "/api/v1/openapi.json"].contains($0) }
                    .map { String($0.dropFirst("/api/v1".count)).replacingOccurrences(of: #":(\w+)"#, with: "{$1}", options: .regularExpression) }
                #expect(paths == routes.sorted())
                #expect(paths?.contains("/indicators/{indicatorCode}/values") == true)
            }
        }
    }
}

@Suite("Young people's scrutiny of a plan")
struct ScrutinyTests {
    static let path = "/plans/corporate-parenting-pledge/scrutiny"

    @Test("A head of service records a meeting; a partner reads the record but cannot add to it", arguments: TestDatabase.available)
    func recordAndRead(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let head = try await app.signIn(as: .headOfService)
            try await app.testing().test(
                .POST, Self.path, headers: HTTPHeaders.form().merging(head.headers),
                body: formBody([
                    // The day in GOV.UK's three boxes, as the page sends it.
                    ("csrfToken", head.csrfToken), ("metOn-day", "18"), ("metOn-month", "11"), ("metOn-year", "2026"),
                    ("attendees", "Children in Care Council: 7 young people"),
                    ("findings", "Asked for the care leavers' local offer in plain English."),
                ])
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(
                .POST, Self.path, headers: HTTPHeaders.form().merging(head.headers),
                body: formBody([("csrfToken", head.csrfToken), ("metOn", "2099-01-01"), ("attendees", ""), ("findings", "x")])
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("The meeting must be today or in the past"))
            }
            // A day that does not exist is refused, and the boxes come back as typed.
            try await app.testing().test(
                .POST, Self.path, headers: HTTPHeaders.form().merging(head.headers),
                body: formBody([
                    ("csrfToken", head.csrfToken), ("metOn-day", "31"), ("metOn-month", "2"), ("metOn-year", "2026"), ("attendees", ""),
                    ("findings", "x"),
                ])
            ) { res in
                let body = res.body.string
                #expect(res.status == .unprocessableEntity)
                #expect(body.contains("Enter the day of the meeting as a real date, for example 18 11 2026"))
                #expect(
                    body.contains("name=\"metOn-day\" id=\"metOn\" class=\"input--width-2\" inputmode=\"numeric\" value=\"31\" aria-invalid=\"true\"")
                )
            }
            #expect(try await ScrutinyMeeting.query(on: app.db).count() == 1)
            let partner = try await app.signIn(as: .partner, organisation: "Barnet Homes")
            try await app.testing().test(.GET, Self.path, headers: partner.headers) { res in
                #expect(
                    res.body.string.contains("Asked for the care leavers&#39; local offer in plain English.")
                        || res.body.string.contains("Asked for the care leavers' local offer in plain English."))
                #expect(!res.body.string.contains("Save meeting"))
                #expect(res.body.string.contains("<td>18 November 2026</td>"))
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$detail == "scrutiny meeting 2026-11-18").count() == 1)
        }
    }
}

@Suite("Reminders")
struct ReminderTests {
    @Test("The digest lists, per organisation, its open actions with no recent update", arguments: TestDatabase.available)
    func digest(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let partner = try await app.signIn(as: .partner, organisation: "Barnet Homes")
            try await PlanTests.recordUpdate(app, as: partner, ref: "2.2.2", commentary: "Consultation under way.")
            let catalogue = try await PlanCatalogue.load(on: app.db)
            let digests = ReminderDigest.make(from: catalogue, today: .today, staleAfter: 30, baseURL: "https://waymark.example")
            let homes = try #require(digests.first { $0.hasPrefix("To: Barnet Homes\n") })
            // Barnet Homes answers for 2.2.2, 2.2.3 and 3.2.2 of the plan and IP18 of the improvement plan;
            // 2.2.2 was updated today, so three remain.
            #expect(homes.contains("Subject: Waymark: 3 plan actions need an update"))
            #expect(homes.contains("https://waymark.example/plans/improvement-plan-2018-19/actions/IP18"))
            #expect(homes.contains("https://waymark.example/plans/cypp-2019-2023/actions/2.2.3"))
            #expect(homes.contains("https://waymark.example/plans/cypp-2019-2023/actions/3.2.2"))
            #expect(!homes.contains("/actions/2.2.2"))
            // Thirty-one days on, the update is stale too.
            let later = ReminderDigest.make(from: catalogue, today: ISODay.today.nextDay.adding(days: 30), staleAfter: 30, baseURL: "")
            #expect(later.first { $0.hasPrefix("To: Barnet Homes\n") }?.contains("Subject: Waymark: 4 plan actions need an update") == true)
        }
    }
}
