import Foundation
import Testing
import WaymarkDomain
import WaymarkReturns

@testable import WaymarkValidation

/// The rules on the header's UASC status, which the XML form carries and the CSV form does not (105, 303, and 205C
/// with last year's return), worked by hand for 2025/26.
@Suite struct SSDA903UASCStatusRuleTests {
    /// A: UASC, status ceased in May 2025. B: status 0 yet a date ceased given. C: status left blank. D: status 2.
    /// E: UASC with no date ceased.
    static let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <EXPSSDA903>
        <CHILD><HEADER><CHILDID>A</CHILDID><SEX>M</SEX><DOB>01/06/2008</DOB><ETHNIC>AOTH</ETHNIC><UASC>1</UASC><DUC>10/05/2025</DUC></HEADER></CHILD>
        <CHILD><HEADER><CHILDID>B</CHILDID><SEX>M</SEX><DOB>01/06/2008</DOB><ETHNIC>AOTH</ETHNIC><UASC>0</UASC><DUC>10/05/2025</DUC></HEADER></CHILD>
        <CHILD><HEADER><CHILDID>C</CHILDID><SEX>F</SEX><DOB>01/06/2009</DOB><ETHNIC>WBRI</ETHNIC><UASC /></HEADER></CHILD>
        <CHILD><HEADER><CHILDID>D</CHILDID><SEX>F</SEX><DOB>01/06/2009</DOB><ETHNIC>WBRI</ETHNIC><UASC>2</UASC></HEADER></CHILD>
        <CHILD><HEADER><CHILDID>E</CHILDID><SEX>M</SEX><DOB>01/06/2009</DOB><ETHNIC>AOTH</ETHNIC><UASC>1</UASC></HEADER></CHILD>
        </EXPSSDA903>
        """

    static func report(lastYear: SSDA903Files? = nil) throws -> ValidationReport {
        let files = SSDA903Files.readXML(Data(xml.utf8), fileName: "return.xml")
        return try #require(SSDA903Rules.validate(files, lastYear: lastYear, year: SSDA903RuleTests.year))
    }

    static func found(_ report: ValidationReport) -> [String: [String]] {
        Dictionary(grouping: report.issues, by: \.rule).mapValues { $0.map { "\($0.table) \($0.row) \($0.child)" } }
    }

    @Test func theXMLFormsUASCStatusIsCheckedAgainstTheDateItCeased() throws {
        let found = Self.found(try Self.report())
        #expect(found["105"] == ["header 2 C", "header 3 D"]) // blank, and a code that is neither 0 nor 1
        #expect(found["303"] == ["header 1 B", "uasc 1 B"]) // a date ceased for a child whose status is 0
    }

    @Test func aDateCeasedNeedsTheChildToBeUASCThisYearOrLast() throws {
        // Last year in the CSV form: B had a UASC row, so B was UASC then. This year's A is UASC now. Only a child
        // UASC in neither year breaks 205C, so with B's row last year nothing is found; without it, B is.
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,M,01/06/2008,AOTH,UN1,,\nB,M,01/06/2008,AOTH,UN1,,"
        let withB = SSDA903Files.read(files: [
            ("header.csv", Data(header.utf8)),
            ("uasc.csv", Data("CHILD,SEX,DOB,DUC\nB,M,01/06/2008,".utf8)),
        ])
        #expect(Self.found(try Self.report(lastYear: withB))["205C"] == nil)
        let withoutB = SSDA903Files.read(files: [
            ("header.csv", Data(header.utf8)),
            ("uasc.csv", Data("CHILD,SEX,DOB,DUC\nA,M,01/06/2008,".utf8)),
        ])
        #expect(Self.found(try Self.report(lastYear: withoutB))["205C"] == ["header 1 B", "uasc 1 B"])
        // Last year in the XML form, by its status: B was 0 then, so B is found.
        let lastXML = SSDA903Files.readXML(Data(Self.xml.utf8), fileName: "last.xml")
        #expect(Self.found(try Self.report(lastYear: lastXML))["205C"] == ["header 1 B", "uasc 1 B"])
    }

    @Test func theCSVFormMayCarryTheStatusAndWithoutItTheRulesAreNamedAsNotRun() throws {
        let withStatus = try SSDA903RuleTests.found([
            "header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC\nA,M,01/06/2008,AOTH,UN1,,,1\nB,F,01/06/2009,WBRI,UN1,,,"
        ])
        #expect(withStatus["105"] == ["header 1"])
        let files = SSDA903Files.read(files: [("header.csv", Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,M,01/06/2008,AOTH,UN1,,".utf8))])
        let report = try #require(SSDA903Rules.validate(files, year: SSDA903RuleTests.year))
        for code in ["105", "303"] {
            #expect(
                report.rulesNotRun.first { $0.code == code }?.why
                    == "needs the header table's UASC column, which the return does not have (the XML form has it; the CSV form does not)")
        }
    }
}
