import Foundation
import Testing
import WaymarkDomain
import WaymarkReturns

@testable import WaymarkValidation

/// A child's held records checked on their own, as their page shows them: read in as an import keeps them, then laid
/// out as the return and checked. For rules that look at one child, what is found must be what the whole return's
/// check finds for that child.
@Suite struct ChildRecordsCheckTests {
    static let year = CollectionYear(endYear: 2026)

    @Test func aLookedAfterChildsRecords() throws {
        let files = [("header.csv", SSDA903RuleTests.header), ("episodes.csv", SSDA903RuleTests.episodes)].map { ($0.0, Data($0.1.utf8)) }
        let whole = try #require(SSDA903Rules.validate(SSDA903Files.read(files: files), year: Self.year))
        let records = ReadReturn.ssda903(files, year: 2026).journeys.records.filter { $0.childLocalID == "C" }

        let result = try #require(ChildRecordsCheck.ssda903(records, child: "C", year: Self.year, tables: [.header, .episodes]))
        #expect(result.returnName == "SSDA903" && result.year == Self.year)
        let codes = Set(result.findings.map(\.rule))
        #expect(codes == Set(whole.issues.filter { $0.child == "C" }.map(\.rule)))
        #expect(codes.isSuperset(of: ["168", "301", "302", "365", "366", "382"]))
        // C's care began on 1 April 2025, before the birth the header gives (15 January 2027): both rows are pointed at
        // (in table order: episodes, then header).
        let careBeforeBirth = result.findings.filter { $0.rule == "302" }
        #expect(careBeforeBirth.map(\.record) == ["Looked-after episode (DECOM 01/04/2025)", "Looked-after return header"])
        #expect(careBeforeBirth.allSatisfy { $0.severity == .error && !$0.message.isEmpty })
        // A short break of 19 days (1 to 20 April 2025).
        #expect(result.findings.first { $0.rule == "365" }?.fields.contains("DEC") == true)

        // A return without an episodes table: the rules that need it do not run for one child either.
        let headerOnly = try #require(ChildRecordsCheck.ssda903(records, child: "C", year: Self.year, tables: [.header]))
        #expect(headerOnly.findings.allSatisfy { $0.record == "Looked-after return header" })
        // A12345 is no UPN (168), a boy with a child's date of birth (174), born after 31 March 2026 (301), and so
        // younger than his own child, born 1 January 2020 (621).
        #expect(Set(headerOnly.findings.map(\.rule)) == ["168", "174", "301", "621"])
    }

    @Test func aChildInNeedsRecords() throws {
        let xml = """
            <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year>
            <ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header><Children>\(CINRuleTests.children)</Children></Message>
            """
        let whole = try #require(CINRules.validate(CINCensusFile.read(Data(xml.utf8), fileName: "census.xml"), year: Self.year))
        let records = ReadReturn.cin((name: "census.xml", data: Data(xml.utf8))).journeys.records.filter { $0.childLocalID == "C3" }

        let result = try #require(ChildRecordsCheck.cin(records, child: "C3", year: Self.year))
        #expect(result.returnName == "CIN census")
        // The whole return's rule 2887Q (disability codes across the return) is not one child's.
        let wholeCodes = Set(whole.issues.filter { $0.child == "C3" }.map(\.rule))
        #expect(Set(result.findings.map(\.rule)) == wholeCodes.subtracting(["8842Q"]))
        // The empty review date is not kept on import, so rule 8842Q (a review with no date) has nothing to find.
        #expect(wholeCodes.contains("8842Q"))
        // The second assessment was authorised (20 June) before it began (1 July).
        let finishedBeforeBegun = try #require(result.findings.first { $0.rule == "8608" })
        #expect(finishedBeforeBegun.record == "Children and families assessment (AssessmentActualStartDate 2025-07-01)")
        #expect(finishedBeforeBegun.fields == ["AssessmentActualStartDate", "AssessmentAuthorisationDate"])
        #expect(
            result.findings.filter { $0.rule == "4017" }.map(\.record) == [
                "Child in need plan (CINPlanStartDate 2025-07-01)",
                "Child protection plan (CPPstartDate 2025-08-01)", "Child protection plan (CPPstartDate 2025-09-01)",
            ])
        #expect(result.findings.first { $0.rule == "8772" }?.record == "Child in need census entry")
        #expect(result.findings.first { $0.rule == "8670Q" }?.severity == .query)
    }

    @Test func aChildWithNothingWrong() throws {
        let xml = """
            <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year>
            <ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header><Children>\(CINRuleTests.children)</Children></Message>
            """
        let records = ReadReturn.cin((name: "census.xml", data: Data(xml.utf8))).journeys.records.filter { $0.childLocalID == "A1" }
        #expect(try #require(ChildRecordsCheck.cin(records, child: "A1", year: Self.year)).findings.isEmpty)
        // No rules for a year Waymark holds none of.
        #expect(ChildRecordsCheck.cin(records, child: "A1", year: CollectionYear(endYear: 2020)) == nil)
    }
}
