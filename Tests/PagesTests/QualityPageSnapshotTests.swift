import Foundation
import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkUI

@testable import WaymarkQualityArea

@Suite("Quality page snapshots")
struct QualityPageSnapshotTests {
    let lead = Viewer(displayName: "Quinn Auditor", role: .qaAuditor)

    func context(_ title: String) -> PageContext {
        PageContext(title: title, viewer: lead, csrfToken: "csrf-token-for-snapshots", currentArea: .quality)
    }

    @Test func home() {
        assertSnapshot(of: QualityHomePage.render(context: context("Quality")), as: .html)
    }

    @Test func agreementMeasured() throws {
        // 30 audits, most "requires improvement", three graded by an external moderator too.
        var rows: [(number: Int, cells: [String])] = [(1, ["Audit", "Auditor", "Second auditor", "Essex"])]
        for n in 1...30 {
            let first = n <= 20 ? "RI" : n <= 26 ? "Good" : "Inadequate"
            let second = n % 5 == 0 ? (first == "RI" ? "Good" : "RI") : first
            rows.append((n + 1, ["QA-\(n)", first, second, n <= 3 ? "RI" : ""]))
        }
        let table = try ModerationGrades.read(rows, scale: .ofsted).get()
        let model = AgreementPage.Model(outcome: .measured(fileName: "moderation-2026.xlsx", AgreementReport(table, scale: .ofsted, resamples: 200)))
        assertSnapshot(of: AgreementPage.render(model, context: context(AgreementPage.title)), as: .html)
    }

    @Test func agreementByDomain() throws {
        var rows: [(number: Int, cells: [String])] = [(1, ["Audit", "Domain", "Auditor", "Second auditor"])]
        for n in 1...24 {
            for (index, domain) in ["Quality of assessment", "Voice of the child"].enumerated() {
                let first = n <= 16 ? "RI" : "Good"
                let second = (n + index) % 4 == 0 ? (first == "RI" ? "Good" : "RI") : first
                rows.append((rows.count + 1, ["QA-\(n)", domain, first, second]))
            }
        }
        let table = try ModerationGrades.read(rows, scale: .ofsted).get()
        let model = AgreementPage.Model(outcome: .measured(fileName: "by-domain.csv", AgreementReport(table, scale: .ofsted, resamples: 200)))
        assertSnapshot(of: AgreementPage.render(model, context: context(AgreementPage.title)), as: .html)
    }

    @Test func agreementTooFew() throws {
        let rows: [(number: Int, cells: [String])] = [
            (1, ["Audit", "Auditor", "Moderator"]), (2, ["QA-1", "Good", "Good"]), (3, ["QA-2", "RI", "Good"]),
        ]
        let table = try ModerationGrades.read(rows, scale: .ofsted).get()
        let model = AgreementPage.Model(outcome: .measured(fileName: "two.csv", AgreementReport(table, scale: .ofsted, resamples: 200)))
        assertSnapshot(of: AgreementPage.render(model, context: context(AgreementPage.title)), as: .html)
    }

    @Test func agreementRefused() {
        let model = AgreementPage.Model(
            outcome: .refused(
                fileName: "grades.csv",
                mistakes: [
                    "Row 3, column B (Auditor): \"Goood\" is not a grade: use Outstanding, Good, Requires improvement to be good or Inadequate."
                ]))
        assertSnapshot(of: AgreementPage.render(model, context: context(AgreementPage.title)), as: .html)
    }
}

@Suite("The default audit instrument")
struct DefaultInstrumentTests {
    @Test("It loads, has no problems, and has the six domains the council reports on")
    func loads() {
        let instrument = AuditInstruments.caseFileAudit
        #expect(instrument.problems().isEmpty)
        #expect(
            instrument.domains.map(\.title) == [
                "Quality of assessment", "Quality of planning", "Voice of the child", "Engagement with parents and carers", "Management oversight",
                "Diversity and identity",
            ])
        #expect(instrument.gradeScale == GradeScale(grades: GradeScale.ofsted.grades))
    }

    @Test func page() {
        let viewer = Viewer(displayName: "Quinn Auditor", role: .qaAuditor)
        let context = PageContext(title: "Case file audit", viewer: viewer, csrfToken: "csrf-token-for-snapshots", currentArea: .quality)
        assertSnapshot(of: InstrumentPage.render(AuditInstruments.caseFileAudit, context: context), as: .html)
    }
}
