import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Audit instruments: every version kept, published and draft, newest first, and (before any is kept) the default
/// Waymark ships, to start a draft from.
public enum InstrumentsPage {
    public static let title = "Audit instruments"

    public struct Listed: Sendable {
        public var id: String, name: String, version: Int, published: Bool
        /// "Published on 6 December 2026 by Priya Shah", or "Draft, last saved on …".
        public var when: String
        public init(id: String, name: String, version: Int, published: Bool, when: String) {
            (self.id, self.name, self.version, self.published, self.when) = (id, name, version, published, when)
        }
    }

    /// `shipped`: the default instrument, when no version of its name is kept yet.
    public static func render(_ listed: [Listed], shipped: AuditInstrument?, mayManage: Bool, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                .h1(.text(title)),
                .p(
                    .class("lead"),
                    .text(
                        "What a case audit asks: the grade scale, the questions asked first, and each practice domain with its standards and items. Each version is a file a QA lead edits as a draft and publishes; a published version never changes, and each programme keeps the version it audits with."
                    )),
                .unwrap(shipped) { shipped in
                    .group(
                        .h2(.text("The default Waymark ships")),
                        .p(
                            .text(
                                "\(shipped.name), version \(shipped.version): \(shipped.domains.count) domains (\(shipped.domains.map { $0.title.lowercased() }.joined(separator: ", "))), \(shipped.domains.reduce(0) { $0 + $1.items.count }) items, graded \(shipped.gradeScale.inWords), with what is working well asked first. Nothing is audited with it until it is published."
                            )),
                        .if(
                            mayManage,
                            Form.post(
                                to: .quality(.instruments), csrfToken: context.csrfToken, .input(.type(.hidden), .name("from"), .value("default")),
                                Form.submit("Start a draft from the default"))))
                },
                listed.isEmpty
                    ? .p(.text("No instrument is kept yet."))
                    : .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.text("Instruments kept, newest version first")),
                            .thead(
                                .tr(
                                    .forEach(["Instrument", "State", "Published or last saved"]) {
                                        .th(.attribute(named: "scope", value: "col"), .text($0))
                                    })),
                            .tbody(
                                .forEach(listed) { version in
                                    .tr(
                                        .th(
                                            .attribute(named: "scope", value: "row"),
                                            .a(
                                                .href(SiteURL.quality(.instrument(id: version.id)).path),
                                                .text("\(version.name), version \(version.version)"))
                                        ),
                                        .td(InstrumentPage.stateTag(published: version.published)), .td(.text(version.when)))
                                })))
            ))
    }
}
