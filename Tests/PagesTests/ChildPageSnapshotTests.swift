import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkUI

@testable import WaymarkAdminArea
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea

/// The children's pages, from fixed data.
@Suite("Children page snapshots")
struct ChildPageSnapshotTests {
    let context = PageContext(
        title: "Child A1", viewer: Viewer(displayName: "Sam Worker", role: .practitioner),
        csrfToken: "csrf-token-for-snapshots", currentArea: .children)

    @Test func childWithAChronology() {
        func record(_ kind: JourneyKind, _ starts: String, ends: String? = nil, _ fields: [String: String]) -> JourneyRecord {
            JourneyRecord(
                childLocalID: "A1", kind: kind, naturalKey: starts, starts: ISODay(starts), ends: ends.flatMap { ISODay($0) }, fields: fields,
                sourceFile: "file.csv", sourceLine: 2)
        }
        let referral = record(.cinEpisode, "2024-11-04", ["ReferralSource": "3A", "PrimaryNeedCode": "N1", "ReferralNFA": "false"])
        let episode = record(.ssda903(.episodes), "2025-02-03", ["LS": "C2", "PLACE": "U4", "PLACE_PROVIDER": "PR1", "RNE": "S"])
        let visit = record(
            .caseSystem(.cpVisits), "2025-03-10", ["cppv_cp_visit_seen": "Y", "cppv_cp_visit_seen_alone": "Y", "cppv_cp_visit_bedroom": "N"])
        let model = ChildPage.Model(
            heading: "Child A1",
            identity: [("Local identifier", "A1"), ("Unique pupil number", "–"), ("Date of birth", "27 March 2012 (aged 14)"), ("Sex", "Female")],
            statuses: ["Looked after", "Child protection plan"], now: ChildNow.lines([referral, episode, visit], on: ISODay("2025-03-20")!),
            allocation: "Sam Worker, MASH Team",
            dueNext: [
                .init(what: "Child protection visit", due: "24 March 2025", state: "2 working days overdue", overdue: true),
                .init(what: "Looked-after review", due: "1 April 2025", state: "Due in 4 days", overdue: false),
            ],
            filter: .init(
                childID: "00000000-0000-0000-0000-000000000001", kinds: [("cin.episode", "Referral to children's social care")],
                kind: "", from: "", to: "", leftOut: 0),
            chronology: [referral, episode, visit].map { record in
                .init(
                    date: record.starts!.written, age: "aged \(ISODay(year: 2012, month: 3, day: 27).age(on: record.starts!))",
                    sentence: RecordInWords.sentence(record), source: "file.csv, line 2")
            },
            otherRecords: [.init(date: "", sentence: "Looked-after return header", source: "header.csv, line 2")])
        let html = ChildPage.render(model, context: context)
        #expect(html.contains("Referral from a GP; primary need: abuse or neglect"))
        #expect(html.contains("Looked after: full care order; foster care with another carer, long term, provided by the council's own provision"))
        #expect(html.contains("Child protection visit: seen, seen alone, bedroom not seen"))
        // What is open now, at the top, with the day it began.
        #expect(html.contains("<dt>Now</dt>") && html.contains("; since 3 February 2025</li>"))
        assertSnapshot(of: html, as: .html)
    }

    @Test func childWithValidationIssues() {
        let model = ChildPage.Model(
            heading: "Child A1", identity: [("Local identifier", "A1")], statuses: ["Looked after"], allocation: nil,
            returnChecks: [
                .init(
                    title: "SSDA903 2025/26",
                    findings: [
                        .init(
                            rule: "356", severity: "Error", record: "Looked-after episode (DECOM 01/02/2025)", fields: "DECOM, DEC",
                            message: "The date the episode ceased is before the date the same episode started.")
                    ]),
                .init(title: "CIN census 2025/26", findings: []),
                .init(title: "CIN census 2019/20", findings: nil),
            ],
            chronology: [.init(date: "1 February 2025", sentence: "Full care order", source: "episodes.csv, line 2")], otherRecords: [])
        assertSnapshot(of: ChildPage.render(model, context: context), as: .html)
    }

    @Test func searchResultsWithoutNames() {
        let model = ChildrenPage.Model(
            query: "A1", seesNames: false,
            results: [
                .init(id: "00000000-0000-0000-0000-000000000001", localID: "A1", name: nil, dateOfBirth: "2012-03-27", statuses: "Looked after")
            ],
            total: 12, mayImport: false)
        assertSnapshot(of: ChildrenPage.render(model, context: context), as: .html)
    }

    @Test func teamCaseloadWorkerByWorker() {
        let team = CaseloadPages.TeamSummary(
            id: "00000000-0000-0000-0000-00000000000a", name: "Duty & Assessment Team 1",
            serviceArea: "Duty and Assessment", children: 3, workers: 1, withoutWorker: 1, protection: 1,
            inNeed: 2, lookedAfter: 0, careLeavers: 0)
        let child = { (n: Int, name: String?, status: String) in
            CaseloadPages.ChildRow(
                id: "00000000-0000-0000-0000-00000000000\(n)", localID: "C\(n)", name: name, statuses: status, since: "2025-07-2\(n)")
        }
        let page = CaseloadPages.team(
            team,
            workers: [
                .init(
                    name: "Sam Mensah",
                    children: [child(1, "Amara Okafor", "Child in need, Child protection plan"), child(2, "Theo Smith", "Child in need")]),
                .init(name: nil, children: [child(3, "Ivy Jones", "")]),
            ], seesNames: true, context: context)
        assertSnapshot(of: page, as: .html)
        let overview = CaseloadPages.overview(.teams([team]), seesNames: true, context: context)
        assertSnapshot(of: overview, as: .html)
    }

    @Test func dailyTracker() {
        let row = TrackerPage.Row(
            childID: "00000000-0000-0000-0000-000000000001", localID: "C1", name: "Amara Okafor", worker: "Sam Mensah",
            what: "MASH decision within 1 working day of the contact", due: "2025-08-01", state: "1 working day overdue",
            evidence: "Contact 2025-07-31; decision not yet made")
        let model = TrackerPage.Model(
            teamID: "00000000-0000-0000-0000-00000000000a", team: "Duty & Assessment Team 1", day: "2025-08-04",
            dayInWords: "Monday 4 August 2025", overdue: [row], dueToday: [], comingUp: [], seesNames: true,
            supervision: [.init(name: "Sam Mensah", cadence: "Monthly", lastHeld: "20 June 2025", state: "14 days overdue")],
            learningActions: [
                .init(owner: "Sam Mensah", action: "Update the contingency plan", due: "25 July 2025", state: "10 days overdue")
            ])
        assertSnapshot(of: TrackerPage.render(model, context: context), as: .html)
    }

    @Test func weeklyTracker() {
        let none = WeeklyTrackerPage.Figures(overdue: 0, dueThisWeek: 0, doneOnTime: 0, doneLate: 0, onTime: "–")
        let busy = WeeklyTrackerPage.Figures(overdue: 2, dueThisWeek: 1, doneOnTime: 1, doneLate: 1, onTime: "50%")
        let interview = TrackerPage.Row(
            childID: "00000000-0000-0000-0000-000000000001", localID: "C1", name: "Amara Okafor", team: "Duty & Assessment Team 1",
            worker: "Sam Mensah",
            what: "Return home interview within 72 hours of a missing episode ending", due: "2025-08-04", state: "1 day overdue",
            evidence: "Missing from 2025-07-30 to 2025-08-01; no return interview on record")
        let model = WeeklyTrackerPage.Model(
            serviceAreaID: "00000000-0000-0000-0000-00000000000b", serviceArea: "Duty and Assessment", day: ISODay("2025-08-05")!,
            dayInWords: "Tuesday 5 August 2025", week: "Monday 4 August 2025 to Sunday 10 August 2025",
            lastWeek: "Monday 28 July 2025 to Sunday 3 August 2025",
            teams: [
                .init(id: "00000000-0000-0000-0000-00000000000a", name: "Duty & Assessment Team 1", children: 2, figures: busy),
                .init(id: "00000000-0000-0000-0000-00000000000c", name: "Duty & Assessment Team 2", children: 0, figures: none),
            ],
            total: busy, rules: [.init(title: "MASH decision within 1 working day of the contact", figures: busy)],
            outstanding: [.init(title: "Child protection", actions: []), .init(title: "Children in care", actions: [interview])], seesNames: true)
        assertSnapshot(of: WeeklyTrackerPage.render(model, context: context), as: .html)
    }

    @Test func aCheckedCINCensus() {
        let checked = ReturnValidationPage.Checked(
            title: "CIN census 2025/26", issueCount: 3, rulesRun: 109,
            rules: [
                .init(code: "4180", severity: "Error", rows: 2, children: 2, message: "Sex must be provided and equal M, F, or U (ERROR)"),
                .init(
                    code: "2887Q", severity: "Query", rows: 1, children: 0,
                    message: "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return (QUERY)"),
            ],
            children: [
                ("", [.init(place: "Header row 0", rule: "2887Q", message: "Please check … (QUERY)")]),
                ("A1", [.init(place: "ChildIdentifiers row 0 (Sex)", rule: "4180", message: "Sex must be provided and equal M, F, or U (ERROR)")]),
            ],
            notRun: [], readingProblems: [])
        let model = ReturnValidationPage.Model(
            kind: "cin", year: "2026", years: [.init(value: "2026", label: "2025/26")], errors: FormErrors(),
            checked: checked)
        assertSnapshot(of: ReturnValidationPage.render(model, context: context), as: .html)
    }
}

@Suite struct WeeklyTrackerWordsTests {
    @Test func lastWeeksWorkInWords() {
        func figures(_ onTime: Int, _ late: Int, _ share: String) -> WeeklyTrackerPage.Figures {
            .init(overdue: 0, dueThisWeek: 0, doneOnTime: onTime, doneLate: late, onTime: share)
        }
        let week = "Monday 28 July 2025 to Sunday 3 August 2025"
        #expect(WeeklyTrackerPage.lastWeek(figures(0, 0, "–"), week) == "Nothing was done last week (\(week)).")
        #expect(WeeklyTrackerPage.lastWeek(figures(0, 1, "0%"), week) == "Last week (\(week)) 1 was done, late.")
        #expect(WeeklyTrackerPage.lastWeek(figures(1, 1, "50%"), week) == "Last week (\(week)) 2 were done, 50% of them on time.")
    }

}

@Suite struct HTMLTextTests {
    @Test func escapesWhatPlotEscapesInText() {
        #expect(HTMLText.escaped("A & B <c> \"d\" 'e' café") == "A &amp; B &lt;c&gt; \"d\" 'e' café")
        #expect(HTMLText.escaped("plain") == "plain")
    }

}
