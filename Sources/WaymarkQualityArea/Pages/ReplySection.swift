import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// What the child's worker and team manager said of a submitted audit, and the form for them to say it.
public enum ReplySection {
    public struct Reply: Sendable {
        public var by: String, at: String, disagrees: Bool, text: String, conversation: String?, notes: String
        public init(by: String, at: String, disagrees: Bool, text: String, conversation: String?, notes: String) {
            (self.by, self.at, self.disagrees, self.text, self.conversation, self.notes) = (by, at, disagrees, text, conversation, notes)
        }
    }

    static func render(
        _ replies: [Reply], form: (AuditResponseForm, FormErrors)?, auditID: String, context: PageContext
    ) -> Node<HTML.BodyContext> {
        guard !replies.isEmpty || form != nil else { return .empty }
        return .section(
            .attribute(named: "aria-labelledby", value: "replies"),
            .h2(.id("replies"), .text("Replies from the child's worker and team manager")),
            replies.isEmpty
                ? .p(.text("No one has replied yet."))
                : .ul(
                    .class("plain-list"),
                    .forEach(replies) { reply in
                        .li(
                            .p(
                                .strong(.text("\(reply.by), \(reply.at)" + (reply.disagrees ? ": disagrees with the grades" : ""))),
                                .text(" \(reply.text)")),
                            .unwrap(reply.conversation) { day in
                                .p(.text("Practitioner conversation on \(day)" + (reply.notes.isEmpty ? "." : ": \(reply.notes)")))
                            })
                    }),
            .unwrap(form) { typed, errors in
                Form.post(
                    to: .quality(.reply(auditID: auditID)), csrfToken: context.csrfToken,
                    .h3(.text("Your reply")),
                    Form.textArea(
                        "response", label: "Your response to the audit", value: typed.text, errors: errors,
                        hint: "What you will do about its findings, or what it missed.", rows: 4),
                    Form.choices(
                        "kind", legend: "Do you agree with the grades?",
                        choices: [
                            .init(value: "response", label: "Yes, or I have no view on them"),
                            .init(value: "disagreement", label: "No: send the audit to a second auditor (if it has not had one)"),
                        ], selected: [typed.kind], errors: errors),
                    Form.dateInput(
                        "conversation", legend: "Practitioner conversation (if it has happened)", value: typed.conversationOn, errors: errors,
                        hint: "The day the auditor talked the findings through with the worker. For example, 3 12 2026"),
                    Form.textArea(
                        "conversation-notes", label: "What was agreed in the conversation", value: typed.conversationNotes, errors: errors, rows: 3),
                    Form.submit("Send your reply"))
            })
    }
}
