import Testing
import WaymarkDomain

@Suite("Supervision: cadence, compliance, case discussions and the session form")
struct SupervisionTests {
    let day = { (text: String) in ISODay(text)! }

    @Test("A newly qualified worker: weekly for six weeks, fortnightly to six months, then monthly (LGA standard 5)")
    func newlyQualifiedCadence() {
        let cadence = SupervisionCadence.newlyQualified(since: day("2026-09-01"))
        // Week 1: 1 September + 7.
        #expect(cadence.due(after: day("2026-09-01")) == day("2026-09-08"))
        // 12 October is day 41 after 1 September, still within the first six weeks (to 12 October inclusive).
        #expect(cadence.due(after: day("2026-10-12")) == day("2026-10-19"))
        // 13 October is 42 days on: fortnightly.
        #expect(cadence.due(after: day("2026-10-13")) == day("2026-10-27"))
        // 28 February 2027 is before 1 March 2027 (six months): still fortnightly.
        #expect(cadence.due(after: day("2027-02-28")) == day("2027-03-14"))
        // From 1 March 2027: monthly.
        #expect(cadence.due(after: day("2027-03-01")) == day("2027-04-01"))
        #expect(cadence.inWords(on: day("2026-09-20")) == "Weekly (newly qualified, first 6 weeks)")
        #expect(cadence.inWords(on: day("2026-12-06")) == "Fortnightly (newly qualified, first 6 months)")
        #expect(SupervisionCadence.monthly.due(after: day("2026-01-31")) == day("2026-02-28"))
    }

    @Test("Within cadence: due after the last session held on or before the day; cancelled sessions are not passed in")
    func standing() {
        let monthly = SupervisionStanding(
            cadence: .monthly, starts: day("2026-06-01"), held: [day("2026-10-20"), day("2026-11-03"), day("2026-12-20")], on: day("2026-12-06"))
        // The session on 20 December is after the day and does not count: 3 November + 1 month = 3 December, 3 days ago.
        #expect(monthly.lastHeld == day("2026-11-03"))
        #expect(monthly.due == day("2026-12-03"))
        #expect(monthly.daysOverdue == 3)
        #expect(!monthly.withinCadence)
        #expect(monthly.inWords(on: day("2026-12-06")) == "3 days overdue")
        // No session yet: due a month after the agreement started.
        let new = SupervisionStanding(cadence: .monthly, starts: day("2026-11-20"), held: [], on: day("2026-12-06"))
        #expect(new.due == day("2026-12-20") && new.withinCadence)
        #expect(new.inWords(on: day("2026-12-06")) == "Due 20 December 2026")
        // A session before the agreement started (under an earlier supervisor's) does not count for this one.
        let moved = SupervisionStanding(cadence: .monthly, starts: day("2026-11-20"), held: [day("2026-11-19")], on: day("2026-12-06"))
        #expect(moved.lastHeld == nil)
        let today = SupervisionStanding(cadence: .monthly, starts: day("2026-11-06"), held: [], on: day("2026-12-06"))
        #expect(today.inWords(on: day("2026-12-06")) == "Due today" && today.withinCadence)
    }

    @Test("Case discussions: the shortest interval of the child's statuses, from allocation or the last discussion")
    func caseDiscussions() {
        let intervals = CaseDiscussionIntervals()
        #expect(intervals.days(for: [JourneyStatus.inNeed, JourneyStatus.protectionPlan]) == 28)
        #expect(intervals.days(for: [JourneyStatus.lookedAfter]) == 42)
        #expect(intervals.days(for: [JourneyStatus.earlyHelp]) == nil)
        #expect(intervals.standing(statuses: [JourneyStatus.careLeaver], allocatedOn: day("2026-01-01"), discussed: [], on: day("2026-12-06")) == nil)
        // On a plan, allocated 1 October, discussed 15 October and 1 November: due 29 November, 7 days overdue on 6 December.
        let plan = intervals.standing(
            statuses: [JourneyStatus.protectionPlan], allocatedOn: day("2026-10-01"), discussed: [day("2026-10-15"), day("2026-11-01")],
            on: day("2026-12-06"))
        #expect(plan == CaseDiscussionStanding(lastDiscussed: day("2026-11-01"), due: day("2026-11-29"), intervalDays: 28, daysOverdue: 7))
        // Looked after, allocated 1 November, never discussed: due 13 December.
        let lookedAfter = intervals.standing(
            statuses: [JourneyStatus.lookedAfter], allocatedOn: day("2026-11-01"), discussed: [], on: day("2026-12-06"))
        #expect(lookedAfter?.due == day("2026-12-13") && lookedAfter?.withinInterval == true)
        // A discussion before the current allocation (with the last worker) does not count.
        let moved = intervals.standing(
            statuses: [JourneyStatus.inNeed], allocatedOn: day("2026-11-01"), discussed: [day("2026-10-30")], on: day("2026-12-06"))
        #expect(moved?.lastDiscussed == nil)
    }

    @Test("The interval on a day from the records as they stood then, the same as from the statuses spelled out")
    func intervalOnADay() {
        let intervals = CaseDiscussionIntervals()
        let records: [(kind: JourneyKind, starts: ISODay?, ends: ISODay?)] = [
            (.ssda903(.episodes), day("2026-01-01"), nil), (.cinProtectionPlan, day("2026-02-01"), day("2026-06-01")),
            (.cinEpisode, day("2026-11-01"), nil), (.caseSystem(.earlyHelpEpisodes), day("2025-06-01"), nil),
        ]
        // Before anything but early help began: no interval. On a plan and looked after: the plan's 28 days. The plan
        // ended on 1 June (not open that day): looked after, 42.
        let cases: [(String, Int?)] = [("2025-12-01", nil), ("2026-05-01", 28), ("2026-06-01", 42), ("2026-12-06", 42)]
        for (text, expected) in cases {
            #expect(intervals.days(on: day(text), records) == expected, "\(text)")
            #expect(intervals.days(for: JourneyStatus.on(day(text), records)) == expected, "\(text), spelled out")
        }
    }

    @Test("A held session needs its kind, day and a record; each case discussion its child, what was discussed and decided")
    func sessionForm() throws {
        var form = SupervisionSessionForm()
        form.kind = "one-to-one"
        form.heldOn = "2026-12-07"
        form.discussions = [
            CaseDiscussionForm(child: "C1", discussion: "Visits", decision: "", action: "Visit", actionOwner: "", actionDue: "2026-11-30"),
            CaseDiscussionForm(),
            CaseDiscussionForm(child: "zz", discussion: "x", decision: "y"),
        ]
        let children: Set<String> = ["c1", "c2"]
        guard case .failure(let mistakes) = form.checked(today: day("2026-12-06"), starts: day("2026-06-01"), children: children) else {
            Issue.record("accepted")
            return
        }
        #expect(
            mistakes.all == [
                FieldMistake(field: "held-on", message: "The day of the session must be today or earlier"),
                FieldMistake(field: "experience", message: "Record the session: at least what happened or what happens next"),
                FieldMistake(
                    field: "discussion-0-decision", message: "Case discussion 1: say what was decided, even if it is that the plan continues"),
                FieldMistake(field: "discussion-0-owner", message: "Case discussion 1: say who will do it"),
                FieldMistake(field: "discussion-0-due", message: "Case discussion 1: the day it is due must be on or after the session"),
                FieldMistake(field: "discussion-2-child", message: "Case discussion 3: choose one of the children the supervisee holds"),
            ])
        form.heldOn = "2026-12-04"
        form.nextSteps = "Keep the PLO timetable."
        form.wellbeing = "Tired after duty week."
        form.discussions = [
            CaseDiscussionForm(
                child: "C1", discussion: "Visits", decision: "Plan continues", action: "Visit", actionOwner: "Ana", actionDue: "2026-12-11")
        ]
        let checked = try form.checked(today: day("2026-12-06"), starts: day("2026-06-01"), children: children).get()
        #expect(checked.heldOn == day("2026-12-04") && checked.cancelledBecause == nil && checked.wellbeing == "Tired after duty week.")
        #expect(
            checked.discussions == [
                .init(
                    child: "c1", discussion: "Visits", decision: "Plan continues", action: "Visit", actionOwner: "Ana", actionDue: day("2026-12-11"))
            ])
        // The same child twice in a session is refused.
        form.discussions.append(CaseDiscussionForm(child: "c1", discussion: "Again", decision: "More"))
        guard case .failure(let twice) = form.checked(today: day("2026-12-06"), starts: day("2026-06-01"), children: children) else {
            Issue.record("accepted")
            return
        }
        #expect(twice.all.map(\.field) == ["case-discussions"])
    }

    @Test("A cancelled session says why and discusses no child; a group session names who attended")
    func cancelledAndGroup() throws {
        var form = SupervisionSessionForm()
        form.kind = "group"
        form.heldOn = "2026-12-01"
        form.cancelled = true
        form.discussions = [CaseDiscussionForm(child: "c1", discussion: "x", decision: "y")]
        guard case .failure(let mistakes) = form.checked(today: day("2026-12-06"), starts: day("2026-06-01"), children: ["c1"]) else {
            Issue.record("accepted")
            return
        }
        #expect(
            mistakes.all == [
                FieldMistake(field: "cancelled-because", message: "Say why the session was cancelled"),
                FieldMistake(field: "discussion-0-child", message: "A cancelled session has no case discussions: leave them blank"),
            ])
        form.discussions = []
        form.cancelledBecause = "Supervisor off sick"
        #expect(try form.checked(today: day("2026-12-06"), starts: day("2026-06-01"), children: []).get().cancelledBecause == "Supervisor off sick")
        form.cancelled = false
        form.experience = "Reflective group on neglect."
        guard case .failure(let group) = form.checked(today: day("2026-12-06"), starts: day("2026-06-01"), children: []) else {
            Issue.record("accepted")
            return
        }
        #expect(group.all == [FieldMistake(field: "attendees", message: "Say who attended the group session")])
    }

    @Test("An agreement: a supervisor other than the supervisee, a cover other than both, and the cadence it sets")
    func agreementForm() throws {
        var form = SupervisionAgreementForm()
        form.supervisee = "a"
        form.supervisor = "a"
        form.cover = "a"
        form.starts = "2026-13-01"
        guard case .failure(let mistakes) = form.checked(today: day("2026-12-06"), supervisees: ["a", "b"], supervisors: ["a", "b", "c"]) else {
            Issue.record("accepted")
            return
        }
        #expect(
            mistakes.all == [
                FieldMistake(field: "supervisor", message: "A person cannot supervise themselves"),
                FieldMistake(field: "cover", message: "The cover supervisor must be someone other than the supervisor and the person supervised"),
                FieldMistake(field: "starts", message: "The day the agreement starts must be a real date, for example 1 12 2026"),
            ])
        form.supervisor = "b"
        form.cover = "c"
        form.starts = "2026-12-01"
        form.newlyQualified = true
        form.qualifiedSince = "2026-09-07"
        let checked = try form.checked(today: day("2026-12-06"), supervisees: ["a"], supervisors: ["b", "c"]).get()
        #expect(checked.cadence == .newlyQualified(since: day("2026-09-07")) && checked.cover == "c")
        form.newlyQualified = false
        #expect(try form.checked(today: day("2026-12-06"), supervisees: ["a"], supervisors: ["b", "c"]).get().cadence == .monthly)
    }
}
