import Testing
import WaymarkDomain
import WaymarkReturns

@testable import WaymarkTimescales

/// Every Performance Matters measure worked by hand on small journeys over January to March 2026, with events on the
/// months' boundaries, a leap day, a reopened case and records after the day the report is worked out.
@Suite struct PerformanceCalculatorTests {
    static func day(_ text: String) -> ISODay { ISODay(text)! }
    static let quarter = PerformancePeriod.months(endingWith: day("2026-03-31"), count: 3)

    static func record(
        _ child: String, _ kind: JourneyKind, _ key: String, starts: String?, ends: String? = nil,
        _ fields: [String: String] = [:]
    ) -> JourneyRecord {
        JourneyRecord(
            childLocalID: child, kind: kind, naturalKey: key, starts: starts.map(day), ends: ends.map(day), fields: fields,
            sourceFile: "test", sourceLine: 1)
    }

    func figures(_ children: [ChildJourney], today: String = "2026-03-31") -> PerformanceFigures {
        PerformanceCalculator().figures(children, periods: Self.quarter, today: Self.day(today))
    }

    /// (counted, meeting) for January, February and March.
    func quarter(_ figures: PerformanceFigures, _ measure: PerformanceMeasure) -> [[Int]] {
        (0..<3).map {
            let figure = figures.figure(measure, period: $0); return [figure.counted, figure.meeting]
        }
    }

    @Test func periodsAreCalendarMonthsOrAnyRunOfDays() {
        #expect(Self.quarter.map(\.description) == ["2026-01", "2026-02", "2026-03"])
        #expect(Self.quarter[1].through == Self.day("2026-02-28") && Self.quarter[1].inWords == "February 2026")
        #expect(PerformancePeriod.month(of: Self.day("2024-02-10")).through == Self.day("2024-02-29"))
        let year = PerformancePeriod("2025-04-01..2026-03-31")
        #expect(year?.inWords == "1 April 2025 to 31 March 2026" && year?.description == "2025-04-01..2026-03-31")
        #expect(PerformancePeriod("2026-03") == Self.quarter[2])
        #expect(PerformancePeriod("2026-03-31..2026-03-01") == nil && PerformancePeriod("2026-13") == nil && PerformancePeriod("March") == nil)
    }

    @Test func referralsAndReReferralsWithin12Months() {
        // A: referred 1 May 2025 and again 10 February 2026, within 12 months. B: first referral 20 February.
        // C: referred 9 February 2025 and 10 February 2026, a day more than 12 months apart.
        let a = ChildJourney(
            localID: "A", dateOfBirth: nil, records: ["2025-05-01", "2026-02-10"].map { Self.record("A", .cinEpisode, $0, starts: $0) })
        let b = ChildJourney(localID: "B", dateOfBirth: nil, records: [Self.record("B", .cinEpisode, "2026-02-20", starts: "2026-02-20")])
        let c = ChildJourney(
            localID: "C", dateOfBirth: nil, records: ["2025-02-09", "2026-02-10"].map { Self.record("C", .cinEpisode, $0, starts: $0) })
        let result = figures([a, b, c])
        #expect(quarter(result, .referrals) == [[0, 0], [3, 3], [0, 0]])
        #expect(quarter(result, .reReferrals) == [[0, 0], [3, 1], [0, 0]])
        #expect(result.figure(.reReferrals, period: 1).percentage.map { ($0 * 10).rounded() / 10 } == 33.3)
        #expect(
            result.entries(.reReferrals, period: 1).map(\.why) == [
                "Referral 10 February 2026; previous referral 1 May 2025, within 12 months before",
                "Referral 10 February 2026; previous referral 9 February 2025, more than 12 months before",
                "Referral 20 February 2026; no earlier referral on record",
            ])
    }

    @Test func contactsAndMashDecisionsFromBeforeTheEarliestStartCannotCount() {
        // The quarter starts 1 January 2026: contacts and MASH decisions from 18 December 2025 are read.
        let earliest = PerformanceCalculator.earliestStarts(for: Self.quarter)
        #expect(earliest == [.caseSystem(.contacts): Self.day("2025-12-18"), .caseSystem(.mashDecisions): Self.day("2025-12-18")])
        // Contact Wednesday 24 December: Christmas and Boxing Day make it due Monday 29th; decided 5 January, late,
        // so counted in December. Contact Wednesday 31 December: due Friday 2 January (New Year's Day between), met
        // then, counted in January. Contact 17 December, never decided: fell due in December. The contacts themselves
        // count on their own days, none in the quarter.
        let decisions = [("M1", "2025-12-24", "2026-01-05"), ("M2", "2025-12-31", "2026-01-02"), ("M3", "2025-12-17", nil)]
        let records = decisions.flatMap { key, contact, decision in
            [
                Self.record("A", .caseSystem(.mashDecisions), key, starts: contact, ends: decision),
                Self.record("A", .caseSystem(.contacts), key, starts: contact),
            ]
        }
        let kept = records.filter { record in
            guard let from = earliest[record.kind] else { return true }
            return (record.starts ?? .distantPast) >= from
        }
        #expect(kept.count == 4) // not those of 17 December
        let all = figures([ChildJourney(localID: "A", dateOfBirth: nil, records: records)])
        let read = figures([ChildJourney(localID: "A", dateOfBirth: nil, records: kept)])
        #expect(quarter(all, .mashDecisions) == [[1, 1], [0, 0], [0, 0]] && quarter(all, .contacts) == [[0, 0], [0, 0], [0, 0]])
        for measure in PerformanceMeasure.allCases {
            #expect((0..<3).map { read.entries(measure, period: $0) } == (0..<3).map { all.entries(measure, period: $0) }, "\(measure)")
        }
    }

    @Test func aTimescaleCountsWhenMetOnTimeOrElseWhenItFellDue() {
        // Contact Friday 30 January: due Monday 2 February, met that day: on time, counted in February.
        // Contact Thursday 29 January: due Friday 30th, met Monday 2 February: late, counted in January, when it fell due.
        // Contact Tuesday 31 March: due Wednesday 1 April, after the day the figures are worked out: not counted yet.
        let decisions = [("M1", "2026-01-30", "2026-02-02"), ("M2", "2026-01-29", "2026-02-02"), ("M3", "2026-03-31", nil)]
        let child = ChildJourney(
            localID: "A", dateOfBirth: nil,
            records: decisions.map {
                Self.record("A", .caseSystem(.mashDecisions), $0.0, starts: $0.1, ends: $0.2)
            })
        let result = figures([child])
        #expect(quarter(result, .mashDecisions) == [[1, 0], [1, 1], [0, 0]])
        #expect(
            result.entries(.mashDecisions, period: 0).map(\.why) == [
                "Done 1 working day late: due 30 January 2026. Contact 29 January 2026; decision 2 February 2026"
            ])
        // Assessments from referrals on 1 December 2025 (due 5 February 2026): one authorised 20 January (on time,
        // January), one 9 February (late, February), one not yet (overdue, February).
        func assessment(_ child: String, _ authorised: String?) -> ChildJourney {
            ChildJourney(
                localID: child, dateOfBirth: nil,
                records: [
                    Self.record(
                        child, .cinAssessment, "2025-12-01|2025-12-03", starts: "2025-12-03", ends: authorised,
                        authorised.map { ["AssessmentAuthorisationDate": $0] } ?? [:])
                ])
        }
        let assessed = figures([assessment("A", "2026-01-20"), assessment("B", "2026-02-09"), assessment("C", nil)])
        #expect(quarter(assessed, .assessments) == [[1, 1], [2, 0], [0, 0]])
        #expect(assessed.entries(.assessments, period: 1).map(\.childLocalID) == ["B", "C"])
        // Worked out as at 4 February, nothing is late yet in February.
        #expect(
            quarter(figures([assessment("A", "2026-01-20"), assessment("C", nil)], today: "2026-02-04"), .assessments) == [[1, 1], [0, 0], [0, 0]])
    }

    @Test func protectionPlansLastingTwoYearsAndSecondPlans() {
        // A: a plan from 10 January 2024 to 10 January 2026, two years to the day; another from 2 March 2026, a second plan.
        // B: from the leap day 29 February 2024 to 28 February 2026: two years (29 February + 24 months is 28 February).
        // C: from 1 March 2024 to 27 February 2026: less than two years; the census says it was not C's first plan.
        let a = ChildJourney(
            localID: "A", dateOfBirth: nil,
            records: [
                Self.record("A", .cinProtectionPlan, "P1", starts: "2024-01-10", ends: "2026-01-10"),
                Self.record("A", .cinProtectionPlan, "P2", starts: "2026-03-02", ["NumberOfPreviousCPP": "0"]),
            ])
        let b = ChildJourney(
            localID: "B", dateOfBirth: nil, records: [Self.record("B", .cinProtectionPlan, "P1", starts: "2024-02-29", ends: "2026-02-28")])
        let c = ChildJourney(
            localID: "C", dateOfBirth: nil,
            records: [
                Self.record("C", .cinProtectionPlan, "P1", starts: "2024-03-01", ends: "2026-02-27", ["NumberOfPreviousCPP": "2"])
            ])
        let result = figures([a, b, c])
        #expect(quarter(result, .protectionPlansTwoYears) == [[1, 1], [2, 1], [0, 0]])
        #expect(quarter(result, .secondProtectionPlans) == [[0, 0], [0, 0], [1, 1]])
        #expect(result.entries(.secondProtectionPlans, period: 2).map(\.why) == ["Plan from 2 March 2026; an earlier plan from 10 January 2024"])
        #expect(
            result.entries(.protectionPlansTwoYears, period: 1).map(\.why) == [
                "Plan from 1 March 2024 to 27 February 2026: 728 days, less than 2 years",
                "Plan from 29 February 2024 to 28 February 2026: 730 days, 2 years or more",
            ])
        // C's plan started in 2024: out of the quarter, but the census's count would make it a second plan.
        let year = PerformanceCalculator().figures([c], periods: [PerformancePeriod("2024-01-01..2024-12-31")!], today: Self.day("2026-03-31"))
        #expect(year.figure(.secondProtectionPlans, period: 0) == PerformanceFigure(counted: 1, meeting: 1))
    }

    static func episode(
        _ child: String, _ starts: String, _ ends: String? = nil, rne: String, place: String = "U5", ls: String = "C2"
    ) -> JourneyRecord {
        record(child, .ssda903(.episodes), starts, starts: starts, ends: ends, ["RNE": rne, "PLACE": place, "LS": ls])
    }

    @Test func placementStabilityOnEachMonthsLastDay() {
        // A: placements from 1 April 2025, 1 September 2025 and 5 January 2026: three in the 12 months to the last
        // day of each month of the quarter.
        let a = ChildJourney(
            localID: "A", dateOfBirth: Self.day("2012-05-01"),
            records: [
                Self.episode("A", "2025-04-01", "2025-09-01", rne: "S"), Self.episode("A", "2025-09-01", "2026-01-05", rne: "P"),
                Self.episode("A", "2026-01-05", rne: "P"),
            ])
        // B: looked after since 1 June 2023, one placement (a change of legal status in 2025 keeps it); born 2015, so
        // under 16 and looked after for 2½ years by 31 January 2026 (since 31 July 2023 or before): long-term stable.
        let b = ChildJourney(
            localID: "B", dateOfBirth: Self.day("2015-01-01"),
            records: [
                Self.episode("B", "2023-06-01", "2025-06-02", rne: "S", place: "U1"),
                Self.episode("B", "2025-06-02", rne: "L", place: "U1", ls: "C2"),
            ])
        // C: left care on 31 January 2026: not looked after on that day.
        let c = ChildJourney(localID: "C", dateOfBirth: Self.day("2014-01-01"), records: [Self.episode("C", "2025-11-03", "2026-01-31", rne: "S")])
        let result = figures([a, b, c])
        #expect(quarter(result, .placementMoves) == [[2, 1], [2, 1], [2, 1]])
        #expect(
            result.entries(.placementMoves, period: 0).map(\.why) == [
                "Looked after on 31 January 2026; 3 placements in the 12 months to it: from 1 April 2025, from 1 September 2025, from 5 January 2026",
                "Looked after on 31 January 2026; 1 placement in the 12 months to it: from 1 June 2023",
            ])
        #expect(quarter(result, .longTermStability) == [[1, 1], [1, 1], [1, 1]])
    }

    @Test func careLeaversAsTheirLatestRecordStoodOnEachMonthsLastDay() {
        // Born 1 June 2007 (18). Latest contact 20 February 2026; accommodation suitable; in education; pathway plan
        // reviewed 1 August 2025. January: no record yet. February (8 days on) and March (39 days): in touch, suitable,
        // in education; the pathway plan more than 6 months old both times.
        let leaver = ChildJourney(
            localID: "L", dateOfBirth: Self.day("2007-06-01"),
            records: [
                Self.record(
                    "L", .caseSystem(.careLeavers), "CL1", starts: "2026-02-20",
                    [
                        "clea_care_leaver_accommodation": "B1", "clea_care_leaver_accom_suitable": "1", "clea_care_leaver_activity": "F2",
                        "clea_pathway_plan_review_date": "2025-08-01",
                    ])
            ])
        // A 23-year-old is outside the 17 to 21 cohort.
        let older = ChildJourney(
            localID: "O", dateOfBirth: Self.day("2002-06-01"),
            records: [
                Self.record("O", .caseSystem(.careLeavers), "CL2", starts: "2026-01-05", ["clea_care_leaver_activity": "G4"])
            ])
        let result = figures([leaver, older])
        #expect(quarter(result, .careLeaversInTouch) == [[0, 0], [1, 1], [1, 1]])
        #expect(quarter(result, .careLeaversAccommodation) == [[0, 0], [1, 1], [1, 1]])
        #expect(quarter(result, .careLeaversEET) == [[0, 0], [1, 1], [1, 1]])
        #expect(quarter(result, .pathwayPlans) == [[0, 0], [1, 0], [1, 0]])
        #expect(
            result.entries(.careLeaversInTouch, period: 2).map(\.why) == [
                "Latest contact 20 February 2026, 39 days before 31 March 2026 (in touch within 8 weeks)"
            ])
        // 8 weeks before 31 March is 3 February: a contact on 2 February is out of touch in March.
        var lapsed = leaver
        lapsed.records[0].starts = Self.day("2026-02-02")
        #expect(quarter(figures([lapsed]), .careLeaversInTouch) == [[0, 0], [1, 1], [1, 0]])
    }

    @Test func aCareLeaversLatestRecordDoesNotDependOnTheOrderRecordsAreRead() {
        // Two records with no contact date, one suitable and one not: the later key (CL2) counts, whichever comes first.
        let suitable = Self.record("L", .caseSystem(.careLeavers), "CL2", starts: nil, ["clea_care_leaver_accom_suitable": "1"])
        let unsuitable = Self.record("L", .caseSystem(.careLeavers), "CL1", starts: nil, ["clea_care_leaver_accom_suitable": "0"])
        for records in [[suitable, unsuitable], [unsuitable, suitable]] {
            let result = figures([ChildJourney(localID: "L", dateOfBirth: Self.day("2007-06-01"), records: records)])
            #expect(quarter(result, .careLeaversAccommodation) == [[1, 1], [1, 1], [1, 1]])
        }
    }

    @Test func adoptionA1AndA2() {
        // Entered care 6 January 2025; placement order 1 October 2025 (legal status E1); matched 15 January 2026, within
        // 4 months (by 1 February); placed for adoption 2 February 2026, within 14 months (by 6 March 2026).
        let child = ChildJourney(
            localID: "A", dateOfBirth: Self.day("2023-03-01"),
            records: [
                Self.episode("A", "2025-01-06", "2025-10-01", rne: "S", ls: "C2"), Self.episode("A", "2025-10-01", "2026-02-02", rne: "L", ls: "E1"),
                Self.episode("A", "2026-02-02", rne: "P", place: "A5", ls: "E1"),
                Self.record("A", .ssda903(.ad1), "AD1", starts: nil, ["DATE_MATCH": "15/01/2026"]),
            ])
        let result = figures([child])
        #expect(quarter(result, .adoptionA2) == [[1, 1], [0, 0], [0, 0]])
        #expect(quarter(result, .adoptionA1) == [[0, 0], [1, 1], [0, 0]])
        #expect(
            result.entries(.adoptionA1, period: 1).map(\.why) == [
                "Entered care 6 January 2025; placed for adoption 2 February 2026, within 14 months later"
            ])
        // Matched on 2 February instead: a day more than 4 months after the order.
        var late = child
        late.records[3].fields["DATE_MATCH"] = "02/02/2026"
        #expect(quarter(figures([late]), .adoptionA2) == [[0, 0], [1, 0], [0, 0]])
    }

    /// The kinds (and fields) a store reads for the measures are all they use: on the demo's journeys, reading only
    /// those gives the same figures as reading everything.
    @Test func readingOnlyTheKindsTheMeasuresUseChangesNothing() {
        let demo = DemoReturns(children: 400, seed: 5, through: ISODay(year: 2026, month: 3, day: 31))
        let teams = DemoCaseSystem.Teams(assessment: ["A"], intervention: ["B"], inCare: "C", leavingCare: "D", earlyHelp: ["E"])
        let journeys = [
            ReturnJourneys(demo.ssda903), ReturnJourneys(demo.census, fileName: "cin.xml"),
            ReturnJourneys(SSDExtractReader.read(files: DemoCaseSystem(demo, teams: teams, seed: 5).files)),
        ]
        let kinds = Set(PerformanceCalculator.kinds)
        var all: [ChildJourney] = [], narrowed: [ChildJourney] = []
        for (child, records) in Dictionary(grouping: journeys.flatMap(\.records), by: \.childLocalID) {
            all.append(ChildJourney(localID: child, dateOfBirth: nil, records: records))
            narrowed.append(
                ChildJourney(
                    localID: child, dateOfBirth: nil,
                    records: records.filter { kinds.contains($0.kind) }.map { record in
                        var record = record
                        if !PerformanceCalculator.kindsWithFields.contains(record.kind) { record.fields = [:] }
                        return record
                    }))
        }
        let year = PerformancePeriod.months(endingWith: Self.day("2026-03-31"), count: 12)
        let full = PerformanceCalculator().figures(all, periods: year, today: Self.day("2026-03-31"))
        let read = PerformanceCalculator().figures(narrowed, periods: year, today: Self.day("2026-03-31"))
        var counted = 0
        for measure in PerformanceMeasure.allCases {
            for index in year.indices {
                #expect(read.figure(measure, period: index) == full.figure(measure, period: index), "\(measure) \(year[index])")
                counted += full.figure(measure, period: index).counted
            }
        }
        #expect(counted > 1_000)
    }
}

/// The demo's measures land near England's published rates (Characteristics of children in need, 2024/25:
/// re-referrals within 12 months 22%, assessments within 45 working days 84%, second or later child protection
/// plans 24%; conferences within 15 working days 78%), so a newcomer sees a believable council, neither perfect nor broken.
@Suite struct DemoMeasuresTests {
    @Test func theDemosYearLandsNearEnglandsRates() {
        let lastDay = ISODay(year: 2026, month: 12, day: 6)
        let demo = DemoReturns(children: 4_000, seed: 1, through: lastDay)
        let teams = DemoCaseSystem.Teams(assessment: ["A"], intervention: ["B"], inCare: "C", leavingCare: "D", earlyHelp: ["E"])
        let journeys = [
            ReturnJourneys(demo.ssda903), ReturnJourneys(demo.census, fileName: "cin.xml"),
            ReturnJourneys(SSDExtractReader.read(files: DemoCaseSystem(demo, teams: teams, seed: 1).files)),
        ]
        let children = Dictionary(grouping: journeys.flatMap(\.records), by: \.childLocalID).map { child, records in
            ChildJourney(localID: child, dateOfBirth: nil, records: records)
        }
        let year = [PerformancePeriod("2025-12-01..2026-11-30")!]
        let figures = PerformanceCalculator().figures(children, periods: year, today: lastDay)
        func rate(_ measure: PerformanceMeasure) -> Double { figures.figure(measure, period: 0).percentage ?? -1 }
        #expect((16.0...28.0).contains(rate(.reReferrals)), "re-referrals \(rate(.reReferrals))")
        #expect((78.0...90.0).contains(rate(.assessments)), "assessments \(rate(.assessments))")
        #expect((14.0...34.0).contains(rate(.secondProtectionPlans)), "second plans \(rate(.secondProtectionPlans))")
        #expect((65.0...90.0).contains(rate(.initialConferences)), "conferences \(rate(.initialConferences))")
        // Every measure of the front door, assessment and child protection counts someone: none reads "0 of 0".
        for measure in [
            PerformanceMeasure.referrals, .reReferrals, .assessments, .childInNeedVisits, .childInNeedReviews, .initialConferences,
            .protectionReviews,
            .secondProtectionPlans,
        ] {
            #expect(figures.figure(measure, period: 0).counted > 20, "\(measure)")
        }
    }
}
