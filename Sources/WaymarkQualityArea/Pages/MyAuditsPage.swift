import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The audits assigned to the person signed in: those to do first, each with its programme and when it is due.
public enum MyAuditsPage {
    public static let title = "Your audits"

    public struct Audit: Sendable {
        public var id: String, child: String, programme: String, due: String, state: String
        public init(id: String, child: String, programme: String, due: String, state: String) {
            (self.id, self.child, self.programme, self.due, self.state) = (id, child, programme, due, state)
        }
    }

    /// The audits to do, the audits to grade as second auditor, and (for QA leads) those whose grades wait for a decision.
    public static func render(_ audits: [Audit], moderations: [Audit], toDecide: [Audit]?, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                .h1(.text(title)),
                .h2(.text("Your audits")),
                table(audits, caption: "The audits assigned to you, those to do first", none: "No audit is assigned to you."),
                .h2(.text("As second auditor")),
                table(
                    moderations, caption: "The audits you grade again, those to do first", none: "No audit is waiting for you as its second auditor."),
                .unwrap(toDecide) { toDecide in
                    .group(
                        .h2(.text("Grades to decide")),
                        table(
                            toDecide, caption: "Audits whose two auditors differed, waiting for a QA lead",
                            none: "No audit's grades are waiting to be decided."))
                }
            ))
    }

    static func table(_ audits: [Audit], caption: String, none: String) -> Node<HTML.BodyContext> {
        audits.isEmpty
            ? .p(.text(none))
            : .div(
                .class("table-wrap"),
                .table(
                    .caption(.text(caption)),
                    .thead(
                        .tr(.forEach(["Child", "Programme", "Due", "Where it stands"]) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                    .tbody(
                        .forEach(audits) { audit in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    .a(.href(SiteURL.quality(.audit(id: audit.id)).path), .text(audit.child))),
                                .td(.text(audit.programme)), .td(.text(audit.due)), .td(.text(audit.state)))
                        })))
    }
}
