import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// A supervision agreement: setting one up, and one with its sessions and the agenda for the next.
public enum AgreementPages {
    public static let newTitle = "Set up a supervision agreement"

    public struct NewForm: Sendable {
        public var typed: SupervisionAgreementForm
        public var errors: FormErrors
        public var supervisees: [Form.Choice]
        public var supervisors: [Form.Choice]
        public init(typed: SupervisionAgreementForm, errors: FormErrors, supervisees: [Form.Choice], supervisors: [Form.Choice]) {
            (self.typed, self.errors, self.supervisees, self.supervisors) = (typed, errors, supervisees, supervisors)
        }
    }

    public static func renderNew(_ form: NewForm, context: PageContext) -> String {
        let typed = form.typed
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.supervision(.home).path), .text(SupervisionHomePage.title))),
                Form.errorSummary(form.errors),
                .h1(.text(newTitle)),
                .p(.text("A new agreement for someone ends the one they have in force on the day it starts.")),
                Form.post(
                    to: .supervision(.agreements), csrfToken: context.csrfToken,
                    Form.select(
                        "supervisee", label: "The person supervised", choices: form.supervisees, selected: typed.supervisee, errors: form.errors,
                        includeBlank: "Choose a person"),
                    Form.select(
                        "supervisor", label: "Their supervisor", choices: form.supervisors, selected: typed.supervisor, errors: form.errors,
                        includeBlank: "Choose a person"),
                    Form.select(
                        "cover", label: "Who supervises when the supervisor is away (optional)", choices: form.supervisors, selected: typed.cover,
                        errors: form.errors, includeBlank: "No one named"),
                    Form.dateInput("starts", legend: "The day it starts", value: typed.starts, errors: form.errors),
                    Form.choices(
                        "newly-qualified", legend: "Is the person a newly qualified social worker, in their first year in practice?",
                        choices: [
                            .init(value: "yes", label: "Yes: weekly for 6 weeks, fortnightly to 6 months, then monthly"),
                            .init(value: "no", label: "No: monthly"),
                        ],
                        selected: [typed.newlyQualified ? "yes" : "no"], errors: form.errors),
                    Form.dateInput(
                        "qualified-since", legend: "If newly qualified, the day they started in post (optional)", value: typed.qualifiedSince,
                        errors: form.errors, hint: "Leave blank if it is the day the agreement starts. For example, 7 9 2026"),
                    Form.submit("Set up the agreement"))))
    }

    /// A session as listed on its agreement's page.
    public struct Session: Sendable {
        public var id: String, heldOn: String, kind: String, heldBy: String, outcome: String, childrenDiscussed: Int
        public init(id: String, heldOn: String, kind: String, heldBy: String, outcome: String, childrenDiscussed: Int) {
            (self.id, self.heldOn, self.kind, self.heldBy, self.outcome, self.childrenDiscussed) = (
                id, heldOn, kind, heldBy, outcome, childrenDiscussed
            )
        }
    }

    /// A child on the agenda: their case discussion due or overdue.
    public struct CaseDue: Sendable {
        public var childID: String, child: String, status: String, lastDiscussed: String, state: String, overdue: Bool
        public init(childID: String, child: String, status: String, lastDiscussed: String, state: String, overdue: Bool) {
            (self.childID, self.child, self.status, self.lastDiscussed, self.state, self.overdue) = (
                childID, child, status, lastDiscussed, state, overdue
            )
        }
    }

    /// A learning action the supervisee owns, for the agenda.
    public struct Action: Sendable {
        public var id: String, description: String, due: String, overdue: Bool
        public init(id: String, description: String, due: String, overdue: Bool) {
            (self.id, self.description, self.due, self.overdue) = (id, description, due, overdue)
        }
    }

    /// The next session's agenda: the supervisee's open learning actions, and their children whose case discussion is
    /// overdue or due before the next session.
    public struct Agenda: Sendable {
        public var actions: [Action]
        public var cases: [CaseDue]
        public init(actions: [Action], cases: [CaseDue]) { (self.actions, self.cases) = (actions, cases) }
    }

    public struct Model: Sendable {
        public var id: String
        public var supervisee: String
        public var facts: [(String, String)]
        public var next: String, overdue: Bool
        public var agenda: Agenda
        public var sessions: [Session]
        public var mayRecord: Bool
        public init(
            id: String, supervisee: String, facts: [(String, String)], next: String, overdue: Bool, agenda: Agenda, sessions: [Session],
            mayRecord: Bool
        ) {
            (self.id, self.supervisee, self.facts, self.next, self.overdue) = (id, supervisee, facts, next, overdue)
            (self.agenda, self.sessions, self.mayRecord) = (agenda, sessions, mayRecord)
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.supervision(.home).path), .text(SupervisionHomePage.title))),
                .h1(.text("Supervision: \(model.supervisee)")),
                .dl(
                    .class("summary-list"), .forEach(model.facts) { .group(.dt(.text($0.0)), .dd(.text($0.1))) },
                    .dt(.text("Next session")), .dd(model.overdue ? .strong(.class("tag tag--red"), .text(model.next)) : .text(model.next))),
                .if(
                    model.mayRecord,
                    .p(.a(.class("button"), .href(SiteURL.supervision(.newSession(agreementID: model.id)).path), .text("Record a session")))),
                agenda(model.agenda),
                .h2(.text("Sessions")),
                model.sessions.isEmpty
                    ? .p(.text("No session has been recorded under this agreement."))
                    : .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.text("Sessions under this agreement, latest first")),
                            .thead(
                                .tr(
                                    .forEach(["Day", "Kind", "Held by", "What happened", "Children discussed"]) {
                                        .th(.attribute(named: "scope", value: "col"), .text($0))
                                    })),
                            .tbody(
                                .forEach(model.sessions) { session in
                                    .tr(
                                        .th(
                                            .attribute(named: "scope", value: "row"),
                                            .a(.href(SiteURL.supervision(.session(id: session.id)).path), .text(session.heldOn))),
                                        .td(.text(session.kind)), .td(.text(session.heldBy)), .td(.text(session.outcome)),
                                        .td(.class("numeric"), .text(String(session.childrenDiscussed))))
                                })))))
    }

    static func agenda(_ agenda: Agenda) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("For the next session")),
            .h3(.text("Learning actions")),
            agenda.actions.isEmpty
                ? .p(.text("They own no open learning action."))
                : .ul(
                    .forEach(agenda.actions) { action in
                        .li(
                            .a(.href(SiteURL.quality(.action(id: action.id)).path), .text(action.description)), .text(": "),
                            action.overdue ? .strong(.class("tag tag--red"), .text(action.due)) : .text(action.due))
                    }),
            .h3(.text("Children to discuss")),
            agenda.cases.isEmpty
                ? .p(.text("No child of theirs is overdue a case discussion or due one in the next two weeks."))
                : caseTable(agenda.cases))
    }

    static func caseTable(_ cases: [CaseDue]) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .caption(.text("Their children whose case discussion is overdue or due in the next two weeks, the most overdue first")),
                .thead(
                    .tr(
                        .forEach(["Child", "Status", "Last discussed", "Case discussion"]) {
                            .th(.attribute(named: "scope", value: "col"), .text($0))
                        })),
                .tbody(
                    .forEach(cases) { row in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .a(.href(SiteURL.children(.show(id: row.childID)).path), .text(row.child))),
                            .td(.text(row.status)), .td(.text(row.lastDiscussed)),
                            .td(row.overdue ? .strong(.class("tag tag--red"), .text(row.state)) : .text(row.state)))
                    })))
    }
}
