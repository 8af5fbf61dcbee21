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

    public static func render(_ audits: [Audit], context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                .h1(.text(title)),
                audits.isEmpty
                    ? .p(.text("No audit is assigned to you."))
                    : .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.text("The audits assigned to you, those to do first")),
                            .thead(
                                .tr(
                                    .forEach(["Child", "Programme", "Due", "Where it stands"]) {
                                        .th(.attribute(named: "scope", value: "col"), .text($0))
                                    })),
                            .tbody(
                                .forEach(audits) { audit in
                                    .tr(
                                        .th(
                                            .attribute(named: "scope", value: "row"),
                                            .a(.href(SiteURL.quality(.audit(id: audit.id)).path), .text(audit.child))),
                                        .td(.text(audit.programme)), .td(.text(audit.due)), .td(.text(audit.state)))
                                })))
            ))
    }
}
