import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain
import WaymarkReturns
import WaymarkSpreadsheet
import WaymarkTimescales

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("Performance Matters", .serialized)
struct PerformanceMattersTests {
    /// Two children in Duty & Assessment Team 1. August 2025: child 1001's MASH decision was due Friday 1st and made
    /// Monday 4th (late, counted when it fell due); child 1002's, on a contact of Monday 4th, made on the 5th (on time).
    static func extract() -> [(name: String, data: Data)] {
        var files = CaseloadTests.extract()
        files.append(
            (
                "waymark_mash_decisions.csv",
                Data(
                    """
                    mash_decision_id,mash_person_id,mash_contact_date,mash_decision_date
                    M1,1001,2025-07-31,2025-08-04
                    M2,1002,2025-08-04,2025-08-05

                    """.utf8)
            ))
        return files
    }

    @Test(
        "The report shows each figure worked out from the records, linked to the children behind it with the rule and dates",
        arguments: TestDatabase.available)
    func reportAndItsChildren(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await ReturnLoading.load(.caseSystem(Self.extract()), by: .commandLine, on: app.db)
            let leader = try await app.signIn(as: .leadership)
            try await app.testing().test(.GET, "/performance?period=2025-08", headers: leader.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("<h1>Performance Matters: August 2025</h1>"))
                #expect(body.contains("<a href=\"/performance/measures/mash-decisions?period=2025-08\">50.0%</a>"))
                #expect(body.contains("<td>1 of 2</td>"))
                // The contact was in June: none in August, and no link to an empty list.
                #expect(!body.contains("/performance/measures/contacts?period=2025-08"))
                #expect(body.contains("No commentary for August 2025 yet."))
                // Periods in words: the last 12 months and the year so far, then each month; no address to type.
                let today = ISODay.today
                #expect(body.contains(">The 12 months to \(today.written)</option>") && body.contains("so far, to \(today.written)</option>"))
                #expect(!body.contains("?period=2025-04-01"))
            }
            try await app.testing().test(.GET, "/performance/measures/mash-decisions?period=2025-08", headers: leader.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("50.0% (1 of 2)."))
                #expect(body.contains("<h2>Not on time: 1</h2>") && body.contains("<h2>On time: 1</h2>"))
                #expect(body.contains("Done 1 working day late: due 1 August 2025. Contact 31 July 2025; decision 4 August 2025"))
                #expect(body.contains("Amara Okafor"))
                // The late one comes first.
                let late = body.range(of: "Not on time")!.lowerBound, onTime = body.range(of: "<h2>On time")!.lowerBound
                #expect(late < onTime)
            }
            let audit = try await AuditEvent.query(on: app.db).filter(\.$recordType == "performance-report").all()
            #expect(audit.map(\.detail) == ["children behind mash-decisions: 2 listed"])

            // A team manager of another team sees the figure's count but not the children.
            let manager = try await app.signIn(as: .teamManager)
            try await app.testing().test(.GET, "/performance/measures/mash-decisions?period=2025-08", headers: manager.headers) { res in
                #expect(res.body.string.contains("2 more children are counted in the figure but held by teams outside your record access"))
                #expect(!res.body.string.contains(">1001</a>"))
            }
            // A board member sees the report, with no way to the children, and no figure worked out from fewer than
            // 10 of them: the two MASH decisions are withheld.
            let board = try await app.signIn(as: .boardMember)
            try await app.testing().test(.GET, "/performance?period=2025-08", headers: board.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok && !body.contains("/performance/measures/"))
                #expect(!body.contains("50.0%") && !body.contains("1 of 2") && body.contains("fewer than 10 counted"))
            }
            #expect(try await ChildrenTests.status(app, board, "/performance/measures/mash-decisions?period=2025-08") == .forbidden)
            // A period that cannot be shown says why.
            try await app.testing().test(.GET, "/performance?period=2025-13", headers: leader.headers) { res in
                #expect(res.status == .badRequest && res.body.string.contains("The period \"2025-13\" is not one Waymark can show"))
            }
        }
    }

    @Test("Each section's commentary is written for a period, shown with who wrote it, and audited", arguments: TestDatabase.available)
    func commentary(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let leader = try await app.signIn(as: .leadership)
            let form: [(String, String)] = [
                ("csrfToken", leader.csrfToken), ("section", "front-door"), ("period", "2025-08"),
                ("front-door-going-well", "Decisions within a day for most contacts."), ("front-door-to-improve", "Police contacts at weekends."),
                ("front-door-actions", "A second MASH manager on Mondays."),
            ]
            try await app.testing().test(.POST, "/performance/commentary", headers: HTTPHeaders.form().merging(leader.headers), body: formBody(form))
            { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/performance?period=2025-08&notice=commentary-saved#front-door")
            }
            try await app.testing().test(.GET, "/performance?period=2025-08", headers: leader.headers) { res in
                let body = res.body.string
                #expect(body.contains("<dd>Police contacts at weekends.</dd>") && body.contains("Written by Test Director or leadership on"))
                #expect(body.contains("No commentary for August 2025 yet.")) // the other sections
            }
            try await app.testing().test(.GET, "/performance?period=2025-09", headers: leader.headers) { res in
                #expect(!res.body.string.contains("Police contacts at weekends."))
            }
            #expect(try await PerformanceCommentary.query(on: app.db).count() == 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordType == "performance-report").first()?.detail == "commentary: front-door")
            // A practitioner may read the report but not write its commentary.
            let worker = try await app.signIn(as: .practitioner)
            try await app.testing().test(
                .POST, "/performance/commentary", headers: HTTPHeaders.form().merging(worker.headers),
                body: formBody([("csrfToken", worker.csrfToken), ("section", "front-door"), ("period", "2025-08")])
            ) { res in
                #expect(res.status == .forbidden)
            }
        }
    }

    @Test(
        "Each share shows its comparators' latest published values from the Measures area, judged against the figure",
        arguments: TestDatabase.available)
    func comparators(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan() // England's published re-referrals, assessments and long plans
            _ = try await ReturnLoading.load(.caseSystem(Self.extract()), by: .commandLine, on: app.db)
            // Comparators for MASH decisions, kept as any indicator's values: the indicator's code is the measure's.
            let indicator = Indicator()
            (indicator.code, indicator.name, indicator.definition) = ("mash-decisions", "MASH decisions within 1 working day", "Of contacts.")
            (indicator.unit, indicator.polarity, indicator.periodType, indicator.kind) = (.percentage, .highIsGood, .financialYear, .performance)
            try await indicator.save(on: app.db)
            let areas = try await ReportingArea.query(on: app.db).all()
            for (area, period, value, count, denominator) in [
                ("England", "FY2023-24", 70.0, 70.0, 100.0), ("England", "FY2024-25", 80, 80, 100),
                ("London", "FY2024-25", 99.5, 995, 1_000),
            ] {
                let row = IndicatorValue()
                (row.indicatorID, row.areaID) = (try indicator.requireID(), try #require(areas.first { $0.name == area }?.id))
                (row.period, row.periodEnd, row.value, row.count, row.denominator, row.status) =
                    (period, period == "FY2023-24" ? "2024-03-31" : "2025-03-31", value, count, denominator, .final)
                try await row.save(on: app.db)
            }
            let leader = try await app.signIn(as: .leadership)
            try await app.testing().test(.GET, "/performance?period=2025-08", headers: leader.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok && body.contains("<th scope=\"col\">Compared with</th>"))
                // 1 of 2 on time, 50%, Wilson 9.5 to 90.5. England's latest, 80 of 100 (71.1 to 86.7), overlaps it: similar.
                // London's 995 of 1,000 (98.8 to 99.8) lies above it, and higher is better: worse.
                #expect(
                    body.contains(
                        "<li>England 80% (FY2024-25): <strong>Similar</strong></li><li>London 99.5% (FY2024-25): <strong>Worse</strong></li>"))
                #expect(!body.contains("England 70%"))
                // From the Barnet plan file: no assessment in August, so England's figure is shown but not compared.
                #expect(body.contains("<li>England 85.7% (FY2024-25): <strong>Not compared</strong></li>"))
            }
        }
    }

    @Test(
        "The reports read back every stored record of the kinds they ask for, one order a child, whatever the keys hold",
        arguments: TestDatabase.available)
    func recordsReadBack(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await ReturnLoading.load(.caseSystem(Self.extract()), by: .commandLine, on: app.db)
            // A key holding the separator the reports read lists apart by: that child is read again record by record.
            let child = try #require(try await Child.query(on: app.db).filter(\.$localID == "1002").first())
            let odd = JourneyEvent()
            odd.childID = try child.requireID()
            odd.kind = JourneyKind.caseSystem(.missing).rawValue
            odd.naturalKey = "MIS\u{1F}9"
            odd.starts = "2025-09-01"
            odd.fields = FieldsJSON.encode(["miss_missing_rhi_date": "2025-09-03"])
            odd.returnYears = " "
            odd.sourceFile = "test"
            odd.sourceLine = 1
            try await odd.save(on: app.db)

            let kinds = PerformanceCalculator.kinds, withFields = PerformanceCalculator.kindsWithFields
            let (ids, journeys) = try await JourneyReading.journeys(kinds: kinds, withFields: withFields, on: app.sideBySide(app.db))
            let stored = try await JourneyEvent.query(on: app.db).filter(\.$kind ~~ kinds.map(\.rawValue)).all()
            let localIDs = Dictionary(uniqueKeysWithValues: ids.map { ($1, $0) })
            func described(_ record: JourneyRecord) -> String {
                "\(record.childLocalID) \(record.kind.rawValue) \(record.naturalKey) \(record.starts?.description ?? "-") "
                    + "\(record.ends?.description ?? "-") \(record.fields.sorted { $0.key < $1.key })"
            }
            let expected = stored.map { event in
                described(
                    JourneyRecord(
                        stored: localIDs[event.childID] ?? "?", kind: event.kind, naturalKey: event.naturalKey, starts: event.starts,
                        ends: event.ends, fields: withFields.contains(JourneyKind(rawValue: event.kind)) ? event.fields : ""))
            }
            #expect(journeys.flatMap(\.records).map(described).sorted() == expected.sorted())
            #expect(expected.contains("1002 case.ssd_missing MIS\u{1F}9 2025-09-01 - [(key: \"miss_missing_rhi_date\", value: \"2025-09-03\")]"))
            #expect(stored.count > 3)
            for journey in journeys {
                let order = journey.records.map { [$0.kind.rawValue, $0.naturalKey] }
                #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) }, "\(journey.localID)")
            }
        }
    }
}

@Suite("Data quality", .serialized)
struct DataQualityPageTests {
    @Test(
        "A decision recorded before its contact is listed with why and how it is counted; outside a reader's scope it is counted, not listed",
        arguments: TestDatabase.available)
    func outOfOrderRecords(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            var files = CaseloadTests.extract()
            files.append(
                (
                    "waymark_mash_decisions.csv",
                    Data(
                        """
                        mash_decision_id,mash_person_id,mash_contact_date,mash_decision_date
                        M1,1001,2025-08-04,2025-08-01
                        M2,1002,2025-08-04,2025-08-05

                        """.utf8)
                ))
            _ = try await ReturnLoading.load(.caseSystem(files), by: .commandLine, on: app.db)
            let leader = try await app.signIn(as: .leadership)
            try await app.testing().test(.GET, "/performance?period=2025-08", headers: leader.headers) { res in
                #expect(res.body.string.contains("1 record the measures read is out of order or missing a day: "))
                #expect(res.body.string.contains("<a href=\"/performance/data-quality\">see Data quality, which says how each is counted</a>"))
            }
            try await app.testing().test(.GET, "/performance/data-quality", headers: leader.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("1 record is out of order or missing a day."))
                #expect(body.contains("<h2>Ends before it starts: 1</h2>"))
                #expect(
                    body.contains(
                        ">1001</a></td><td>Amara Okafor</td><td>4 August 2025</td><td>MASH decision from 4 August 2025 ends on 1 August 2025</td>"))
                #expect(body.contains("Counted as recorded: a decision or assessment dated before it began counts as on time"))
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordID == "data-quality").count() == 1)
            // A team manager of another team: counted, not listed.
            let manager = try await app.signIn(as: .teamManager)
            let account = try await User.find(manager.id, on: app.db)!
            account.$team.id = try await Team.query(on: app.db).filter(\.$name == "MASH Team").first()!.requireID()
            try await account.save(on: app.db)
            try await app.testing().test(.GET, "/performance/data-quality", headers: manager.headers) { res in
                #expect(res.body.string.contains("1 more is in the records of children outside your record access"))
                #expect(!res.body.string.contains(">1001</a>"))
            }
            #expect(try await ChildrenTests.status(app, try await app.signIn(as: .boardMember), "/performance/data-quality") == .forbidden)
        }
    }
}

@Suite("Ofsted Annex A", .serialized)
struct AnnexATests {
    /// The caseload extract (child 1001's contact on 2 June 2025) and an early help episode for child 1002 recorded as
    /// ending before it started.
    static func extract() -> [(name: String, data: Data)] {
        var files = CaseloadTests.extract()
        files.append(
            (
                "ssd_early_help_episodes.csv",
                Data(
                    """
                    earl_episode_id,earl_person_id,earl_episode_start_date,earl_episode_end_date,earl_episode_organisation
                    EH1,1002,2025-06-10,2025-06-01,Barnet Council – Family Services

                    """.utf8)
            ))
        return files
    }

    @Test(
        "The lists for a day are checked on the page, and download as Ofsted's workbook; only those with every child in scope get every child",
        arguments: TestDatabase.available)
    func listsChecksAndWorkbook(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await ReturnLoading.load(.caseSystem(Self.extract()), by: .commandLine, on: app.db)
            let leader = try await app.signIn(as: .leadership)
            try await app.testing().test(.GET, "/performance/annex-a?on=2025-08-31", headers: leader.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("<h1>Ofsted Annex A: Sunday 31 August 2025</h1>"))
                #expect(body.contains("covering Saturday 1 March 2025 to Sunday 31 August 2025"))
                #expect(body.contains("<td class=\"number\">1</td><th scope=\"row\">Contacts</th><td class=\"number\">1</td>"))
                #expect(body.contains("Checks: 1 problem to look at"))
                #expect(body.contains("<td>Assessment completion date</td><td>2025-06-01</td><td>completed before it started (2025-06-10)</td>"))
                #expect(body.contains("\">1002</a></td><td>Assessment completion date</td>")) // linked to the child's record
                #expect(body.contains("href=\"/performance/annex-a.xlsx?on=2025-08-31&amp;headers=gender\""))
            }
            try await app.testing().test(.GET, "/performance/annex-a.xlsx?on=2025-08-31&headers=gender", headers: leader.headers) { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                let rows = try WorkbookReader.firstSheet(of: Data(buffer: res.body)).map(\.cells)
                #expect(rows.first == ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Contact", "Contact Source"])
                #expect(rows.count == 2)
                // Born 4 March 2015: 3,833 days before 31 August 2025, 10.49 years.
                #expect(
                    rows.last.map { [$0[0], $0[1], $0[3], String($0[4].prefix(5)), $0[5], $0[6]] } == [
                        "1001", "b) Female", "2015-03-04", "10.49", "2025-06-02", "1B: Police",
                    ])
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordType == "annex-a").all().map(\.action).sorted() == ["export", "view"])

            // A head of service of another area: none of these children are in their scope, and the page says the lists are partial.
            let head = try await app.signIn(as: .headOfService)
            let account = try await User.find(head.id, on: app.db)!
            let duty = try await Team.query(on: app.db).filter(\.$name == "Duty & Assessment Team 1").first()!
            account.$serviceArea.id = try await ServiceArea.query(on: app.db).filter(\.$id != duty.$serviceArea.id).first()!.requireID()
            try await account.save(on: app.db)
            try await app.testing().test(.GET, "/performance/annex-a?on=2025-08-31", headers: head.headers) { res in
                #expect(res.body.string.contains("The lists hold only the children your record access covers"))
                #expect(res.body.string.contains("<td class=\"number\">1</td><th scope=\"row\">Contacts</th><td class=\"number\">0</td>"))
            }
            #expect(try await ChildrenTests.status(app, try await app.signIn(as: .teamManager), "/performance/annex-a") == .forbidden)
            #expect(try await ChildrenTests.status(app, try await app.signIn(as: .boardMember), "/performance/annex-a.xlsx") == .forbidden)
        }
    }
}
