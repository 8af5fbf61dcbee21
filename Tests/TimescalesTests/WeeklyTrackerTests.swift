import Testing
import WaymarkDomain

@testable import WaymarkTimescales

@Suite struct WeeklyTrackerTests {
    func clock(_ rule: TimescaleRule, _ child: String, due: String, met: String? = nil, closed: Bool = false) -> Timescale {
        Timescale(
            rule: rule, childLocalID: child, record: "R", from: ISODay("2025-01-01")!, due: ISODay(due)!,
            met: met.flatMap { ISODay($0) }, closed: closed, evidence: "")
    }

    /// As at Wednesday 5 March 2025: the week is Monday 3 to Sunday 9 March, and last week Monday 24 February to
    /// Sunday 2 March. Worked by hand, team by team.
    @Test func countsOverdueDueThisWeekAndLastWeeksWorkByTeamAndTimescale() {
        let tracker = WeeklyTracker(
            clocksByTeam: [
                "Safeguarding 1": [
                    clock(.protectionVisit, "A", due: "2025-03-04"), // overdue (yesterday)
                    clock(.protectionVisit, "B", due: "2025-03-05"), // due today: this week
                    clock(.protectionReview, "B", due: "2025-03-09"), // Sunday: still this week
                    clock(.protectionReview, "C", due: "2025-03-10"), // next week: not counted
                    clock(.protectionVisit, "C", due: "2025-02-26", met: "2025-02-26"), // done last week, on time
                    clock(.initialConference, "D", due: "2025-02-20", met: "2025-03-02"), // done last week (Sunday), late
                    clock(.protectionVisit, "D", due: "2025-02-20", met: "2025-03-03"), // done this week: not last week's
                    clock(.protectionVisit, "E", due: "2025-02-01", closed: true), // plan ended: not outstanding
                ],
                "Children in care 1": [
                    clock(.lookedAfterReview, "F", due: "2025-01-15"), // overdue since January
                    clock(.assessment, "G", due: "2025-02-28"), // overdue, front door
                    clock(.lookedAfterVisit, "F", due: "2025-02-23", met: "2025-02-24"), // done last week, late
                ],
            ], on: ISODay("2025-03-05")!)

        #expect(tracker.weekStarts == ISODay("2025-03-03")!)
        #expect(tracker.weekEnds == ISODay("2025-03-09")!)
        #expect(tracker.lastWeek == ISODay("2025-02-24")!...ISODay("2025-03-02")!)

        let safeguarding = tracker.byTeam["Safeguarding 1"]!
        #expect((safeguarding.overdue, safeguarding.dueThisWeek, safeguarding.doneOnTime, safeguarding.doneLate) == (1, 2, 1, 1))
        #expect(safeguarding.onTimePercentage == 50)
        let inCare = tracker.byTeam["Children in care 1"]!
        #expect((inCare.overdue, inCare.dueThisWeek, inCare.doneOnTime, inCare.doneLate) == (2, 0, 0, 1))
        #expect(inCare.onTimePercentage == 0)

        #expect(tracker.byRule[.protectionVisit]?.overdue == 1)
        #expect(tracker.byRule[.protectionVisit]?.dueThisWeek == 1)
        #expect(tracker.byRule[.protectionVisit]?.doneOnTime == 1)
        #expect(tracker.byRule[.initialConference]?.doneLate == 1)
        #expect((tracker.total.overdue, tracker.total.dueThisWeek, tracker.total.doneOnTime, tracker.total.doneLate) == (3, 2, 1, 2))

        // Outstanding actions: overdue and still open, longest overdue first; the assessment is the front door's.
        #expect(tracker.outstanding[.childProtection]?.map(\.clock.childLocalID) == ["A"])
        #expect(tracker.outstanding[.childrenInCare]?.map { "\($0.team): \($0.clock.childLocalID)" } == ["Children in care 1: F"])
        #expect(tracker.outstanding[.frontDoor] == nil)
    }

    @Test func aSundayBelongsToTheWeekThatEndsOnIt() {
        let tracker = WeeklyTracker(clocksByTeam: [:], on: ISODay("2025-03-09")!)
        #expect(tracker.weekStarts == ISODay("2025-03-03")!)
        #expect(tracker.total.onTimePercentage == nil)
    }
}
