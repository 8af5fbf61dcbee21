import Testing
import WaymarkDomain

@Suite("The monthly QA report: Wilson intervals, and audits counted by month, team and domain")
struct QualityReportTests {
    /// Newcombe (1998), Table I, method 3 (the Wilson score interval), to four places.
    @Test("Wilson intervals match Newcombe's published examples")
    func wilson() throws {
        func rounded(_ range: ClosedRange<Double>?) -> [Double] {
            guard let range else { return [] }
            return [range.lowerBound, range.upperBound].map { ($0 * 10_000).rounded() / 10_000 }
        }
        #expect(rounded(WilsonInterval.of(81, in: 263)) == [0.2553, 0.3662])
        #expect(rounded(WilsonInterval.of(15, in: 148)) == [0.0624, 0.1605])
        #expect(rounded(WilsonInterval.of(0, in: 20)) == [0, 0.1611])
        #expect(rounded(WilsonInterval.of(1, in: 29)) == [0.0061, 0.1718])
        #expect(WilsonInterval.of(0, in: 0) == nil)
    }

    /// November 2026's report. Worked by hand:
    /// - a1 (Team A, planned and done in November): good overall, assessment good, planning inadequate; moderated,
    ///   one grade made better.
    /// - a2 (Team A, planned October, done November): requires improvement; planning's contingency item not met.
    /// - a3 (Team B, planned November, not done).
    /// - a4 (Team B, planned and done in January 2026): outstanding; inside the 12 months (December 2025 to November).
    /// - a5 (Team B, done November 2025): outside the 12 months, so counted nowhere but its planning would be.
    @Test("Counts each audit in its month, team and domain")
    func counted() {
        let november = ReportMonth(year: 2026, month: 11)
        let report = QualityReport(
            [
                .init(
                    id: "a1", team: "Team A", planned: november, submitted: ISODay("2026-11-20"), overall: 1,
                    domains: ["assessment": 1, "planning": 3], moderated: true, changedBetter: 1, shortfalls: ["planning-smart"]),
                .init(
                    id: "a2", team: "Team A", planned: ReportMonth(year: 2026, month: 10), submitted: ISODay("2026-11-02"), overall: 2,
                    domains: ["assessment": 2, "planning": 2], shortfalls: ["planning-contingency", "planning-smart"]),
                .init(id: "a3", team: "Team B", planned: november, submitted: nil, overall: nil, domains: [:]),
                .init(
                    id: "a4", team: "Team B", planned: ReportMonth(year: 2026, month: 1), submitted: ISODay("2026-01-15"), overall: 0,
                    domains: ["assessment": 0]),
                .init(
                    id: "a5", team: "Team B", planned: ReportMonth(year: 2025, month: 11), submitted: ISODay("2025-11-30"), overall: 3, domains: [:]),
            ], month: november, domains: [("assessment", "Quality of assessment"), ("planning", "Quality of planning")], scaleSize: 4)
        // This month: a1 and a3 planned; a1 and a2 done, one good or better (a1).
        #expect(report.thisMonth.planned == 2 && report.thisMonth.done == 2)
        #expect(report.thisMonth.grades.counts == [0, 1, 1, 0] && report.thisMonth.grades.goodOrBetter == 1)
        // The 12 months: a1, a2, a3, a4 planned; a1, a2, a4 done, two good or better.
        #expect(report.year.planned == 4 && report.year.done == 3 && report.year.grades.goodOrBetter == 2)
        #expect(report.byTeam.map(\.name) == ["Team A", "Team B"])
        #expect(report.byTeam.map(\.done) == [2, 1] && report.byTeam.map(\.planned) == [2, 2])
        #expect(report.byDomain.map(\.grades.counts) == [[1, 1, 1, 0], [0, 0, 1, 1]])
        #expect(report.trend.count == 12 && report.trend.first?.month == ReportMonth(year: 2025, month: 12))
        #expect(report.trend.last?.done == 2 && report.trend.last?.moderated == 1 && report.trend.last?.changedBetter == 1)
        #expect(report.themes.map(\.item) == ["planning-smart", "planning-contingency"] && report.themes.map(\.audits) == [2, 1])
    }

    /// November 2026's report, read on 7 December: added in the 12 months are the first four (the last was added in
    /// November 2025); of them one open and overdue (due 1 December), one open not yet due, one closed, one verified.
    @Test("Counts the learning actions added in the 12 months and where they stand")
    func actions() {
        func day(_ text: String) -> ISODay { ISODay(text)! }
        let report = QualityReport(
            [], month: ReportMonth(year: 2026, month: 11), domains: [], scaleSize: 4,
            actions: [
                .init(added: day("2026-11-03"), due: day("2026-12-01"), state: .open),
                .init(added: day("2026-10-03"), due: day("2027-01-10"), state: .open),
                .init(added: day("2026-06-01"), due: day("2026-07-01"), state: .closed),
                .init(added: day("2025-12-01"), due: day("2026-01-01"), state: .verified),
                .init(added: day("2025-11-30"), due: day("2025-12-20"), state: .open),
            ], today: day("2026-12-07"))
        #expect(report.actions == .init(added: 4, open: 2, overdue: 1, closed: 1, verified: 1))
    }
}

@Suite("Each auditor's bias in moderation, and its drift")
struct AuditorBiasTests {
    /// Worked by hand. Ann: in 2026 Q2 graded good (1) where moderation settled requires improvement (2), twice, and
    /// once the same (2, 2): bias (−1 −1 + 0) / 3 = −0.667, generous; in Q3 twice the same: 0. Over all five grades:
    /// −2 / 5 = −0.4, two changed. Bob: once inadequate (3) settled requires improvement (2): +1, severe.
    @Test("Mean first minus final, quarter by quarter")
    func bias() {
        let report = AuditorBias([
            .init(auditor: "Ann", quarter: "2026 Q2", first: 1, final: 2), .init(auditor: "Ann", quarter: "2026 Q2", first: 1, final: 2),
            .init(auditor: "Ann", quarter: "2026 Q2", first: 2, final: 2), .init(auditor: "Ann", quarter: "2026 Q3", first: 2, final: 2),
            .init(auditor: "Ann", quarter: "2026 Q3", first: 0, final: 0), .init(auditor: "Bob", quarter: "2026 Q3", first: 3, final: 2),
        ])
        #expect(report.rows.map(\.auditor) == ["Ann", "Bob"])
        let ann = report.rows[0]
        #expect(ann.grades == 5 && ann.changed == 2 && ann.bias == -0.4)
        #expect(ann.byQuarter.map(\.quarter) == ["2026 Q2", "2026 Q3"] && ann.byQuarter.map(\.grades) == [3, 2])
        #expect(abs(ann.byQuarter[0].bias - (-2.0 / 3)) < 1e-12 && ann.byQuarter[1].bias == 0)
        #expect(report.rows[1].bias == 1 && report.rows[1].changed == 1)
        #expect(AuditorBias.quarter(of: ISODay("2026-10-01")!) == "2026 Q4" && AuditorBias.quarter(of: ISODay("2026-03-31")!) == "2026 Q1")
        #expect(
            AuditorBias.inWords(quarter: "2026 Q4") == "October to December 2026"
                && AuditorBias.inWords(quarter: "2027 Q1") == "January to March 2027")
        #expect(AuditorBias.inWords(quarter: "2026 Q5") == "2026 Q5")
    }
}
