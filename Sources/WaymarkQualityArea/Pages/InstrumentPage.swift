import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// One version of an audit instrument: whether it is published (and never changes) or a draft, what it changes from
/// the version before it, for those who manage audits the draft's file to edit, publish or discard (or the next
/// version to start), and then the instrument as auditors read it.
public enum InstrumentPage {
    public struct Model: Sendable {
        public var id: String
        public var instrument: AuditInstrument
        public var published: Bool
        /// "Published on 6 December 2026 by Priya Shah", or "Draft, last saved on …".
        public var status: String
        /// What it is compared with ("version 1", "the default Waymark ships") and what it changes; nil: nothing to compare.
        public var changes: (from: String, changes: [String])?
        /// The viewer sets up audit programmes, so manages instruments.
        public var mayManage: Bool
        /// For the latest published version: the number the next version would take.
        public var nextVersion: Int?
        /// The draft's file as saved, or as typed when it was refused, and every problem that refused it.
        public var text: String
        public var mistakes: [String]

        public init(
            id: String, instrument: AuditInstrument, published: Bool, status: String, changes: (from: String, changes: [String])?, mayManage: Bool,
            nextVersion: Int?, text: String, mistakes: [String] = []
        ) {
            (self.id, self.instrument, self.published, self.status, self.changes) = (id, instrument, published, status, changes)
            (self.mayManage, self.nextVersion, self.text, self.mistakes) = (mayManage, nextVersion, text, mistakes)
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let instrument = model.instrument
        let editing = model.mayManage && !model.published
        return Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality")), .text(" › "),
                    .a(.href(SiteURL.quality(.instruments).path), .text(InstrumentsPage.title))),
                .if(!model.mistakes.isEmpty, Form.refusedFile("The draft was not saved", mistakes: model.mistakes)),
                .h1(.text("\(instrument.name), version \(instrument.version) "), stateTag(published: model.published)),
                .p(
                    .class("lead"),
                    .text(
                        model.status + ". "
                            + (model.published
                                ? "A published version never changes: every audit that used it reads as it did."
                                : "Nobody audits with a draft: publish it and new programmes can choose it."))),
                .p(.a(.href(SiteURL.quality(.instrumentFile(id: model.id)).path), .text("Download its file (YAML)"))),
                .unwrap(model.changes) { compared in
                    .group(
                        .h2(.text("What it changes from \(compared.from)")),
                        compared.changes.isEmpty
                            ? .p(.text("Nothing an auditor sees."))
                            : .ul(.forEach(compared.changes) { .li(.text($0)) }))
                },
                .if(editing, draftForms(model, csrfToken: context.csrfToken)),
                .unwrap(model.mayManage ? model.nextVersion : nil) { next in
                    .group(
                        .h2(.text("Change it")),
                        .p(
                            .text(
                                "Start version \(next) from this one: a draft you edit and publish when it is ready. Programmes already set up keep the version they use."
                            )),
                        Form.post(
                            to: .quality(.instruments), csrfToken: context.csrfToken,
                            .input(.type(.hidden), .name("from"), .value(model.id)),
                            Form.submit("Start version \(next)", style: "button button--secondary")))
                },
                asked(instrument, heading: model.published ? "What it asks" : "What the draft asks, as last saved")
            ))
    }

    static func stateTag(published: Bool) -> Node<HTML.BodyContext> {
        .strong(.class(published ? "tag tag--green" : "tag tag--amber"), .text(published ? "Published" : "Draft"))
    }

    /// The draft's file to edit, checked whole when saved; then publishing it, or throwing it away.
    static func draftForms(_ model: Model, csrfToken: String) -> Node<HTML.BodyContext> {
        var errors = FormErrors()
        if !model.mistakes.isEmpty {
            errors.add(
                "text",
                "Put right the \(model.mistakes.count == 1 ? "mistake" : "\(model.mistakes.count) mistakes") listed above and save the draft again")
        }
        return .group(
            .h2(.text("Edit the draft")),
            Form.post(
                to: .quality(.instrument(id: model.id)), csrfToken: csrfToken,
                Form.textArea(
                    "text", label: "The instrument's file", value: model.text, errors: errors,
                    hint:
                        "In the waymark-audit-instrument/1 format (YAML). Saving checks it whole: a file with any mistake is not saved, and each mistake is listed with where it is. Give a domain or item a new id only when it asks something new: audits are compared by id.",
                    rows: 30, code: true),
                Form.submit("Save the draft")),
            .h2(.text("Publish it")),
            .p(
                .text(
                    "Once published, version \(model.instrument.version) never changes. New programmes can choose it; programmes already set up keep the version they use."
                )),
            .div(
                .class("actions"),
                Form.post(
                    to: .quality(.publishInstrument(id: model.id)), csrfToken: csrfToken, Form.submit("Publish version \(model.instrument.version)")),
                Form.post(
                    to: .quality(.discardInstrument(id: model.id)), csrfToken: csrfToken,
                    Form.submit("Discard the draft", style: "button button--warning")))
        )
    }

    /// The instrument as auditors read it: the grades, what is asked first, each domain with its standards and items, and
    /// how items are answered and the overall grade suggested.
    static func asked(_ instrument: AuditInstrument, heading: String) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(heading)),
            .p(
                .text(
                    "Each domain is graded \(instrument.gradeScale.inWords); a grade below \(instrument.scale.acceptable) needs a rationale. Asked first:"
                )),
            .ul(.forEach(instrument.openingPrompts) { .li(.text($0)) }),
            .forEach(instrument.domains) { domain in
                .section(
                    .attribute(named: "aria-labelledby", value: "domain-\(domain.id)"),
                    .h3(.id("domain-\(domain.id)"), .text(domain.title)),
                    .if(!domain.standards.isEmpty, .p(.text("Judged against: " + domain.standards.joined(separator: "; ") + "."))),
                    .ol(.forEach(domain.items) { .li(.text($0.text)) })
                )
            },
            .h2(.text("How items are answered")),
            .p(
                .text(
                    ItemAnswer.allCases.map(\.title).joined(separator: ", ")
                        + ". Partly met and not met need a comment saying what is missing, so the finding can become a learning action."
                )),
            .h2(.text("The overall grade")),
            .p(
                .text(
                    "Waymark suggests the grade most domains were given (on a tie, the weaker), but never more than one grade better than the weakest domain, so one inadequate domain cannot be hidden by good ones. An auditor may give another overall grade; the audit then shows that it differs from the suggestion, and why."
                ))
        )
    }
}
