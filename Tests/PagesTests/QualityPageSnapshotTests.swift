import Foundation
import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkTimescales
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

@Suite("Audit programme and case audit page snapshots")
struct CaseAuditPageSnapshotTests {
    let lead = Viewer(displayName: "Quinn Lead", role: .qaLead)
    let instrument = AuditInstruments.caseFileAudit

    func context(_ title: String) -> PageContext {
        PageContext(title: title, viewer: lead, csrfToken: "csrf-token-for-snapshots", currentArea: .quality)
    }

    /// As at 7 December 2026: looked-after visits, one late and one overdue; a review on time.
    var evidence: CaseAuditPage.Evidence {
        func clock(_ rule: TimescaleRule, _ from: String, _ due: String, _ met: String?) -> Timescale {
            Timescale(
                rule: rule, childLocalID: "1001", record: "R", from: ISODay(from)!, due: ISODay(due)!, met: met.flatMap { ISODay($0) }, evidence: "")
        }
        let clocks = [
            clock(.lookedAfterVisit, "2026-03-01", "2026-06-01", "2026-06-12"), clock(.lookedAfterVisit, "2026-06-12", "2026-09-12", "2026-09-01"),
            clock(.lookedAfterVisit, "2026-09-01", "2026-12-01", nil), clock(.lookedAfterReview, "2026-04-01", "2026-10-01", "2026-09-28"),
        ]
        return CaseAuditPage.Evidence(
            asAt: "7 December 2026",
            facts: [
                ("Local identifier", "1001"), ("Date of birth", "4 March 2015 (aged 11)"), ("Status", "Looked after"),
                ("Allocated to now", "Sam Mensah, Children in Care Team 1"),
            ],
            now: ["Looked after under a full care order, placed with foster carers; since 2 February 2026"],
            timescales: TimescalesAtAudit(clocks: clocks, on: ISODay("2026-12-07")!, calendar: .englandAndWales), childPage: "/children/c1",
            oversight: [
                "20 November 2026: Management oversight: case discussed in supervision by Maria Lopez with Sam Mensah. Discussed: Placement "
                    + "stability. Decided: The care plan continues."
            ])
    }

    @Test func auditFormWithMistakes() {
        let response = CaseAuditResponse(
            workingWell: ["Amara is settled at school."], answers: ["planning-smart": ("not-met", "")], grades: ["planning": ("3", "")], overall: "",
            overallRationale: "")
        guard case .failure(let mistakes) = response.completed(against: instrument) else {
            Issue.record("accepted")
            return
        }
        let model = CaseAuditPage.Model(
            heading: "Case audit: Amara Okafor", programme: ("p1", "Children in care: permanence"), instrument: instrument, evidence: evidence,
            audit: .form(response, FormErrors(mistakes.all)))
        assertSnapshot(of: CaseAuditPage.render(model, auditID: "a1", context: context("Case audit: child 1001")), as: .html)
    }

    @Test func auditSubmitted() {
        let by = "Quinn Auditor", at = "7 December 2026"
        var grades: [String: CaseAuditPage.Given] = [:]
        for domain in instrument.domains {
            grades[domain.id] = .init(
                domain: domain.title, grade: domain.id == "planning" ? "Inadequate" : "Good",
                rationale: domain.id == "planning" ? "No review of the plan for 8 months." : "", by: by, at: at, reason: "The auditor's grade")
        }
        grades["overall"] = .init(
            domain: "Overall", grade: "Requires improvement to be good", rationale: "", by: by, at: at, reason: "The auditor's grade")
        let model = CaseAuditPage.Model(
            heading: "Case audit: child 1001", programme: ("p1", "Children in care: permanence"), instrument: instrument, evidence: evidence,
            audit: .submitted(
                workingWell: ["Amara is settled at school.", "She sees her brother every week."],
                answers: ["planning-contingency": (.notMet, "No contingency plan."), "assessment-current": (.met, "")], grades: grades,
                suggested: "Requires improvement to be good",
                history: instrument.domains.map { grades[$0.id]! } + [grades["overall"]!]),
            moderation: .status(["Not chosen for moderation: its grades stand as its auditor gave them, and are locked."]),
            replies: [
                .init(
                    by: "Sam Mensah (Practitioner)", at: "7 December 2026", disagrees: true, text: "The plan was reviewed in October.",
                    conversation: "7 December 2026", notes: "We agreed the plan's dates would be added.")
            ], replyForm: (AuditResponseForm(), FormErrors()))
        assertSnapshot(of: CaseAuditPage.render(model, auditID: "a1", context: context("Case audit: child 1001")), as: .html)
    }

    @Test func moderatingBlind() {
        let response = ModerationResponse(grades: ["planning": .init(grade: "3", rationale: "")])
        guard case .failure(let mistakes) = response.completed(against: instrument) else {
            Issue.record("accepted")
            return
        }
        let model = CaseAuditPage.Model(
            heading: "Case audit: child 1001", programme: ("p1", "Children in care: permanence"), instrument: instrument, evidence: evidence,
            audit: .hiddenUntilModerated, moderation: .moderate(blind: true, response, FormErrors(mistakes.all)))
        assertSnapshot(of: CaseAuditPage.render(model, auditID: "a1", context: context("Case audit: child 1001")), as: .html)
    }

    @Test func deciding() {
        let model = CaseAuditPage.Model(
            heading: "Case audit: child 1001", programme: ("p1", "Children in care: permanence"), instrument: instrument, evidence: evidence,
            audit: .notYet(auditor: "Quinn Auditor"),
            moderation: .adjudicate(
                [
                    .init(
                        domain: "planning", title: "Quality of planning", standing: "Inadequate", theirs: "Requires improvement to be good",
                        rationale: "Reviewed, if late.")
                ], Adjudication(finals: [:]), FormErrors()),
            concerns: [
                .init(
                    id: "c1", text: "Bruising noted at the last visit was not followed up.", raised: "Raised by Quinn Auditor on 7 December 2026",
                    state: "Due today", overdue: false, actedOn: nil, mayActOn: true)
            ], raiseConcern: ("", FormErrors()))
        assertSnapshot(of: CaseAuditPage.render(model, auditID: "a1", context: context("Case audit: child 1001")), as: .html)
    }

    @Test func qualityReport() {
        let november = ReportMonth(year: 2026, month: 11)
        let report = QualityReport(
            [
                .init(
                    id: "a1", team: "Children in Care Team", planned: november, submitted: ISODay("2026-11-20"), overall: 1,
                    domains: ["assessment": 1, "planning": 3], moderated: true, changedBetter: 1, shortfalls: ["planning-contingency"]),
                .init(
                    id: "a2", team: "Children in Care Team", planned: november.adding(-1), submitted: ISODay("2026-11-02"), overall: 2,
                    domains: ["assessment": 2, "planning": 2], shortfalls: ["planning-contingency", "voice-wishes"]),
                .init(id: "a3", team: "Duty & Assessment Team 1", planned: november, submitted: nil, overall: nil, domains: [:]),
            ], month: november, domains: instrument.domains.map { ($0.id, $0.title) }, scaleSize: 4)
        let model = QualityReportPage.Model(
            report: report, scale: instrument.scale.grades,
            items: Dictionary(uniqueKeysWithValues: instrument.domains.flatMap(\.items).map { ($0.id, $0.text) }),
            months: [("2026-12", "December 2026 (so far)"), ("2026-11", "November 2026")], generatedOn: "7 December 2026, 09:00:00",
            auditors: AuditorBias([
                .init(auditor: "Grace Mensah", quarter: "2026 Q3", first: 1, final: 2),
                .init(auditor: "Grace Mensah", quarter: "2026 Q4", first: 2, final: 2),
                .init(auditor: "Tom Reid", quarter: "2026 Q4", first: 3, final: 3),
            ]),
            // 24 grades given again, most requires improvement; one graded by the external moderator too.
            agreement: ModerationAgreement(
                (0..<24).map { n in
                    .init(
                        auditor: n % 2 == 0 ? "Grace Mensah" : "Tom Reid", quarter: n < 12 ? "2026 Q3" : "2026 Q4",
                        domain: n % 3 == 0 ? "Quality of planning" : "Quality of assessment",
                        grades: n == 3 ? [1, 1, 2] : n % 5 == 0 ? [2, 1] : [2, 2])
                }, scaleSize: 4, domainOrder: ["Quality of assessment", "Quality of planning"], resamples: 200),
            // The two audits done: a1 good (visits 9 of 10, reviews 2 of 2), a2 requires improvement (visits 4 of 8).
            timeliness: AuditTimeliness(
                [
                    .init(
                        id: "a1", team: "Children in Care Team", planned: november, submitted: ISODay("2026-11-20"), overall: 1, domains: [:]),
                    .init(
                        id: "a2", team: "Children in Care Team", planned: november.adding(-1), submitted: ISODay("2026-11-02"), overall: 2,
                        domains: [:]),
                ],
                kept: [
                    .init(audit: "a1", kind: .visits, due: 10, onTime: 9), .init(audit: "a1", kind: .reviews, due: 2, onTime: 2),
                    .init(audit: "a2", kind: .visits, due: 8, onTime: 4),
                ], scale: instrument.scale.grades),
            oversight: [
                .init(month: "October 2026", supervised: "38 of 42 (90%)", discussed: "540 of 700 (77%)"),
                .init(month: "November 2026", supervised: "40 of 42 (95%)", discussed: "566 of 708 (80%)"),
            ])
        assertSnapshot(of: QualityReportPage.render(model, context: context(model.title)), as: .html)
    }

    @Test func programmeForm() {
        var form = AuditProgrammeForm()
        form.title = "Children in care: permanence"
        form.cohort = ["looked-after"]
        form.quota = "x"
        guard case .failure(let mistakes) = form.settings(today: ISODay("2026-12-07")!) else {
            Issue.record("accepted")
            return
        }
        assertSnapshot(
            of: ProgrammeFormPage.render(
                form, errors: FormErrors(mistakes.all),
                instruments: [
                    .init(value: "v2", label: "Case file audit, version 2 (published 4 December 2026)"),
                    .init(value: "v1", label: "Case file audit, version 1 (published 17 November 2025)"),
                ],
                context: context(ProgrammeFormPage.title)),
            as: .html)
    }

    @Test func programmeFormBeforeAnyInstrumentIsPublished() {
        assertSnapshot(
            of: ProgrammeFormPage.render(AuditProgrammeForm(), errors: FormErrors(), instruments: [], context: context(ProgrammeFormPage.title)),
            as: .html)
    }

    @Test func programme() {
        let model = ProgrammePage.Model(
            id: "p1", title: "Children in care: permanence",
            facts: [
                ("Who is in the cohort", "Every child with any of these statuses (looked after) on 7 December 2026: 312 children"), ("Seed", "42"),
            ],
            audits: [
                .init(
                    id: "a1", child: "Amara Okafor", team: "Children in Care Team 1", auditor: "Quinn Auditor", state: "Submitted on 7 December 2026",
                    overall: "Requires improvement to be good"),
                .init(id: "a2", child: "Child 1002", team: "Children in Care Team 2", auditor: nil, state: "No auditor", overall: nil),
                .init(
                    id: "a3", child: "Child 1003", team: "Children in Care Team 2", auditor: "Tom Reid", state: "To do", overall: nil,
                    reaudit: true),
            ], notShown: 3)
        assertSnapshot(of: ProgrammePage.render(model, context: context(model.title)), as: .html)
    }

    @Test func programmesWithReauditsDue() {
        let listed = [
            ProgrammesPage.Listed(
                id: "p1", title: "Children looked after: November 2026", cohort: "looked after", drawnOn: "1 November 2026", due: "30 November 2026",
                audits: 12, submitted: 11)
        ]
        let reaudits = [
            ProgrammesPage.Reaudit(
                auditID: "a9", child: "Amara Okafor", team: "Children in Care Team 1", settled: "2 September 2026", due: "2 December 2026",
                overdue: true),
            ProgrammesPage.Reaudit(
                auditID: "a8", child: "Child 1004", team: "Children in Care Team 2", settled: "20 November 2026", due: "20 February 2027",
                overdue: false),
        ]
        assertSnapshot(of: ProgrammesPage.render(listed, maySetUp: true, reaudits: reaudits, context: context(ProgrammesPage.title)), as: .html)
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

    func context(_ title: String, role: Role = .qaAuditor) -> PageContext {
        PageContext(
            title: title, viewer: Viewer(displayName: "Quinn Auditor", role: role), csrfToken: "csrf-token-for-snapshots", currentArea: .quality)
    }

    @Test func page() {
        let model = InstrumentPage.Model(
            id: "v1", instrument: AuditInstruments.caseFileAudit, published: true, status: "Published on 17 November 2025 by Priya Shah",
            changes: ("the default Waymark ships", []), mayManage: false, nextVersion: 2, text: AuditInstruments.caseFileAuditText)
        assertSnapshot(of: InstrumentPage.render(model, context: context("Case file audit, version 1")), as: .html)
    }

    /// A QA lead's draft of version 2, refused on saving (the file as typed kept), with what it changes from version 1.
    @Test func draftRefused() {
        var next = AuditInstruments.caseFileAudit
        next.version = 2
        next.domains[5].items.append(.init(id: "identity-life-story", text: "Life story work helps the child understand who they are."))
        let model = InstrumentPage.Model(
            id: "v2", instrument: next, published: false, status: "Draft, last saved on 5 December 2026 by Priya Shah",
            changes: ("version 1", next.changes(from: AuditInstruments.caseFileAudit)), mayManage: true, nextVersion: nil,
            text: "format: waymark-audit-instrument/1\nname: Case file audit\nversion: 1\n",
            mistakes: [
                "version: Version 1 of Case file audit is published: a new version needs a number above 1.", "domains: needs at least one domain",
            ])
        assertSnapshot(of: InstrumentPage.render(model, context: context("Case file audit, version 2", role: .qaLead)), as: .html)
    }

    @Test func instruments() {
        let listed = [
            InstrumentsPage.Listed(
                id: "v2", name: "Case file audit", version: 2, published: false, when: "Draft, last saved on 5 December 2026 by Priya Shah"),
            InstrumentsPage.Listed(
                id: "v1", name: "Case file audit", version: 1, published: true, when: "Published on 17 November 2025 by Priya Shah"),
        ]
        assertSnapshot(
            of: InstrumentsPage.render(listed, shipped: nil, mayManage: true, context: context(InstrumentsPage.title, role: .qaLead)), as: .html)
    }

    @Test func instrumentsBeforeAnyIsKept() {
        assertSnapshot(
            of: InstrumentsPage.render(
                [], shipped: AuditInstruments.caseFileAudit, mayManage: true, context: context(InstrumentsPage.title, role: .qaLead)),
            as: .html)
    }
}
