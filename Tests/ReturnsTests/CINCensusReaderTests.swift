import Foundation
import Testing
import WaymarkDomain

@testable import WaymarkReturns

/// The CIN census read as it is, from the D2I validator's fake files of several schema years, and bad input.
@Suite struct CINCensusReaderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/d2i-cin-fake")

    static func read(_ name: String) throws -> CINCensus {
        CINCensusReader.read(try Data(contentsOf: folder.appendingPathComponent(name)), fileName: name)
    }

    @Test func theFakeCensusIsReadWhole() throws {
        let census = try Self.read("fake_CIN_data.xml")
        #expect(census.problems.filter { $0.effect == .fileRefused || $0.effect == .rowLeftOut }.map(\.description) == [])
        #expect(census.children.count == 332)
        #expect(census.header.collection == "CIN")
        let episodes = census.children.flatMap(\.episodes)
        #expect(episodes.allSatisfy { ISODay($0.referralDate) != nil })
        #expect(episodes.allSatisfy { CINYesNo.read($0.referralNFA) == true })
    }

    @Test func every2026BlockIsRead() throws {
        let census = try Self.read("CIN_Census_2026.xml")
        let child = try #require(census.children.first)
        #expect(child.laChildID == "DfEX0000001" && child.sexElement == "Sex" && child.sex == "1")
        #expect(child.disabilities == ["HAND", "HEAR"])
        let episode = try #require(child.episodes.first)
        #expect(episode.referralDate == "2022-10-06" && episode.primaryNeed == "N4" && episode.reasonForClosure == "RC1")
        #expect(episode.assessments.first?.factors == ["1C", "RB", "6B"])
        #expect(episode.plans.first?.start == "2023-01-24")
        #expect(census.children.flatMap(\.episodes).contains { !$0.preProceedings.isEmpty })
        // The stray text "PersonBirthDate" between two elements is reported and ignored.
        #expect(census.problems.contains { $0.effect == .ignored && $0.value == "PersonBirthDate" })
    }

    @Test func olderSchemasUseGenderCurrentAndYesNoAsZeroOrOne() throws {
        let census = try Self.read("CIN_Census_2021.xml")
        #expect(census.children.first?.sexElement == "GenderCurrent")
        #expect(census.children.first?.sex != nil)
        // This file writes "no referral further action" as 0, not false.
        let episode = try #require(census.children.first?.episodes.first)
        #expect(episode.referralNFA == "0" && CINYesNo.read(episode.referralNFA) == false)
    }

    @Test func everyFakeFileIsReadWithoutRefusal() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".xml") }
        #expect(names.count == 9)
        for name in names {
            let census = try Self.read(name)
            #expect(!census.children.isEmpty, "\(name)")
            #expect(census.problems.allSatisfy { $0.effect != .fileRefused }, "\(name)")
        }
    }

    @Test func aBadDateLeavesOutTheSmallestPartHoldingIt() {
        let xml = """
            <Message><Header><CollectionDetails><Collection>CIN</Collection></CollectionDetails></Header><Children>
            <Child><ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2015-03-27</PersonBirthDate><Sex>1</Sex></ChildIdentifiers>
            <CINdetails><CINreferralDate>2022-10-06</CINreferralDate><PrimaryNeedCode>N12</PrimaryNeedCode>
            <Assessments><AssessmentActualStartDate>06/10/2022</AssessmentActualStartDate></Assessments>
            <CINPlanDates><CINPlanStartDate>2023-01-24</CINPlanStartDate></CINPlanDates></CINdetails></Child>
            <Child><ChildIdentifiers><LAchildID>A2</LAchildID><PersonBirthDate>2015-02-30</PersonBirthDate></ChildIdentifiers></Child>
            </Children></Message>
            """
        let census = CINCensusReader.read(Data(xml.utf8), fileName: "cin.xml")
        #expect(
            census.problems.map(\.description) == [
                "cin.xml, line 3, Message/Children[1]/Child[1]/CINdetails[1], PrimaryNeedCode \"N12\": is not in the CIN census primary need (N0 to N9) list (kept as given)",
                "cin.xml, line 4, Message/Children[1]/Child[1]/CINdetails[1]/Assessments[1], AssessmentActualStartDate \"06/10/2022\": is not a date written yyyy-mm-dd; the assessment is left out (row left out)",
                "cin.xml, line 6, Message/Children[1]/Child[2]/ChildIdentifiers[1], PersonBirthDate \"2015-02-30\": is not a date written yyyy-mm-dd; the child is left out (row left out)",
            ])
        #expect(census.children.map(\.laChildID) == ["A1"])
        #expect(census.children.first?.episodes.first?.assessments.isEmpty == true)
        #expect(census.children.first?.episodes.first?.plans.count == 1)
    }

    @Test func aCutOffFileIsRefusedWithItsLineAndElement() {
        let census = CINCensusReader.read(Data("<Message>\n<Children>\n<Child><ChildIdentifiers><LAchildID>A1</LAchil".utf8), fileName: "cin.xml")
        #expect(census.children.isEmpty)
        #expect(census.problems.first?.effect == .fileRefused)
        #expect(census.problems.first?.line == 3)
        #expect(census.problems.first?.element?.hasPrefix("Message/Children[1]/Child[1]/ChildIdentifiers[1]") == true)
    }

    @Test func theFakeCensusIsWrittenBackByteForByte() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("fake_CIN_data.xml"))
        let census = CINCensusReader.read(data, fileName: "fake_CIN_data.xml")
        let written = CINCensusWriter.data(census, indent: CINCensusWriter.indent(of: data))
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: data, as: UTF8.self))
        // The same writer on the 2021 file, indented by four spaces, reads back to the same children.
        let older = try Data(contentsOf: Self.folder.appendingPathComponent("CIN_Census_2021.xml"))
        let olderCensus = CINCensusReader.read(older, fileName: "CIN_Census_2021.xml")
        let reread = CINCensusReader.read(CINCensusWriter.data(olderCensus, indent: CINCensusWriter.indent(of: older)), fileName: "again.xml")
        #expect(reread.children.map(\.laChildID) == olderCensus.children.map(\.laChildID))
        #expect(reread.children.flatMap(\.episodes).map(\.assessments).count == olderCensus.children.flatMap(\.episodes).map(\.assessments).count)
        #expect(CINCensusWriter.indent(of: older) == "    ")
    }
}
