import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Learning actions: as listed on an audit's page (with the form to add one), a person's own and those to verify, and
/// one action with its closing and verifying.
public enum LearningActionPages {
    public struct Listed: Sendable {
        public var id: String, description: String, owner: String, level: String, due: String, state: String, overdue: Bool
        public init(id: String, description: String, owner: String, level: String, due: String, state: String, overdue: Bool) {
            (self.id, self.description, self.owner, self.level, self.due, self.state, self.overdue) = (
                id, description, owner, level, due, state, overdue
            )
        }
    }

    /// The form to add an action on an audit's page: the domains and owners to choose from.
    public struct AddForm: Sendable {
        public var typed: LearningActionForm
        public var errors: FormErrors
        public var domains: [Form.Choice]
        public var owners: [Form.Choice]
        /// The actions of the plans in force an action for the service, partnership or workforce may serve.
        public var planActions: [Form.Choice]
        public init(typed: LearningActionForm, errors: FormErrors, domains: [Form.Choice], owners: [Form.Choice], planActions: [Form.Choice] = []) {
            (self.typed, self.errors, self.domains, self.owners, self.planActions) = (typed, errors, domains, owners, planActions)
        }
    }

    static func section(_ actions: [Listed], add: AddForm?, auditID: String, context: PageContext) -> Node<HTML.BodyContext> {
        guard !actions.isEmpty || add != nil else { return .empty }
        return .section(
            .attribute(named: "aria-labelledby", value: "learning-actions"),
            .h2(.id("learning-actions"), .text("Learning actions")),
            actions.isEmpty
                ? .p(.text("No learning action has been added from this audit.")) : table(actions, caption: "The actions from this audit"),
            .unwrap(add) { add in
                Form.post(
                    to: .quality(.addAction(auditID: auditID)), csrfToken: context.csrfToken,
                    .h3(.text("Add a learning action")),
                    Form.textArea("action-description", label: "What will be done", value: add.typed.description, errors: add.errors, rows: 3),
                    Form.select(
                        "action-domain", label: "The practice domain it comes from", choices: add.domains, selected: add.typed.domain,
                        errors: add.errors,
                        includeBlank: "None in particular"),
                    Form.choices(
                        "action-level", legend: "Who answers for it",
                        choices: LearningActionLevel.allCases.map { .init(value: $0.rawValue, label: $0.title) }, selected: [add.typed.level],
                        errors: add.errors),
                    Form.select(
                        "action-owner", label: "The person who owns it", choices: add.owners, selected: add.typed.owner, errors: add.errors,
                        includeBlank: "Choose a person"),
                    Form.textArea(
                        "action-evidence", label: "What will show it is done", value: add.typed.evidence, errors: add.errors,
                        hint: "For example, the plan's contingency section completed and seen by the team manager.", rows: 2),
                    Form.dateInput("action-due", legend: "When it is due", value: add.typed.due, errors: add.errors, hint: "For example, 31 1 2027"),
                    .if(
                        !add.planActions.isEmpty,
                        Form.select(
                            "action-plan-action", label: "The improvement plan action it serves (optional)", choices: add.planActions,
                            selected: add.typed.planAction, errors: add.errors,
                            hint: "For an action of the service, the partnership or workforce development: the plan then shows it.",
                            includeBlank: "None")),
                    Form.submit("Add the action"))
            })
    }

    static func table(_ actions: [Listed], caption: String) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .caption(.text(caption)),
                .thead(
                    .tr(
                        .forEach(["Action", "Owner", "Level", "Due", "Where it stands"]) { .th(.attribute(named: "scope", value: "col"), .text($0)) })
                ),
                .tbody(
                    .forEach(actions) { action in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(.href(SiteURL.quality(.action(id: action.id)).path), .text(action.description))),
                            .td(.text(action.owner)), .td(.text(action.level)), .td(.text(action.due)),
                            .td(action.overdue ? .strong(.class("tag tag--red"), .text(action.state)) : .text(action.state)))
                    })))
    }

    public static let listTitle = "Learning actions"

    /// A person's own open actions, and the closed ones waiting for them to verify.
    public static func renderList(mine: [Listed], toVerify: [Listed], context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                .h1(.text(listTitle)),
                .h2(.text("Yours to do")),
                mine.isEmpty ? .p(.text("You own no open learning action.")) : table(mine, caption: "Your open learning actions, soonest due first"),
                .h2(.text("To verify")),
                toVerify.isEmpty
                    ? .p(.text("No closed action is waiting for you to verify it."))
                    : table(toVerify, caption: "Actions their owners have closed, waiting for someone else to verify them")))
    }

    public struct Detail: Sendable {
        public var listed: Listed
        public var audit: (id: String, child: String)
        public var domain: String?
        public var evidenceRequired: String, addedBy: String, addedOn: String
        public var closure: (on: String, evidence: String)?
        public var verified: (by: String, on: String)?
        public var sentBackBecause: String?
        /// The plan action it serves: its plan's slug, its ref and title.
        public var planAction: (slug: String, ref: String, title: String)?
        public init(
            listed: Listed, audit: (id: String, child: String), domain: String?, evidenceRequired: String, addedBy: String, addedOn: String,
            closure: (on: String, evidence: String)?, verified: (by: String, on: String)?, sentBackBecause: String?,
            planAction: (slug: String, ref: String, title: String)? = nil
        ) {
            (self.listed, self.audit, self.domain, self.evidenceRequired, self.addedBy, self.addedOn) = (
                listed, audit, domain, evidenceRequired, addedBy, addedOn
            )
            (self.closure, self.verified, self.sentBackBecause, self.planAction) = (closure, verified, sentBackBecause, planAction)
        }
    }

    /// What the viewer may do with the action now.
    public enum Next: Sendable {
        case none
        case close(evidence: String, FormErrors)
        case verify(reason: String, FormErrors)
    }

    public static func renderAction(_ detail: Detail, next: Next, context: PageContext) -> String {
        let action = detail.listed
        var facts: [(String, String)] = [
            ("From the audit of", detail.audit.child), ("Practice domain", detail.domain ?? "None in particular"),
            ("Who answers for it", action.level),
            ("Owner", action.owner), ("Due", action.due), ("What will show it is done", detail.evidenceRequired),
            ("Added", "\(detail.addedOn) by \(detail.addedBy)"), ("Where it stands", action.state),
        ]
        if let closure = detail.closure { facts.append(("Closed", "\(closure.on): \(closure.evidence)")) }
        if let verified = detail.verified { facts.append(("Verified", "\(verified.on) by \(verified.by)")) }
        if let reason = detail.sentBackBecause { facts.append(("Sent back because", reason)) }
        let errors: FormErrors =
            switch next {
            case .close(_, let errors), .verify(_, let errors): errors
            case .none: FormErrors()
            }
        return Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.quality(.actions).path), .text(listTitle)), .text(" › "),
                    .a(.href(SiteURL.quality(.audit(id: detail.audit.id)).path), .text("The audit"))),
                Form.errorSummary(errors),
                .h1(.text(action.description)),
                .dl(
                    .class("summary-list"), .forEach(facts) { .group(.dt(.text($0.0)), .dd(.text($0.1))) },
                    .unwrap(detail.planAction) { plan in
                        .group(
                            .dt(.text("The plan action it serves")),
                            .dd(.a(.href(SiteURL.plan(.action(slug: plan.slug, ref: plan.ref)).path), .text("\(plan.ref) \(plan.title)"))))
                    }),
                nextStep(next, id: action.id, context: context)))
    }

    static func nextStep(_ next: Next, id: String, context: PageContext) -> Node<HTML.BodyContext> {
        switch next {
        case .none:
            return .empty
        case .close(let evidence, let errors):
            return Form.post(
                to: .quality(.closeAction(id: id)), csrfToken: context.csrfToken,
                .h2(.text("Close the action")),
                Form.textArea(
                    "closure-evidence", label: "What was done, and where the evidence is", value: evidence, errors: errors,
                    hint: "Someone other than you verifies it from this.", rows: 4),
                Form.submit("Close the action"))
        case .verify(let reason, let errors):
            return Form.post(
                to: .quality(.verifyAction(id: id)), csrfToken: context.csrfToken,
                .h2(.text("Verify the action")),
                Form.choices(
                    "decision", legend: "Does the evidence show it is done?",
                    choices: [.init(value: "verified", label: "Yes: verify it"), .init(value: "sent-back", label: "No: send it back to its owner")],
                    selected: [], errors: errors),
                Form.textArea("reason", label: "Why it goes back (if it does)", value: reason, errors: errors, rows: 2),
                Form.submit("Record the decision"))
        }
    }
}
