import Testing
import WaymarkDomain

@testable import WaymarkTimescales

@Suite("A child's timescales as at an audit's day")
struct TimescalesAtAuditTests {
    func clock(_ rule: TimescaleRule, from: String, due: String, met: String? = nil, closed: Bool = false) -> Timescale {
        Timescale(
            rule: rule, childLocalID: "C1", record: "R", from: ISODay(from)!, due: ISODay(due)!, met: met.flatMap { ISODay($0) }, closed: closed,
            evidence: "")
    }

    /// As at Monday 7 December 2026, the window is 8 December 2025 to 7 December 2026. Worked by hand:
    /// - looked-after visits: due 1 December 2025 (before the window: left out); due 10 March done 9 March (on time);
    ///   due 10 June done 20 June (late); due 10 September, closed undone (not done); due 10 November done
    ///   9 December 2026, after the audit's day, so not done then; open since 9 November, due 2 January 2027 (next).
    /// - a review started 1 January 2027 (after the day): not seen at all.
    /// - a personal education plan due 20 December 2026, done early on 1 December: counted, on time.
    @Test("Counts each kind of clock that fell due in the 12 months, and what is due next")
    func counted() {
        let at = TimescalesAtAudit(
            clocks: [
                clock(.lookedAfterVisit, from: "2025-09-01", due: "2025-12-01", met: "2025-11-30"),
                clock(.lookedAfterVisit, from: "2025-12-10", due: "2026-03-10", met: "2026-03-09"),
                clock(.lookedAfterVisit, from: "2026-03-10", due: "2026-06-10", met: "2026-06-20"),
                clock(.lookedAfterVisit, from: "2026-06-20", due: "2026-09-10", closed: true),
                clock(.lookedAfterVisit, from: "2026-08-10", due: "2026-11-10", met: "2026-12-09"),
                clock(.lookedAfterVisit, from: "2026-11-09", due: "2027-01-02"),
                clock(.lookedAfterReview, from: "2027-01-01", due: "2027-06-01"),
                clock(.personalEducationPlan, from: "2026-06-20", due: "2026-12-20", met: "2026-12-01"),
            ], on: ISODay("2026-12-07")!, calendar: .englandAndWales)
        #expect(at.rows.map(\.rule) == [.lookedAfterVisit, .personalEducationPlan])
        let visits = at.rows[0]
        #expect((visits.due, visits.onTime, visits.late, visits.notDone) == (4, 1, 1, 2))
        // The one done on 9 December is open on the day and overdue: it is what is next.
        #expect(visits.next?.due == ISODay("2026-11-10") && visits.next?.state == "27 days overdue")
        let plans = at.rows[1]
        #expect((plans.due, plans.onTime, plans.late, plans.notDone) == (1, 1, 0, 0) && plans.next == nil)
    }
}
