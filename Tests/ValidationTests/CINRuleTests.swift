import Foundation
import Testing
import WaymarkDomain
import WaymarkReturns

@testable import WaymarkValidation

/// CIN census rules worked by hand on small censuses written for them: the rows that break each rule, and the rows
/// beside them that do not. The year is 2025/26: 1 April 2025 to 31 March 2026.
@Suite struct CINRuleTests {
    static let year = CollectionYear(endYear: 2026)

    /// Validates a census (the children's XML, inside a header).
    static func report(_ children: String, referenceDate: String = "2026-03-31", period: CINCensusPeriod? = nil) throws -> ValidationReport {
        let xml = """
            <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year>
            <ReferenceDate>\(referenceDate)</ReferenceDate></CollectionDetails></Header><Children>\(children)</Children></Message>
            """
        let file = CINCensusFile.read(Data(xml.utf8), fileName: "census.xml")
        let report = try #require(CINRules.validate(file, year: year, period: period))
        #expect(report.rulesNotRun.isEmpty)
        return report
    }

    /// The rows ("table row") each rule found.
    static func found(_ children: String, referenceDate: String = "2026-03-31", period: CINCensusPeriod? = nil) throws -> [String: [String]] {
        let report = try report(children, referenceDate: referenceDate, period: period)
        return Dictionary(grouping: report.issues, by: \.rule).mapValues { $0.map { "\($0.table) \($0.row)" } }
    }

    /// Three children. A's record is right throughout. B's identifiers are wrong in many ways, and B has a referral
    /// with no further action that nonetheless has a conference, and a referral dated 1 of the 13th month. C has two
    /// assessments at once, a child in need plan with two protection plans begun during it, and reviews.
    static let children = """
        <Child><ChildIdentifiers><LAchildID>A1</LAchildID><UPN>P207000016049</UPN><PersonBirthDate>2015-05-01</PersonBirthDate>
          <Sex>F</Sex></ChildIdentifiers>
          <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
          <CINdetails><CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
            <CINclosureDate>2025-09-30</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure>
            <Assessments><AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>
              <AssessmentAuthorisationDate>2025-06-10</AssessmentAuthorisationDate>
              <FactorsIdentifiedAtAssessment><AssessmentFactors>1B</AssessmentFactors><AssessmentFactors>3A</AssessmentFactors></FactorsIdentifiedAtAssessment>
            </Assessments>
            <Section47><S47ActualStartDate>2025-05-05</S47ActualStartDate><InitialCPCtarget>2025-05-27</InitialCPCtarget>
              <DateOfInitialCPC>2025-05-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
            <ReferralNFA>false</ReferralNFA>
            <ChildProtectionPlans><CPPstartDate>2025-05-20</CPPstartDate><CPPendDate>2025-09-30</CPPendDate>
              <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
              <NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews><CPPreviewDate>2025-08-12</CPPreviewDate></Reviews></ChildProtectionPlans>
          </CINdetails></Child>
        <Child><ChildIdentifiers><LAchildID>B2</LAchildID><UPN>B207000016049</UPN><FormerUPN>X1</FormerUPN>
          <PersonBirthDate>2012-01-01</PersonBirthDate><ExpectedPersonBirthDate>2012-01-01</ExpectedPersonBirthDate><GenderCurrent>1</GenderCurrent>
          </ChildIdentifiers>
          <ChildCharacteristics><Ethnicity>XXXX</Ethnicity>
            <Disabilities><Disability>NONE</Disability><Disability>MOB</Disability><Disability>MOB</Disability></Disabilities></ChildCharacteristics>
          <CINdetails><CINreferralDate>2025-03-28</CINreferralDate><ReferralSource>1A</ReferralSource>
            <DateOfInitialCPC>2025-06-14</DateOfInitialCPC><ReferralNFA>true</ReferralNFA></CINdetails>
          <CINdetails><CINreferralDate>2025-13-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
            <ReferralNFA>0</ReferralNFA></CINdetails></Child>
        <Child><ChildIdentifiers><LAchildID>C3</LAchildID><UPNunknown>UN7</UPNunknown><PersonBirthDate>2020-02-29</PersonBirthDate><Sex>M</Sex>
          </ChildIdentifiers>
          <ChildCharacteristics><Ethnicity>BAFR</Ethnicity><Disabilities><Disability>HAND</Disability></Disabilities></ChildCharacteristics>
          <CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>6</ReferralSource><PrimaryNeedCode>N2</PrimaryNeedCode>
            <Assessments><AssessmentActualStartDate>2025-06-03</AssessmentActualStartDate>
              <FactorsIdentifiedAtAssessment><AssessmentFactors>21</AssessmentFactors><AssessmentFactors>1A</AssessmentFactors></FactorsIdentifiedAtAssessment>
            </Assessments>
            <Assessments><AssessmentActualStartDate>2025-07-01</AssessmentActualStartDate>
              <AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>
              <FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment>
            </Assessments>
            <CINPlanDates><CINPlanStartDate>2025-07-01</CINPlanStartDate></CINPlanDates>
            <ReferralNFA>false</ReferralNFA>
            <ChildProtectionPlans><CPPstartDate>2025-08-01</CPPstartDate><InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse>
              <LatestCategoryOfAbuse>PHY</LatestCategoryOfAbuse><NumberOfPreviousCPP>1</NumberOfPreviousCPP></ChildProtectionPlans>
            <ChildProtectionPlans><CPPstartDate>2025-09-01</CPPstartDate><InitialCategoryOfAbuse>EMO</InitialCategoryOfAbuse>
              <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse><NumberOfPreviousCPP>1</NumberOfPreviousCPP>
              <Reviews><CPPreviewDate>2025-09-01</CPPreviewDate><CPPreviewDate></CPPreviewDate></Reviews></ChildProtectionPlans>
          </CINdetails></Child>
        """

    @Test func aCensusWithEachKindOfMistake() throws {
        let found = try Self.found(Self.children)
        // The child's identifiers and characteristics.
        #expect(found["1510"] == ["ChildIdentifiers 1"]) // B207000016049's check letter is P (see below)
        #expect(found["1560Q"] == ["ChildIdentifiers 1"]) // X1 is no UPN
        #expect(found["1530"] == nil) // 207 is Kensington and Chelsea
        #expect(found["8525Q"] == ["ChildIdentifiers 1"]) // both a date of birth and an expected one
        #expect(found["8530Q"] == ["ChildIdentifiers 1"]) // expected in 2012, not March to December 2026
        #expect(found["4180"] == ["ChildIdentifiers 1"]) // GenderCurrent 1 is the old code, not M, F or U
        #expect(found["4220"] == ["ChildCharacteristics 1"])
        #expect(found["8790"] == ["Disabilities 1", "Disabilities 2", "Disabilities 3"])
        #expect(found["8794"] == ["Disabilities 2", "Disabilities 3"])
        #expect(found["8772"] == ["ChildIdentifiers 2"]) // UN7 (no further action), but C's referral went on
        #expect(found["8770Q"] == nil) // C is 5 on 31 August 2025 and has a reason for no UPN
        #expect(found["2887Q"] == ["Header 0"]) // two disability codes in the whole return
        #expect(found["2888Q"] == nil) // B has two
        #expect(found["100"] == nil)
        // Episodes.
        #expect(found["8569Q"] == ["CINdetails 1"]) // no further action on a referral of Friday 28 March 2025
        #expect(found["8831"] == ["CINdetails 1"]) // a conference on a referral with no further action
        #expect(found["8875"] == ["CINdetails 1"]) // 14 June 2025 was a Saturday
        #expect(found["8600"] == ["CINdetails 2"]) // the 13th month
        #expect(found["8820"] == nil) // B's second referral is not a date, so nothing overlaps
        #expect(found["2883"] == ["CINdetails 3"]) // C: two protection plans begun, no conference
        // Assessments.
        #expect(found["8614"] == ["Assessments 1"]) // factors on an assessment not finished
        #expect(found["8869"] == ["Assessments 1"]) // 21 (no factors) beside 1A
        #expect(found["8670Q"] == ["Assessments 1"]) // open since June 2025
        #expect(found["8608"] == ["Assessments 2"]) // finished before it began
        #expect(found["8898"] == ["Assessments 2"]) // 2A twice
        #expect(found["8863Q"] == ["Assessments 2"]) // began while the first was open
        #expect(found["8896"] == nil) // only one of C's assessments is open
        // Plans, conferences and reviews.
        #expect(found["4017"] == ["CINplanDates 0", "ChildProtectionPlans 1", "ChildProtectionPlans 2"])
        #expect(found["4001"] == ["CINplanDates 0", "ChildProtectionPlans 1", "ChildProtectionPlans 2"])
        #expect(found["4016"] == nil)
        #expect(found["8935"] == ["ChildProtectionPlans 1", "ChildProtectionPlans 2"])
        #expect(found["8940"] == ["ChildProtectionPlans 1", "ChildProtectionPlans 2"])
        #expect(found["8841"] == ["ChildProtectionPlans 2", "Reviews 1"]) // reviewed the day it began
        #expect(found["8842Q"] == ["Reviews 2"])
        #expect(found["4003"] == ["CINplanDates 0", "ChildProtectionPlans 2", "Reviews 1"])
    }

    @Test func aRecordThatIsRightBreaksNothing() throws {
        let report = try Self.report(Self.children)
        #expect(report.issues.filter { $0.child == "A1" }.map(\.rule) == [])
    }

    /// The UPN check letter, worked by hand: for 207000016049, characters 2 to 13 weighted 2 to 13 give
    /// 2×2 + 7×4 + 1×9 + 6×10 + 4×12 + 9×13 = 266 = 11 × 23 + 13, and 13 is P, the 14th letter when I, O and S are
    /// left out.
    @Test func upnCheckLetter() {
        #expect(CINCodes.checkLetter(Array("B207000016049".utf8)) == UInt8(ascii: "P"))
        // A temporary UPN ends in a letter that counts as its place among the check letters (A is 0):
        // 4 + 28 + 9 + 60 + 48 + 0 = 149 = 6 × 23 + 11, M.
        #expect(CINCodes.checkLetter(Array("X20700001604A".utf8)) == UInt8(ascii: "M"))
        #expect(CINCodes.checkLetter(Array("A2070000160".utf8)) == nil)
    }

    /// 8670Q and 8569Q count working days, England and Wales bank holidays left out. 45 working days before Tuesday
    /// 31 March 2026 is Tuesday 27 January 2026 (28–30 January: 3, February: 20, March: 22), so an assessment begun
    /// that day is still in time on 31 March and one begun the day before is not. One working day before Tuesday
    /// 1 April 2025 is Monday 31 March 2025.
    @Test func workingDayTimescalesAtTheirBoundaries() throws {
        let found = try Self.found(
            """
            <Child><ChildIdentifiers><LAchildID>D4</LAchildID><PersonBirthDate>2020-01-01</PersonBirthDate><Sex>U</Sex></ChildIdentifiers>
              <CINdetails><CINreferralDate>2026-01-26</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
                <Assessments><AssessmentActualStartDate>2026-01-26</AssessmentActualStartDate></Assessments>
                <Assessments><AssessmentActualStartDate>2026-01-27</AssessmentActualStartDate></Assessments>
                <ReferralNFA>false</ReferralNFA></CINdetails>
              <CINdetails><CINreferralDate>2025-03-31</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>true</ReferralNFA></CINdetails>
              <CINdetails><CINreferralDate>2025-03-28</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>1</ReferralNFA></CINdetails>
            </Child>
            """)
        #expect(found["8670Q"] == ["Assessments 0"])
        #expect(found["8896"] == ["Assessments 0", "Assessments 1"]) // two open in one episode
        #expect(found["8569Q"] == ["CINdetails 2"])
    }

    /// 8897Q asks for the factors of assessments completed in the census year: F6's assessment authorised in February
    /// 2025, the year before, is carried with her open referral and not queried; the one authorised in May 2025 is.
    @Test func factorsAreAskedOfTheYearsAssessments() throws {
        let found = try Self.found(
            """
            <Child><ChildIdentifiers><LAchildID>F6</LAchildID><PersonBirthDate>2018-01-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
              <CINdetails><CINreferralDate>2025-01-06</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
                <Assessments><AssessmentActualStartDate>2025-01-07</AssessmentActualStartDate>
                  <AssessmentAuthorisationDate>2025-02-20</AssessmentAuthorisationDate></Assessments>
                <Assessments><AssessmentActualStartDate>2025-04-07</AssessmentActualStartDate>
                  <AssessmentAuthorisationDate>2025-05-20</AssessmentAuthorisationDate></Assessments>
                <ReferralNFA>false</ReferralNFA></CINdetails>
            </Child>
            """)
        #expect(found["8897Q"] == ["Assessments 1"])
    }

    /// The census period can be another year's, ending on a file's own reference date, to compare with a tool that
    /// takes its dates from the header; rule 100 then holds, and dates are checked against that year.
    @Test func periodEndingOnTheReferenceDate() throws {
        let child = """
            <Child><ChildIdentifiers><LAchildID>E5</LAchildID><PersonBirthDate>2019-01-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
              <CINdetails><CINreferralDate>2021-07-22</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
                <CINclosureDate>2021-07-21</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure><ReferralNFA>false</ReferralNFA></CINdetails>
            </Child>
            """
        let own = try Self.found(child, referenceDate: "2022-07-21")
        #expect(own["100"] == ["Header 0"]) // 2025/26's reference date is 31 March 2026
        #expect(own["8620"] == ["CINdetails 0"])
        let theirs = try Self.found(child, referenceDate: "2022-07-21", period: CINCensusPeriod(endingOn: Days.iso("2022-07-21")))
        #expect(theirs["100"] == nil)
        #expect(theirs["8620"] == ["CINdetails 0"]) // 21 July 2021 is the day before that year began
        #expect(theirs["8630"] == ["CINdetails 0"]) // closed the day before the referral
    }

    /// A file that is not XML, or not a census, is refused with where and why, and no rule finds anything in it.
    @Test func filesThatCannotBeRead() throws {
        let broken = CINCensusFile.read(Data("<Message><Children>".utf8), fileName: "broken.xml")
        #expect(broken.problems.count == 1)
        #expect(broken.problems.first?.description.contains("broken.xml") == true)
        let report = try #require(CINRules.validate(broken, year: Self.year))
        #expect(report.issues.isEmpty)
        #expect(report.rulesNotRun.count == 109 && report.rulesNotRun.allSatisfy { $0.why == "the file could not be read" })
        let other = CINCensusFile.read(Data("<EXPSSDA903/>".utf8), fileName: "903.xml")
        #expect(other.problems.first?.description.contains("root element must be Message") == true)
    }

    /// The D2I fake census as published (332 children, reference date 21 July 2022), checked against the year ending
    /// on its own reference date: every child read, and what its writer put in on purpose found.
    @Test func theFakeCensusIsValidatedWhole() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ReturnsTests/Fixtures/d2i-cin-fake/fake_CIN_data.xml")
        let file = CINCensusFile.read(try Data(contentsOf: url), fileName: "fake_CIN_data.xml")
        #expect(file.problems.isEmpty)
        #expect(file.tables[.childIdentifiers]?.count == 332 && file.tables[.cinDetails]?.count == 402 && file.tables[.disabilities]?.count == 117)
        let report = try #require(CINRules.validate(file, year: Self.year, period: CINCensusPeriod(endingOn: Days.iso("2022-07-21"))))
        let byRule = Dictionary(uniqueKeysWithValues: report.byRule.map { ($0.code, $0.count) })
        #expect(byRule["4180"] == 332) // GenderCurrent 0, 1, 2 or 9: the codes before Sex
        #expect(byRule["8831"] == 350) // every referral is marked no further action; 350 have a conference
        #expect(byRule["100"] == nil)
        #expect(String(decoding: report.csv, as: UTF8.self).hasPrefix("child_id,table,row_id,rule_code\n"))
    }
}
