import Testing
import WaymarkDomain

@testable import WaymarkTimescales

/// Annex A drawn up as at Tuesday 31 March 2026 (the six months from 1 October 2025) from three hand-made journeys,
/// each cell worked out by hand.
@Suite struct AnnexATests {
    static let day = ISODay("2026-03-31")!

    static func record(
        _ child: String, _ kind: JourneyKind, _ key: String, starts: String?, ends: String? = nil,
        _ fields: [String: String] = [:]
    ) -> JourneyRecord {
        JourneyRecord(
            childLocalID: child, kind: kind, naturalKey: key, starts: starts.flatMap { ISODay($0) }, ends: ends.flatMap { ISODay($0) },
            fields: fields, sourceFile: "test", sourceLine: 1)
    }

    /// A: a contact, a referral, an assessment, a section 47 enquiry and a child protection plan, all in the window,
    /// after a referral on 15 January 2025, which counts among "referrals in the last 12 months" but whose episode
    /// closed before the window.
    static let protection = AnnexAChild(
        identity: ChildIdentity(localID: "A", dateOfBirth: ISODay("2016-04-01"), sex: "F", ethnicity: "WBRI", disabilities: ["NONE"]),
        team: "Safeguarding Team 1", worker: "Sam Mensah",
        records: [
            record("A", .caseSystem(.contacts), "C0", starts: "2025-09-30", ["cont_contact_source_code": "6", "cont_contact_source_desc": "Police"]),
            record(
                "A", .caseSystem(.contacts), "C1", starts: "2025-10-01", ["cont_contact_source_code": "3A", "cont_contact_source_desc": "School"]),
            record(
                "A", .cinEpisode, "R0", starts: "2025-01-15", ends: "2025-03-01",
                ["ReferralNFA": "false", "ReferralSource": "6", "PrimaryNeedCode": "N4"]),
            record("A", .cinEpisode, "R1", starts: "2025-10-02", ["ReferralNFA": "false", "ReferralSource": "3A", "PrimaryNeedCode": "N1"]),
            record("A", .cinAssessment, "AS1", starts: "2025-10-03", ends: "2025-11-20"),
            record(
                "A", .cinSection47, "S1", starts: "2025-11-25", ends: "2025-12-10", ["DateOfInitialCPC": "2025-12-10", "ICPCnotRequired": "false"]),
            record(
                "A", .cinProtectionPlan, "P1", starts: "2025-12-10",
                ["InitialCategoryOfAbuse": "NEG", "LatestCategoryOfAbuse": "EMO", "NumberOfPreviousCPP": "0"]),
            record("A", .cinProtectionReview, "PR1", starts: "2026-03-05"),
            record("A", .caseSystem(.cpVisits), "V1", starts: "2026-03-06", ["cppv_cp_visit_seen": "Y", "cppv_cp_visit_seen_alone": "N"]),
            record("A", .caseSystem(.cpVisits), "V2", starts: "2026-03-20", ["cppv_cp_visit_seen": "Y", "cppv_cp_visit_seen_alone": "Y"]),
            // After the day: not read.
            record("A", .caseSystem(.cpVisits), "V3", starts: "2026-04-02", ["cppv_cp_visit_seen": "Y", "cppv_cp_visit_seen_alone": "Y"]),
        ])

    /// B: looked after since 1 June 2025, moved on 1 December 2025 into long-term fostering.
    static let inCare = AnnexAChild(
        identity: ChildIdentity(localID: "B", dateOfBirth: ISODay("2012-09-30"), sex: "1", ethnicity: "APKN", disabilities: ["MOB"]),
        team: "Children in Care Team 1", worker: "Ruth Cohen",
        records: [
            record(
                "B", .ssda903(.episodes), "E1", starts: "2025-06-01", ends: "2025-12-01",
                ["RNE": "S", "LS": "C2", "CIN": "N1", "PLACE": "U6", "PLACE_PROVIDER": "PR1"]),
            record(
                "B", .ssda903(.episodes), "E2", starts: "2025-12-01",
                [
                    "RNE": "P", "LS": "C2", "CIN": "N1", "PLACE": "U4", "PLACE_PROVIDER": "PR4",
                    "PL_POST": "EN5 1AA",
                ]),
            record("B", .ssda903(.reviews), "R1", starts: "2025-06-20"),
            record("B", .ssda903(.reviews), "R2", starts: "2026-03-10"),
            record("B", .caseSystem(.claVisits), "CV1", starts: "2026-03-15", ["clav_cla_visit_seen": "Y"]),
            record("B", .caseSystem(.claHealth), "H1", starts: "2025-06-20", ["clah_health_check_type": "Health Assessment"]),
            record("B", .caseSystem(.claHealth), "H2", starts: "2025-11-01", ["clah_health_check_type": "Dental Check"]),
            record(
                "B", .caseSystem(.missing), "M1", starts: "2026-01-10", ends: "2026-01-11",
                ["miss_missing_episode_type": "M", "miss_missing_rhi_offered": "Y", "miss_missing_rhi_accepted": "N"]),
            record("B", .caseSystem(.missing), "M2", starts: "2026-02-01", ends: "2026-02-01", ["miss_missing_episode_type": "A"]),
        ])

    /// C: a plan recorded as ending before it starts, with no referral on record: both are problems to fix first.
    static let inconsistent = AnnexAChild(
        identity: ChildIdentity(localID: "C", dateOfBirth: ISODay("2020-01-01"), sex: "U", ethnicity: "ZZZZ"),
        team: nil, worker: nil,
        records: [record("C", .cinProtectionPlan, "P1", starts: "2026-01-10", ends: "2026-01-05", ["NumberOfPreviousCPP": "1"])])

    let annex = AnnexA(children: [inconsistent, inCare, protection], on: day, version: .sex)

    func list(_ number: Int) -> AnnexA.List { annex.lists[number - 1] }
    func cell(_ number: Int, row: Int = 0, _ header: String) -> AnnexA.Value {
        let list = list(number)
        return list.rows[row][list.headers.firstIndex(of: header)!]
    }

    @Test func theWindowIsTheSixMonthsUpToTheDay() {
        #expect(annex.window == ISODay("2025-10-01")!...ISODay("2026-03-31")!)
        #expect(annex.lists.map(\.number) == Array(1...11))
    }

    @Test func theHeadersAreOfstedsWithSexOrGender() {
        #expect(list(1).headers == ["Child Unique ID", "Sex", "Ethnicity", "Date of Birth", "Age", "Date of Contact", "Contact Source"])
        #expect(list(8).headers.count == 34)
        let before2026 = AnnexA(children: [], on: Self.day, version: .gender)
        #expect(before2026.lists[0].headers[1] == "Gender" && before2026.lists[10].headers[2] == "Gender")
        #expect(before2026.lists.map(\.headers.count) == [7, 8, 11, 12, 14, 14, 17, 34, 17, 16, 19])
    }

    @Test func contactsReferralsAssessmentsAndEnquiries() {
        // The contact on 30 September is the day before the window.
        #expect(
            list(1).rows == [
                [
                    .text("A"), .text("b) Female"), .text("a) WBRI"), .date(ISODay("2016-04-01")!), .number(3651.0 / 365.25),
                    .date(ISODay("2025-10-01")!), .text("3A: School"),
                ]
            ])
        // 1 April 2016 to 31 March 2026: 3,651 days, 9.996 years.
        #expect(list(3).rows.count == 1)
        #expect(cell(3, "Date of Referral") == .date(ISODay("2025-10-02")!))
        #expect(cell(3, "Referral NFA?") == .text("No"))
        #expect(cell(3, "Number of Referrals in Last 12 Months") == .number(1)) // 15 January 2025
        #expect(cell(3, "Allocated Team") == .text("Safeguarding Team 1") && cell(3, "Allocated Worker") == .text("Sam Mensah"))
        // The plan began on 10 December, within 3 months of the assessment's authorisation on 20 November.
        #expect(cell(4, "Continuous Assessment Date of Authorisation") == .date(ISODay("2025-11-20")!))
        #expect(cell(4, "Was the child assessed as requiring LA children's social care support?") == .text("Yes"))
        #expect(cell(4, "Does the Child have a Disability") == .text("b) No"))
        #expect(cell(5, "Date of Initial Child Protection Conference") == .date(ISODay("2025-12-10")!))
        #expect(cell(5, "Did the Initial Child Protection Conference Result in a Child Protection Plan") == .text("Yes"))
        #expect(cell(5, "Was an Initial Child Protection Conference deemed unnecessary?") == .text("No"))
        #expect(cell(5, "Number of Section 47 Enquiries in the last 12 months") == .number(1))
    }

    @Test func childrenInNeedAndChildProtection() {
        // Only the October referral's episode is open in the window; on the day the child is on a plan.
        #expect(list(6).rowChildren == ["A"])
        #expect(cell(6, "Primary Need Code") == .text("N1 - Abuse or neglect"))
        #expect(cell(6, "Case Status") == .text("b) Child Protection plan"))
        #expect(cell(6, "Date Child Was Last Seen") == .date(ISODay("2026-03-20")!)) // not 2 April: after the day
        #expect(list(7).rowChildren == ["A", "C"])
        #expect(cell(7, "Initial Category of Abuse") == .text("Neglect") && cell(7, "Latest Category of Abuse") == .text("Emotional abuse"))
        #expect(cell(7, "Date of the Last Statutory Visit") == .date(ISODay("2026-03-20")!))
        #expect(cell(7, "Was the Child Seen Alone?") == .text("a) Yes"))
        #expect(cell(7, "Date of latest review conference") == .date(ISODay("2026-03-05")!))
        #expect(cell(7, "Child Protection Plan End Date") == .empty)
        #expect(cell(7, row: 1, "Number of Previous Child Protection Plans") == .number(1))
    }

    @Test func childrenInCare() {
        #expect(list(8).rowChildren == ["B"])
        #expect(cell(8, "Sex") == .text("a) Male") && cell(8, "Ethnicity") == .text("k) APKN"))
        #expect(cell(8, "Does the Child have a Disability") == .text("a) Yes"))
        #expect(cell(8, "Date Started to be Looked After") == .date(ISODay("2025-06-01")!))
        #expect(cell(8, "Child's Category of Need") == .text("N1 - Abuse or neglect"))
        #expect(cell(8, "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)") == .text("No"))
        #expect(cell(8, "Start date of current legal status") == .date(ISODay("2025-06-01")!))
        #expect(cell(8, "Child's Legal Status") == .text("C2: Full care order"))
        #expect(cell(8, "Date of Latest Statutory Review") == .date(ISODay("2026-03-10")!))
        #expect(cell(8, "Date of Last Social Work Visit") == .date(ISODay("2026-03-15")!))
        #expect(cell(8, "Date of Last Health Assessment") == .date(ISODay("2025-06-20")!))
        #expect(cell(8, "Date of Last Dental Check") == .date(ISODay("2025-11-01")!))
        #expect(cell(8, "Number of Placements in the Last 12 months") == .number(2))
        #expect(cell(8, "Date Ceased to be Looked After") == .empty)
        #expect(cell(8, "Start Date of Most Recent Placement") == .date(ISODay("2025-12-01")!))
        #expect(cell(8, "Placement Type") == .text("U4: Foster placement with other foster carer, long term"))
        #expect(cell(8, "Placement postcode") == .text("EN5 1AA"))
        #expect(cell(8, "Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months") == .number(1))
        #expect(cell(8, "Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months") == .number(1))
        #expect(cell(8, "Was the child offered a Return Interview after their last missing episode (Y/N)?") == .text("Yes"))
        #expect(cell(8, "Did the child accept a Return Interview after their last missing episode (Y/N)?") == .text("No"))
        #expect(cell(8, "Allocated Worker") == .text("Ruth Cohen"))
        #expect(list(11).rows.isEmpty)
    }

    @Test func inconsistenciesAreFoundWithWhereAndWhy() {
        #expect(
            annex.problems.map(\.description) == [
                "List 7, row 3, child C, Child Protection Plan End Date \"2026-01-05\": the plan ends before it starts (2026-01-10)",
                "List 7, row 3, child C, Child Unique ID \"C\": on a child protection plan in the period but not in list 6 (children in need)",
            ])
        #expect(cell(7, row: 1, "Sex") == .text("c) Not stated/recorded") && cell(7, row: 1, "Ethnicity") == .text("ZZZZ"))
    }

    @Test func recordsWithoutDaysAreLeftOutRatherThanCrashing() {
        let kinds: [JourneyKind] = [
            .caseSystem(.contacts), .cinEpisode, .cinAssessment, .cinSection47, .cinProtectionPlan, .ssda903(.episodes),
            .ssda903(.placedForAdoption), .caseSystem(.careLeavers), .caseSystem(.missing),
        ]
        let undated = AnnexAChild(
            identity: ChildIdentity(localID: "D"), team: nil, worker: nil,
            records: kinds.map { Self.record("D", $0, "X", starts: nil, ends: "2026-01-01") })
        let annex = AnnexA(children: [undated], on: Self.day, version: .gender)
        // Only the adoption decision is listed: its ending (the decision reversed) is in the window.
        #expect(annex.lists.map(\.rows.count) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])
    }
}
