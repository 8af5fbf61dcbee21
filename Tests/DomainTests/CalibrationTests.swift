import Testing
import WaymarkDomain

@Suite("Calibration: a vignette's grades checked, each auditor's distance from the agreed grades, and the spread, by hand")
struct CalibrationTests {
    static let domains: [(id: String, title: String)] = [("assessment", "Quality of assessment"), ("planning", "Quality of planning")]

    @Test("Every domain and the overall grade must be given, on the scale; each mistake by field, in order")
    func grades() {
        let typed = ["grade-assessment": "1", "grade-planning": "7", "overall": ""]
        guard case .failure(let mistakes) = Calibration.grades({ typed[$0] ?? "" }, domains: Self.domains, scaleSize: 4) else {
            Issue.record("accepted")
            return
        }
        #expect(mistakes.all.map(\.field) == ["grade-planning", "overall"])
        #expect(mistakes.all.map(\.message) == ["Choose a grade for quality of planning", "Choose an overall grade"])
        let agreed = ["agreed-grade-assessment": "2", "agreed-grade-planning": "3", "agreed-overall": "2"]
        #expect(
            (try? Calibration.grades({ agreed[$0] ?? "" }, prefix: "agreed-", domains: Self.domains, scaleSize: 4).get())
                == ["assessment": 2, "planning": 3, "overall": 2])
    }

    @Test("Distance: the same, within one, and the mean difference (below zero more generous)")
    func distance() {
        // Given good, RI, good against agreed RI, inadequate, RI: −1, −1, −1, so within one on all, the same on none,
        // and a grade more generous on average. Then one the same: (−1 + 0 + 1) / 3 = 0.
        let agreed = ["assessment": 2, "planning": 3, "overall": 2]
        let generous = Calibration.Distance(
            given: ["assessment": 1, "planning": 2, "overall": 1], agreed: agreed, order: ["assessment", "planning", "overall"])
        #expect(generous.graded.map(\.difference) == [-1, -1, -1])
        #expect(generous.same == 0 && generous.withinOne == 3 && generous.bias == -1)
        let mixed = Calibration.Distance(
            given: ["assessment": 1, "planning": 3, "overall": 3], agreed: agreed, order: ["assessment", "planning", "overall"])
        #expect(mixed.same == 1 && mixed.withinOne == 3 && mixed.bias == 0)
        let far = Calibration.Distance(given: ["assessment": 0, "planning": 3], agreed: agreed, order: ["assessment", "planning", "overall"])
        #expect(far.graded.count == 2 && far.withinOne == 1 && far.bias == -1, "(−2 + 0) / 2; the overall not given is left out")
        #expect(Calibration.Distance(given: [:], agreed: agreed, order: ["assessment"]).bias == nil)
    }

    @Test("Spread: how many gave each grade, beside the agreed grade and how many gave it")
    func spread() {
        let graders = [["assessment": 2, "overall": 2], ["assessment": 1, "overall": 2], ["assessment": 2]]
        let spread = Calibration.spread(graders, agreed: ["assessment": 2, "overall": 1], order: ["assessment", "overall"], scaleSize: 4)
        #expect(spread.map(\.counts) == [[0, 1, 2, 0], [0, 0, 2, 0]])
        #expect(spread.map(\.same) == [2, 0] && spread.map(\.graders) == [3, 2])
        #expect(Calibration.spread(graders, agreed: nil, order: ["assessment"], scaleSize: 4).map(\.same) == [nil])
    }

    @Test("Issuing one: a title, the case, and a last day from today to three months ahead")
    func form() {
        let today = ISODay("2026-12-07")!
        var form = CalibrationForm()
        form.closesOn = "2027-03-08"
        guard case .failure(let mistakes) = form.checked(today: today) else {
            Issue.record("accepted")
            return
        }
        #expect(
            mistakes.all.map(\.message) == [
                "Enter the vignette's title", "Write the case auditors grade", "The last day must be within three months",
            ])
        form = CalibrationForm()
        form.title = " A child in need "
        form.vignette = "Child A is 9."
        form.closesOn = "2026-12-06"
        #expect((try? form.checked(today: today).get()) == nil)
        form.closesOn = "2027-03-07"
        #expect(
            (try? form.checked(today: today).get()) == .init(title: "A child in need", vignette: "Child A is 9.", closesOn: ISODay("2027-03-07")!))
    }
}
