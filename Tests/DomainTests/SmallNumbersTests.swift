import Testing
import WaymarkDomain

@Suite("Small numbers hidden in what partners and the board see: figures withheld, cells suppressed, by hand")
struct SmallNumbersTests {
    @Test("A count from 1 to 4 is hidden; 0 and 5 or more are shown")
    func cells() {
        #expect([0, 1, 4, 5, 120].map(SmallNumbers.cell) == [.shown(0), .suppressed, .suppressed, .shown(5), .shown(120)])
    }

    @Test("A single hidden count in a row is joined by the next smallest shown, so the total cannot give it away")
    func secondary() {
        // 3 of 47: hide 3, and then 6, the smallest other not 0; 20 and 18 stay.
        #expect(SmallNumbers.row([6, 20, 18, 3]) == [.suppressed, .shown(20), .shown(18), .suppressed])
        // Two hidden already: nothing more to hide.
        #expect(SmallNumbers.row([2, 20, 18, 3]) == [.suppressed, .shown(20), .shown(18), .suppressed])
        // A 0 is never hidden, and never hides anything: 0 of a grade is not identifying.
        #expect(SmallNumbers.row([0, 12, 30, 0]) == [.shown(0), .shown(12), .shown(30), .shown(0)])
        #expect(SmallNumbers.row([0, 1, 30, 0]) == [.shown(0), .suppressed, .suppressed, .shown(0)])
        // Ties go to the first.
        #expect(SmallNumbers.row([7, 7, 2]) == [.suppressed, .shown(7), .suppressed])
        // One count alone, hidden: nothing else to hide.
        #expect(SmallNumbers.row([3]) == [.suppressed])
    }

    @Test("A share only when its count is shown and its total is 10 or more (or 0 of none)")
    func shares() {
        #expect(SmallNumbers.share(3, of: 40) == nil && SmallNumbers.share(5, of: 9) == nil && SmallNumbers.share(0, of: 0) == nil)
        #expect(SmallNumbers.share(10, of: 40) == 0.25 && SmallNumbers.share(0, of: 12) == 0 && SmallNumbers.share(5, of: 10) == 0.5)
    }

    @Test("A figure worked out from 1 to 9 is withheld from those who may not see the children; 0 and 10 or more are not")
    func withheld() {
        #expect([0, 1, 9, 10].map { SmallNumbers.withheld(counted: $0) } == [false, true, true, false])
    }
}
