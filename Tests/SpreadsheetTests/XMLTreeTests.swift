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
