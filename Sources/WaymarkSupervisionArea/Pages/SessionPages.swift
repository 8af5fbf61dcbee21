import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// A supervision session: recording one, and one as recorded.
public enum SessionPages {
    /// How many case discussion rows the form offers: each child discussed takes one, blank rows are left out.
    public static let discussionRows = 6

    public struct NewForm: Sendable {
        public var agreementID: String
        public var supervisee: String
        public var typed: SupervisionSessionForm
        public var errors: FormErrors
        /// The supervisee's children, to choose whom was discussed: those due a discussion first.
        public var children: [Form.Choice]
        public var agenda: AgreementPages.Agenda
        public init(
            agreementID: String, supervisee: String, typed: SupervisionSessionForm, errors: FormErrors, children: [Form.Choice],
            agenda: AgreementPages.Agenda
        ) {
            (self.agreementID, self.supervisee, self.typed, self.errors, self.children, self.agenda) = (
                agreementID, supervisee, typed, errors, children, agenda
            )
        }
    }

    public static func renderNew(_ form: NewForm, context: PageContext) -> String {
        let typed = form.typed
        let rows = (0..<max(discussionRows, typed.discussions.count)).map { index in
            index < typed.discussions.count ? typed.discussions[index] : CaseDiscussionForm()
        }
        return Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.supervision(.home).path), .text(SupervisionHomePage.title)), .text(" › "),
                    .a(.href(SiteURL.supervision(.agreement(id: form.agreementID)).path), .text(form.supervisee))),
                Form.errorSummary(form.errors),
                .h1(.text("Record a supervision session with \(form.supervisee)")),
                AgreementPages.agenda(form.agenda),
                Form.post(
                    to: .supervision(.sessions(agreementID: form.agreementID)), csrfToken: context.csrfToken,
                    .h2(.text("The session")),
                    Form.choices(
                        "kind", legend: "Kind of session", choices: SupervisionKind.allCases.map { .init(value: $0.rawValue, label: $0.title) },
                        selected: [typed.kind], errors: form.errors, inline: true),
                    Form.dateInput("held-on", legend: "The day it was held (or was to be)", value: typed.heldOn, errors: form.errors),
                    Form.choices(
                        "took-place", legend: "Did it take place?",
                        choices: [.init(value: "yes", label: "Yes"), .init(value: "no", label: "No, it was cancelled")],
                        selected: [typed.cancelled ? "no" : "yes"], errors: form.errors, inline: true),
                    Form.textArea(
                        "cancelled-because", label: "If cancelled, why", value: typed.cancelledBecause, errors: form.errors, rows: 2),
                    Form.textField(
                        "attendees", label: "Who attended", value: typed.attendees, errors: form.errors,
                        hint: "For a group session, everyone there; for a one-to-one, leave blank."),
                    Form.textArea("experience", label: "What happened", value: typed.experience, errors: form.errors, rows: 3),
                    Form.textArea("reflection", label: "How it felt", value: typed.reflection, errors: form.errors, rows: 3),
                    Form.textArea("analysis", label: "What it means", value: typed.analysis, errors: form.errors, rows: 3),
                    Form.textArea("next-steps", label: "What happens next", value: typed.nextSteps, errors: form.errors, rows: 3),
                    Form.textArea(
                        "wellbeing", label: "Wellbeing (private)", value: typed.wellbeing, errors: form.errors,
                        hint: "Only the two of you ever see this: it never goes on a child's file, in a report or in an export.", rows: 2),
                    .h2(.id("case-discussions"), .text("Case discussions")),
                    .p(
                        .text(
                            "Each child discussed goes on their chronology as management oversight. Leave a row blank if it is not used.")),
                    .forEach(rows.enumerated()) { index, row in discussionRow(index, row, children: form.children, errors: form.errors) },
                    Form.submit("Record the session"))))
    }

    static func discussionRow(_ index: Int, _ row: CaseDiscussionForm, children: [Form.Choice], errors: FormErrors) -> Node<HTML.BodyContext> {
        func name(_ part: String) -> String { "discussion-\(index)-\(part)" }
        return .div(
            .attribute(named: "role", value: "group"), .attribute(named: "aria-labelledby", value: "discussion-\(index)"),
            .h3(.id("discussion-\(index)"), .text("Case discussion \(index + 1)")),
            Form.select(name("child"), label: "Child", choices: children, selected: row.child, errors: errors, includeBlank: "No child"),
            Form.textArea(name("discussion"), label: "What was discussed", value: row.discussion, errors: errors, rows: 2),
            Form.textArea(name("decision"), label: "What was decided", value: row.decision, errors: errors, rows: 2),
            Form.textField(name("action"), label: "Action (optional)", value: row.action, errors: errors),
            Form.textField(name("owner"), label: "Who will do it", value: row.actionOwner, errors: errors),
            Form.dateInput(name("due"), legend: "When it is due", value: row.actionDue, errors: errors, hint: nil))
    }

    /// A child discussed, as recorded.
    public struct Discussion: Sendable {
        public var childID: String, child: String, discussion: String, decision: String, action: String
        public init(childID: String, child: String, discussion: String, decision: String, action: String) {
            (self.childID, self.child, self.discussion, self.decision, self.action) = (childID, child, discussion, decision, action)
        }
    }

    public struct Model: Sendable {
        public var agreementID: String, supervisee: String, heading: String
        public var facts: [(String, String)]
        public var reflection: [(String, String)]
        /// Shown only to the supervisee and the person who held the session.
        public var wellbeing: String?
        public var discussions: [Discussion]
        public init(
            agreementID: String, supervisee: String, heading: String, facts: [(String, String)], reflection: [(String, String)], wellbeing: String?,
            discussions: [Discussion]
        ) {
            (self.agreementID, self.supervisee, self.heading, self.facts, self.reflection, self.wellbeing, self.discussions) = (
                agreementID, supervisee, heading, facts, reflection, wellbeing, discussions
            )
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.supervision(.home).path), .text(SupervisionHomePage.title)), .text(" › "),
                    .a(.href(SiteURL.supervision(.agreement(id: model.agreementID)).path), .text(model.supervisee))),
                .h1(.text(model.heading)),
                .dl(.class("summary-list"), .forEach(model.facts) { .group(.dt(.text($0.0)), .dd(.text($0.1))) }),
                .forEach(model.reflection) { .group(.h2(.text($0.0)), .p(.text($0.1))) },
                .unwrap(model.wellbeing) {
                    .group(.h2(.text("Wellbeing (private to the two of you)")), .p(.text($0)))
                },
                .h2(.text("Case discussions")),
                model.discussions.isEmpty
                    ? .p(.text("No child was discussed."))
                    : .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.text("The children discussed, each on their chronology as management oversight")),
                            .thead(
                                .tr(
                                    .forEach(["Child", "What was discussed", "What was decided", "Action"]) {
                                        .th(.attribute(named: "scope", value: "col"), .text($0))
                                    })),
                            .tbody(
                                .forEach(model.discussions) { row in
                                    .tr(
                                        .th(
                                            .attribute(named: "scope", value: "row"),
                                            .a(.href(SiteURL.children(.show(id: row.childID)).path), .text(row.child))),
                                        .td(.text(row.discussion)), .td(.text(row.decision)), .td(.text(row.action)))
                                })))))
    }
}
