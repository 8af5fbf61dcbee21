import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// An audit instrument as auditors read it: the grades, what is asked first, and each domain with its standards and
/// items, and how items are answered and the overall grade suggested.
public enum InstrumentPage {
    public static func render(_ instrument: AuditInstrument, context: PageContext) -> String {
        let acceptable = instrument.scale.acceptable
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                .h1(.text(instrument.name)),
                .p(
                    .class("lead"),
                    .text(
                        "Version \(instrument.version). Each domain is graded \(instrument.gradeScale.inWords); a grade below \(acceptable) needs a rationale."
                    )),
                .h2(.text("Asked first")),
                .ul(.forEach(instrument.openingPrompts) { .li(.text($0)) }),
                .h2(.text("The domains")),
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
            ))
    }
}
