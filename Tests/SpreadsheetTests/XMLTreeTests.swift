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
        let deep = try XMLElement.parse(
            Data(("<r>" + String(repeating: "<b>x", count: 10_000) + String(repeating: "</b>", count: 10_000) + "</r>").utf8),
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

@Suite("XML that stopped the process, found by fuzzing")
struct XMLFoundByFuzzingTests {
    @Test("A processing instruction with nothing after its name is refused with its line (Foundation's parser crashed on it)")
    func processingInstruction() {
        for text in ["<?x?><a/>", "<a>\n<?x?></a>", "<?xml version=\"1.0\"?>\n<a><?target data?></a>", "<?xml?><a/>"] {
            #expect(throws: XMLElement.ParseError.self) { try XMLElement.parse(Data(text.utf8)) }
        }
        do {
            _ = try XMLElement.parse(Data("<a>\n<?x?></a>".utf8))
        } catch {
            #expect(error.line == 2 && error.reason.contains("processing instruction"))
        }
        // The declaration at the start is not one.
        #expect((try? XMLElement.parse(Data("\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a/>".utf8)))?.name == "a")
    }

    @Test("A file that is not UTF-8 is refused at the line of the first byte that is not (an element name of such bytes crashed the parser)")
    func notUTF8() {
        let bytes = Data("<a>\n<b>x</b>\n<".utf8) + Data([0xD2]) + Data("EVIEW/></a>".utf8)
        do {
            _ = try XMLElement.parse(bytes)
            Issue.record("a file that is not UTF-8 was read")
        } catch {
            #expect(error.line == 3 && error.reason == "the file is not UTF-8 here; save it as UTF-8")
        }
        #expect(throws: XMLElement.ParseError.self) { try XMLElement.parse(Data([0xFF, 0xFE, 0x3C, 0x00])) }
    }
}
