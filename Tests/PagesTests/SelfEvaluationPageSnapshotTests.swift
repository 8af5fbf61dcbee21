import Foundation
import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkUI

@testable import WaymarkQualityArea

@Suite("Self-evaluation pack snapshots")
struct SelfEvaluationPageSnapshotTests {
    static func model(mayWrite: Bool) -> SelfEvaluationPage.Model {
        let november = ReportMonth(year: 2026, month: 11)
        let instrument = AuditInstruments.caseFileAudit
        let report = QualityReport(
            [
                .init(
                    id: "a1", team: "Children in Care Team", planned: november, submitted: ISODay("2026-11-20"), overall: 1,
                    domains: ["assessment": 1, "planning": 3], moderated: true, changedBetter: 1, shortfalls: ["planning-contingency"]),
                .init(
                    id: "a2", team: "Children in Care Team", planned: november.adding(-11), submitted: ISODay("2025-12-02"), overall: 2,
                    domains: ["assessment": 2, "planning": 2], shortfalls: ["planning-contingency", "voice-wishes"]),
            ], month: november, domains: instrument.domains.map { ($0.id, $0.title) }, scaleSize: 4,
            actions: [.init(added: ISODay("2026-11-21")!, due: ISODay("2026-12-21")!, state: .open)], today: ISODay("2026-12-07")!)
        return SelfEvaluationPage.Model(
            month: november, months: [("2026-12", "December 2026 (so far)"), ("2026-11", "November 2026")], report: report,
            agreement: ModerationAgreement(
                [.init(auditor: "", quarter: "2026 Q4", domain: "Quality of planning", grades: [3, 2, 2])], scaleSize: 4, domainOrder: [],
                resamples: 50),
            oversight: .init(month: "November 2026", supervised: "40 of 42 (95%)", discussed: "566 of 708 (80%)"),
            items: Dictionary(uniqueKeysWithValues: instrument.domains.flatMap(\.items).map { ($0.id, $0.text) }), programmes: 12, calibrations: 1,
            linkedToPlan: 1, reauditsDue: 2, reauditsOverdue: 1,
            narratives: ["what-we-know": "Most audits find practice that requires improvement.\n\nPlanning is weakest."],
            written: "Priya Shah on 5 December 2026", mayWrite: mayWrite, generatedOn: "7 December 2026, 09:00:00")
    }

    func context(_ title: String, role: Role) -> PageContext {
        PageContext(title: title, viewer: Viewer(displayName: "Priya Shah", role: role), csrfToken: "csrf-token-for-snapshots", currentArea: .quality)
    }

    @Test func forLeaders() {
        let model = Self.model(mayWrite: true)
        assertSnapshot(of: SelfEvaluationPage.render(model, context: context(model.title, role: .qaLead)), as: .html)
    }

    @Test func forReaders() {
        let model = Self.model(mayWrite: false)
        assertSnapshot(of: SelfEvaluationPage.render(model, context: context(model.title, role: .qaAuditor)), as: .html)
    }

    @Test func forPrint() {
        assertSnapshot(of: SelfEvaluationPage.renderForPrint(Self.model(mayWrite: false), stylesheet: ""), as: .html)
    }
}
