import Foundation
import Testing
@testable import WaymarkSpreadsheet

@Suite struct XMLTreeTests {
    @Test func valuesAreTrimmedOfTheWhiteSpaceAroundThem() throws {
        #expect(XMLElement.trimmed("N1") == "N1")
        #expect(XMLElement.trimmed("  2025-06-02\n") == "2025-06-02")
        #expect(XMLElement.trimmed("\n      ") == "")
        #expect(XMLElement.trimmed("a b") == "a b")
        // White space that is not ASCII goes too, as Foundation trims it.
        #expect(XMLElement.trimmed("\u{00A0}RC1\u{2003}") == "RC1")
        let root = try XMLElement.parse(Data("<Child>\n  <LAchildID> A1 </LAchildID>\n  <UPN/>\n</Child>".utf8))
        #expect(root.value("LAchildID") == "A1" && root.value("UPN") == "" && root.value("Missing") == nil)
    }
}
