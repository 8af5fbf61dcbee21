import Foundation
import Testing
import WaymarkDomain
import WaymarkReturns

@testable import WaymarkValidation

/// Each rule worked by hand on a small return written for it: the rows that break it, and the rows beside them that
/// do not. The year is 2025/26 (1 April 2025 to 31 March 2026) unless a test says otherwise.
@Suite struct SSDA903RuleTests {
    static let year = CollectionYear(endYear: 2026)

    /// Validates CSV files given as text (with last year's, where given) and returns the rows (table, row) each rule found.
    static func found(
        _ files: [String: String], lastYear: [String: String]? = nil, year: CollectionYear = year,
        datesOf: CollectionYear? = nil
    ) throws -> [String: [String]] {
        let read = SSDA903Files.read(files: files.map { ($0.key, Data($0.value.utf8)) })
        let lastYearsFiles = lastYear.map { SSDA903Files.read(files: $0.map { ($0.key, Data($0.value.utf8)) }) }
        let report = try #require(SSDA903Rules.validate(read, lastYear: lastYearsFiles, year: year, datesOf: datesOf))
        return Dictionary(grouping: report.issues, by: \.rule).mapValues { $0.map { "\($0.table) \($0.row)" } }
    }

    static let header = """
        CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
        A,F,01/06/2010,WBRI,A123456789012,0,
        B,1,31/02/2012,XXXX,UN1,,
        C,M,15/01/2027,BAFR,A12345,,01/01/2020
        D,U,01/01/2016,,UN2,1,
        """

    @Test func childDetails() throws {
        let found = try Self.found(["header.csv": Self.header])
        #expect(found["101"] == ["header 1"]) // "1" is the old gender code
        #expect(found["102"] == ["header 1"]) // 31 February
        #expect(found["103"] == ["header 1", "header 3"]) // XXXX, and blank
        #expect(found["168"] == ["header 2"]) // A12345 is not 13 characters
        #expect(found["174"] == ["header 2"]) // a boy with a child's date of birth
        #expect(found["232"] == ["header 3"])
        #expect(found["301"] == ["header 2"]) // born after 31 March 2026
        #expect(found["611"] == ["header 3"]) // a mother with no child's date of birth
        #expect(found["620"] == ["header 3"]) // a mother aged 10
        #expect(found["INT32"] == nil)
    }

    @Test func aGirlLookedAfterInTheYearSaysWhetherSheIsAMother() throws {
        // G1 and G4 (the old code for female) are looked after in the year with no mother status. G2's last episode is a
        // short break (V4), but she was under a care order in the year until May: she is asked. G6 had only short
        // breaks in the year (her care order ended the March before): she is not. G3 left care in 2024: the header holds
        // her as a care leaver. G5 says she is not a mother. B1 is a boy, of whom it is not asked; B2 gives a status
        // that is neither 0 nor 1.
        let header = """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            G1,F,01/06/2010,WBRI,UN1,,
            G2,F,01/06/2010,WBRI,UN1,,
            G3,F,01/06/2006,WBRI,UN1,,
            G4,2,01/06/2014,WBRI,UN1,,
            G5,F,01/06/2010,WBRI,UN1,0,
            B1,M,01/06/2010,WBRI,UN1,,
            B2,M,01/06/2010,WBRI,UN1,Y,
            G6,F,01/06/2010,WBRI,UN1,,
            """
        let episodes = """
            \(SSDA903JourneyRuleTests.episodeColumns)
            G1,01/05/2025,S,C2,N1,U1,PR1,,,,,,
            G2,01/04/2024,S,C2,N1,U1,PR1,01/05/2025,E13,,,,
            G2,01/06/2025,S,V4,N1,U1,PR1,03/06/2025,X1,,,,
            G3,01/04/2023,S,C2,N1,U1,PR1,01/06/2024,E12,,,,
            G4,01/05/2025,S,C2,N1,U1,PR1,,,,,,
            G5,01/05/2025,S,C2,N1,U1,PR1,,,,,,
            B1,01/05/2025,S,C2,N1,U1,PR1,,,,,,
            G6,01/04/2024,S,C2,N1,U1,PR1,31/03/2025,E13,,,,
            G6,01/06/2025,S,V4,N1,U1,PR1,03/06/2025,X1,,,,
            """
        let found = try Self.found(["header.csv": header, "episodes.csv": episodes])
        #expect(found["165"] == ["header 0", "header 1", "header 3", "header 6"])
    }

    @Test func datesWrittenTheWrongWayAreReportedOnceForTheirColumnAndNoRuleReportsTheirRows() throws {
        // A's date of birth is written year first; A's first episode ended on a day written with a two-digit year, and
        // the next began that day. Each column is said once, with what was found and what is expected; no rule says
        // the date of birth is not a date (102) or that the continuation episode is missing (388). B is written right.
        let header = """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            A,M,2012-01-01,WBRI,UN1,,
            B,M,01/01/2012,WBRI,UN1,,
            """
        let episodes = """
            \(SSDA903JourneyRuleTests.episodeColumns)
            A,01/04/2025,S,C2,N1,U1,PR1,31/05/25,X1,CARPL,AB1 2CD,EF3 4GH,
            A,31/05/2025,P,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,
            B,01/04/2025,S,C2,N1,U1,PR1,31/05/2025,X1,CARPL,AB1 2CD,EF3 4GH,
            """
        let files = SSDA903Files.read(files: [("header.csv", Data(header.utf8)), ("episodes.csv", Data(episodes.utf8))])
        let report = try #require(SSDA903Rules.validate(files, year: Self.year))
        #expect(
            report.readingProblems.map(\.description) == [
                "header.csv, DOB \"2012-01-01\": 1 date written year first (yyyy-mm-dd); the return takes dd/mm/yyyy (31/03/2025). "
                    + "Read as no date, and no rule reports its row for it (kept as given)",
                "episodes.csv, DEC \"31/05/25\": 1 date written with a two-digit year; the return takes dd/mm/yyyy (31/03/2025). "
                    + "Read as no date, and no rule reports its row for it (kept as given)",
            ])
        let found = Dictionary(grouping: report.issues, by: \.rule).mapValues { $0.map { "\($0.table) \($0.row)" } }
        #expect(found["102"] == nil)
        #expect(found["388"] == ["episodes 2"]) // B's episode has no continuation: that one stands
    }

    @Test func aChildrensHomeMayBeK3AsTheSpecificationAllows() throws {
        let episodes = """
            \(SSDA903JourneyRuleTests.episodeColumns)
            A,01/05/2025,S,C2,N1,K3,PR4,,,,AB1 2CD,EF3 4GH,SC123456
            B,01/05/2025,S,C2,N1,K9,PR4,,,,AB1 2CD,EF3 4GH,SC123457
            """
        #expect(try Self.found(["episodes.csv": episodes])["146"] == ["episodes 1"])
    }

    @Test func noSDQBecauseOfAgeIsAskedOfTheCohortAged4To16() throws {
        // H, 9 to 10, in care since January 2024 (in the 12-month cohort), "under 4 or over 17": 157. I, the same age,
        // came into care in June 2025 (outside the cohort): 198 reports the reason given, not 157.
        let episodes = """
            \(SSDA903JourneyRuleTests.episodeColumns)
            H,01/01/2024,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,
            I,01/06/2025,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,
            """
        let oc2 = """
            CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
            H,01/10/2015,,SDQ1,0,,1,1,1,0,,
            I,01/10/2015,,SDQ1,0,,1,1,1,0,,
            """
        let found = try Self.found(["episodes.csv": episodes, "oc2.csv": oc2])
        #expect(found["157"] == ["oc2 0"])
        #expect(found["198"] == ["oc2 1"])
    }

    static let episodes = """
        CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
        A,01/04/2024,S,C2,N1,U1,PR1,10/05/2025,X1,,AB1 2CD,EF3 4GH,SC123456
        A,10/05/2025,P,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123457
        B,01/06/2025,S,L1,N2,K2,PR2,06/06/2025,X1,,,,
        B,06/06/2025,L,C1,N2,K2,PR2,06/06/2025,E4A,,,,
        C,01/04/2025,P,V3,N1,T2,,20/04/2025,E8,,,,
        """

    @Test func episodes() throws {
        let found = try Self.found(["header.csv": Self.header, "episodes.csv": Self.episodes])
        #expect(found["148"] == nil)
        #expect(found["225"] == ["episodes 0"]) // A's placement changed with no reason given
        #expect(found["361"] == ["episodes 2"]) // police protection for 5 days
        #expect(found["355"] == ["episodes 3"]) // began and ended on 6 June
        #expect(found["434"] == nil) // legal status changed (L1 to C1) and the placement did not
        #expect(found["302"] == ["episodes 4", "header 2"]) // C's care began before the birth the header gives
        #expect(found["365"] == ["episodes 4"]) // a short break of 19 days
        #expect(found["366"] == ["episodes 4"]) // a short break that is not a new period of care
        #expect(found["382"] == ["episodes 4"]) // a short break in a temporary placement
        #expect(found["380"] == nil) // C's first episode is a change of placement (P): care began before it
        #expect(found["529"] == nil && found["527"] == nil)
    }
}

extension SSDA903RuleTests {
    @Test func noReasonForAMoveIntoOrOutOfATemporaryPlacement() throws {
        // A moved from foster care (U1) to a temporary placement (T2) and back: the reason on the episode before the
        // temporary one (CARPL) is the reason for the move into it. B's temporary placement (T0) has a reason of its own.
        let episodes = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A,01/04/2025,S,C2,N1,U1,PR1,01/06/2025,X1,CARPL,,,
            A,01/06/2025,P,C2,N1,T2,,10/06/2025,X1,,,,
            A,10/06/2025,P,C2,N1,U1,PR1,,,,,,
            B,01/05/2025,S,C2,N1,U3,PR1,01/07/2025,X1,,,,
            B,01/07/2025,P,C2,N1,T0,,05/07/2025,X1,CHILD,,,
            B,05/07/2025,P,C2,N1,U3,PR1,,,,,,
            """
        let found = try Self.found(["episodes.csv": episodes])
        #expect(found["226"] == ["episodes 1", "episodes 4"])
    }

    @Test func aPeriodOfCareDoesNotStartWithATemporaryPlacement() throws {
        // A started to be looked after (S) in a temporary placement (T1). B's first episode in the return is a change of
        // placement (P) to T2: B's care began before it. B's care then ended, and a new period began on 1 December in
        // T0 after a gap, recorded as a change of placement (P) though nothing came before it the day it began.
        let episodes = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A,01/05/2025,S,C2,N1,T1,,10/05/2025,X1,,,,
            A,10/05/2025,P,C2,N1,U1,PR1,,,,,,
            B,01/04/2025,P,C2,N1,T2,,01/06/2025,X1,,,,
            B,01/06/2025,P,C2,N1,U1,PR1,01/09/2025,E13,,,,
            B,01/12/2025,P,C2,N1,T0,,,,,,,
            """
        let found = try Self.found(["episodes.csv": episodes])
        #expect(found["380"] == ["episodes 0", "episodes 4"])
    }

    @Test func backToTheNormalPlacementAfterATemporaryOne() throws {
        // A: foster care (U1, URN 1), a holiday placement (T3), then the legal status changed there (L, still T3), then
        // back to U1 with URN 1: right. B: foster care (U1, URN 2), a temporary placement (T0), then a children's home
        // (K2): not back. C: a temporary placement first (T1), then U1: no normal placement before it (that is rule 380).
        let episodes = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A,01/04/2025,S,C2,N1,U1,PR1,01/06/2025,X1,,,,1
            A,01/06/2025,P,C2,N1,T3,,10/06/2025,X1,,,,
            A,10/06/2025,L,C1,N1,T3,,20/06/2025,X1,,,,
            A,20/06/2025,P,C1,N1,U1,PR1,,,,,,1
            B,01/04/2025,S,C2,N1,U1,PR1,01/06/2025,X1,,,,2
            B,01/06/2025,P,C2,N1,T0,,10/06/2025,X1,,,,
            B,10/06/2025,P,C2,N1,K2,PR1,,,,,,3
            C,01/04/2025,S,C2,N1,T1,,01/05/2025,X1,,,,
            C,01/05/2025,P,C2,N1,U1,PR1,,,,,,4
            """
        let found = try Self.found(["episodes.csv": episodes])
        #expect(found["383"] == ["episodes 6"])
    }

    @Test func noDecisionToPlaceForAdoptionBeforeCareStarted() throws {
        // A started to be looked after on 1 June 2025 (S); the decision was made on 1 May. B's only episode in the
        // return is a change of placement (P): B's care began before it, on a day the return does not hold.
        let episodes = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A,01/06/2025,S,E1,N1,A3,PR1,,,,,,
            B,01/04/2025,P,E1,N1,A3,PR1,,,,,,
            """
        let placed = """
            CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            A,01/01/2020,01/05/2025,,
            B,01/01/2020,01/03/2025,,
            """
        let found = try Self.found(["episodes.csv": episodes, "placed_for_adoption.csv": placed])
        #expect(found["1003"] == ["episodes 0", "placed_for_adoption 0"])
    }

    @Test func lookedAfterAgainAfterAdoption() throws {
        // A was adopted (E11) on 1 June 2025 and is looked after again from 1 August, then moves on 1 October: both
        // later episodes show it. B's care ended on 1 June with a return home (E13).
        let episodes = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A,01/04/2025,S,E1,N1,A3,PR1,01/06/2025,E11,,,,
            A,01/08/2025,S,C2,N1,U1,PR1,01/10/2025,X1,CARPL,,,
            A,01/10/2025,P,C2,N1,U3,PR1,,,,,,
            B,01/04/2025,S,C2,N1,U1,PR1,01/06/2025,E13,,,,
            B,01/08/2025,S,C2,N1,U1,PR1,,,,,,
            """
        let found = try Self.found(["episodes.csv": episodes])
        #expect(found["199"] == ["episodes 1", "episodes 2"])
    }

    @Test func atMost75DaysOfShortBreaksInTheYear() throws {
        // A: 10 days in March 2025 (the year before), then 60 days (1 April to 30 May 2025) and 20 (1 to 20 October):
        // 80 days in the year. B: 60 and 10, 70 days.
        let episodes = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A,01/03/2025,S,V3,N1,U1,PR1,10/03/2025,E13,,,,
            A,01/04/2025,S,V3,N1,U1,PR1,30/05/2025,E13,,,,
            A,01/10/2025,S,V3,N1,U1,PR1,20/10/2025,E13,,,,
            B,01/04/2025,S,V3,N1,U1,PR1,30/05/2025,E13,,,,
            B,01/10/2025,S,V3,N1,U1,PR1,10/10/2025,E13,,,,
            """
        let found = try Self.found(["episodes.csv": episodes])
        // The breaks that count towards A's 80 days; March 2025's does not.
        #expect(found["367"] == ["episodes 1", "episodes 2"])
    }
}

/// The rules on the later tables, each worked by hand.
@Suite struct SSDA903LaterTableTests {
    @Test func outcomesForChildrenLookedAfterForAYear() throws {
        // A has been looked after since 2024 (in the cohort); B only since June 2025.
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,M,01/06/2012,WBRI,UN1,,\nB,M,01/06/2023,WBRI,UN1,,\n"
        let episodes = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A,01/01/2024,S,C2,N1,U1,PR1,,,,,,
            B,01/06/2025,S,C2,N1,U1,PR1,,,,,,
            """
        let oc2 = """
            CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
            A,01/06/2012,41,SDQ1,,1,1,,1,1,,
            B,01/06/2023,,,,,1,1,1,0,1,
            """
        let found = try SSDA903RuleTests.found(["header.csv": header, "episodes.csv": episodes, "oc2.csv": oc2])
        #expect(found["180"] == ["oc2 0"]) // an SDQ score above 40
        #expect(found["197a"] == ["oc2 0"]) // a score and a reason for no score
        #expect(found["191"] == ["oc2 0"]) // in the cohort, teeth check blank
        #expect(found["543"] == ["oc2 0"]) // 13 at 31 March, in the cohort, conviction blank
        #expect(found["546"] == ["oc2 0"]) // health promotion for a child of 5 or over
        #expect(found["192"] == ["oc2 0"]) // substance misuse, intervention received blank
        #expect(found["190"] == ["oc2 1"]) // not in the cohort, yet OC2 items filled in
        #expect(found["193"] == ["oc2 1"]) // no substance misuse, yet an intervention received
        #expect(found["188"] == nil) // B is 2, but has no SDQ score or reason
    }

    @Test func anotherYearsDatesCanBeUsedToCompareWithAToolFixedToThem() throws {
        let oc2 = """
            CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
            A,01/06/2013,,,0,,1,1,1,0,,
            """
        // 12 on 31 March 2026; 9 on 31 March 2023, when a conviction item is not asked of a child under 10.
        #expect(try SSDA903RuleTests.found(["oc2.csv": oc2])["542"] == nil)
        #expect(try SSDA903RuleTests.found(["oc2.csv": oc2], datesOf: CollectionYear(endYear: 2023))["542"] == ["oc2 0"])
    }

    @Test func adoptionMissingAndDeprivationOfLiberty() throws {
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,F,01/06/2015,WBRI,UN1,0,\n"
        let ad1 = "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\nA,01/06/2015,10/10/2025,01/10/2025,1,2,M1,L3\n"
        let missing = """
            CHILD,DOB,MISSING,MIS_START,MIS_END
            A,01/06/2015,M,01/05/2025,
            A,01/06/2015,A,03/05/2025,02/05/2025
            A,01/06/2015,,01/04/2026,
            """
        let dolo = "CHILD,DOB,DOLO_START,DOLO_END\nA,01/06/2015,01/06/2014,31/12/2025\n"
        let found = try SSDA903RuleTests.found(["header.csv": header, "ad1.csv": ad1, "missing.csv": missing, "DoLo.csv": dolo])
        #expect(found["333"] == ["ad1 0"]) // interest after the match
        #expect(found["511"] == ["ad1 0"]) // two adopters written M1
        #expect(found["517"] == ["ad1 0"]) // L3 is a man and a woman: MF
        #expect(found["567"] == ["missing 1"]) // ends the day before it began
        #expect(found["574"] == ["missing 0", "missing 1"]) // a second period while the first is open
        #expect(found["565"] == ["missing 2"]) // a start day but not whether missing or away
        #expect(found["570"] == ["missing 2"]) // starts after 31 March 2026
        #expect(found["708"] == nil) // deprivation of liberty orders are returned from 2026/27 only
        let next = try SSDA903RuleTests.found(["header.csv": header, "DoLo.csv": dolo], year: CollectionYear(endYear: 2027))
        #expect(next["708"] == ["DoLo 0"]) // before the child was born
        #expect(next["704"] == ["DoLo 0"]) // ends before 1 April 2026
    }

    /// The XML form beside the CSV tables is another copy of the return: refused with why, not mixed in (it used to
    /// be read, then its tables overwritten by the CSV files' without a word). Alone, it is read.
    @Test func anXMLFileBesideTheCSVTablesIsRefused() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ReturnsTests/Fixtures/d2i-903-fake")
        let header = try Data(contentsOf: folder.appendingPathComponent("header.csv"))
        let xml = try Data(contentsOf: folder.appendingPathComponent("fake_903.xml"))
        let both = SSDA903Files.read(files: [("header.csv", header), ("fake_903.xml", xml)])
        #expect(
            both.problems.map(\.description) == [
                "fake_903.xml: is the XML form of a return, given beside its CSV tables: check one or the other, not both (file refused)"
            ])
        #expect(Set(both.tables.keys) == [.header])
        let alone = SSDA903Files.read(files: [("fake_903.xml", xml)])
        #expect(alone.problems.allSatisfy { $0.effect != .fileRefused })
        #expect(alone.tables[.episodes] != nil)
    }

    /// The D2I fake return as published: every file read, nothing refused but the second placed-for-adoption file,
    /// and rules the DfE's portal would raise on a return of 2017/18 dates checked against 2025/26.
    @Test func theFakeReturnIsValidatedWhole() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ReturnsTests/Fixtures/d2i-903-fake")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        let files = SSDA903Files.read(files: try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
        #expect(files.problems.map(\.file) == ["placed_for_adoption_errors.csv"])
        #expect(files.tables[.episodes]?.count == 5050 && files.tables[.reviews]?.count == 12582)
        let report = try #require(SSDA903Rules.validate(files, year: CollectionYear(endYear: 2026)))
        let byRule = Dictionary(uniqueKeysWithValues: report.byRule.map { ($0.code, $0.count) })
        #expect(byRule["101"] == 2675) // SEX written 1 or 2, the codes before 2024/25
        #expect(byRule["146"] == 604) // H5, P2 and Z1 placements
        #expect(report.rulesNotRun.contains { $0.code == "392c" && $0.why.contains("postcode") })
        #expect(String(decoding: report.csv, as: UTF8.self).hasPrefix("child_id,table,row_id,rule_code\n"))
    }
}
