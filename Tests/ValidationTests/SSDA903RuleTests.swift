import Foundation
import Testing
import WaymarkReturns
@testable import WaymarkValidation

/// Each rule worked by hand on a small return written for it: the rows that break it, and the rows beside them that
/// do not. The year is 2025/26 (1 April 2025 to 31 March 2026) unless a test says otherwise.
@Suite struct SSDA903RuleTests {
    static let year = CollectionYear(endYear: 2026)

    /// Validates CSV files given as text and returns the rows (table, row) each rule found.
    static func found(_ files: [String: String], year: CollectionYear = year) throws -> [String: [String]] {
        let read = SSDA903Files.read(files: files.map { ($0.key, Data($0.value.utf8)) })
        let report = try #require(SSDA903Rules.validate(read, year: year))
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
        #expect(found["101"] == ["header 1"])                       // "1" is the old gender code
        #expect(found["102"] == ["header 1"])                       // 31 February
        #expect(found["103"] == ["header 1", "header 3"])           // XXXX, and blank
        #expect(found["168"] == ["header 2"])                       // A12345 is not 13 characters
        #expect(found["174"] == ["header 2"])                       // a boy with a child's date of birth
        #expect(found["232"] == ["header 3"])
        #expect(found["301"] == ["header 2"])                       // born after 31 March 2026
        #expect(found["611"] == ["header 3"])                       // a mother with no child's date of birth
        #expect(found["620"] == ["header 3"])                       // a mother aged 10
        #expect(found["INT32"] == nil)
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
        #expect(found["225"] == ["episodes 0"])                     // A's placement changed with no reason given
        #expect(found["361"] == ["episodes 2"])                     // police protection for 5 days
        #expect(found["355"] == ["episodes 3"])                     // began and ended on 6 June
        #expect(found["434"] == nil)                                // legal status changed (L1 to C1) and the placement did not
        #expect(found["302"] == ["episodes 4", "header 2"])         // C's care began before the birth the header gives
        #expect(found["365"] == ["episodes 4"])                     // a short break of 19 days
        #expect(found["366"] == ["episodes 4"])                     // a short break that is not a new period of care
        #expect(found["382"] == ["episodes 4"])                     // a short break in a temporary placement
        #expect(found["380"]?.contains("episodes 4") == true)       // a period of care that starts with a temporary placement
        #expect(found["529"] == nil && found["527"] == nil)
    }
}
