import Foundation
import Testing
import WaymarkDomain
import WaymarkSpreadsheet

@testable import WaymarkReturns

/// Returns built to harm the reader: nested 100,000 deep, named to reach outside a folder.
@Suite struct HostileReturnTests {
    static func nested(root: String, element: String, depth: Int) -> Data {
        Data(("<\(root)>" + String(repeating: "<\(element)>", count: depth) + String(repeating: "</\(element)>", count: depth) + "</\(root)>").utf8)
    }

    @Test("Every file given is read or named as not read: a photo beside the tables, or nothing readable, refuses the import")
    func filesNotRead() {
        let header = Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2010,WBRI,A123456789012,,\n".utf8)
        let photo = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A])
        let beside = ReadReturn.ssda903([("header.csv", header), ("photo.png", photo)], year: 2026)
        #expect(
            beside.problems.map(\.description) == [
                "photo.png: is not a CSV file: an SSDA903 return is its CSV files, or its XML form alone (file refused)"
            ])
        #expect(
            ReadReturn.ssda903([("photo.png", photo)], year: 2026).problems.map(\.description) == [
                "photo.png: is not a CSV file: an SSDA903 return is its CSV files, or its XML form alone (file refused)",
                "The files given: hold no SSDA903 table: nothing to import (file refused)",
            ])
        #expect(
            ReadReturn.caseSystem([]).problems.map(\.description) == [
                "The files given: hold no case system extract table: nothing to import (file refused)"
            ])
        #expect(ReadReturn.ssda903([("header.csv", header)], year: 2026).problems.isEmpty)
    }

    @Test("An SSDA903 XML nested 100,000 deep is refused whole, at line 1 and the path where it passes the limit")
    func deepSSDA903() {
        let read = ReadReturn.ssda903([("deep.xml", Self.nested(root: "EXPSSDA903", element: "CHILD", depth: 100_000))], year: 2026)
        #expect(read.journeys.children.isEmpty)
        #expect(read.problems.count == 1)
        let problem = read.problems[0]
        #expect(problem.effect == .fileRefused && problem.file == "deep.xml" && problem.line == 1)
        #expect(problem.description.contains("the file is refused here: elements are nested more than 64 deep"))
        #expect(problem.element?.hasPrefix("EXPSSDA903/CHILD[1]/CHILD[1]") == true)
    }

    @Test("A CIN census nesting Child 100,000 deep is refused whole")
    func deepCensus() {
        let read = ReadReturn.cin(("deep.xml", Self.nested(root: "Message", element: "Child", depth: 100_000)))
        #expect(read.journeys.children.isEmpty)
        #expect(read.problems.map(\.effect) == [.fileRefused])
        #expect(read.problems.first?.description.contains("nested more than 64 deep") == true)
    }

    @Test(
        "A file's name is kept as its base name only",
        arguments: [
            ("../../../../tmp/header.csv", "header.csv"), ("a/b\\c.csv", "c.csv"), ("..", "file"), ("\u{1}.hidden\u{7F}.csv", "hidden.csv"),
            ("header.csv", "header.csv"),
        ])
    func baseNames(given: String, kept: String) {
        #expect(FileName.base(given) == kept)
        #expect(FileName.isBase(kept) && (given == kept || !FileName.isBase(given)))
    }

    @Test("An SSDA903 file uploaded as ../../x/header.csv is read and kept as header.csv")
    func uploadedPath() {
        let csv = Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2015,WBRI,A123456789012,,\n".utf8)
        let read = ReadReturn.ssda903([("../../x/header.csv", csv)], year: 2026)
        #expect(read.files == ["header.csv"])
        #expect(read.journeys.records.allSatisfy { $0.sourceFile == "header.csv" })
    }
}
