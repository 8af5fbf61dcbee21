import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Ofsted's recommendations, the actions answering each, and the monitoring visits.
public enum RecommendationsPage {
    public struct Row: Sendable {
        public var source: RecommendationSource, number: Int, text: String, status: RecommendationStatus, evidence: String?
        public var actions: [ActionRecord]
        public init(source: RecommendationSource, number: Int, text: String, status: RecommendationStatus, evidence: String?, actions: [ActionRecord])
        {
            self.source = source
            self.number = number
            self.text = text
            self.status = status
            self.evidence = evidence
            self.actions = actions
        }
    }

    public struct Visit: Sendable {
        public var date: String, focus: String, findings: String
        public init(date: String, focus: String, findings: String) {
            self.date = date
            self.focus = focus
            self.findings = findings
        }
    }

    public static func render(recommendations: [Row], visits: [Visit], context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text("Ofsted recommendations")),
                .forEach(RecommendationSource.allCases) { source in
                    let rows = recommendations.filter { $0.source == source }
                    return .section(
                        .h2(.text("\(source.displayName) (\(rows.count))")),
                        .ol(
                            .class("recommendations"),
                            .forEach(rows) { row in
                                .li(
                                    .attribute(named: "value", value: String(row.number)),
                                    .p(.text(row.text)),
                                    .p(
                                        .span(.class("tag tag--status"), .text(row.status.displayName)),
                                        .unwrap(row.evidence) { .group(.text(" Evidence: "), .text($0)) }),
                                    .if(
                                        !row.actions.isEmpty,
                                        .ul(
                                            .forEach(row.actions) { action in
                                                .li(
                                                    .a(
                                                        .href(SiteURL.plan(.action(slug: action.planSlug, ref: action.ref)).path),
                                                        .text("\(action.ref) \(action.title)")),
                                                    .text(" "), RAGTag.of(action.rag))
                                            }))
                                )
                            })
                    )
                },
                .h2(.text("Monitoring visits")),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("\(visits.count) monitoring visits")),
                        .thead(.tr(.th(.text("When")), .th(.text("Focus")), .th(.text("What Ofsted found")))),
                        .tbody(.forEach(visits) { .tr(.td(.text(ISODay.written($0.date))), .td(.text($0.focus)), .td(.text($0.findings))) })
                    ))
            ))
    }
}

/// The strategy documents library, with reviews that are overdue flagged.
public enum DocumentsPage {
    public struct Row: Sendable {
        public var title: String, summary: String, owner: String?, period: String?, reviewDue: String?, reviewOverdue: Bool, link: String?
        public var plans: [(slug: String, title: String)]
        public init(
            title: String, summary: String, owner: String?, period: String?, reviewDue: String?, reviewOverdue: Bool,
            link: String?, plans: [(slug: String, title: String)]
        ) {
            self.title = title
            self.summary = summary
            self.owner = owner
            self.period = period
            self.reviewDue = reviewDue
            self.reviewOverdue = reviewOverdue
            self.link = link
            self.plans = plans
        }
    }

    public static func render(_ rows: [Row], context: PageContext) -> String {
        let overdue = rows.filter(\.reviewOverdue).count
        return Layout.render(
            context,
            main: .group(
                .h1(.text("Strategy documents")),
                .p(.class("lead"), .text("The partnership's strategies and plans, who owns them and when each is due for review.")),
                .p(.text("\(rows.count) documents; \(overdue) overdue for review.")),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("Strategy documents library")),
                        .thead(
                            .tr(.th(.text("Document")), .th(.text("Owner")), .th(.text("Period")), .th(.text("Review due")), .th(.text("Supports")))),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .td(
                                        .unwrap(row.link, { .a(.href($0), .text(row.title)) }, else: .strong(.text(row.title))),
                                        .div(.class("hint"), .text(row.summary))),
                                    .td(.text(row.owner ?? "–")),
                                    .td(.text(row.period ?? "–")),
                                    .td(
                                        .text(row.reviewDue.map(ISODay.written) ?? "Not set"),
                                        .if(row.reviewOverdue, .group(.text(" "), .span(.class("tag tag--red"), .text("Review overdue"))))),
                                    .td(
                                        .forEach(row.plans) { plan in
                                            .div(.a(.href(SiteURL.plan(.overview(slug: plan.slug)).path), .text(plan.title)))
                                        })
                                )
                            })
                    ))
            ))
    }
}
