import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkUI

@testable import WaymarkQualityArea

@Suite("The partnership's summary snapshot")
struct QualitySummaryPageSnapshotTests {
    /// 14 audits over the year: 2 outstanding, 5 good, 6 requires improvement, 1 inadequate; planning good or better in 3.
    @Test func summary() {
        let november = ReportMonth(year: 2026, month: 11)
        let overall = [0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3]
        let audits = overall.enumerated().map { index, grade in
            QualityReport.Audit(
                id: "a\(index)", team: "Children in Care Team", planned: november.adding(-(index % 12)),
                submitted: november.adding(-(index % 12)).first.adding(days: 3), overall: grade,
                domains: ["assessment": grade, "planning": index < 3 ? 1 : 2], shortfalls: index < 6 ? ["planning-contingency"] : ["voice-wishes"])
        }
        let instrument = AuditInstruments.caseFileAudit
        let report = QualityReport(
            audits, month: november, domains: instrument.domains.prefix(2).map { ($0.id, $0.title) }, scaleSize: 4,
            actions: (0..<7).map { .init(added: ISODay("2026-10-0\($0 + 1)")!, due: ISODay("2026-12-31")!, state: $0 < 6 ? .open : .verified) },
            today: ISODay("2026-12-07")!)
        let model = QualitySummaryPage.Model(
            report: report, scale: instrument.scale.grades,
            items: Dictionary(uniqueKeysWithValues: instrument.domains.flatMap(\.items).map { ($0.id, $0.text) }),
            months: [("2026-11", "November 2026")], generatedOn: "7 December 2026, 09:00:00")
        let context = PageContext(
            title: model.title, viewer: Viewer(displayName: "Pat Partner", role: .partner), csrfToken: "csrf-token-for-snapshots",
            currentArea: .quality)
        assertSnapshot(of: QualitySummaryPage.render(model, context: context), as: .html)
    }
}
