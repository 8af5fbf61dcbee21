import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Audit programmes: the list, setting one up, and one programme with the children it drew and who audits each.
public enum ProgrammesPage {
    public static let title = "Audit programmes"

    public struct Listed: Sendable {
        public var id: String, title: String, cohort: String, drawnOn: String, due: String
        public var audits: Int, submitted: Int
        public init(id: String, title: String, cohort: String, drawnOn: String, due: String, audits: Int, submitted: Int) {
            (self.id, self.title, self.cohort, self.drawnOn, self.due, self.audits, self.submitted) = (
                id, title, cohort, drawnOn, due, audits, submitted
            )
        }
    }

    /// A child due a re-audit: their last audit was graded inadequate overall.
    public struct Reaudit: Sendable {
        public var auditID: String, child: String, team: String, settled: String, due: String, overdue: Bool
        public init(auditID: String, child: String, team: String, settled: String, due: String, overdue: Bool) {
            (self.auditID, self.child, self.team, self.settled, self.due, self.overdue) = (auditID, child, team, settled, due, overdue)
        }
    }

    public static func render(_ programmes: [Listed], maySetUp: Bool, reaudits: [Reaudit] = [], context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                .h1(.text(title)),
                .p(
                    .class("lead"),
                    .text(
                        "Each programme audits a seeded, stratified sample of children with one version of the case file audit. The seed is kept, so anyone can draw the same children again."
                    )),
                .if(maySetUp, .p(.a(.class("button"), .href(SiteURL.quality(.newProgramme).path), .text("Set up a programme")))),
                .if(!reaudits.isEmpty, reauditTable(reaudits)),
                programmes.isEmpty
                    ? .p(.text("No programme has been set up yet."))
                    : .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.text("Programmes, newest first")),
                            .thead(
                                .tr(
                                    .forEach(["Programme", "Who is in the cohort", "Drawn", "Due", "Audits submitted"]) {
                                        .th(.attribute(named: "scope", value: "col"), .text($0))
                                    })),
                            .tbody(
                                .forEach(programmes) { programme in
                                    .tr(
                                        .th(
                                            .attribute(named: "scope", value: "row"),
                                            .a(.href(SiteURL.quality(.programme(id: programme.id)).path), .text(programme.title))),
                                        .td(.text(programme.cohort)), .td(.text(programme.drawnOn)), .td(.text(programme.due)),
                                        .td(.text("\(programme.submitted) of \(programme.audits)")))
                                })))
            ))
    }
}

extension ProgrammesPage {
    static func reauditTable(_ reaudits: [Reaudit]) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("Re-audits due: \(reaudits.count)")),
            .p(.text("Each child's last audit was graded inadequate overall. The next programme set up draws them all, whatever its cohort.")),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("Children due a re-audit, soonest due first")),
                    .thead(
                        .tr(
                            .forEach(["Child", "Team then", "Graded inadequate (settled)", "Re-audit due"]) {
                                .th(.attribute(named: "scope", value: "col"), .text($0))
                            })),
                    .tbody(
                        .forEach(reaudits) { row in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    .a(.href(SiteURL.quality(.audit(id: row.auditID)).path), .text(row.child))),
                                .td(.text(row.team)), .td(.text(row.settled)),
                                .td(row.overdue ? .strong(.class("tag tag--red"), .text("Overdue: \(row.due)")) : .text(row.due)))
                        }))))
    }
}

/// Setting up a programme: its theme, its cohort, how many to draw and when the audits are due.
public enum ProgrammeFormPage {
    public static let title = "Set up an audit programme"

    /// `instruments`: the published versions a programme may audit with, newest of each first.
    public static func render(_ form: AuditProgrammeForm, errors: FormErrors, instruments: [Form.Choice], context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality")), .text(" › "),
                    .a(.href(SiteURL.quality(.programmes).path), .text(ProgrammesPage.title))),
                Form.errorSummary(errors),
                .h1(.text(title)),
                .p(
                    .class("lead"),
                    .text(
                        "The children are drawn when you set it up: the same number from each team (or a total shared among the teams by size), at random from a seed, leaving out those audited lately. Each goes to an auditor who is not their worker or their team's manager."
                    )),
                instruments.isEmpty
                    ? .p(
                        .text("No audit instrument is published yet, and a programme audits with a published version. "),
                        .a(.href(SiteURL.quality(.instruments).path), .text("Publish one first")), .text("."))
                    : fields(form, errors: errors, instruments: instruments, csrfToken: context.csrfToken)
            ))
    }

    static func fields(_ form: AuditProgrammeForm, errors: FormErrors, instruments: [Form.Choice], csrfToken: String) -> Node<HTML.BodyContext> {
        Form.post(
            to: .quality(.programmes), csrfToken: csrfToken,
            Form.textField(
                "title", label: "Theme", value: form.title, errors: errors,
                hint: "For example, Children looked after: planning for permanence"),
            Form.choices(
                "cohort", legend: "Who is in the cohort",
                choices: AuditProgrammeForm.cohortStatuses.map { .init(value: $0.name, label: $0.status) },
                selected: Set(form.cohort), errors: errors, multiple: true,
                hint: "Children with any of these statuses today. Choose all that apply."),
            Form.choices(
                "quota-kind", legend: "How the number is shared",
                choices: [
                    .init(value: "per-team", label: "The same number from each team"),
                    .init(value: "total", label: "A total, shared among the teams by size"),
                ],
                selected: [form.quotaKind], errors: errors),
            Form.textField("quota", label: "How many children", value: form.quota, errors: errors, type: .number),
            Form.textField(
                "exclusion-months", label: "Leave out children audited in the last", value: form.exclusionMonths, errors: errors,
                type: .number,
                hint: "Months, from 0 to 36"),
            Form.textField(
                "seed", label: "Seed (optional)", value: form.seed, errors: errors,
                hint: "Leave empty for a new seed. Give an earlier programme's seed to draw its children again."),
            Form.textField(
                "double-lock-percent", label: "Share a second auditor grades again (double lock)", value: form.doubleLockPercent,
                errors: errors, type: .number,
                hint:
                    "A percentage of submitted audits, chosen at random from the seed. Every audit graded at either end of the scale is graded again as well."
            ),
            Form.textField(
                "blind-percent", label: "Share of those graded blind", value: form.blindPercent, errors: errors, type: .number,
                hint: "A percentage. The second auditor does not see the first grades until they submit their own."),
            Form.textField(
                "triple-lock-percent", label: "Share an external moderator grades (triple lock)", value: form.tripleLockPercent,
                errors: errors, type: .number,
                hint:
                    "A percentage of submitted audits, chosen at random from the seed, graded by another council's moderator. While our auditors agree less often than the target, every audit graded again goes to them as well. 0 turns the triple lock off."
            ),
            Form.dateInput("due", legend: "When the audits are due", value: form.due, errors: errors, hint: "For example, 31 1 2027"),
            Form.select(
                "instrument", label: "The instrument the audits use", choices: instruments,
                selected: form.instrument.isEmpty ? instruments[0].value : form.instrument, errors: errors,
                hint: "A published version. The programme keeps it, so its audits read the same whatever is published later."),
            Form.submit("Draw the sample and set up the programme"))
    }
}

/// One programme: how it was drawn, and each child's audit with its auditor and where it stands.
public enum ProgrammePage {
    public struct Audit: Sendable {
        public var id: String, child: String, team: String, auditor: String?, state: String, overall: String?
        /// Drawn because the child's last audit was graded inadequate overall.
        public var reaudit: Bool
        public init(id: String, child: String, team: String, auditor: String?, state: String, overall: String?, reaudit: Bool = false) {
            (self.id, self.child, self.team, self.auditor, self.state, self.overall, self.reaudit) = (
                id, child, team, auditor, state, overall, reaudit
            )
        }
    }

    public struct Model: Sendable {
        public var id: String
        public var title: String
        public var facts: [(label: String, value: String)]
        public var audits: [Audit]
        /// Audits in the programme the viewer may not see (outside their part of the children, and not theirs to do).
        public var notShown: Int
        /// How moderation went, in sentences, and how far the two auditors agree, grade by grade, once any are moderated.
        public var moderation: [String]
        public var agreement: AgreementReport?
        public init(
            id: String, title: String, facts: [(label: String, value: String)], audits: [Audit], notShown: Int, moderation: [String] = [],
            agreement: AgreementReport? = nil
        ) {
            self.id = id
            (self.title, self.facts, self.audits, self.notShown) = (title, facts, audits, notShown)
            (self.moderation, self.agreement) = (moderation, agreement)
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality")), .text(" › "),
                    .a(.href(SiteURL.quality(.programmes).path), .text(ProgrammesPage.title))),
                .h1(.text(model.title)),
                .dl(.class("summary-list"), .forEach(model.facts) { .group(.dt(.text($0.label)), .dd(.text($0.value))) }),
                .h2(.text("Moderation")),
                .forEach(model.moderation) { .p(.text($0)) },
                .unwrap(model.agreement) { AgreementPage.measured("How far the two auditors agree, grade by grade", $0) },
                .p(
                    .text("The grades, first and second auditor's, with no names: "),
                    .a(.href(SiteURL.quality(.programmeGrades(id: model.id, xlsx: false)).path), .text("CSV")), .text(" or "),
                    .a(.href(SiteURL.quality(.programmeGrades(id: model.id, xlsx: true)).path), .text("Excel")),
                    .text(". It is the table the agreement page reads, so the figures can be checked again with any tool.")),
                .h2(.text("The children drawn")),
                .if(
                    model.notShown > 0,
                    .p(
                        .text(
                            "\(model.notShown) more \(model.notShown == 1 ? "audit is" : "audits are") not shown: \(model.notShown == 1 ? "its child is" : "their children are") outside the children you may see."
                        )
                    )),
                model.audits.isEmpty
                    ? .p(.text("No child was drawn: the cohort had no one who had not been audited lately."))
                    : .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.text("Each child's audit, in the order drawn")),
                            .thead(
                                .tr(
                                    .forEach(["Child", "Team", "Auditor", "Where it stands", "Overall grade"]) {
                                        .th(.attribute(named: "scope", value: "col"), .text($0))
                                    })),
                            .tbody(
                                .forEach(model.audits) { audit in
                                    .tr(
                                        .th(
                                            .attribute(named: "scope", value: "row"),
                                            .a(.href(SiteURL.quality(.audit(id: audit.id)).path), .text(audit.child)),
                                            .if(audit.reaudit, .group(.text(" "), .strong(.class("tag"), .text("Re-audit"))))),
                                        .td(.text(audit.team)),
                                        .td(.text(audit.auditor ?? "None: every auditor is this child's worker or team manager")),
                                        .td(.text(audit.state)), .td(.text(audit.overall ?? "–")))
                                })))
            ))
    }
}
