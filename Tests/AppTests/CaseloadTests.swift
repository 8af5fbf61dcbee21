import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
import WaymarkDomain
import WaymarkReturns
import WaymarkTimescales

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("The case system's extract and caseloads", .serialized)
struct CaseloadTests {
    static func csv(_ text: String) -> (String, Data) { ("file.csv", Data(text.utf8)) }

    /// Child 1001 moved from an unknown team to Sam Mensah in Duty & Assessment Team 1; child 1002 is in that team
    /// with no worker; Sam has a Waymark account, Ruth (another worker) does not.
    static func extract(currentWorker: String = "P7") -> [(name: String, data: Data)] {
        [
            (
                "ssd_person.csv",
                Data(
                    """
                    pers_person_id,pers_forename,pers_surname,pers_sex,pers_dob,pers_single_unique_id
                    1001,Amara,Okafor,F,2015-03-04,9990000018
                    1002,Theo,Smith,M,2019-11-30 00:00:00,

                    """.utf8)
            ),
            (
                "ssd_contacts.csv",
                Data(
                    """
                    cont_contact_id,cont_person_id,cont_contact_date,cont_contact_source_code,cont_contact_source_desc,cont_contact_outcome_json
                    C1,1001,2025-06-02,1B,Police,"{""NEW_REFERRAL_FLAG"": ""Y""}"

                    """.utf8)
            ),
            (
                "ssd_professionals.csv",
                Data(
                    """
                    prof_professional_id,prof_professional_name
                    P7,Sam Mensah
                    P8,Ruth Cohen

                    """.utf8)
            ),
            (
                "ssd_involvements.csv",
                Data(
                    """
                    invo_involvements_id,invo_professional_id,invo_professional_team,invo_person_id,invo_involvement_start_date,invo_involvement_end_date
                    I1,P8,Old Team,1001,2025-06-03,2025-07-20
                    I2,\(currentWorker),Duty & Assessment Team 1,1001,2025-07-21,
                    I3,,Duty & Assessment Team 1,1002,2025-08-01,

                    """.utf8)
            ),
        ]
    }

    @Test(
        "The extract adds names, NHS number, records and allocations, and importing it again changes nothing",
        arguments: TestDatabase.available)
    func importExtract(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let sam = try await app.signIn(as: .practitioner)
            let account = try await User.find(sam.id, on: app.db)!
            account.displayName = "Sam Mensah"
            try await account.save(on: app.db)

            let first = try await ReturnLoading.load(.caseSystem(Self.extract()), by: .commandLine, on: app.db)
            #expect(first.childrenAdded == 2 && first.recordsAdded == 4 && first.allocationsChanged == 2)
            #expect(first.unknownTeams == ["Old Team"])
            let amara = try #require(try await Child.query(on: app.db).filter(\.$localID == "1001").first())
            #expect(amara.givenName == "Amara" && amara.nhsNumber == "9990000018" && amara.dateOfBirth == "2015-03-04")
            let allocations = try await ChildAllocation.query(on: app.db).filter(\.$childID == amara.requireID()).sort(\.$starts).all()
            #expect(allocations.map(\.workerName) == ["Ruth Cohen", "Sam Mensah"])
            #expect(allocations.map(\.workerID) == [nil, sam.id] && allocations[0].teamID == nil && allocations[1].ends == nil)

            // Names are found whatever their case, on every database; % and _ in a search are letters, not wildcards.
            let leader = try await app.signIn(as: .leadership)
            for (query, found) in [("okAFOR", true), ("amara", true), ("%", false), ("_", false)] {
                try await app.testing().test(
                    .POST, "/children", headers: HTTPHeaders.form().merging(leader.headers),
                    body: formBody([("csrfToken", leader.csrfToken), ("q", query)])
                ) { res in
                    #expect(res.body.string.contains(">1001</a>") == found, "searching for \(query)")
                }
            }

            let again = try await ReturnLoading.load(.caseSystem(Self.extract()), by: .commandLine, on: app.db)
            #expect(!again.changedAnything && again.recordsUnchanged == 4 && again.allocationsChanged == 0)
            #expect(try await ChildAllocation.query(on: app.db).count() == 3)

            // Sam's own caseload, and the child's page, which shows the contact and who holds the case.
            try await app.testing().test(.GET, "/children/caseloads", headers: sam.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("The 1 child allocated to you now."))
                #expect(res.body.string.contains(">1001</a>") && res.body.string.contains("Amara Okafor"))
            }
            let amaraID = try amara.requireID().uuidString
            try await app.testing().test(.GET, "/children/\(amaraID)", headers: sam.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Sam Mensah, Duty &amp; Assessment Team 1"))
                #expect(res.body.string.contains("<td>Contact from Police; outcome: a referral to children's social care</td>"))
                #expect(res.body.string.contains("9990000018"))
            }

            // The case moves to Ruth: the allocation is replaced, and Sam no longer holds it.
            let moved = try await ReturnLoading.load(.caseSystem(Self.extract(currentWorker: "P8")), by: .commandLine, on: app.db)
            #expect(moved.allocationsChanged == 1)
            try await app.testing().test(.GET, "/children/caseloads", headers: sam.headers) { res in
                #expect(res.body.string.contains("The 0 children allocated to you now."))
            }
        }
    }

    @Test(
        "Team caseloads: a team manager sees their team worker by worker; another team is not found; leadership sees every team",
        arguments: TestDatabase.available)
    func teamCaseloads(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await ReturnLoading.load(.caseSystem(Self.extract()), by: .commandLine, on: app.db)
            let duty = try await Team.query(on: app.db).filter(\.$name == "Duty & Assessment Team 1").first()!
            let mash = try await Team.query(on: app.db).filter(\.$name == "MASH Team").first()!
            let manager = try await app.signIn(as: .teamManager)
            let user = try await User.find(manager.id, on: app.db)!
            user.$team.id = try duty.requireID()
            try await user.save(on: app.db)

            let dutyID = try duty.requireID().uuidString
            try await app.testing().test(.GET, "/children/caseloads", headers: manager.headers) { res in
                let body = res.body.string
                #expect(body.contains("2 in 1 team"))
                #expect(body.contains("/children/caseloads/\(dutyID)"))
            }
            try await app.testing().test(.GET, "/children/caseloads/\(try duty.requireID().uuidString)", headers: manager.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("2 children allocated now, 1 worker; 1 with no worker allocated."))
                #expect(body.contains("<h2>Sam Mensah: 1</h2>") && body.contains("<h2>No worker allocated: 1</h2>"))
                // The worker with a name comes first, the unallocated children last.
                #expect(body.range(of: "Sam Mensah: 1")!.lowerBound < body.range(of: "No worker allocated: 1")!.lowerBound)
            }
            #expect(try await ChildrenTests.status(app, manager, "/children/caseloads/\(try mash.requireID().uuidString)") == .notFound)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "view").filter(\.$recordType == "team").count() == 1)

            let leader = try await app.signIn(as: .leadership)
            try await app.testing().test(.GET, "/children/caseloads", headers: leader.headers) { res in
                #expect(res.body.string.contains("MASH Team") && res.body.string.contains("Leaving Care Team"))
            }
            #expect(try await ChildrenTests.status(app, try await app.signIn(as: .partner), "/children/caseloads") == .forbidden)
        }
    }

    /// The extract with two contacts still waiting for a MASH decision (M1 from 31 July 2025, M2 from 4 August), and
    /// a missing episode ending 1 August with no return interview; `decided` gives M1 its decision.
    static func trackerExtract(decided: String = "") -> [(name: String, data: Data)] {
        extract() + [
            (
                "waymark_mash_decisions.csv",
                Data(
                    """
                    mash_decision_id,mash_person_id,mash_contact_date,mash_decision_date
                    M1,1001,2025-07-31,\(decided)
                    M2,1002,2025-08-04,

                    """.utf8)
            ),
            (
                "ssd_missing.csv",
                Data(
                    """
                    miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_end_date
                    X1,1001,2025-07-30,2025-08-01

                    """.utf8)
            ),
        ]
    }

    @Test(
        "A team's daily tracker lists what is overdue, due today and due this week, worked out from the records",
        arguments: TestDatabase.available)
    func dailyTracker(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await ReturnLoading.load(.caseSystem(Self.trackerExtract()), by: .commandLine, on: app.db)
            let duty = try await Team.query(on: app.db).filter(\.$name == "Duty & Assessment Team 1").first()!.requireID().uuidString
            let leader = try await app.signIn(as: .leadership)
            // Monday 4 August 2025: M1 was due Friday 1st; the interview is due today (72 hours from Friday);
            // M2 came in today and is due tomorrow, within five working days.
            try await app.testing().test(.GET, "/children/caseloads/\(duty)/tracker?on=2025-08-04", headers: leader.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("Monday 4 August 2025: 1 overdue, 1 due today, 1 due in the next five working days."))
                #expect(
                    body.contains("<td>1 working day overdue</td>") && body.contains("<td>Due today</td>")
                        && body.contains("<td>Due in 1 working day</td>"))
                #expect(body.contains("Contact 31 July 2025; decision not yet made"))
                #expect(body.contains("Missing from 30 July 2025 to 1 August 2025; no return interview on record"))
                // The day each was due, as people write it.
                #expect(body.contains("<td>1 August 2025</td>") && !body.contains("<td>2025-08-01</td>"))
            }
            let manager = try await app.signIn(as: .teamManager)
            #expect(try await ChildrenTests.status(app, manager, "/children/caseloads/\(duty)/tracker") == .notFound)
        }
    }

    @Test(
        "The daily tracker hands out the clocks kept for its day; an import, other settings or a day outside their window work them out again",
        arguments: TestDatabase.available)
    func keptClocks(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await ReturnLoading.load(.caseSystem(Self.trackerExtract()), by: .commandLine, on: app.db)
            #expect(try await KeptClocks.keep(on: ISODay("2025-08-04")!, engine: app.timescaleEngine, db: app.db) == 2)
            // Kept as at Monday 4 August: M1, M2 and the return interview, all open. 1001's clocks hold from M1's
            // contact on 31 July, 1002's from M2's on 4 August; no later record or birthday ends either.
            #expect(try await KeptClock.query(on: app.db).count() == 3)
            let windows = try await KeptClockWindow.query(on: app.db).all()
            #expect(Set(windows.map { "\($0.holdsFrom ?? "-")..\($0.holdsUntil ?? "-")" }) == ["2025-07-31..-", "2025-08-04..-"])
            // Marked, to tell kept clocks from clocks worked out afresh on the page.
            try await (app.db as! any SQLDatabase).raw("UPDATE kept_clocks SET evidence = 'Kept: ' || evidence").run()
            let duty = try await Team.query(on: app.db).filter(\.$name == "Duty & Assessment Team 1").first()!.requireID().uuidString
            let leader = try await app.signIn(as: .leadership)
            func page(_ day: String) async throws -> String {
                var body = ""
                try await app.testing().test(.GET, "/children/caseloads/\(duty)/tracker\(day.isEmpty ? "" : "?on=\(day)")", headers: leader.headers) {
                    res in
                    #expect(res.status == .ok)
                    body = res.body.string
                }
                return body
            }
            let kept = try await page("2025-08-06")
            #expect(kept.contains("Wednesday 6 August 2025: 3 overdue, 0 due today, 0 due in the next five working days."))
            #expect(
                kept.contains("Kept: Contact 31 July 2025; decision not yet made")
                    && kept.contains("Kept: Contact 4 August 2025; decision not yet made"))
            // 1 August is before 1002's window (M2 had not come in): 1002's clocks are worked out, 1001's are kept.
            let before = try await page("2025-08-01")
            #expect(before.contains("Kept: Contact 31 July 2025") && !before.contains("4 August 2025; decision"))
            // Other settings: nothing kept is handed out.
            let standard = app.timescaleEngine
            app.timescaleEngine = TimescaleEngine(settings: TimescaleSettings(protectionVisitWorkingDays: 5))
            let otherSettings = try await page("2025-08-06")
            #expect(otherSettings.contains("3 overdue") && !otherSettings.contains("Kept: "))
            app.timescaleEngine = standard
            // M1 decided on 4 August: the import forgets both children's kept clocks, in its own transaction.
            let generation = try await KeptClocks.generation(app.db)
            _ = try await ReturnLoading.load(.caseSystem(Self.trackerExtract(decided: "2025-08-04")), by: .commandLine, on: app.db)
            #expect(try await KeptClockWindow.query(on: app.db).count() == 0)
            #expect(try await KeptClock.query(on: app.db).count() == 0)
            // Clocks worked out from records read before that import are not stored.
            let child = try await WaymarkStore.Child.query(on: app.db).filter(\.$localID == "1001").first()!.requireID().uuidString
            let early = KeptClocks.Worked(childID: child, window: ClockWindow(from: nil, until: nil), open: [])
            #expect(try await KeptClocks.store([early], engine: standard, readAt: generation, db: app.db) == false)
            #expect(try await KeptClockWindow.query(on: app.db).count() == 0)
            #expect(try await KeptClocks.store([early], engine: standard, readAt: generation + 1, db: app.db))
            #expect(try await KeptClockWindow.query(on: app.db).count() == 1)
            try await KeptClocks.forget([UUID(uuidString: child)!], sql: app.db as! any SQLDatabase)
            let afterImport = try await page("2025-08-06")
            #expect(afterImport.contains("2 overdue") && !afterImport.contains("Kept: ") && !afterImport.contains("Contact 2025-07-31"))
            // Today's tracker keeps what it worked out, for the next view.
            _ = try await page("")
            #expect(try await KeptClockWindow.query(on: app.db).all().map(\.engine) == [standard.fingerprint, standard.fingerprint])
        }
    }

    @Test(
        "A child two workers of the team hold has each clock listed once on the daily tracker, worked out or kept",
        arguments: TestDatabase.available)
    func childHeldTwice(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            // Ruth Cohen joins Sam Mensah on 1001's case in the same team on 25 July.
            let files = Self.trackerExtract().map { file in
                file.name == "ssd_involvements.csv" ? (file.name, file.data + Data("I4,P8,Duty & Assessment Team 1,1001,2025-07-25,\n".utf8)) : file
            }
            _ = try await ReturnLoading.load(.caseSystem(files), by: .commandLine, on: app.db)
            let duty = try await Team.query(on: app.db).filter(\.$name == "Duty & Assessment Team 1").first()!.requireID().uuidString
            let leader = try await app.signIn(as: .leadership)
            func page() async throws -> String {
                var body = ""
                try await app.testing().test(.GET, "/children/caseloads/\(duty)/tracker?on=2025-08-06", headers: leader.headers) { res in
                    #expect(res.status == .ok)
                    body = res.body.string
                }
                return body
            }
            // Wednesday 6 August: M1, the return interview and M2, each overdue once.
            let summary = "Wednesday 6 August 2025: 3 overdue, 0 due today, 0 due in the next five working days."
            #expect(try await page().contains(summary))
            #expect(try await KeptClocks.keep(on: ISODay("2025-08-04")!, engine: app.timescaleEngine, db: app.db) == 2)
            let kept = try await page()
            #expect(kept.contains(summary))
            #expect(kept.components(separatedBy: "Contact 31 July 2025; decision not yet made").count == 2)
        }
    }

    @Test(
        "A service area's weekly tracker: each team's overdue work, what is due by Sunday, last week's on time, and the outstanding actions",
        arguments: TestDatabase.available)
    func weeklyTracker(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            var files = Self.extract()
            // MASH decisions: M1 waiting since Thursday 31 July (due Friday 1 August); M2 came in on Tuesday 5 August
            // (due Wednesday 6th); M3 (contact Tuesday 29 July, due 30th) was made a day late on 31 July; M4 on the day.
            // And a missing episode ending Friday 1 August, whose return interview was due Monday 4 August.
            files.append(
                (
                    "waymark_mash_decisions.csv",
                    Data(
                        """
                        mash_decision_id,mash_person_id,mash_contact_date,mash_decision_date
                        M1,1001,2025-07-31,
                        M2,1002,2025-08-05,
                        M3,1002,2025-07-29,2025-07-31
                        M4,1001,2025-07-28,2025-07-28

                        """.utf8)
                ))
            files.append(
                (
                    "ssd_missing.csv",
                    Data(
                        """
                        miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_end_date
                        X1,1001,2025-07-30,2025-08-01

                        """.utf8)
                ))
            _ = try await ReturnLoading.load(.caseSystem(files), by: .commandLine, on: app.db)
            let duty = try await Team.query(on: app.db).filter(\.$name == "Duty & Assessment Team 1").first()!
            let area = duty.$serviceArea.id
            let other = try await ServiceArea.query(on: app.db).filter(\.$id != area).first()!

            // Tuesday 5 August 2025: the week is Monday 4 to Sunday 10 August, last week 28 July to 3 August.
            let head = try await app.signIn(as: .headOfService)
            let account = try await User.find(head.id, on: app.db)!
            account.$serviceArea.id = area
            try await account.save(on: app.db)
            try await app.testing().test(.GET, "/children/service-areas/\(area.uuidString)/weekly-tracker?on=2025-08-05", headers: head.headers) {
                res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(
                    body.contains(
                        "As at Tuesday 5 August 2025: 2 overdue and 1 more due by Sunday. "
                            + "Last week (Monday 28 July 2025 to Sunday 3 August 2025) 2 were done, 50% of them on time."))
                // Duty & Assessment Team 1: 2 children; 2 overdue, 1 due, 1 on time, 1 late, 50%. Team 2 holds none.
                let cells = ["2", "2", "1", "1", "1", "50%"].map { "<td class=\"number\">\($0)</td>" }.joined()
                #expect(body.contains("Duty &amp; Assessment Team 1</a></th>\(cells)</tr>"))
                #expect(
                    body.contains(
                        "Duty &amp; Assessment Team 2</a></th>" + ["0", "0", "0", "0", "0", "–"].map { "<td class=\"number\">\($0)</td>" }.joined()))
                // The return interview is an outstanding children in care action; the MASH decision is not a process action.
                #expect(body.contains("<h2>Outstanding actions: children in care: 1</h2>"))
                #expect(body.contains("Missing from 30 July 2025 to 1 August 2025; no return interview on record"))
                #expect(body.contains("<h2>Outstanding actions: child protection: 0</h2>"))
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordType == "service-area").filter(\.$action == "view").count() == 1)
            try await app.testing().test(.GET, "/children/caseloads", headers: head.headers) { res in
                #expect(res.body.string.contains("Weekly tracker: Duty and Assessment"))
            }
            // Another service area, a team manager and a partner may not open it.
            #expect(
                try await ChildrenTests.status(app, head, "/children/service-areas/\(try other.requireID().uuidString)/weekly-tracker") == .notFound)
            let manager = try await app.signIn(as: .teamManager)
            #expect(try await ChildrenTests.status(app, manager, "/children/service-areas/\(area.uuidString)/weekly-tracker") == .notFound)
            try await app.testing().test(.GET, "/children/caseloads", headers: manager.headers) { res in
                #expect(!res.body.string.contains("Weekly tracker"))
            }
            #expect(
                try await ChildrenTests.status(app, try await app.signIn(as: .partner), "/children/service-areas/\(area.uuidString)/weekly-tracker")
                    == .forbidden)
        }
    }

    @Test("A common name's matches outside a team manager's team do not crowd out the one in it", arguments: TestDatabase.available)
    func searchWithinScope(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            // 205 Smiths; only the last, by identifier, is in Duty & Assessment Team 1.
            let people = (1...205).map { "S\(String(format: "%03d", $0)),Jo,Smith" }.joined(separator: "\n")
            _ = try await ReturnLoading.load(
                .caseSystem([
                    ("ssd_person.csv", Data("pers_person_id,pers_forename,pers_surname\n\(people)\n".utf8)),
                    (
                        "ssd_involvements.csv",
                        Data(
                            """
                            invo_involvements_id,invo_professional_team,invo_person_id,invo_involvement_start_date
                            I1,Duty & Assessment Team 1,S205,2025-08-01

                            """.utf8)
                    ),
                ]), by: .commandLine, on: app.db)
            let manager = try await app.signIn(as: .teamManager)
            let user = try await User.find(manager.id, on: app.db)!
            user.$team.id = try await Team.query(on: app.db).filter(\.$name == "Duty & Assessment Team 1").first()!.requireID()
            try await user.save(on: app.db)
            try await app.testing().test(
                .POST, "/children", headers: HTTPHeaders.form().merging(manager.headers),
                body: formBody([("csrfToken", manager.csrfToken), ("q", "smith")])
            ) { res in
                #expect(res.body.string.contains(">S205</a>"))
                #expect(!res.body.string.contains(">S001</a>"))
            }
        }
    }
}
