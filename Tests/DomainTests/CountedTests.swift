import Testing
import WaymarkDomain

@Suite struct CountedTests {
    @Test func numbersOfFourDigitsOrMoreHaveCommas() {
        #expect(Counted.number(0) == "0")
        #expect(Counted.number(999) == "999")
        #expect(Counted.number(1_000) == "1,000")
        #expect(Counted.number(39_820) == "39,820")
        #expect(Counted.number(1_234_567) == "1,234,567")
        #expect(Counted.number(-4_500) == "-4,500")
    }

    @Test func aPhraseIsPluralUnlessTheCountIsOne() {
        #expect(Counted.phrase(1, "child", plural: "children") == "1 child")
        #expect(Counted.phrase(0, "child", plural: "children") == "0 children")
        #expect(Counted.phrase(2_000, "clock") == "2,000 clocks")
    }
}
