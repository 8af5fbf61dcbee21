import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Safeguarding concerns raised from an audit: each with when it must be acted on and what was done, the form to raise
/// one, and for the child's managers the form to say what they did.
public enum ConcernSection {
    public struct Concern: Sendable {
        public var id: String, text: String, raised: String, state: String, overdue: Bool
        /// What was done, by whom and when; nil while open.
        public var actedOn: String?
        /// Whether the viewer is one of those who act on it (and it is open).
        public var mayActOn: Bool
        public init(id: String, text: String, raised: String, state: String, overdue: Bool, actedOn: String?, mayActOn: Bool) {
            (self.id, self.text, self.raised, self.state, self.overdue, self.actedOn, self.mayActOn) = (
                id, text, raised, state, overdue, actedOn, mayActOn
            )
        }
    }

    /// - Parameters: `raise` the form to raise one (what was typed, its errors), nil for those who may not; `acting`
    ///   the concern whose "what was done" came back with a mistake, with what was typed.
    static func render(
        _ concerns: [Concern], raise: (text: String, errors: FormErrors)?, acting: (id: String, text: String, errors: FormErrors)?, auditID: String,
        context: PageContext
    ) -> Node<HTML.BodyContext> {
        guard !concerns.isEmpty || raise != nil else { return .empty }
        return .section(
            .attribute(named: "aria-labelledby", value: "concerns"),
            .h2(.id("concerns"), .text("Safeguarding concerns")),
            .forEach(concerns) { concern in
                .div(
                    .class("notice"),
                    .p(
                        .strong(.text(concern.raised + ". ")), .text(concern.text), .text(" "),
                        concern.actedOn == nil ? .strong(.class(concern.overdue ? "tag tag--red" : "tag tag--amber"), .text(concern.state)) : .empty),
                    .unwrap(concern.actedOn) { .p(.text("Acted on: \($0)")) },
                    .if(
                        concern.mayActOn,
                        Form.post(
                            to: .quality(.concern(id: concern.id)), csrfToken: context.csrfToken,
                            Form.textArea(
                                "action-taken-\(concern.id)", label: "What you have done about it",
                                value: acting?.id == concern.id ? acting?.text : nil,
                                errors: acting?.id == concern.id ? acting!.errors : FormErrors(), rows: 3),
                            Form.submit("Record what was done"))))
            },
            .unwrap(raise) { raise in
                Form.post(
                    to: .quality(.raiseConcern(auditID: auditID)), csrfToken: context.csrfToken,
                    Form.textArea(
                        "concern", label: "Raise a safeguarding concern about this child", value: raise.text, errors: raise.errors,
                        hint:
                            "If the child may not be safe now. Their team manager and head of service are told at once, to act on it today. If the child is in immediate danger, call the police on 999 first.",
                        rows: 3),
                    Form.submit("Raise the concern now", style: "button button--warning"))
            })
    }
}
