import Testing
import WaymarkDomain

@Suite("The self-evaluation pack: the direction of travel and the narratives, by hand")
struct SelfEvaluationTests {
    @Test("Good or better over the first and the last three of the twelve months")
    func direction() {
        let november = ReportMonth(year: 2026, month: 11)
        func audit(_ id: String, _ day: String, _ overall: Int) -> QualityReport.Audit {
            .init(id: id, team: "Children in Care Team", planned: ReportMonth(ISODay(day)!), submitted: ISODay(day), overall: overall, domains: [:])
        }
        // December 2025 to February 2026: good, RI, RI (1 of 3); September to November 2026: good, outstanding (2 of 2);
        // May 2026, inadequate, counts in neither.
        let report = QualityReport(
            [
                audit("a", "2025-12-03", 1), audit("b", "2026-01-15", 2), audit("c", "2026-02-27", 2), audit("d", "2026-05-05", 3),
                audit("e", "2026-09-01", 1), audit("f", "2026-11-30", 0), audit("g", "2025-11-30", 1),
            ], month: november, domains: [], scaleSize: 4)
        let (first, last) = SelfEvaluation.direction(report)
        #expect(first.good == 1 && first.done == 3 && last.good == 2 && last.done == 2)
    }

    @Test("Narratives are trimmed and may be empty; each over 10,000 characters is refused by its field")
    func narratives() {
        let typed = ["what-we-know": "  We know ourselves.\n", "how-we-know": String(repeating: "x", count: 10_001)]
        guard case .failure(let mistakes) = SelfEvaluation.narratives({ typed[$0] ?? "" }) else {
            Issue.record("accepted")
            return
        }
        #expect(mistakes.all.map(\.field) == ["how-we-know"])
        #expect(mistakes.all[0].message == "\"How we know it\" must be 10000 characters or fewer")
        let fine = SelfEvaluation.narratives { $0 == "what-we-know" ? "  We know ourselves.\n" : "" }
        #expect((try? fine.get()) == ["what-we-know": "We know ourselves.", "how-we-know": "", "what-we-do": ""])
    }
}
