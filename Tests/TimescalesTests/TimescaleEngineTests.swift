import Testing
import WaymarkDomain
import WaymarkReturns

@testable import WaymarkTimescales

/// Every rule worked by hand on small journeys, with England and Wales bank holidays, weekends, plans that end and
/// plans still open. The dates in each comment are the working out.
@Suite struct TimescaleEngineTests {
    let engine = TimescaleEngine()
    let calendar = WorkingDays.englandAndWales

    static func day(_ text: String) -> ISODay { ISODay(text)! }

    static func record(_ kind: JourneyKind, _ key: String, starts: String?, ends: String? = nil, _ fields: [String: String] = [:]) -> JourneyRecord {
        JourneyRecord(
            childLocalID: "C1", kind: kind, naturalKey: key, starts: starts.map(day), ends: ends.map(day), fields: fields,
            sourceFile: "test", sourceLine: 1)
    }

    func clocks(_ records: [JourneyRecord], today: String, _ rule: TimescaleRule) -> [Timescale] {
        engine.timescales(child: "C1", records: records, today: Self.day(today)).filter { $0.rule == rule }
    }

    func states(_ clocks: [Timescale], today: String) -> [Timescale.State] { clocks.map { $0.state(on: Self.day(today), calendar: calendar) } }

    @Test func aMASHDecisionIsDueTheWorkingDayAfterTheContact() {
        // Contact Thursday 17 April 2025: Good Friday, the weekend and Easter Monday skipped, so due Tuesday 22nd.
        let onTime = clocks(
            [Self.record(.caseSystem(.mashDecisions), "M1", starts: "2025-04-17", ends: "2025-04-22")], today: "2025-05-01", .mashDecision)
        #expect(onTime.map(\.due) == [Self.day("2025-04-22")])
        #expect(states(onTime, today: "2025-05-01") == [.metOnTime])
        let late = clocks(
            [Self.record(.caseSystem(.mashDecisions), "M1", starts: "2025-04-17", ends: "2025-04-23")], today: "2025-05-01", .mashDecision)
        #expect(states(late, today: "2025-05-01") == [.metLate(by: 1)])
    }

    @Test func anAssessmentIsDue45WorkingDaysAfterTheReferral() {
        // Referral Monday 1 December 2025; Christmas Day, Boxing Day and New Year's Day skipped: due Thursday 5 February 2026.
        func assessment(_ authorised: String?) -> JourneyRecord {
            Self.record(
                .cinAssessment, "2025-12-01|2025-12-03", starts: "2025-12-03", ends: authorised,
                authorised.map { ["AssessmentAuthorisationDate": $0] } ?? [:])
        }
        #expect(clocks([assessment("2026-02-05")], today: "2026-03-01", .assessment).map(\.due) == [Self.day("2026-02-05")])
        #expect(states(clocks([assessment("2026-02-05")], today: "2026-03-01", .assessment), today: "2026-03-01") == [.metOnTime])
        // Authorised Monday 9 February: Friday 6th and Monday 9th late.
        #expect(states(clocks([assessment("2026-02-09")], today: "2026-03-01", .assessment), today: "2026-03-01") == [.metLate(by: 2)])
        // Not authorised by Tuesday 10 February: three working days overdue; on 2 February, due in 3.
        let open = clocks([assessment(nil)], today: "2026-02-10", .assessment)
        #expect(states(open, today: "2026-02-10") == [.overdue(by: 3)])
        #expect(states(open, today: "2026-02-02") == [.due(in: 3)])
        #expect(open[0].evidence == "Referral 1 December 2025; assessment started 3 December 2025, not yet authorised")
    }

    @Test func theConferenceIsDue15WorkingDaysAfterTheStrategyDiscussion() {
        let enquiry = Self.record(
            .cinSection47, "2025-12-15|2025-12-22", starts: "2025-12-22", ends: "2026-01-14",
            ["S47ActualStartDate": "2025-12-22", "DateOfInitialCPC": "2026-01-14", "ICPCnotRequired": "false"])
        // Strategy discussion Friday 19 December 2025: 15 working days, skipping 25, 26 December and 1 January, is Wednesday 14 January.
        let discussion = Self.record(.caseSystem(.strategyDiscussions), "S1", starts: "2025-12-19")
        let withDiscussion = clocks([enquiry, discussion], today: "2026-02-01", .initialConference)
        #expect(withDiscussion.map(\.from) == [Self.day("2025-12-19")] && withDiscussion.map(\.due) == [Self.day("2026-01-14")])
        #expect(states(withDiscussion, today: "2026-02-01") == [.metOnTime])
        // With none on record the clock starts with the enquiry, Monday 22 December: due Thursday 15 January.
        let without = clocks([enquiry], today: "2026-02-01", .initialConference)
        #expect(without.map(\.due) == [Self.day("2026-01-15")])
        #expect(without[0].evidence.hasPrefix("No strategy discussion on record"))
        // A discussion more than 5 working days before the enquiry did not start it.
        let old = Self.record(.caseSystem(.strategyDiscussions), "S0", starts: "2025-12-10")
        #expect(clocks([enquiry, old], today: "2026-02-01", .initialConference).map(\.from) == [Self.day("2025-12-22")])
        // No conference needed: no clock.
        var notRequired = enquiry
        notRequired.fields["ICPCnotRequired"] = "true"
        #expect(clocks([notRequired], today: "2026-02-01", .initialConference).isEmpty)
    }

    @Test func protectionReviewsAreDueAt3MonthsThenEvery6() {
        let plan = Self.record(.cinProtectionPlan, "2025-01-02|2025-01-15", starts: "2025-01-15")
        let reviews = ["2025-04-10", "2025-10-20"].map { Self.record(.cinProtectionReview, "2025-01-02|2025-01-15|\($0)", starts: $0) }
        // First due 15 April (met 10 April); next 10 October (met 20 October, 10 days late); next 20 April 2026, open.
        let open = clocks([plan] + reviews, today: "2026-05-01", .protectionReview)
        #expect(open.map(\.due) == ["2025-04-15", "2025-10-10", "2026-04-20"].map(Self.day))
        #expect(states(open, today: "2026-05-01") == [.metOnTime, .metLate(by: 10), .overdue(by: 11)])
        // The plan ended on 1 March 2026, before the third fell due: two clocks only.
        var ended = plan
        ended.ends = Self.day("2026-03-01")
        #expect(clocks([ended] + reviews, today: "2026-05-01", .protectionReview).count == 2)
        // Another plan's reviews do not count for this one.
        let other = Self.record(.cinProtectionReview, "2024-01-02|2024-01-15|2025-04-10", starts: "2025-04-10")
        #expect(states(clocks([plan, other], today: "2025-05-01", .protectionReview), today: "2025-05-01") == [.overdue(by: 16)])
    }

    @Test func protectionVisitsAreDueEveryTenWorkingDaysOrAsSet() {
        // Plan from Monday 2 June 2025: first visit due Monday 16 June; visited Thursday 12th.
        // Next due Thursday 26 June; visited Monday 30th (Friday 27th and Monday 30th late). Next due Monday 14 July.
        let plan = Self.record(.cinProtectionPlan, "2025-05-20|2025-06-02", starts: "2025-06-02")
        let visits = ["2025-06-12", "2025-06-30"].enumerated().map { Self.record(.caseSystem(.cpVisits), "V\($0.offset)", starts: $0.element) }
        let open = clocks([plan] + visits, today: "2025-07-16", .protectionVisit)
        #expect(open.map(\.due) == ["2025-06-16", "2025-06-26", "2025-07-14"].map(Self.day))
        #expect(states(open, today: "2025-07-16") == [.metOnTime, .metLate(by: 2), .overdue(by: 2)])
        // The plan ended on Thursday 10 July, before the third visit fell due.
        var ended = plan
        ended.ends = Self.day("2025-07-10")
        #expect(clocks([ended] + visits, today: "2025-07-16", .protectionVisit).count == 2)
        // Ended on Tuesday 15 July with the third visit not made: missed.
        ended.ends = Self.day("2025-07-15")
        #expect(states(clocks([ended] + visits, today: "2025-07-16", .protectionVisit), today: "2025-07-16").last == .missed)
        // A council that visits every 20 working days: the first is due Monday 30 June, and the 12 June visit meets it.
        let monthly = TimescaleEngine(settings: TimescaleSettings(protectionVisitWorkingDays: 20))
        let first = monthly.timescales(child: "C1", records: [plan] + visits, today: Self.day("2025-07-16")).first { $0.rule == .protectionVisit }
        #expect(first?.due == Self.day("2025-06-30") && first?.met == Self.day("2025-06-12"))
    }

    @Test func childInNeedVisitsAreDueEveryTwentyWorkingDaysAndReviewsEveryThreeMonthsOrAsSet() {
        // Plan from Monday 2 June 2025. Visits: first due Monday 30 June, met Friday 20 June; next due Friday 18 July,
        // met Friday 25 July (5 working days late); next due Friday 22 August, met Wednesday 20th; next due Thursday
        // 18 September (Monday 25 August a bank holiday), not met: on Wednesday 15 October 19 working days overdue.
        // A visit on 30 May, before the plan, is not one of its visits.
        let plan = Self.record(.cinPlan, "2025-05-12|2025-06-02", starts: "2025-06-02")
        let visits = ["2025-05-30", "2025-06-20", "2025-07-25", "2025-08-20"].enumerated().map {
            Self.record(.caseSystem(.cinVisits), "V\($0.offset)", starts: $0.element)
        }
        // Reviews: the first due 2 September, met 29 August; the next due 29 November.
        let review = Self.record(.caseSystem(.cinPlanReviews), "R1", starts: "2025-08-29")
        let records = [plan, review] + visits
        let visitClocks = clocks(records, today: "2025-10-15", .childInNeedVisit)
        #expect(visitClocks.map(\.due) == ["2025-06-30", "2025-07-18", "2025-08-22", "2025-09-18"].map(Self.day))
        #expect(states(visitClocks, today: "2025-10-15") == [.metOnTime, .metLate(by: 5), .metOnTime, .overdue(by: 19)])
        let reviewClocks = clocks(records, today: "2025-10-15", .childInNeedReview)
        #expect(reviewClocks.map(\.due) == ["2025-09-02", "2025-11-29"].map(Self.day))
        #expect(states(reviewClocks, today: "2025-10-15") == [.metOnTime, .due(in: 45)])
        // The plan ended on Tuesday 1 July: one visit clock, met; the review was not yet due.
        var ended = plan
        ended.ends = Self.day("2025-07-01")
        #expect(states(clocks([ended, review] + visits, today: "2025-10-15", .childInNeedVisit), today: "2025-10-15") == [.metOnTime])
        #expect(clocks([ended, review] + visits, today: "2025-10-15", .childInNeedReview).isEmpty)
        // A council that visits every 10 working days and reviews every 6 months.
        let other = TimescaleEngine(settings: TimescaleSettings(childInNeedVisitWorkingDays: 10, childInNeedReviewMonths: 6))
        let set = other.timescales(child: "C1", records: records, today: Self.day("2025-10-15"))
        #expect(set.first { $0.rule == .childInNeedVisit }?.due == Self.day("2025-06-16"))
        #expect(set.first { $0.rule == .childInNeedReview }?.due == Self.day("2025-12-02"))
        #expect(other.fingerprint != engine.fingerprint)
    }

    @Test func lookedAfterReviewsAndTheInitialHealthAssessmentCountFromThePeriodOfCare() {
        // Two episodes, a placement move on 15 October: one period of care from Monday 1 September 2025.
        let episodes = [
            Self.record(.ssda903(.episodes), "2025-09-01", starts: "2025-09-01", ends: "2025-10-15"),
            Self.record(.ssda903(.episodes), "2025-10-15", starts: "2025-10-15"),
        ]
        #expect(TimescaleEngine.periodsOfCare(episodes) == [.init(starts: Self.day("2025-09-01"), ends: nil)])
        // First review due 20 working days on, Monday 29 September (met 26th); the second 3 months after the first,
        // 26 December (met 19th); then 6 months after that, 19 June 2026.
        let reviews = ["2025-09-26", "2025-12-19"].map { Self.record(.ssda903(.reviews), $0, starts: $0) }
        let open = clocks(episodes + reviews, today: "2026-03-01", .lookedAfterReview)
        #expect(open.map(\.due) == ["2025-09-29", "2025-12-26", "2026-06-19"].map(Self.day))
        #expect(states(open, today: "2026-03-01") == [.metOnTime, .metOnTime, .due(in: 110)])
        // The health assessment on Wednesday 1 October, two working days after it was due; the dental check does not count.
        let checks = [
            Self.record(.caseSystem(.claHealth), "H1", starts: "2025-09-20", ["clah_health_check_type": "Dental Check"]),
            Self.record(.caseSystem(.claHealth), "H2", starts: "2025-10-01", ["clah_health_check_type": "Health Assessment"]),
        ]
        #expect(states(clocks(episodes + checks, today: "2026-03-01", .initialHealthAssessment), today: "2026-03-01") == [.metLate(by: 2)])
        // A child who left care after a week had no health assessment due.
        let short = [Self.record(.ssda903(.episodes), "2025-09-01", starts: "2025-09-01", ends: "2025-09-08")]
        #expect(clocks(short, today: "2026-03-01", .initialHealthAssessment).isEmpty)
    }

    @Test func lookedAfterVisitsAreDueAWeekIntoEachPlacementThenEverySixWeeks() {
        // Placed Monday 2 June 2025 (not long-term fostering): the first visit due a week on, 9 June (met 6 June); the
        // next 6 weeks after that visit, 18 July (met 21 July, 3 days late); then 1 September, overdue on 10 September.
        let placement = Self.record(.ssda903(.episodes), "2025-06-02", starts: "2025-06-02", ["RNE": "S", "PLACE": "U5", "LS": "C2"])
        let visits = ["2025-06-06", "2025-07-21"].map { Self.record(.caseSystem(.claVisits), $0, starts: $0) }
        let clock = clocks([placement] + visits, today: "2025-09-10", .lookedAfterVisit)
        #expect(clock.map(\.due) == ["2025-06-09", "2025-07-18", "2025-09-01"].map(Self.day))
        #expect(states(clock, today: "2025-09-10") == [.metOnTime, .metLate(by: 3), .overdue(by: 9)])
        // A change of legal status only (L) keeps the placement; a move (P) starts another, with its own first visit
        // due a week on (8 August).
        let moves = [
            Self.record(.ssda903(.episodes), "2025-06-02", starts: "2025-06-02", ends: "2025-07-01", ["RNE": "S", "PLACE": "U5"]),
            Self.record(.ssda903(.episodes), "2025-07-01", starts: "2025-07-01", ends: "2025-08-01", ["RNE": "L", "PLACE": "U5"]),
            Self.record(.ssda903(.episodes), "2025-08-01", starts: "2025-08-01", ["RNE": "P", "PLACE": "U4"]),
        ]
        #expect(Placement.placements(moves).map(\.starts) == ["2025-06-02", "2025-08-01"].map(Self.day))
        #expect(
            clocks(moves + visits, today: "2025-09-10", .lookedAfterVisit).filter { $0.record == "2025-08-01" }.first?.due == Self.day("2025-08-08"))
        // Long-term fostering (U1) from 8 January 2024: after its first year, 3 months between visits. A visit on
        // 10 January 2025 (a year and two days in) puts the next on 10 April 2025, not 6 weeks on.
        let longTerm = Self.record(.ssda903(.episodes), "2024-01-08", starts: "2024-01-08", ["RNE": "S", "PLACE": "U1"])
        let yearly = [
            "2024-01-12", "2024-02-20", "2024-03-29", "2024-05-08", "2024-06-18", "2024-07-26", "2024-09-05", "2024-10-15",
            "2024-11-25", "2025-01-02", "2025-01-10",
        ].map { Self.record(.caseSystem(.claVisits), $0, starts: $0) }
        let afterAYear = clocks([longTerm] + yearly, today: "2025-03-01", .lookedAfterVisit)
        #expect(afterAYear.last?.due == Self.day("2025-04-10") && afterAYear.last?.met == nil)
        #expect(afterAYear.dropLast().allSatisfy { $0.met != nil && $0.met! <= $0.due })
    }

    @Test func aReturnInterviewIsDueWithin72Hours() {
        // Back on Friday 14 November 2025: due Monday 17th (72 hours, weekend included); held Tuesday 18th, a day late.
        let episode = Self.record(.caseSystem(.missing), "MIS1", starts: "2025-11-12", ends: "2025-11-14", ["miss_missing_rhi_date": "2025-11-18"])
        let clock = clocks([episode], today: "2025-12-01", .returnInterview)
        #expect(clock.map(\.due) == [Self.day("2025-11-17")])
        #expect(states(clock, today: "2025-12-01") == [.metLate(by: 1)])
        // Still missing: no clock yet.
        #expect(clocks([Self.record(.caseSystem(.missing), "MIS2", starts: "2025-11-20")], today: "2025-12-01", .returnInterview).isEmpty)
    }

    @Test func reviewHealthAssessmentsAreSixMonthlyUnderFiveAndYearlyFromFive() {
        // Looked after from 1 September 2025; the initial health assessment on 20 September, another on 10 March 2026.
        let records =
            [Self.record(.ssda903(.episodes), "2025-09-01", starts: "2025-09-01")]
            + [("H1", "2025-09-20"), ("H2", "2026-03-10")].map {
                Self.record(.caseSystem(.claHealth), $0.0, starts: $0.1, ["clah_health_check_type": "Health Assessment"])
            }
        func reviews(bornOn born: String) -> [Timescale] {
            engine.timescales(child: "C1", records: records, bornOn: Self.day(born), today: Self.day("2026-10-01")).filter {
                $0.rule == .reviewHealthAssessment
            }
        }
        // Born 15 June 2021, so 4 at both assessments: 6 months each time. Due 20 March 2026 (met 10 March), then
        // 10 September 2026: 21 days overdue on 1 October.
        let young = reviews(bornOn: "2021-06-15")
        #expect(young.map(\.due) == ["2026-03-20", "2026-09-10"].map(Self.day))
        #expect(states(young, today: "2026-10-01") == [.metOnTime, .overdue(by: 21)])
        // Born in 2015: 12 months. Due 20 September 2026, met early on 10 March; the next due 10 March 2027.
        let older = reviews(bornOn: "2015-01-01")
        #expect(older.map(\.due) == ["2026-09-20", "2027-03-10"].map(Self.day))
        #expect(states(older, today: "2026-10-01") == [.metOnTime, .due(in: 160)])
    }

    @Test func personalEducationPlansWithin20WorkingDaysThenEachTermForSchoolAgeChildren() {
        // Looked after from Monday 1 September 2025: the first plan due 29 September (met 26th); the next within 3
        // months, 26 December (met 5 January, 10 days late); then 5 April 2026, 35 days on from 1 March.
        let records =
            [Self.record(.ssda903(.episodes), "2025-09-01", starts: "2025-09-01")]
            + ["2025-09-26", "2026-01-05"].map { Self.record(.caseSystem(.educationPlans), $0, starts: $0) }
        func plans(bornOn born: String?) -> [Timescale] {
            engine.timescales(child: "C1", records: records, bornOn: born.map(Self.day), today: Self.day("2026-03-01")).filter {
                $0.rule == .personalEducationPlan
            }
        }
        let schoolAge = plans(bornOn: "2015-01-01")
        #expect(schoolAge.map(\.due) == ["2025-09-29", "2025-12-26", "2026-04-05"].map(Self.day))
        #expect(states(schoolAge, today: "2026-03-01") == [.metOnTime, .metLate(by: 10), .due(in: 35)])
        // A three-year-old is not of school age; with no date of birth the plan is expected.
        #expect(plans(bornOn: "2022-05-01").isEmpty)
        #expect(plans(bornOn: nil).count == 3)
    }

    @Test func careLeaversPathwayPlanReviewsAndContactUntilTwentyOne() {
        // Two records of the care leaver: pathway plan reviews on 20 July 2025 and 23 January 2026, contacts on
        // 10 January and 12 March 2026.
        let records = [
            Self.record(
                .caseSystem(.careLeavers), "CL0", starts: "2026-01-10",
                ["clea_pathway_plan_review_date": "2025-07-20", "clea_care_leaver_latest_contact": "2026-01-10"]),
            Self.record(
                .caseSystem(.careLeavers), "CL1", starts: "2026-03-12",
                ["clea_pathway_plan_review_date": "2026-01-23", "clea_care_leaver_latest_contact": "2026-03-12"]),
        ]
        let all = engine.timescales(child: "C1", records: records, bornOn: Self.day("2006-05-01"), today: Self.day("2026-04-01"))
        // Reviews: due 20 January 2026, met 23rd (3 days late); the next due 23 July.
        let reviews = all.filter { $0.rule == .pathwayPlanReview }
        #expect(reviews.map(\.due) == ["2026-01-20", "2026-07-23"].map(Self.day))
        #expect(states(reviews, today: "2026-04-01") == [.metLate(by: 3), .due(in: 113)])
        // Contact every 8 weeks: due 7 March, met 12 March (5 days late); the next due 7 May.
        let contacts = all.filter { $0.rule == .careLeaverContact }
        #expect(contacts.map(\.due) == ["2026-03-07", "2026-05-07"].map(Self.day))
        #expect(states(contacts, today: "2026-04-01") == [.metLate(by: 5), .due(in: 36)])
        // Past 21 (born 2004), nothing is due.
        #expect(
            engine.timescales(child: "C1", records: records, bornOn: Self.day("2004-01-01"), today: Self.day("2026-04-01"))
                .filter { $0.rule == .pathwayPlanReview || $0.rule == .careLeaverContact }.isEmpty)
    }

    @Test func recordsAfterTodayAreNotRead() {
        let contact = Self.record(.caseSystem(.mashDecisions), "M1", starts: "2025-04-17", ends: "2025-04-22")
        #expect(clocks([contact], today: "2025-04-16", .mashDecision).isEmpty)
    }
}

@Suite struct DailyTrackerTests {
    @Test func openClocksSortIntoOverdueTodayAndTheNextFiveWorkingDays() {
        func clock(_ child: String, due: String, met: String? = nil, closed: Bool = false) -> Timescale {
            Timescale(
                rule: .protectionVisit, childLocalID: child, record: "P", from: ISODay("2025-04-01")!, due: ISODay(due)!,
                met: met.flatMap { ISODay($0) }, closed: closed, evidence: "")
        }
        // Thursday 17 April 2025: five working days ahead, skipping Good Friday, Easter Monday and the weekend, is
        // Monday 28 April (22, 23, 24, 25, 28).
        let tracker = DailyTracker(
            [
                clock("A", due: "2025-04-10"), clock("B", due: "2025-04-16"), clock("C", due: "2025-04-17"), clock("D", due: "2025-04-28"),
                clock("E", due: "2025-04-29"), clock("F", due: "2025-04-10", met: "2025-04-09"), clock("G", due: "2025-04-10", closed: true),
            ], on: ISODay("2025-04-17")!, calendar: .englandAndWales)
        #expect(tracker.overdue.map(\.childLocalID) == ["A", "B"])
        #expect(tracker.dueToday.map(\.childLocalID) == ["C"])
        #expect(tracker.comingUp.map(\.childLocalID) == ["D"])
    }
}

@Suite struct TimescaleStateTests {
    @Test func statesInWords() {
        #expect(Timescale.State.overdue(by: 1).inWords(unit: .workingDays) == "1 working day overdue")
        #expect(Timescale.State.overdue(by: 3).inWords(unit: .days) == "3 days overdue")
        #expect(Timescale.State.due(in: 0).inWords(unit: .workingDays) == "Due today")
        #expect(Timescale.State.due(in: 2).inWords(unit: .workingDays) == "Due in 2 working days")
        #expect(Timescale.State.metLate(by: 1).inWords(unit: .days) == "Done 1 day late")
        #expect(Timescale.State.metOnTime.inWords(unit: .days) == "Done on time")
        #expect(Timescale.State.missed.inWords(unit: .days) == "Not done")
    }
}

@Suite struct TimescaleKindsTests {
    /// The kinds (and fields) a store reads for the rules are all they use: on the demo's journeys, reading only those
    /// gives the same clocks as reading everything.
    @Test func readingOnlyTheKindsTheRulesUseChangesNothing() {
        let demo = DemoReturns(children: 600, seed: 3, through: ISODay(year: 2026, month: 3, day: 31))
        let teams = DemoCaseSystem.Teams(assessment: ["A"], intervention: ["B"], inCare: "C", leavingCare: "D", earlyHelp: ["E"])
        let journeys = [
            ReturnJourneys(demo.ssda903), ReturnJourneys(demo.census, fileName: "cin.xml"),
            ReturnJourneys(SSDExtractReader.read(files: DemoCaseSystem(demo, teams: teams, seed: 3).files)),
        ]
        let byChild = Dictionary(grouping: journeys.flatMap(\.records), by: \.childLocalID)
        let engine = TimescaleEngine()
        let today = ISODay(year: 2026, month: 3, day: 31)
        let kinds = Set(TimescaleEngine.kinds)
        var clocks = 0
        for (child, records) in byChild {
            let narrowed = records.filter { kinds.contains($0.kind) }.map { record in
                var record = record
                if !TimescaleEngine.kindsWithFields.contains(record.kind) { record.fields = [:] }
                return record
            }
            let all = engine.timescales(child: child, records: records, today: today)
            #expect(engine.timescales(child: child, records: narrowed, today: today) == all)
            clocks += all.count
        }
        #expect(clocks > 1_000)
    }
}

@Suite struct ClockWindowTests {
    static func day(_ text: String) -> ISODay { ISODay(text)! }

    @Test func theWindowRunsFromTheLastRecordToTheNextAndEndsOnACareLeaversTwentyFirstBirthday() {
        let engine = TimescaleEngine()
        let records = [
            TimescaleEngineTests.record(.cinAssessment, "2025-01-06|2025-01-10", starts: "2025-01-10"),
            TimescaleEngineTests.record(.caseSystem(.careLeavers), "L1", starts: "2025-03-03", ["clea_care_leaver_latest_contact": "2025-03-03"]),
            TimescaleEngineTests.record(.caseSystem(.missing), "M1", starts: nil),
        ]
        // Born 1 June 2004: 21 on 1 June 2025, which ends the care leaver's clocks.
        let born = Self.day("2004-06-01")
        #expect(
            engine.window(records: records, bornOn: born, on: Self.day("2025-02-01"))
                == ClockWindow(from: Self.day("2025-01-10"), until: Self.day("2025-03-03")))
        #expect(
            engine.window(records: records, bornOn: born, on: Self.day("2025-03-03"))
                == ClockWindow(from: Self.day("2025-03-03"), until: Self.day("2025-06-01")))
        #expect(engine.window(records: records, bornOn: born, on: Self.day("2025-07-01")) == ClockWindow(from: Self.day("2025-06-01"), until: nil))
        #expect(engine.window(records: records, bornOn: born, on: Self.day("2024-12-31")) == ClockWindow(from: nil, until: Self.day("2025-01-10")))
        // Without care-leaver records the birthday changes nothing; without a date of birth there is none.
        #expect(
            engine.window(records: Array(records.prefix(1)), bornOn: born, on: Self.day("2025-07-01"))
                == ClockWindow(from: Self.day("2025-01-10"), until: nil))
        #expect(engine.window(records: records, bornOn: nil, on: Self.day("2025-07-01")) == ClockWindow(from: Self.day("2025-03-03"), until: nil))
        let window = ClockWindow(from: Self.day("2025-01-10"), until: Self.day("2025-03-03"))
        #expect(window.contains(Self.day("2025-01-10")) && window.contains(Self.day("2025-03-02")))
        #expect(!window.contains(Self.day("2025-01-09")) && !window.contains(Self.day("2025-03-03")))
    }

    /// What makes kept clocks safe to hand out: on the demo's journeys, the clocks worked out on any day of a window
    /// are the clocks worked out on the day the window was found for, and a window's end changes them.
    @Test func clocksAreTheSameOnEveryDayOfTheirWindow() {
        let demo = DemoReturns(children: 300, seed: 11, through: ISODay(year: 2026, month: 3, day: 31))
        let teams = DemoCaseSystem.Teams(assessment: ["A"], intervention: ["B"], inCare: "C", leavingCare: "D", earlyHelp: ["E"])
        let journeys = [
            ReturnJourneys(demo.ssda903), ReturnJourneys(demo.census, fileName: "cin.xml"),
            ReturnJourneys(SSDExtractReader.read(files: DemoCaseSystem(demo, teams: teams, seed: 11).files)),
        ]
        let born = Dictionary(
            journeys.flatMap(\.children).compactMap { child in child.dateOfBirth.map { (child.localID, $0) } }, uniquingKeysWith: { $1 })
        let byChild = Dictionary(grouping: journeys.flatMap(\.records), by: \.childLocalID)
        let engine = TimescaleEngine()
        var checked = 0, changedAtTheEnd = 0
        for (child, records) in byChild {
            for asked in [ISODay(year: 2025, month: 9, day: 15), ISODay(year: 2026, month: 3, day: 31)] {
                let window = engine.window(records: records, bornOn: born[child], on: asked)
                let clocks = engine.timescales(child: child, records: records, bornOn: born[child], today: asked)
                let later = [1, 30, 200, 400, 800].map { asked.adding(days: $0) }
                for other in [window.from, window.until.map { $0.adding(days: -1) }].compactMap({ $0 }) + later where window.contains(other) {
                    #expect(engine.timescales(child: child, records: records, bornOn: born[child], today: other) == clocks, "\(child) on \(other)")
                    checked += 1
                }
                if let until = window.until, engine.timescales(child: child, records: records, bornOn: born[child], today: until) != clocks {
                    changedAtTheEnd += 1
                }
            }
        }
        #expect(checked > 500)
        #expect(changedAtTheEnd > 50)
    }

    @Test func theFingerprintChangesWithTheSettingsAndTheBankHolidays() {
        let standard = TimescaleEngine()
        #expect(standard.fingerprint == TimescaleEngine().fingerprint)
        #expect(standard.fingerprint != TimescaleEngine(settings: TimescaleSettings(protectionVisitWorkingDays: 20)).fingerprint)
        #expect(standard.fingerprint != TimescaleEngine(settings: TimescaleSettings(careLeaverContactWeeks: 6)).fingerprint)
        var fewer = WorkingDays.englandAndWales
        fewer.bankHolidays.remove(Self.day("2025-12-25"))
        #expect(standard.fingerprint != TimescaleEngine(calendar: fewer).fingerprint)
    }
}

/// The demo on the day it is made looks like a council's Monday morning: the daily tracker has work overdue, due
/// today and coming up, and its clocks hold work done on time and done late, overdue mostly by days or weeks rather
/// than months (a council judged to require improvement, not one frozen in another year).
@Suite struct DemoTrackerTests {
    /// The demo's 2,000 children as the day it is made: its SSDA903 return, CIN census and case-system extract, read.
    static func journeys(madeOn: ISODay) -> [ReturnJourneys] {
        let demo = DemoReturns(children: 2_000, seed: 1, through: madeOn.adding(days: -1))
        let teams = DemoCaseSystem.Teams(assessment: ["A"], intervention: ["B"], inCare: "C", leavingCare: "D", earlyHelp: ["E"])
        return [
            ReturnJourneys(demo.ssda903), ReturnJourneys(demo.census, fileName: "cin.xml"),
            ReturnJourneys(SSDExtractReader.read(files: DemoCaseSystem(demo, teams: teams, seed: 1).files)),
        ]
    }

    @Test(arguments: [ISODay(year: 2026, month: 12, day: 7), ISODay(year: 2027, month: 6, day: 14)])
    func theDailyTrackerOnTheDayTheDemoIsMadeHasWorkInEveryState(madeOn: ISODay) {
        let journeys = Self.journeys(madeOn: madeOn)
        let engine = TimescaleEngine()
        let born = Dictionary(
            journeys.flatMap(\.children).compactMap { child in child.dateOfBirth.map { (child.localID, $0) } }, uniquingKeysWith: { $1 })
        let clocks = Dictionary(grouping: journeys.flatMap(\.records), by: \.childLocalID).flatMap { child, records in
            engine.timescales(child: child, records: records, bornOn: born[child], today: madeOn)
        }
        let calendar = WorkingDays.englandAndWales
        let tracker = DailyTracker(clocks, on: madeOn, calendar: calendar)
        #expect(tracker.overdue.count > 10 && !tracker.dueToday.isEmpty && tracker.comingUp.count > 20)
        let states = clocks.map { $0.state(on: madeOn, calendar: calendar) }
        #expect(states.filter { $0 == .metOnTime }.count > states.count / 2)
        #expect(states.contains { if case .metLate = $0 { true } else { false } })
        // Most overdue work is weeks late, not the months a stale demo shows.
        let overdueBy = states.compactMap { state -> Int? in if case .overdue(let by) = state { by } else { nil } }
        #expect(!overdueBy.isEmpty && overdueBy.filter { $0 <= 60 }.count * 2 > overdueBy.count)
    }

    /// Ofsted's lists drawn on the day the demo is made: every list of children has rows, adoption (10) included. List
    /// 11 (adopters) has none: no return or extract Waymark reads describes adopters.
    @Test(arguments: [ISODay(year: 2026, month: 12, day: 7), ISODay(year: 2027, month: 6, day: 14)])
    func annexAOnTheDayTheDemoIsMadeHasRowsInEveryListOfChildren(madeOn: ISODay) {
        let journeys = Self.journeys(madeOn: madeOn)
        let identities = Dictionary(journeys.flatMap(\.children).map { ($0.localID, $0) }, uniquingKeysWith: { first, _ in first })
        let records = Dictionary(grouping: journeys.flatMap(\.records), by: \.childLocalID)
        let children = identities.map { id, identity in AnnexAChild(identity: identity, team: nil, worker: nil, records: records[id] ?? []) }
        let annex = AnnexA(children: children, on: madeOn, version: .inForce(on: madeOn))
        let empty = annex.lists.filter { $0.rows.isEmpty }.map(\.number)
        #expect(empty == [11], "lists with no rows: \(empty)")
    }
}

@Suite("Each timescale counts in one of the QA report's measures beside the grades")
struct TimelinessKindTests {
    @Test("Visits and contacts, reviews, and every other timescale")
    func kinds() {
        let byKind = Dictionary(grouping: TimescaleRule.allCases, by: \.timelinessKind)
        #expect(byKind[.visits] == [.protectionVisit, .childInNeedVisit, .lookedAfterVisit, .careLeaverContact])
        #expect(byKind[.reviews] == [.protectionReview, .childInNeedReview, .lookedAfterReview, .pathwayPlanReview])
        #expect(byKind[.other]?.count == TimescaleRule.allCases.count - 8)
    }
}
