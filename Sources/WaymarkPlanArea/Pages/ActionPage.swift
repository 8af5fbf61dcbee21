import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// One action: where it sits, who answers for it, how it is monitored, its history of updates, the
/// recommendations it answers, and (for those who may) the form to record an update.
public enum ActionPage {
    public struct Entry: Sendable {
        public var writtenAt: String, author: String, organisation: String?, commentary: String
        public var status: ActionStatus, progress: Int, rag: RAG?, ragReason: String?, evidence: [String]
        public init(
            writtenAt: String, author: String, organisation: String?, commentary: String, status: ActionStatus,
            progress: Int, rag: RAG?, ragReason: String?, evidence: [String]
        ) {
            self.writtenAt = writtenAt
            self.author = author
            self.organisation = organisation
            self.commentary = commentary
            self.status = status
            self.progress = progress
            self.rag = rag
            self.ragReason = ragReason
            self.evidence = evidence
        }
    }

    /// What the update form holds: blank at first, the person's own input when it comes back with mistakes.
    public struct UpdateForm: Sendable {
        public var commentary = "", status = "", progress = "", rag = "", ragReason = "", evidence = ""
        public var errors = FormErrors()
        public init() {}

        /// The person's own input, shown again with what is wrong.
        public init(echoing input: ActionUpdateInput, mistakes: [FieldMistake]) {
            (commentary, status, progress) = (input.commentary, input.status, input.progress)
            (rag, ragReason, evidence) = (input.rag, input.ragReason, input.evidence)
            errors = FormErrors(mistakes)
        }
    }

    public struct Learning: Sendable {
        public var count = 0
        /// (id, description, where it stands), for those who may open them.
        public var listed: [(id: String, description: String, state: String)] = []
        public init(count: Int = 0, listed: [(id: String, description: String, state: String)] = []) { (self.count, self.listed) = (count, listed) }
    }

    public struct Model: Sendable {
        public var action: ActionRecord
        public var history: [Entry]
        public var recommendations: [String]
        /// The indicators this action aims to move: code and name.
        public var indicators: [(code: String, name: String)]
        /// nil when the viewer may not update this action.
        public var form: UpdateForm?
        public var today: ISODay
        /// The learning actions from case audits that serve this action: each listed for those who see quality
        /// assurance, else only how many.
        public var learning: Learning
        public init(
            action: ActionRecord, history: [Entry], recommendations: [String], indicators: [(code: String, name: String)] = [],
            form: UpdateForm?, today: ISODay, learning: Learning = .init()
        ) {
            self.learning = learning
            self.action = action
            self.history = history
            self.recommendations = recommendations
            self.indicators = indicators
            self.form = form
            self.today = today
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let action = model.action
        return Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"),
                    .a(.href(SiteURL.plan(.overview(slug: action.planSlug)).path), .text(action.planTitle)), .text(" › "),
                    .a(
                        .href(
                            SiteURL.plan(.outcome(slug: action.planSlug, ref: action.outcomeRef)).path(
                                adding: [], fragment: "objective-\(action.objectiveRef)")),
                        .text(action.outcomeName))),
                .h1(.span(.class("caption"), .text("Action \(action.ref)")), .text(action.title)),
                .p(
                    RAGTag.of(action.rag), .text(" "), PlanComponents.statusTag(action.status),
                    .if(action.isOverdue(on: model.today), .group(.text(" "), .span(.class("tag tag--red"), .text("Overdue"))))),
                .dl(
                    .class("summary-list"),
                    .dt(.text("Objective")), .dd(.text("\(action.objectiveRef): \(action.objectiveTitle)")),
                    .dt(.text("Responsible")), .dd(.text(action.responsible.map(\.name).joined(separator: "; "))),
                    .dt(.text("Monitored by")),
                    .dd(
                        .forEach(action.monitoring) { board in
                            .div(.a(.href(SiteURL.plan(.board(id: board.id)).path), .text(board.name)))
                        }),
                    .dt(.text("Lead")), .dd(.text(action.lead ?? "Not named")),
                    .dt(.text("Starts")), .dd(.text(action.starts?.written ?? "Not set")),
                    .dt(.text("Due")), .dd(.text(action.due?.written ?? "Not set")),
                    .dt(.text("Progress")), .dd(.text(PlanComponents.progress(action.progress))),
                    .dt(.text("RAG reason")), .dd(.text(action.ragReason ?? "–"))
                ),
                .if(
                    !model.recommendations.isEmpty,
                    .group(
                        .h2(.text("Recommendations this action answers")),
                        .ul(.forEach(model.recommendations) { .li(.text($0)) })
                    )),
                IndicatorLinks.render(model.indicators),
                learning(model.learning),
                .unwrap(model.form) { form in updateForm(form, action: action, csrfToken: context.csrfToken) },
                .h2(.id("history"), .text("History")),
                model.history.isEmpty
                    ? .p(.text("No updates have been recorded yet."))
                    : .ol(
                        .class("history"),
                        .forEach(model.history) { entry in
                            .li(
                                .p(.class("meta"), .text("\(entry.writtenAt) · \(entry.author)\(entry.organisation.map { " (\($0))" } ?? "")")),
                                .p(
                                    RAGTag.of(entry.rag), .text(" "), PlanComponents.statusTag(entry.status),
                                    .text(" · \(entry.progress)% complete")),
                                .p(.text(entry.commentary)),
                                .unwrap(entry.ragReason) { .p(.text("RAG reason: \($0)")) },
                                .if(
                                    !entry.evidence.isEmpty,
                                    .ul(
                                        .forEach(entry.evidence) { link in
                                            .li(.a(.href(link), .attribute(named: "rel", value: "noopener noreferrer"), .text("Evidence: \(link)")))
                                        }))
                            )
                        })
            ))
    }

    static func updateForm(_ form: UpdateForm, action: ActionRecord, csrfToken: String) -> Node<HTML.BodyContext> {
        .section(
            .h2(.id("update"), .text("Record an update")),
            Form.errorSummary(form.errors),
            Form.post(
                to: .plan(.action(slug: action.planSlug, ref: action.ref)), csrfToken: csrfToken,
                Form.textArea(
                    "commentary", label: "What has happened since the last update", value: form.commentary, errors: form.errors,
                    hint: "Plain English: what was done, what changed for children, what is next."),
                Form.select(
                    "status", label: "Status", choices: ActionStatus.allCases.map { .init(value: $0.rawValue, label: $0.displayName) },
                    selected: form.status.isEmpty ? action.status.rawValue : form.status, errors: form.errors),
                Form.textField(
                    "progress", label: "Progress (per cent complete)", value: form.progress.isEmpty ? String(action.progress) : form.progress,
                    errors: form.errors, type: .number),
                Form.select(
                    "rag", label: "RAG", choices: RAG.allCases.map { .init(value: $0.rawValue, label: $0.displayName) },
                    selected: form.rag.isEmpty ? action.rag?.rawValue : form.rag, errors: form.errors, includeBlank: "Not rated"),
                // A fresh form starts from the action's current reason, which often still holds.
                Form.textArea(
                    "ragReason", label: "Reason for the RAG (needed for red and amber)",
                    value: form.ragReason.isEmpty && form.errors.isEmpty ? action.ragReason : form.ragReason, errors: form.errors, rows: 3),
                Form.textArea(
                    "evidence", label: "Evidence links (optional)", value: form.evidence, errors: form.errors,
                    hint: "One web address per line, starting https://", rows: 3),
                .div(.class("actions"), Form.submit("Save update"))
            )
        )
    }

    static func learning(_ learning: Learning) -> Node<HTML.BodyContext> {
        guard learning.count > 0 else { return .empty }
        return .group(
            .h2(.text("Learning from case audits that serves this action")),
            learning.listed.isEmpty
                ? .p(
                    .text(
                        "\(Counted.phrase(learning.count, "learning action")) from case audits \(learning.count == 1 ? "serves" : "serve") this action."
                    ))
                : .ul(
                    .forEach(learning.listed) { action in
                        .li(.a(.href(SiteURL.quality(.action(id: action.id)).path), .text(action.description)), .text(" (\(action.state))"))
                    }))
    }
}
