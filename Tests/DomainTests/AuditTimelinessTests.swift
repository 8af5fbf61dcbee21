import Testing
import WaymarkDomain

@Suite("Timeliness beside the grades: the audited children's visits, reviews and other timescales, by grade and team, by hand")
struct AuditTimelinessTests {
    @Test("Sums each kind over the audits of a grade and of a team; audits with no overall grade are left out")
    func byHand() {
        let november = ReportMonth(year: 2026, month: 11)
        func audit(_ id: String, _ team: String, _ overall: Int?) -> QualityReport.Audit {
            .init(id: id, team: team, planned: november, submitted: overall == nil ? nil : ISODay("2026-11-10"), overall: overall, domains: [:])
        }
        let audits = [audit("a", "Team 1", 1), audit("b", "Team 1", 2), audit("c", "Team 2", 2), audit("d", "Team 2", nil)]
        let kept: [AuditTimeliness.Kept] = [
            .init(audit: "a", kind: .visits, due: 10, onTime: 9), .init(audit: "a", kind: .reviews, due: 2, onTime: 2),
            .init(audit: "b", kind: .visits, due: 8, onTime: 4), .init(audit: "c", kind: .visits, due: 6, onTime: 5),
            .init(audit: "c", kind: .other, due: 1, onTime: 0), .init(audit: "d", kind: .visits, due: 50, onTime: 0),
        ]
        let timeliness = AuditTimeliness(audits, kept: kept, scale: ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"])
        // Good: a alone, visits 9 of 10. Requires improvement: b and c, visits 4 + 5 of 8 + 6 = 9 of 14, other 0 of 1.
        #expect(timeliness.byGrade.map(\.name) == ["Good", "Requires improvement to be good"])
        #expect(timeliness.byGrade[0].tallies[.visits] == .init(due: 10, onTime: 9) && timeliness.byGrade[0].tallies[.reviews]?.share == 1)
        #expect(timeliness.byGrade[1].audits == 2 && timeliness.byGrade[1].tallies[.visits] == .init(due: 14, onTime: 9))
        #expect(timeliness.byGrade[1].tallies[.other]?.share == 0 && timeliness.byGrade[1].tallies[.reviews] == nil)
        // Every audit: visits 18 of 24 (d, never graded, is left out).
        #expect(timeliness.all.audits == 3 && timeliness.all.tallies[.visits] == .init(due: 24, onTime: 18))
        #expect(
            timeliness.goodOrBetter.tallies[.visits] == .init(due: 10, onTime: 9) && timeliness.below.tallies[.visits] == .init(due: 14, onTime: 9))
        #expect(timeliness.byTeam.map(\.name) == ["Team 1", "Team 2"] && timeliness.byTeam.map(\.audits) == [2, 1])
        #expect(timeliness.byTeam[1].tallies[.visits] == .init(due: 6, onTime: 5))
    }
}
