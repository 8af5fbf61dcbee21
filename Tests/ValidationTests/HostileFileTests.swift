import Foundation
import Testing
import WaymarkDomain
import WaymarkReturns

@testable import WaymarkValidation

/// Files built to harm the validation's readers: refused whole with where and why, never a crash.
@Suite struct HostileFileTests {
    static func nested(root: String, element: String, depth: Int) -> Data {
        Data(("<\(root)>" + String(repeating: "<\(element)>", count: depth) + String(repeating: "</\(element)>", count: depth) + "</\(root)>").utf8)
    }

    @Test("A CIN census nesting Child 100,000 deep is refused, at line 1 and its path, and no rule runs on half of it")
    func deepCensus() throws {
        let file = CINCensusFile.read(Self.nested(root: "Message", element: "Child", depth: 100_000), fileName: "deep.xml")
        #expect(file.problems.count == 1)
        let problem = try #require(file.problems.first)
        #expect(problem.effect == .fileRefused && problem.line == 1)
        #expect(
            problem.message
                == "the file is refused here: elements are nested more than 64 deep, far deeper than any census; the file was not validated")
        #expect(problem.element?.split(separator: "/").count == 64)
        #expect(file.tables.values.allSatisfy { $0.count == 0 })
    }

    @Test("An SSDA903 XML nested 100,000 deep is refused before any rule runs")
    func deepSSDA903() {
        let files = SSDA903Files.read(files: [("deep.xml", Self.nested(root: "EXPSSDA903", element: "CHILD", depth: 100_000))])
        #expect(files.problems.map(\.effect) == [.fileRefused])
        #expect(files.problems.first?.message.contains("nested more than 64 deep") == true)
        #expect(files.tables.isEmpty)
    }
}
