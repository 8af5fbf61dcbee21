import Foundation
import Testing
import WaymarkDomain

@testable import WaymarkReturns

/// The SSDA903 return read as it is, from the D2I validator's fake return (CSV and XML), and bad input.
@Suite struct SSDA903ReaderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/d2i-903-fake")

    static func files(except: Set<String> = ["placed_for_adoption_errors.csv", "fake_903.xml"]) throws -> [(name: String, data: Data)] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") && !except.contains($0) }.sorted()
            .map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    @Test func theFakeReturnIsReadTableByTableRecognisedByItsColumns() throws {
        let read = SSDA903CSVReader.read(files: try Self.files())
        #expect(read.problems.filter { $0.effect == .fileRefused }.isEmpty)
        #expect(read.childCount == 2_675)
        #expect(read.rows[.episodes]?.count == 5_050)
        // Every review is kept, 14 of them a second review of the same child on the same day (the validation says so).
        #expect(read.rows[.reviews]?.count == 12_582)
        #expect(Set(read.rows.keys) == Set(SSDA903Table.allCases))
        let first = try #require(read.rows[.episodes]?.first)
        #expect(first.childID == "566910" && first[.decom] == "15/02/2016" && first.date(.decom) == ISODay(year: 2016, month: 2, day: 15))
        #expect(first.file == "episodes.csv" && first.line == 2)
        // The files' own layouts, kept for writing them back: a byte-order mark and CRLF, and no final newline.
        #expect(
            read.layouts[.socialWorkerEpisodes]
                == CSVLayout(
                    columns: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
                    byteOrderMark: true, lineEnding: "\r\n", finalLineEnding: true))
        #expect(read.layouts[.dolo]?.finalLineEnding == false)
    }

    @Test func valuesOutsideACodeListAreKeptAndNamed() throws {
        let read = SSDA903CSVReader.read(files: try Self.files())
        // The fake return's placed-for-adoption reasons are "XXX" on purpose: kept, and the list is named.
        let reasons = read.problems.filter { $0.field == "REASON_PLACED_CEASED" }
        #expect(reasons.isEmpty) // a text field: its list changes by year, so the validation checks it
        let kept = read.problems.filter { $0.effect == .keptAsGiven }
        #expect(kept.allSatisfy { $0.description.contains("is not in the SSDA903") || $0.description.contains("whole number") })
    }

    @Test func twoFilesForOneTableAreNotBothImported() throws {
        let read = SSDA903CSVReader.read(files: try Self.files(except: ["fake_903.xml"]))
        #expect(
            read.problems.contains {
                $0.effect == .fileRefused
                    && $0.description
                        == "placed_for_adoption_errors.csv: holds the placed_for_adoption table, as placed_for_adoption.csv does; import one of them (file refused)"
            })
        // On its own, the errors version is read whole, its duplicate child included.
        let errors = SSDA903CSVReader.read(files: [
            ("placed_for_adoption_errors.csv", try Data(contentsOf: Self.folder.appendingPathComponent("placed_for_adoption_errors.csv")))
        ])
        #expect(errors.rows[.placedForAdoption]?.count == 30)
    }

    @Test func badRowsAreLeftOutWithTheirLineFieldAndValue() {
        let csv = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            1,15/02/2016,L,C2,N3,T2,PR0,14/08/2017,X1,CLOSE,,,
            2,2016-02-15,L,C2,N3,T2,PR0,,,,,,
            3,31/02/2016,L,C2,N3,T2,PR0,,,,,,
            ,01/03/2016,L,C2,N3,T2,PR0,,,,,,
            1,15/02/2016,T,C2,N3,T2,PR0,,,,,,
            4,01/04/2016,L,Z9,N3,T2,PR0,,,,,,
            5,01/04/2016,L

            """
        let read = SSDA903CSVReader.read(files: [("episodes.csv", Data(csv.utf8))])
        #expect(
            read.problems.map(\.description) == [
                "episodes.csv, line 3, DECOM \"2016-02-15\": is not a date written dd/mm/yyyy (row left out)",
                "episodes.csv, line 4, DECOM \"31/02/2016\": is not a date written dd/mm/yyyy (row left out)",
                "episodes.csv, line 5, CHILD \"\": every row needs the child's identifier (row left out)",
                "episodes.csv, line 7, LS \"Z9\": is not in the SSDA903 legal status list (kept as given)",
                "episodes.csv, line 8: has 3 values for 13 columns (row left out)",
            ])
        // Line 6 repeats child 1's episode of 15/02/2016: kept, for the validation to report.
        #expect(read.rows[.episodes]?.map(\.childID) == ["1", "1", "4"])
    }

    @Test func filesThatCannotBeReadAreRefusedWithHowToFixThem() {
        let utf16 = Data([0xFF, 0xFE]) + "CHILD,SEX\n".data(using: .utf16LittleEndian)!
        let unknown = Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,SHOE_SIZE\n1,1,01/01/2010,WBRI,,,,9\n".utf8)
        let read = SSDA903CSVReader.read(files: [("header.csv", unknown), ("uasc.csv", utf16)])
        #expect(
            read.problems.map(\.description) == [
                "header.csv, line 1: its columns are not those of any SSDA903 table; nearest is header (unknown \"SHOE_SIZE\") (file refused)",
                "uasc.csv: The file is in UTF-16. Save it as \"CSV UTF-8 (comma delimited)\" and upload it again. (file refused)",
            ])
    }

    @Test func theXMLFormGivesTheSameTables() throws {
        let read = SSDA903XMLReader.read(try Data(contentsOf: Self.folder.appendingPathComponent("fake_903.xml")), fileName: "fake_903.xml")
        #expect(read.problems.filter { $0.effect != .keptAsGiven }.map(\.description) == [])
        #expect(read.childCount == 253)
        #expect(read.rows[.episodes]?.count == 459)
        #expect(read.rows[.reviews]?.count == 1_206)
        let child = try #require(read.rows[.header]?.first)
        #expect(child.childID == "907440" && child[.dob] == "28/07/2010" && child[.sex] == "2" && child[.ethnic] == "BAFR")
        // The header's UASC status, which only the XML form has, is kept where the element is, even empty.
        #expect(child.values[.uascStatus] == "")
        #expect(read.rows[.header]?.filter { $0[.uascStatus] == "1" }.count == 12)
        let episode = try #require(read.rows[.episodes]?.first)
        #expect(episode.childID == "907440" && episode[.place] == "R5" && episode[.decom] == "06/01/2017" && episode[.reasonPlaceChange] == "CUSTOD")
        // Reviews carry the child's date of birth from the header, as the CSV table does.
        #expect(read.rows[.reviews]?.first?[.dob] == "28/07/2010")
        #expect(read.rows[.oc3]?.count == 6 && read.rows[.missing]?.count == 6 && read.rows[.placedForAdoption]?.count == 3)
    }

    @Test func truncatedXMLIsRefusedWithItsLineAndElement() {
        let xml = "<EXPSSDA903>\n<CHILD><HEADER><CHILDID>1</CHILDID>\n<DOB>01/01/2010</DOB></HEADER>\n<EPISODE><DECOM>01/02/2017</DE"
        let read = SSDA903XMLReader.read(Data(xml.utf8), fileName: "return.xml")
        #expect(read.rows.isEmpty)
        let problem = read.problems.first
        #expect(problem?.effect == .fileRefused && problem?.line == 4)
        #expect(problem?.element?.hasPrefix("EXPSSDA903/CHILD[1]/EPISODE[1]") == true)
    }
}
