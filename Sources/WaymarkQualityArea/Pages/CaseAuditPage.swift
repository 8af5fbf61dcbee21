import WaymarkDomain
import WaymarkRouting
import WaymarkTimescales
import WaymarkUI

/// One child's case audit. Beside it, the evidence Waymark holds as at the audit's day (the child's situation, who
/// holds the case, and how each timescale went in the 12 months before); then the audit: the form for its auditor
/// until it is submitted, and what was found afterwards, with every grade given.
public enum CaseAuditPage {
    public struct Evidence: Sendable {
        /// The day it is read as at, written.
        public var asAt: String
        public var facts: [(label: String, value: String)]
        /// Each episode, plan and placement open on the day (`ChildNow`).
        public var now: [String]
        public var timescales: TimescalesAtAudit
        /// The child's page, for those who may open it.
        public var childPage: String?
        /// The case discussions in supervision in the 12 months before the day, latest first: management oversight.
        public var oversight: [String]
        public init(
            asAt: String, facts: [(label: String, value: String)], now: [String], timescales: TimescalesAtAudit, childPage: String?,
            oversight: [String] = []
        ) {
            (self.asAt, self.facts, self.now, self.timescales, self.childPage, self.oversight) = (asAt, facts, now, timescales, childPage, oversight)
        }
    }

    /// A grade as given: the grade in words, its rationale, and who gave it when and why.
    public struct Given: Sendable {
        public var domain: String, grade: String, rationale: String, by: String, at: String, reason: String
        public init(domain: String, grade: String, rationale: String, by: String, at: String, reason: String) {
            (self.domain, self.grade, self.rationale, self.by, self.at, self.reason) = (domain, grade, rationale, by, at, reason)
        }
    }

    public enum Audit: Sendable {
        /// The form, with what was typed and its mistakes when it came back.
        case form(CaseAuditResponse, FormErrors)
        /// Assigned to someone else and not yet submitted.
        case notYet(auditor: String?)
        /// Submitted, but the viewer moderates it blind: its answers and grades are shown once they have graded it.
        case hiddenUntilModerated
        /// What was found: answers by item id, the grades now by domain id (and `overall`), and every grade given.
        case submitted(
            workingWell: [String], answers: [String: (answer: ItemAnswer, comment: String)], grades: [String: Given], suggested: String,
            history: [Given])
    }

    public struct Model: Sendable {
        public var heading: String
        public var programme: (id: String, title: String)
        public var instrument: AuditInstrument
        public var evidence: Evidence
        public var audit: Audit
        public var moderation: ModerationSection.Part?
        public var external: ExternalSection.Part?
        public var replies: [ReplySection.Reply]
        /// The reply form, for the child's worker and team manager once the audit is submitted.
        public var replyForm: (AuditResponseForm, FormErrors)?
        public var actions: [LearningActionPages.Listed]
        /// The form to add a learning action, for the auditor and QA leads once the audit is submitted.
        public var addAction: LearningActionPages.AddForm?
        public var concerns: [ConcernSection.Concern]
        /// The form to raise a concern (for the auditor, second auditor and QA leads), and a concern's "what was done"
        /// that came back with a mistake.
        public var raiseConcern: (text: String, errors: FormErrors)?
        public var actingOnConcern: (id: String, text: String, errors: FormErrors)?
        public init(
            heading: String, programme: (id: String, title: String), instrument: AuditInstrument, evidence: Evidence, audit: Audit,
            moderation: ModerationSection.Part? = nil, replies: [ReplySection.Reply] = [], replyForm: (AuditResponseForm, FormErrors)? = nil,
            actions: [LearningActionPages.Listed] = [], addAction: LearningActionPages.AddForm? = nil, concerns: [ConcernSection.Concern] = [],
            raiseConcern: (text: String, errors: FormErrors)? = nil, actingOnConcern: (id: String, text: String, errors: FormErrors)? = nil,
            external: ExternalSection.Part? = nil
        ) {
            self.external = external
            (self.concerns, self.raiseConcern, self.actingOnConcern) = (concerns, raiseConcern, actingOnConcern)
            (self.heading, self.programme, self.instrument, self.evidence, self.audit) = (heading, programme, instrument, evidence, audit)
            (self.moderation, self.replies, self.replyForm, self.actions, self.addAction) = (moderation, replies, replyForm, actions, addAction)
        }
    }

    public static func render(_ model: Model, auditID: String, context: PageContext) -> String {
        let errors: FormErrors =
            switch (model.audit, model.moderation, model.external) {
            case (.form(_, let errors), _, _), (_, .moderate(_, _, let errors)?, _), (_, .adjudicate(_, _, let errors)?, _),
                (_, _, .adjudicate(_, _, let errors)?):
                errors
            default:
                [model.addAction?.errors, model.raiseConcern?.errors, model.actingOnConcern?.errors, model.replyForm?.1].compactMap { $0 }
                    .first { !$0.isEmpty } ?? FormErrors()
            }
        return Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality")), .text(" › "),
                    .a(.href(SiteURL.quality(.programme(id: model.programme.id)).path), .text(model.programme.title))),
                Form.errorSummary(errors),
                .h1(.text(model.heading)),
                .p(.class("lead"), .text("\(model.instrument.name), version \(model.instrument.version). \(status(model.audit))")),
                ConcernSection.render(
                    model.concerns, raise: model.raiseConcern, acting: model.actingOnConcern, auditID: auditID, context: context),
                .div(
                    .class("audit-layout"),
                    evidence(model.evidence),
                    .div(
                        audit(model, auditID: auditID, context: context),
                        .unwrap(model.moderation) { ModerationSection.render($0, instrument: model.instrument, auditID: auditID, context: context) },
                        .unwrap(model.external) { ExternalSection.render($0, instrument: model.instrument, auditID: auditID, context: context) },
                        ReplySection.render(model.replies, form: model.replyForm, auditID: auditID, context: context),
                        LearningActionPages.section(model.actions, add: model.addAction, auditID: auditID, context: context)))
            ))
    }

    static func status(_ audit: Audit) -> String {
        switch audit {
        case .form: "Read the evidence, then answer each question. Grades below the acceptable grade need a rationale."
        case .notYet(let auditor): "Not yet submitted" + (auditor.map { " by its auditor, \($0)." } ?? ": it has no auditor.")
        case .hiddenUntilModerated: "You are its second auditor, grading blind."
        case .submitted(_, _, let grades, _, _): grades[CompletedCaseAudit.overallKey].map { "Submitted by \($0.by) on \($0.at)." } ?? "Submitted."
        }
    }

    static func evidence(_ evidence: Evidence) -> Node<HTML.BodyContext> {
        .aside(
            .attribute(named: "aria-labelledby", value: "evidence"),
            .h2(.id("evidence"), .text("What the records show, as at \(evidence.asAt)")),
            .dl(.class("summary-list"), .forEach(evidence.facts) { .group(.dt(.text($0.label)), .dd(.text($0.value))) }),
            .h3(.text("Open now")),
            evidence.now.isEmpty ? .p(.text("No episode, plan or placement was open on the day.")) : .ul(.forEach(evidence.now) { .li(.text($0)) }),
            .h3(.text("Timescales in the 12 months before")),
            evidence.timescales.rows.isEmpty
                ? .p(.text("No timescale fell due in the 12 months, and none is open."))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("How each kind of timescale went, and what is due next")),
                        .thead(
                            .tr(
                                .forEach(["Timescale", "Fell due", "On time", "Late", "Not done", "Next"]) {
                                    .th(.attribute(named: "scope", value: "col"), .text($0))
                                })),
                        .tbody(
                            .forEach(evidence.timescales.rows) { row in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(row.rule.name)),
                                    .td(.class("numeric"), .text(String(row.due))), .td(.class("numeric"), .text(String(row.onTime))),
                                    .td(.class("numeric"), .text(String(row.late))), .td(.class("numeric"), .text(String(row.notDone))),
                                    .td(.text(row.next.map { "\($0.due.written): \($0.state)" } ?? "–")))
                            }))),
            .h3(.text("Management oversight in the 12 months before")),
            evidence.oversight.isEmpty
                ? .p(.text("No case discussion in supervision was recorded in the 12 months."))
                : .group(
                    .p(.text("\(Counted.phrase(evidence.oversight.count, "case discussion")) in supervision, latest first:")),
                    .ul(.forEach(evidence.oversight) { .li(.text($0)) })),
            .unwrap(evidence.childPage) { .p(.a(.href($0), .text("Open the child's record and chronology"))) })
    }

    static func audit(_ model: Model, auditID: String, context: PageContext) -> Node<HTML.BodyContext> {
        let instrument = model.instrument
        switch model.audit {
        case .notYet:
            return .p(.text("The audit's answers and grades are shown here once its auditor submits it."))
        case .hiddenUntilModerated:
            return .p(
                .text(
                    "The first auditor's answers and grades are hidden until you submit your own grades, so that yours are your own judgement of the evidence."
                ))
        case .form(let response, let errors):
            let grades = instrument.scale.grades.enumerated().map { Form.Choice(value: String($0.offset), label: $0.element) }
            let answers = ItemAnswer.allCases.map { Form.Choice(value: $0.rawValue, label: $0.title) }
            typealias Field = CaseAuditResponse.FieldName
            return Form.post(
                to: .quality(.audit(id: auditID)), csrfToken: context.csrfToken,
                .h2(.text("What is working well")),
                .forEach(instrument.openingPrompts.enumerated()) { index, prompt in
                    Form.textArea(
                        Field.prompt(index), label: prompt, value: index < response.workingWell.count ? response.workingWell[index] : "",
                        errors: errors, rows: 4)
                },
                .forEach(instrument.domains) { domain in
                    .section(
                        .attribute(named: "aria-labelledby", value: "domain-\(domain.id)"),
                        .h2(.id("domain-\(domain.id)"), .text(domain.title)),
                        .if(
                            !domain.standards.isEmpty, .p(.class("hint"), .text("Judged against: " + domain.standards.joined(separator: "; ") + "."))),
                        .forEach(domain.items) { item in
                            .group(
                                Form.choices(
                                    Field.item(item.id), legend: item.text, choices: answers,
                                    selected: Set([response.answers[item.id]?.answer].compactMap { $0 }), errors: errors, inline: true),
                                Form.textArea(
                                    Field.comment(item.id), label: "What is missing (needed for partly met and not met)",
                                    value: response.answers[item.id]?.comment, errors: errors, rows: 2))
                        },
                        Form.choices(
                            Field.grade(domain.id), legend: "Grade for \(domain.title.lowercased())", choices: grades,
                            selected: Set([response.grades[domain.id]?.grade].compactMap { $0 }), errors: errors),
                        Form.textArea(
                            Field.rationale(domain.id), label: "Rationale",
                            value: response.grades[domain.id]?.rationale, errors: errors,
                            hint: "Needed for a grade below \(instrument.scale.acceptable.lowercased()).", rows: 3))
                },
                .h2(.text("Overall")),
                Form.choices(
                    Field.overall, legend: "Overall grade", choices: grades, selected: response.overall.isEmpty ? [] : [response.overall],
                    errors: errors,
                    hint:
                        "Waymark suggests the grade most domains were given, never more than one better than the weakest. Give another with a rationale."
                ),
                Form.textArea(
                    Field.overallRationale, label: "Rationale for the overall grade", value: response.overallRationale, errors: errors,
                    hint: "Needed for a grade below \(instrument.scale.acceptable.lowercased()), or one other than the domains suggest.", rows: 4),
                Form.submit("Submit the audit"))
        case .submitted(let workingWell, let answers, let grades, let suggested, let history):
            let overall = grades[CompletedCaseAudit.overallKey]
            return .group(
                .h2(.text("What is working well")),
                .forEach(Array(zip(instrument.openingPrompts, workingWell))) { prompt, answer in .group(.h3(.text(prompt)), .p(.text(answer))) },
                .forEach(instrument.domains) { domain in
                    .section(
                        .attribute(named: "aria-labelledby", value: "domain-\(domain.id)"),
                        .h2(.id("domain-\(domain.id)"), .text("\(domain.title): \(grades[domain.id]?.grade ?? "not graded")")),
                        .unwrap(grades[domain.id].flatMap { $0.rationale.isEmpty ? nil : $0.rationale }) { .p(.text("Rationale: \($0)")) },
                        .ul(
                            .forEach(domain.items) { item in
                                let answer = answers[item.id]
                                return .li(
                                    .text(item.text + " "), .strong(.text(answer?.answer.title ?? "Not answered")),
                                    .unwrap(answer.flatMap { $0.comment.isEmpty ? nil : $0.comment }) { .text(": \($0)") })
                            }))
                },
                .h2(.text("Overall: \(overall?.grade ?? "not graded")")),
                .p(
                    .text(
                        overall.map {
                            $0.grade == suggested
                                ? "As the domain grades suggest."
                                : "The domain grades suggest \(suggested.lowercased()); the auditor gave another grade."
                        }
                            ?? "")),
                .unwrap(overall.flatMap { $0.rationale.isEmpty ? nil : $0.rationale }) { .p(.text("Rationale: \($0)")) },
                .h2(.text("Every grade given")),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("Each grade as it was given, oldest first; none is ever overwritten")),
                        .thead(
                            .tr(
                                .forEach(["Domain", "Grade", "Given by", "When", "Why"]) { .th(.attribute(named: "scope", value: "col"), .text($0)) })
                        ),
                        .tbody(
                            .forEach(history) { given in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(given.domain)), .td(.text(given.grade)), .td(.text(given.by)),
                                    .td(.text(given.at)), .td(.text(given.reason)))
                            }))))
        }
    }
}
