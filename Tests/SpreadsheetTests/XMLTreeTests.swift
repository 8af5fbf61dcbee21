import Foundation
import Testing
@testable import WaymarkSpreadsheet

@Suite struct XMLTreeTests {
    @Test func valuesAreTrimmedOfTheWhiteSpaceAroundThem() throws {
        #expect("N1".trimmed == "N1")
        #expect("  2025-06-02\n".trimmed == "2025-06-02")
        #expect("\n      ".trimmed == "")
        #expect("a b".trimmed == "a b")
        // White space that is not ASCII goes too, as Foundation trims it.
        #expect("\u{00A0}RC1\u{2003}".trimmed == "RC1")
        let root = try XMLElement.parse(Data("<Child>\n  <LAchildID> A1 </LAchildID>\n  <UPN/>\n</Child>".utf8))
        #expect(root.value("LAchildID") == "A1" && root.value("UPN") == "" && root.value("Missing") == nil)
    }
}

@Suite("XML past the reading limits")
struct XMLLimitTests {
    /// `<a><a>…</a></a>`, `depth` elements deep.
    static func nested(_ depth: Int, name: String = "a") -> Data {
        Data((String(repeating: "<\(name)>", count: depth) + String(repeating: "</\(name)>", count: depth)).utf8)
    }

    @Test("A file nested 100,000 deep is refused at the limit, saying the line and the path, and nothing deeper is built")
    func deepNesting() throws {
        #expect(throws: XMLElement.ParseError.self) { try XMLElement.parse(Self.nested(100_000)) }
        do {
            _ = try XMLElement.parse(Self.nested(100_000))
        } catch {
            #expect(error.pastALimit && error.line == 1)
            #expect(error.reason == "elements are nested more than 64 deep, far deeper than any return or workbook")
            #expect(error.path.hasPrefix("a/a[1]/a[1]") && error.path.split(separator: "/").count == 64)
            #expect(error.explanation.hasPrefix("the file is refused here: elements are nested"))
        }
    }

    @Test("Up to the limit a file reads, and its text is gathered in order without recursion")
    func atTheLimit() throws {
        let root = try XMLElement.parse(Self.nested(64))
        var depth = 1, element = root
        while let child = element.children.first { element = child; depth += 1 }
        #expect(depth == 64)
        #expect(throws: XMLElement.ParseError.self) { try XMLElement.parse(Self.nested(65)) }
        let limits = ReadLimits(xmlDepth: 20_000)
        let deep = try XMLElement.parse(Data(("<r>" + String(repeating: "<b>x", count: 10_000) + String(repeating: "</b>", count: 10_000) + "</r>").utf8),
                                        limits: limits)
        // Walked and released a loop at a time: 10,000 levels overflow no stack.
        #expect(deep.allText == String(repeating: "x", count: 10_000))
        #expect(deep.descendants("b").count == 10_000)
    }

    @Test("An element holding more text than the limit is refused")
    func longText() {
        let limits = ReadLimits(valueBytes: 1_024)
        #expect(throws: XMLElement.ParseError.self) {
            try XMLElement.parse(Data(("<a>" + String(repeating: "y", count: 2_000) + "</a>").utf8), limits: limits)
        }
        #expect((try? XMLElement.parse(Data(("<a>" + String(repeating: "y", count: 1_000) + "</a>").utf8), limits: limits)) != nil)
    }
}
