import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The moderation part of a case audit's page: where it stands, the second auditor's form, or the QA lead's
/// decision on the grades the two differed on.
public enum ModerationSection {
    /// A grade a moderator differed on: the domain, the grade standing and theirs in words, and their rationale.
    public struct Disputed: Sendable {
        public var domain: String, title: String, standing: String, theirs: String, rationale: String
        public init(domain: String, title: String, standing: String, theirs: String, rationale: String) {
            (self.domain, self.title, self.standing, self.theirs, self.rationale) = (domain, title, standing, theirs, rationale)
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
            return decision(
                disputed, typed, errors, id: "moderation", heading: "Decide the final grades",
                intro: "The second auditor differed on these grades. Decide each; a grade other than the first auditor's needs its reason.",
                standing: "First auditor", theirs: "Second auditor", to: .quality(.adjudication(auditID: auditID)), instrument: instrument,
                context: context)
        }
    }

    /// A QA lead deciding the grades a moderator differed on, each with the grade standing and theirs; a final grade
    /// other than the standing one needs its reason (`Adjudication`).
    static func decision(
        _ disputed: [Disputed], _ typed: Adjudication, _ errors: FormErrors, id: String, heading: String, intro: String, standing: String,
        theirs: String, to target: SiteURL, instrument: AuditInstrument, context: PageContext
    ) -> Node<HTML.BodyContext> {
        typealias Field = Adjudication.FieldName
        let grades = instrument.scale.grades.enumerated().map { Form.Choice(value: String($0.offset), label: $0.element) }
        let reasons = GradeChangeReason.allCases.map { Form.Choice(value: $0.rawValue, label: $0.title) }
        return .section(
            .attribute(named: "aria-labelledby", value: id), .h2(.id(id), .text(heading)), .p(.text(intro)),
            Form.post(
                to: target, csrfToken: context.csrfToken,
                .forEach(disputed) { row in
                    .group(
                        .h3(.text(row.title)),
                        .p(
                            .text(
                                "\(standing): \(row.standing). \(theirs): \(row.theirs)." + (row.rationale.isEmpty ? "" : " (\(row.rationale))"))),
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
