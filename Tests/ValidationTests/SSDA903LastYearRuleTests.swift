import Foundation
import Testing
import WaymarkDomain
import WaymarkReturns

@testable import WaymarkValidation

/// The rules that compare with last year's return, worked by hand for 2025/26 (1 April 2025 to 31 March 2026) against
/// 2024/25: each child is written to break particular rules, or to keep them where a child beside them breaks them.
@Suite struct SSDA903LastYearRuleTests {
    static let headerColumns = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
    static let episodeColumns = SSDA903JourneyRuleTests.episodeColumns

    @Test func theChildsDetailsDoNotChangeFromOneYearToTheNext() throws {
        // A: the same, with sex in last year's code (1 for M). B: everything changed. C: a mother this year whose first
        // child was born in January 2025, recorded as not a mother last year; her UPN was unknown (UN2) then. D: sex
        // not known this year; her first child's date of birth moved by a month. E: not in last year's return.
        let header = """
            \(Self.headerColumns)
            A,M,01/06/2010,WBRI,A123456789012,,
            B,F,01/06/2011,WBRI,B123456789012,0,
            C,F,01/06/2009,BAFR,D123456789012,1,01/01/2025
            D,U,01/06/2009,WBRI,UN1,1,01/02/2024
            E,F,01/06/2012,WBRI,E123456789012,,
            """
        let lastYear = """
            \(Self.headerColumns)
            A,1,01/06/2010,WBRI,A123456789012,,
            B,M,02/06/2011,WIRI,C123456789012,1,
            C,F,01/06/2009,BAFR,UN2,0,
            D,M,01/06/2009,WBRI,UN1,1,01/03/2024
            """
        let found = try SSDA903RuleTests.found(["header.csv": header], lastYear: ["header.csv": lastYear])
        #expect(found["202"] == ["header 1"]) // B was M; A's 1 is M, D's U is not a conflict
        #expect(found["203"] == ["header 1"]) // 2 June then, 1 June now
        #expect(found["204"] == ["header 1"]) // WIRI then
        #expect(found["207"] == ["header 1"]) // a mother last year, not one this year
        #expect(found["208"] == ["header 1"]) // another UPN; C's UN2 becoming her UPN is not a conflict
        #expect(found["624"] == ["header 3"]) // 1 March 2024 then, 1 February now
        #expect(found["626"] == ["header 2"]) // first child born before 1 April 2025, yet not a mother then
    }

    @Test func withoutLastYearsReturnItsRulesAreNamedAsNotRun() throws {
        let files = SSDA903Files.read(files: [("header.csv", Data("\(Self.headerColumns)\nA,M,01/06/2010,WBRI,UN1,,".utf8))])
        let alone = try #require(SSDA903Rules.validate(files, year: SSDA903RuleTests.year))
        #expect(alone.rulesNotRun.first { $0.code == "202" }?.why == "compares with last year's return, which was not given")
        #expect(!alone.rulesRun.contains("202"))
        let withHeaderOnly = try #require(SSDA903Rules.validate(files, lastYear: files, year: SSDA903RuleTests.year))
        #expect(withHeaderOnly.rulesRun.contains("202"))
        #expect(withHeaderOnly.rulesNotRun.first { $0.code == "348" }?.why == "needs the oc3 table, which the return does not have")
        let withLeavers = SSDA903Files.read(files: [("oc3.csv", Data("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA,01/06/2006,YES,F1,B".utf8))])
        let leaversOnly = try #require(SSDA903Rules.validate(withLeavers, lastYear: files, year: SSDA903RuleTests.year))
        #expect(leaversOnly.rulesNotRun.first { $0.code == "348" }?.why == "needs last year's oc3 table, which last year's return does not have")
    }

    @Test func theEpisodeOpenAtTheEndOfLastYearCarriesOn() throws {
        // A: the same episode in both years. B: last year's open episode began 1 February 2024; this year's first began
        // 1 March 2024 with other details throughout. C: left care last year, yet this year begins with an episode from
        // before this year. D: looked after since February 2025 with no episodes last year. E: began this year. F: two
        // episodes last year, the second open and the first this year.
        let thisYear = """
            \(Self.episodeColumns)
            A,01/01/2024,S,C2,N1,U1,PR1,01/09/2025,E11,,,,
            B,01/03/2024,L,J2,N2,K2,PR2,,,,,,SC123456
            C,01/03/2024,S,C2,N1,U1,PR1,,,,,,
            D,01/02/2025,S,C2,N1,U1,PR1,,,,,,
            E,01/05/2025,S,C2,N1,U1,PR1,,,,,,
            F,01/06/2023,P,C2,N1,U2,PR1,,,,,,
            """
        let lastYear = """
            \(Self.episodeColumns)
            A,01/01/2024,S,C2,N1,U1,PR1,,,,,,
            B,01/02/2024,S,C2,N1,U1,PR1,,,,,,
            C,01/03/2024,S,C2,N1,U1,PR1,01/03/2025,E11,,,,
            F,01/01/2023,S,C2,N1,U1,PR1,01/06/2023,X1,CARPL,,,
            F,01/06/2023,P,C2,N1,U2,PR1,,,,,,
            """
        let found = try SSDA903RuleTests.found(["episodes.csv": thisYear], lastYear: ["episodes.csv": lastYear])
        #expect(found["502"] == ["episodes 1"])
        for code in ["503A", "503B", "503C", "503D", "503E", "503F"] { #expect(found[code] == ["episodes 1"], "\(code)") }
        #expect(found["562"] == ["episodes 1", "episodes 2", "episodes 3"]) // none open last year from the same day
        #expect(found["NoE"] == ["episodes 3"]) // D alone has no episodes last year
    }

    @Test func careLeaversWereRelevantAndStillAlive() throws {
        // G: in care from 16 (1 January 2023), the episode open at the end of last year, none this year; reported
        // last year as having died. H: looked after for a month this year only. I: looked after from 12 to 14 and a
        // half, then not after 16. J: no episodes in either year. K: short breaks (V3) only. L: reported as having died
        // both years; looked after from 13 to 17.
        let leavers = """
            CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
            G,01/01/2007,YES,F1,B
            H,01/01/2008,YES,F1,B
            I,01/01/2008,YES,F1,B
            J,01/01/2005,YES,F1,B
            K,01/01/2008,YES,F1,B
            L,01/01/2008,DIED,,
            """
        let thisYear = """
            \(Self.episodeColumns)
            H,01/05/2025,S,C2,N1,U1,PR1,01/06/2025,E41,,,,
            K,01/02/2025,S,V3,N1,U1,PR1,,,,,,
            L,01/01/2021,S,C2,N1,U1,PR1,01/06/2025,E41,,,,
            """
        let lastYear = """
            \(Self.episodeColumns)
            G,01/01/2023,S,C2,N1,U1,PR1,,,,,,
            I,01/01/2020,S,C2,N1,U1,PR1,01/06/2022,E41,,,,
            K,01/02/2025,S,V3,N1,U1,PR1,,,,,,
            L,01/01/2021,S,C2,N1,U1,PR1,,,,,,
            """
        let lastYearsLeavers = """
            CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
            G,01/01/2007,DIED,,
            L,01/01/2008,DIED,,
            """
        let found = try SSDA903RuleTests.found(
            ["oc3.csv": leavers, "episodes.csv": thisYear],
            lastYear: ["oc3.csv": lastYearsLeavers, "episodes.csv": lastYear])
        #expect(found["1010"] == ["oc3 0"]) // G: open at the end of last year, no episodes now
        #expect(found["1001"] == ["oc3 1", "oc3 2", "oc3 4"]) // H 31 days; I not after 16; K short breaks only
        #expect(found["1002"] == ["oc3 3"]) // J
        #expect(found["348"] == ["oc3 0"]) // G died last year, in touch this year; L died both
    }

    @Test func decisionsToPlaceForAdoptionCarryOn() throws {
        // A: the open decision again. B: last year's open decision of 1 March 2025 given this year as 1 February.
        // C: a decision that ceased last year given again. D: last year's ceased; this year one from December 2024 that
        // last year did not have, and a new one in June 2025. E: a decision from March 2025, none last year. F: a
        // first decision this year.
        let thisYear = """
            CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            A,01/01/2020,01/02/2025,,
            B,01/01/2020,01/02/2025,,
            C,01/01/2020,01/01/2025,,
            D,01/01/2020,01/12/2024,,
            D,01/01/2020,01/06/2025,,
            E,01/01/2020,01/03/2025,,
            F,01/01/2020,01/05/2025,,
            """
        let lastYear = """
            CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            A,01/01/2020,01/02/2025,,
            B,01/01/2020,01/03/2025,,
            C,01/01/2020,01/01/2025,01/03/2025,RD1
            D,01/01/2020,01/01/2025,01/02/2025,RD1
            """
        let found = try SSDA903RuleTests.found(["placed_for_adoption.csv": thisYear], lastYear: ["placed_for_adoption.csv": lastYear])
        #expect(found["559"] == ["placed_for_adoption 5"])
        #expect(found["560"] == ["placed_for_adoption 1"])
        #expect(found["561"] == ["placed_for_adoption 2"])
        #expect(found["584"] == ["placed_for_adoption 3"])
    }

    @Test func missingPeriodsAndDeprivationOfLibertyOrdersOpenAtTheEndCarryOn() throws {
        // A: open last year, carried on. B: open last year; this year's first begins later. C: closed last year.
        // D: open last year, no missing period this year: their header row is named.
        let header = """
            \(Self.headerColumns)
            A,M,01/01/2010,WBRI,A123456789012,,
            B,M,01/01/2010,WBRI,B123456789012,,
            C,M,01/01/2010,WBRI,C123456789012,,
            D,M,01/01/2010,WBRI,D123456789012,,
            """
        let thisYear = """
            CHILD,DOB,MISSING,MIS_START,MIS_END
            A,01/01/2010,M,20/03/2025,02/04/2025
            B,01/01/2010,M,10/04/2025,11/04/2025
            """
        let lastYear = """
            CHILD,DOB,MISSING,MIS_START,MIS_END
            A,01/01/2010,M,20/03/2025,
            B,01/01/2010,M,25/03/2025,
            C,01/01/2010,A,01/03/2025,05/03/2025
            D,01/01/2010,M,30/03/2025,
            """
        let found = try SSDA903RuleTests.found(["header.csv": header, "missing.csv": thisYear], lastYear: ["missing.csv": lastYear])
        #expect(found["576"] == ["header 3", "missing 1"])
        // 706 is in the 2026/27 listing: an order open at the end of 2025/26, none in 2026/27.
        let orders = "CHILD,DOB,DOLO_START,DOLO_END\nA,01/01/2010,01/03/2026,\nB,01/01/2010,01/03/2026,01/03/2026"
        let nextYear = try SSDA903RuleTests.found(["header.csv": header], lastYear: ["DoLo.csv": orders], year: CollectionYear(endYear: 2027))
        #expect(nextYear["706"] == ["header 0"])
    }

    @Test func unaccompaniedAsylumSeekingStatusAgreesWithItsDates() throws {
        // A: UASC both years, ceasing in 2027. B: UASC both years, though last year's return says it ceased in March
        // 2025. C: UASC last year only, yet last year's ceasing date is January 2026. D: UASC last year only, ceased
        // January 2025. E: UASC this year, in last year's return but not as UASC. F: not in last year's return.
        let header = """
            \(Self.headerColumns)
            A,M,01/01/2009,WBRI,A123456789012,,
            B,M,01/01/2009,WBRI,B123456789012,,
            C,M,01/01/2009,WBRI,C123456789012,,
            D,M,01/01/2007,WBRI,D123456789012,,
            E,M,01/01/2010,WBRI,E123456789012,,
            F,M,01/01/2010,WBRI,F123456789012,,
            """
        let thisYear = """
            CHILD,SEX,DOB,DUC
            A,M,01/01/2009,01/01/2027
            B,M,01/01/2009,01/01/2027
            E,M,01/01/2010,01/01/2028
            F,M,01/01/2010,01/01/2028
            """
        let lastYear = """
            CHILD,SEX,DOB,DUC
            A,M,01/01/2009,01/01/2027
            B,M,01/01/2009,01/03/2025
            C,M,01/01/2009,01/01/2026
            D,M,01/01/2007,01/01/2025
            """
        let lastYearsHeader = header.split(separator: "\n").dropLast().joined(separator: "\n")
        let found = try SSDA903RuleTests.found(
            ["header.csv": header, "uasc.csv": thisYear],
            lastYear: ["header.csv": lastYearsHeader, "uasc.csv": lastYear])
        #expect(found["205A"] == ["header 2"])
        #expect(found["205B"] == ["header 1", "uasc 1"])
        #expect(found["205D"] == ["header 4"])
    }
}
