import Foundation
import Testing
import WaymarkDomain
import WaymarkReturns

@testable import WaymarkValidation

/// Rules across tables, worked by hand on small returns for 2025/26 (1 April 2025 to 31 March 2026): each child is
/// written to break particular rules, or to keep them where a child beside them breaks them.
@Suite struct SSDA903JourneyRuleTests {
    static let episodeColumns = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"

    @Test func theAdoptionJourney() throws {
        // A: decision, placement order, placed with the foster carers (A5), adopted: nothing wrong.
        // B: placed with adopters (A6) with no decision, no placement order and no AD1.
        // C: a placement order with no decision; adopted from foster care (U1), matched the day of the adoption.
        // D: decided, matched and found in the child's best interest after the placement order and the placement; placed
        //    with foster carers (A5) from a children's home (K2); AD1 says not with foster carers; not adopted.
        // E: two decisions, the first never revoked. F: adopted although the latest decision was reversed, and decided
        // before care began. G: left care, decision not revoked. H: decided after leaving care. I: decision reversed
        // before the year. J: reversed with no decision. K: AD1 given, though the decision was reversed.
        let episodes = """
            \(Self.episodeColumns)
            A,01/01/2024,S,C2,N1,U1,PR1,01/05/2025,X1,CARPL,,,
            A,01/05/2025,L,E1,N1,U1,PR1,01/08/2025,X1,,,,
            A,01/08/2025,P,E1,N1,A5,PR1,01/12/2025,E11,,,,
            B,01/02/2025,S,C2,N1,A6,PR1,01/10/2025,E12,,,,
            C,01/04/2025,S,E1,N1,U1,PR1,01/11/2025,E11,,,,
            D,01/01/2025,S,C2,N1,K2,PR2,01/06/2025,X1,CARPL,,,
            D,01/06/2025,B,E1,N1,A5,PR1,,,,,,
            F,01/01/2025,S,E1,N1,A6,PR1,01/12/2025,E11,,,,
            G,01/04/2025,S,C2,N1,U1,PR1,01/10/2025,E4A,,,,
            H,01/04/2025,S,C2,N1,U1,PR1,01/06/2025,E13,,,,
            I,01/01/2025,S,C2,N1,U1,PR1,,,,,,
            """
        let decisions = """
            CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            A,01/01/2020,01/03/2025,,
            D,01/01/2020,01/07/2025,,
            E,01/01/2020,01/05/2024,,
            E,01/01/2020,01/02/2025,,
            F,01/01/2020,01/12/2024,01/09/2025,RD1
            G,01/01/2020,01/06/2025,,
            H,01/01/2020,01/07/2025,01/08/2025,RD4
            I,01/01/2020,01/02/2025,01/03/2025,RD3
            J,01/01/2020,,01/05/2025,RD1
            K,01/01/2020,01/05/2025,01/08/2025,RD2
            """
        let adoptions = """
            CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR
            A,01/01/2020,01/03/2025,01/07/2025,1,1,F1,L11
            C,01/01/2020,01/05/2025,01/11/2025,0,1,F1,L11
            D,01/01/2020,01/08/2025,01/07/2025,0,1,F1,L11
            K,01/01/2020,01/05/2025,01/09/2025,1,1,F1,L11
            """
        let found = try SSDA903RuleTests.found(["episodes.csv": episodes, "placed_for_adoption.csv": decisions, "ad1.csv": adoptions])
        #expect(found["551"] == ["episodes 3"]) // B placed with adopters, no decision
        #expect(found["553"] == ["episodes 4"]) // C's placement order, no decision
        #expect(found["554"] == ["episodes 6", "placed_for_adoption 1"]) // D decided 1 July, order 1 June
        #expect(found["552"] == ["episodes 6", "placed_for_adoption 1"]) // D decided after being placed, 1 June
        #expect(found["334"] == ["episodes 7", "placed_for_adoption 4"]) // F decided 1 Dec 2024, care began 1 Jan 2025
        #expect(found["117"] == ["placed_for_adoption 6"]) // H's decisions after leaving care on 1 June
        #expect(found["118"] == ["placed_for_adoption 7"]) // I's reversal, 1 March 2025
        #expect(found["525"] == ["ad1 3", "episodes 7", "placed_for_adoption 4", "placed_for_adoption 9"]) // F and K
        #expect(found["558"] == ["episodes 7", "placed_for_adoption 4"])
        #expect(found["557"] == ["episodes 8", "placed_for_adoption 5"]) // G went home; the decision stands
        #expect(found["408"] == ["episodes 3"]) // B in A6 under a care order
        #expect(found["336"] == ["episodes 6"]) // D from a children's home to A5
        #expect(found["390"] == ["episodes 4"]) // C adopted, never placed for adoption
        #expect(found["601"] == ["episodes 3", "episodes 7"]) // B and F adopted with no AD1
        #expect(found["602"] == ["ad1 2", "ad1 3"]) // D and K have AD1, not adopted
        #expect(found["331"] == ["ad1 2", "episodes 6"]) // D matched 1 July, placed 1 June
        #expect(found["521"] == ["ad1 2", "episodes 6"]) // D's best interest 1 August
        #expect(found["523"] == ["ad1 2", "placed_for_adoption 1"]) // 1 August against 1 July
        #expect(found["335"] == ["ad1 2", "episodes 6"]) // not with foster carers, yet A5
        #expect(found["582"] == ["ad1 1", "episodes 4"]) // C matched the day of the adoption
        #expect(found["583"] == ["placed_for_adoption 2", "placed_for_adoption 3"])
        #expect(found["563"] == ["placed_for_adoption 8"])
    }

    @Test func aNewEpisodeSaysWhatChangedAndAPeriodKeepsItsCategoryOfNeed() throws {
        // A: a change to a temporary placement (U) that kept the legal status; then placement and legal status both
        // changed (B), with another category of need in the same period of care. B: left care and started to be
        // looked after again (S) the same day, with another category of need: a new period, not a change. C: a move to a
        // temporary placement (T) whose legal status changed, then a move (P) to the same placement: both say "placement
        // changed, legal status not" and neither is so (435).
        let episodes = """
            \(Self.episodeColumns)
            A,01/04/2025,S,C2,N1,U1,PR1,01/05/2025,X1,CARPL,,,
            A,01/05/2025,U,C2,N1,T1,PR1,01/06/2025,X1,,,,
            A,01/06/2025,B,J2,N2,U2,PR1,,,,,,
            B,01/04/2025,S,C2,N1,U1,PR1,01/05/2025,E13,,,,
            B,01/05/2025,S,C2,N4,U1,PR1,,,,,,
            C,01/04/2025,S,C1,N1,U1,PR1,01/05/2025,X1,CARPL,,,
            C,01/05/2025,T,C2,N1,T1,PR1,01/06/2025,X1,,,,
            C,01/06/2025,P,C2,N1,T1,PR1,,,,,,
            """
        let found = try SSDA903RuleTests.found(["episodes.csv": episodes])
        #expect(found["435"] == ["episodes 6", "episodes 7"])
        #expect(found["436"] == ["episodes 1"])
        #expect(found["504"] == ["episodes 2"])
    }

    @Test func aPeriodOfCareEndsWhereAnotherStartsTheSameDay() throws {
        // C's care ended in a temporary placement (T4) the day C started to be looked after again (S): that period
        // ended with a temporary placement. D's temporary placement continued into a new episode (X1, then L): not an end.
        let episodes = """
            \(Self.episodeColumns)
            C,01/04/2025,S,C2,N1,T4,PR1,01/05/2025,E16,,,,
            C,01/05/2025,S,V3,N1,U1,PR1,,,,,,
            D,01/04/2025,S,C2,N1,T4,PR1,01/05/2025,X1,,,,
            D,01/05/2025,L,C1,N1,T4,PR1,,,,,,
            """
        #expect(try SSDA903RuleTests.found(["episodes.csv": episodes])["381"] == ["episodes 0"])
    }

    @Test func whatIsAskedOfWhichChildren() throws {
        let header = """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            K,M,31/03/2000,WBRI,A123456789012,,
            L,M,01/04/2000,WBRI,A123456789013,,
            M,F,01/01/2020,WBRI,UN1,,
            N,M,01/04/2021,WBRI,UN1,,
            P,F,01/01/2012,WBRI,UN4,,
            Q,F,01/01/2012,WBRI,UN4,0,
            R,F,01/06/2008,WBRI,A123456789014,,
            S,F,01/01/2010,WBRI,A123456789015,1,01/05/2026
            T,F,01/06/2003,WBRI,A123456789016,0,
            U,M,01/01/2015,WBRI,A123456789017,,
            V,F,01/01/2012,WBRI,A123456789018,0,
            W,M,01/01/2007,WBRI,A123456789019,,
            X,M,01/01/2008,WBRI,A123456789020,,
            Y,M,01/06/2008,WBRI,A123456789021,,
            Z,M,01/05/2007,WBRI,A123456789022,,
            AA,M,01/01/2010,WBRI,A123456789023,,
            BB,F,01/10/2008,WBRI,A123456789024,,
            """
        let episodes = """
            \(Self.episodeColumns)
            P,01/01/2026,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,
            Q,25/03/2026,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,
            R,01/01/2025,S,C2,N1,U1,PR1,01/09/2025,E13,,AB1 2CD,EF3 4GH,
            S,01/01/2025,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,
            V,01/05/2025,S,V3,N1,K2,PR2,03/05/2025,E13,,,,
            W,01/01/2025,S,C2,N1,U1,PR1,01/06/2025,E2,,AB1 2CD,EF3 4GH,
            X,01/01/2025,S,C2,N1,U1,PR1,01/07/2025,E3,,AB1 2CD,EF3 4GH,
            Y,01/01/2020,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,
            Z,01/01/2020,S,C2,N1,U1,PR1,01/08/2025,E17,,AB1 2CD,EF3 4GH,
            AA,01/01/2015,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,
            """
        let leavers = """
            CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
            T,01/06/2003,YES,F1,V1
            W,01/01/2007,DIED,,
            X,01/01/2008,YES,F1,V1
            Y,01/06/2008,YES,F1,V1
            Z,01/05/2007,YES,F1,V1
            BB,01/10/2008,YES,F1,U1
            """
        let files = [
            "header.csv": header, "episodes.csv": episodes, "oc3.csv": leavers,
            "reviews.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\nV,01/01/2012,02/05/2025,PN1\nT,01/06/2003,01/06/2025,PN1",
            "uasc.csv": "CHILD,SEX,DOB,DUC\nT,F,01/06/2003,01/06/2021",
            "oc2.csv": """
            CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
            Z,01/05/2007,,,0,,,,,,,
            """,
            "ad1.csv": "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\nAA,01/01/2010,01/02/2026,,,,,",
            "previous_permanence.csv": "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nQ,01/01/2012,Z1,,\nV,01/01/2012,Z1,,\nAA,01/01/2010,P1,201,01/01/2014",
        ]
        let found = try SSDA903RuleTests.found(files)
        #expect(found["351"] == ["header 0"]) // K turned 25 on 31 March 2025; L on 1 April
        #expect(found["209"] == ["header 2"]) // M is 6 with UN1; N is 4
        #expect(found["210"] == ["header 4"]) // P looked after since 1 January; Q for 6 days
        #expect(found["393"] == ["header 4"]) // P, 14, looked after on 31 March
        #expect(found["607"] == ["header 6"]) // R left care at 17
        #expect(found["625"] == ["header 7"]) // S's child born after 31 March 2026
        #expect(found["628"] == ["header 8"]) // T, a care leaver not looked after this year
        #expect(found["1014"] == ["oc3 0", "uasc 0"])
        #expect(found["1000"] == ["episodes 5", "oc3 1"]) // W died in care
        #expect(found["1011"] == ["episodes 6", "oc3 2"]) // X's care taken over by another authority
        #expect(found["1007"] == ["oc3 3"]) // Y still looked after, 17 on 1 June 2025
        #expect(found["1016"] == ["episodes 8", "oc3 4"]) // Z left care after turning 18
        #expect(found["187"] == ["ad1 0", "oc3 3"]) // AA and Y looked after all year
        #expect(found["215"] == ["oc2 0", "oc3 4"]) // Z, a care leaver with OC2 items
        #expect(found["1012"] == ["reviews 1"]) // T's review
        #expect(found["EPI"] == ["header 0", "header 1", "header 2", "header 3", "header 9"])
        #expect(found["399"] == ["episodes 4", "header 10", "reviews 0"]) // V had only a short break
        #expect(found["630"] == ["episodes 0"]) // P started this year with no previous permanence
        #expect(found["634"] == ["previous_permanence 2"]) // AA started in 2015
        #expect(found["3001"] == ["oc3 5"]) // BB, 17, with former foster carers
    }

    @Test func placementsMissingOrdersSocialWorkersAndOutcomes() throws {
        let header = """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            D,M,01/06/2007,WBRI,A123456789012,,
            E,M,01/06/2006,WBRI,A123456789013,,
            F,M,01/03/2008,WBRI,A123456789014,,
            G,M,01/10/2008,WBRI,A123456789015,,
            """
        let episodes = """
            \(Self.episodeColumns)
            A,01/04/2025,S,V3,N1,K2,PR2,03/04/2025,E13,,,EF3 4GH,
            B,01/04/2025,S,C2,N1,P1,PR0,,,,,,SC123456
            C,01/04/2025,S,C2,N1,U1,PR1,01/06/2025,X1,CARPL,AB1 2CD,EF3 4GH,XXXXXXX
            C,01/06/2025,P,C2,N1,K2,PR2,01/09/2025,E45,,AB1 2CD,EF3 4GH,SC123457
            D,01/01/2024,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,
            E,01/01/2024,S,V2,N1,K2,PR2,,,,AB1 2CD,EF3 4GH,SC123458
            F,01/01/2024,S,C2,N1,U1,PR1,01/03/2026,E17,,AB1 2CD,EF3 4GH,
            G,01/01/2024,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,
            """
        let files = [
            "header.csv": header, "episodes.csv": episodes,
            "missing.csv": """
            CHILD,DOB,MISSING,MIS_START,MIS_END
            C,01/01/2012,M,01/08/2025,
            D,01/06/2007,A,01/05/2025,02/05/2025
            D,01/06/2007,M,01/02/2026,
            """,
            "DoLo.csv": "CHILD,DOB,DOLO_START,DOLO_END\nB,01/01/2012,01/05/2025,\nE,01/06/2006,01/05/2025,01/06/2025",
            "sw_episodes.csv": """
            CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON
            B,01/01/2012,SW1,01/04/2025,01/10/2025,
            B,01/01/2012,SW2,15/10/2025,,
            D,01/06/2007,SW3,01/06/2025,01/01/2026,
            E,01/06/2006,SW4,01/03/2025,,
            A,01/01/2012,SW5,01/04/2026,,
            C,01/01/2012,SW6,01/01/2025,01/03/2025,
            """,
            "oc2.csv": """
            CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
            G,01/10/2008,,,0,,1,1,1,0,,
            H,01/10/2015,,SDQ1,0,,1,1,1,0,,
            """,
        ]
        let found = try SSDA903RuleTests.found(files)
        #expect(found["214"] == ["episodes 0"]) // a short break with a placement postcode
        #expect(found["222"] == ["episodes 1"]) // with parents (P1), with a URN
        #expect(found["392b"] == ["episodes 1"]) // no postcodes; A's short break needs none
        #expect(found["516"] == ["episodes 3"]) // special guardianship from a children's home
        #expect(found["359"] == ["episodes 4", "header 0"]) // D, 18 on 1 June 2025, in foster care under a care order
        #expect(found["580"] == ["episodes 3", "missing 0"]) // C missing when care ended (E45)
        #expect(found["575"] == ["episodes 3", "missing 0"]) // and the placement C went missing from ended
        // Rule 710 is in the 2026/27 listing: run on this return's dates.
        let from2026 = try SSDA903RuleTests.found(files, year: CollectionYear(endYear: 2027), datesOf: SSDA903RuleTests.year)
        #expect(from2026["710"] == ["DoLo 0", "episodes 1"]) // B deprived of liberty while with parents
        #expect(found["SW06STG2"] == ["sw_episodes 4", "sw_episodes 5"])
        #expect(found["SW07STG2"] == ["sw_episodes 5"])
        #expect(found["SW10aSTG2"] == ["sw_episodes 1"]) // 14 days without a social worker
        #expect(found["SW11bSTG2"] == ["sw_episodes 2"]) // D's ended on 1 January
        #expect(found["SW12STG2"] == ["episodes 7", "sw_episodes 2"]) // D's began on 1 June; G has none
        #expect(found["SW17STG2"] == ["episodes 4", "episodes 7"]) // D and G have no social worker on 31 March
        // 2024/25's completeness rules, on that year's dates.
        let in2025 = try SSDA903RuleTests.found(
            [
                "sw_episodes.csv": """
                CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON
                B,01/01/2012,SW1,01/04/2024,,FIRST
                C,01/01/2012,,01/04/2024,,FIRST
                D,01/01/2012,SW3,,,FIRST
                E,01/01/2012,SW4,01/04/2024,,
                """
            ], year: CollectionYear(endYear: 2025))
        #expect(in2025["SW01aSTG1"] == ["sw_episodes 1", "sw_episodes 2"])
        #expect(in2025["SW01bSTG1"] == ["sw_episodes 3"])
        #expect(found["157"] == nil) // H is not looked after: outside the 12-month cohort, rule 198's
        #expect(found["197B"] == ["oc2 0"]) // G turned 17 with no SDQ
    }
}
