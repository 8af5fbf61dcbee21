import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// What another council's moderator sees (the triple lock): the audits assigned to them, and one audit pseudonymised:
/// the evidence without the child's name, identifier, date of birth or address, or anyone's name; the audit's answers
/// and grades as the council settled them, by role; and their own grades.
public enum ExternalModerationPage {
    public static let title = "Audits to moderate"

    public struct Listed: Sendable {
        public var id: String, reference: String, state: String
        public init(id: String, reference: String, state: String) { (self.id, self.reference, self.state) = (id, reference, state) }
    }

    public static func list(_ audits: [Listed], context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text(title)),
                .p(
                    .class("lead"),
                    .text(
                        "These case audits were chosen for moderation by another council (the triple lock) and assigned to you. Each is pseudonymised: you see what the records showed and what the auditors found, never who the child is."
                    )),
                audits.isEmpty
                    ? .p(.text("No audit is assigned to you."))
                    : .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.text(Counted.phrase(audits.count, "audit"))),
                            .thead(
                                .tr(
                                    .th(.attribute(named: "scope", value: "col"), .text("Case")),
                                    .th(.attribute(named: "scope", value: "col"), .text("Where it stands")))),
                            .tbody(
                                .forEach(audits) { audit in
                                    .tr(
                                        .th(
                                            .attribute(named: "scope", value: "row"),
                                            .a(.href(SiteURL.quality(.externalModeration(id: audit.id)).path), .text(audit.reference))),
                                        .td(.text(audit.state)))
                                })))))
    }

    /// One audit: the evidence and what was found, then the form, or where it stands.
    public struct Model: Sendable {
        public var id: String, reference: String
        public var instrument: AuditInstrument
        public var evidence: CaseAuditPage.Evidence
        public var audit: CaseAuditPage.Audit
        public var part: Part

        public init(
            id: String, reference: String, instrument: AuditInstrument, evidence: CaseAuditPage.Evidence, audit: CaseAuditPage.Audit, part: Part
        ) {
            (self.id, self.reference, self.instrument, self.evidence, self.audit, self.part) = (id, reference, instrument, evidence, audit, part)
        }
    }

    public enum Part: Sendable {
        /// The form: each domain's standing grade in words (by id), and what was typed with its mistakes.
        case grade(standing: [String: String], ExternalModerationResponse, FormErrors)
        case status(String)
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        var errors = FormErrors()
        if case .grade(_, _, let typed) = model.part { errors = typed }
        let page = CaseAuditPage.Model(
            heading: model.reference, programme: ("", ""), instrument: model.instrument, evidence: model.evidence, audit: model.audit)
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.externalModerations).path), .text(title))),
                Form.errorSummary(errors),
                .h1(.text("External moderation: \(model.reference)")),
                .p(
                    .class("lead"),
                    .text(
                        "\(model.instrument.name), version \(model.instrument.version). Pseudonymised: no names, identifiers or addresses. Your reading of it is recorded."
                    )),
                .div(
                    .class("audit-layout"),
                    CaseAuditPage.evidence(model.evidence),
                    .div(CaseAuditPage.audit(page, auditID: "", context: context), part(model, context: context)))))
    }

    static func part(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        switch model.part {
        case .status(let line):
            return .section(.attribute(named: "aria-labelledby", value: "external"), .h2(.id("external"), .text("Your moderation")), .p(.text(line)))
        case .grade(let standing, let typed, let errors):
            typealias Field = ExternalModerationResponse.FieldName
            let grades = model.instrument.scale.grades.enumerated().map { Form.Choice(value: String($0.offset), label: $0.element) }
            let reasons = GradeChangeReason.allCases.map { Form.Choice(value: $0.rawValue, label: $0.title) }
            let asked = model.instrument.domains.map { ($0.id, $0.title) } + [(CompletedCaseAudit.overallKey, "Overall")]
            return .section(
                .attribute(named: "aria-labelledby", value: "external"),
                .h2(.id("external"), .text("Your grades as external moderator")),
                .p(
                    .text(
                        "Grade each domain and the case overall from the evidence. Where your grade differs from the council's, say why and give your rationale: a QA lead there decides the final grade."
                    )),
                Form.post(
                    to: .quality(.externalModeration(id: model.id)), csrfToken: context.csrfToken,
                    .forEach(asked) { id, title in
                        .group(
                            .h3(.text(title)),
                            .p(.text("The council's grade: \(standing[id] ?? "none")")),
                            Form.choices(
                                Field.grade(id), legend: "Your grade for \(title.lowercased())", choices: grades,
                                selected: Set([typed.grades[id]?.grade].compactMap { $0 }), errors: errors),
                            Form.choices(
                                Field.reason(id), legend: "Why it should change (if it should)", choices: reasons,
                                selected: Set([typed.grades[id]?.reason].compactMap { $0 }), errors: errors),
                            Form.textArea(
                                Field.rationale(id), label: "Rationale", value: typed.grades[id]?.rationale, errors: errors,
                                hint: "Needed where your grade differs, or is below \(model.instrument.scale.acceptable.lowercased()).", rows: 2))
                    },
                    Form.submit("Submit your grades")))
        }
    }
}
