import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The moderation part of a case audit's page: where it stands, the second auditor's form, or the QA lead's
/// decision on the grades the two differed on.
public enum ModerationSection {
    /// A grade the two auditors differed on: the domain, both grades in words, and the moderator's rationale.
    public struct Disputed: Sendable {
        public var domain: String, title: String, auditor: String, moderator: String, rationale: String
        public init(domain: String, title: String, auditor: String, moderator: String, rationale: String) {
            (self.domain, self.title, self.auditor, self.moderator, self.rationale) = (domain, title, auditor, moderator, rationale)
        }
    }

    public enum Part: Sendable {
        /// Where moderation stands, in sentences.
        case status([String])
        /// The second auditor's form.
        case moderate(blind: Bool, ModerationResponse, FormErrors)
        /// A QA lead deciding the final grades where the two differed.
        case adjudicate([Disputed], Adjudication, FormErrors)
    }

    static func render(_ part: Part, instrument: AuditInstrument, auditID: String, context: PageContext) -> Node<HTML.BodyContext> {
        let grades = instrument.scale.grades.enumerated().map { Form.Choice(value: String($0.offset), label: $0.element) }
        switch part {
        case .status(let lines):
            return .section(
                .attribute(named: "aria-labelledby", value: "moderation"), .h2(.id("moderation"), .text("Moderation")),
                .forEach(lines) { .p(.text($0)) })
        case .moderate(let blind, let response, let errors):
            typealias Field = ModerationResponse.FieldName
            let asked = instrument.domains.map { ($0.id, "Grade for \($0.title.lowercased())") } + [(CompletedCaseAudit.overallKey, "Overall grade")]
            return .section(
                .attribute(named: "aria-labelledby", value: "moderation"),
                .h2(.id("moderation"), .text("Your grades as second auditor")),
                .p(
                    .text(
                        blind
                            ? "Grade the case from the evidence, as the first auditor did. You will see their grades once you submit yours; where any differ, a QA lead decides."
                            : "Grade the case from the evidence; the first auditor's answers and grades are above. Where any of yours differ, a QA lead decides."
                    )),
                Form.post(
                    to: .quality(.moderation(auditID: auditID)), csrfToken: context.csrfToken,
                    .forEach(asked) { id, legend in
                        .group(
                            Form.choices(
                                Field.grade(id), legend: legend, choices: grades, selected: Set([response.grades[id]?.grade].compactMap { $0 }),
                                errors: errors),
                            Form.textArea(
                                Field.rationale(id), label: "Rationale", value: response.grades[id]?.rationale, errors: errors,
                                hint: "Needed for a grade below \(instrument.scale.acceptable.lowercased()).", rows: 2))
                    },
                    Form.submit("Submit your grades")))
        case .adjudicate(let disputed, let typed, let errors):
            typealias Field = Adjudication.FieldName
            let reasons = GradeChangeReason.allCases.map { Form.Choice(value: $0.rawValue, label: $0.title) }
            return .section(
                .attribute(named: "aria-labelledby", value: "moderation"),
                .h2(.id("moderation"), .text("Decide the final grades")),
                .p(.text("The second auditor differed on these grades. Decide each; a grade other than the first auditor's needs its reason.")),
                Form.post(
                    to: .quality(.adjudication(auditID: auditID)), csrfToken: context.csrfToken,
                    .forEach(disputed) { row in
                        .group(
                            .h3(.text(row.title)),
                            .p(
                                .text(
                                    "First auditor: \(row.auditor). Second auditor: \(row.moderator)."
                                        + (row.rationale.isEmpty ? "" : " (\(row.rationale))"))),
                            Form.choices(
                                Field.grade(row.domain), legend: "Final grade for \(row.title.lowercased())", choices: grades,
                                selected: Set([typed.finals[row.domain]?.grade].compactMap { $0 }), errors: errors),
                            Form.choices(
                                Field.reason(row.domain), legend: "Why it changes (if it does)", choices: reasons,
                                selected: Set([typed.finals[row.domain]?.reason].compactMap { $0 }), errors: errors),
                            Form.textArea(
                                Field.rationale(row.domain), label: "Rationale", value: typed.finals[row.domain]?.rationale, errors: errors, rows: 2))
                    },
                    Form.submit("Decide and lock the grades")))
        }
    }
}
