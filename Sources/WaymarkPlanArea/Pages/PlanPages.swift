import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// A plan as its lists show it.
public struct PlanSummary: Sendable {
    public var slug: String
    public var title: String
    public var kind: PlanKind
    /// Its status read against its dates on the day shown: an active plan past its end has ended.
    public var standing: PlanStanding
    public var starts: String
    public var ends: String
    public var spread: RAGSpread

    public init(slug: String, title: String, kind: PlanKind, standing: PlanStanding, starts: String, ends: String, spread: RAGSpread) {
        self.slug = slug
        self.title = title
        self.kind = kind
        self.standing = standing
        self.starts = starts
        self.ends = ends
        self.spread = spread
    }

    var period: String {
        guard let first = ISODay(starts), let last = ISODay(ends) else { return "\(starts) to \(ends)" }
        return "\(first.written) to \(last.written)"
    }
}

/// The plan area's landing page: every plan and how it is going, and the ways into the area.
public enum PlanHomePage {
    public static func render(plans: [PlanSummary], context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text("Plans")),
                .p(.class("lead"), .text(Area.plan.summary)),
                .ul(
                    .class("link-list"),
                    .li(.a(.href(SiteURL.plan(.myActions).path), .text("My actions"))),
                    .li(.a(.href(SiteURL.plan(.boards).path), .text("Boards and what they monitor"))),
                    .li(.a(.href(SiteURL.plan(.recommendations).path), .text("Ofsted recommendations and monitoring visits"))),
                    .li(.a(.href(SiteURL.plan(.documents).path), .text("Strategy documents library")))
                ),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("\(plans.count) plans")),
                        .thead(
                            .tr(
                                .th(.text("Plan")), .th(.text("Kind")), .th(.text("Status")), .th(.text("Period")), .th(.text("Actions by RAG")),
                                .th(.text("Average progress")))),
                        .tbody(
                            .forEach(plans) { plan in
                                .tr(
                                    .td(.a(.href(SiteURL.plan(.overview(slug: plan.slug)).path), .text(plan.title))),
                                    .td(.text(plan.kind.displayName)),
                                    .td(.text(plan.standing.displayName)),
                                    .td(.text(plan.period)),
                                    .td(PlanComponents.spread(plan.spread)),
                                    .td(.text(PlanComponents.progress(plan.spread.averageProgress)))
                                )
                            })
                    ))
            ))
    }
}

/// One plan: its vision and outcomes (or themes), each with its RAG spread and progress.
public enum PlanOverviewPage {
    public struct OutcomeRow: Sendable {
        public var ref: String
        public var name: String
        public var ambition: String?
        public var objectives: Int
        public var spread: RAGSpread
        public init(ref: String, name: String, ambition: String?, objectives: Int, spread: RAGSpread) {
            self.ref = ref
            self.name = name
            self.ambition = ambition
            self.objectives = objectives
            self.spread = spread
        }
    }

    public struct Model: Sendable {
        public var plan: PlanSummary
        public var version: String
        public var vision: String?
        public var outcomes: [OutcomeRow]
        public var measures: [String]
        public init(plan: PlanSummary, version: String, vision: String?, outcomes: [OutcomeRow], measures: [String]) {
            self.plan = plan
            self.version = version
            self.vision = vision
            self.outcomes = outcomes
            self.measures = measures
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let plan = model.plan
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.plan(.home).path), .text("Plans"))),
                .h1(.text(plan.title)),
                .p(.class("meta"), .text("\(plan.kind.displayName) · \(plan.standing.displayName) · version \(model.version) · \(plan.period)")),
                .unwrap(model.vision) { .p(.class("lead"), .text($0)) },
                .div(
                    .class("actions"),
                    .a(.class("button"), .href(SiteURL.plan(.actions(slug: plan.slug)).path), .text("Find actions")),
                    .a(.class("button button--secondary"), .href(SiteURL.plan(.report(slug: plan.slug)).path), .text("Board report")),
                    .a(.href(SiteURL.plan(.scrutiny(slug: plan.slug)).path), .text("Young people's scrutiny"))),
                .h2(.text("Overall")),
                PlanComponents.spread(plan.spread),
                .p(
                    .text(
                        "Average progress: \(PlanComponents.progress(plan.spread.averageProgress)); \(plan.spread.complete) of \(plan.spread.total) actions complete."
                    )),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("\(plan.kind.outcomeWord)s")),
                        .thead(
                            .tr(
                                .th(.text(plan.kind.outcomeWord)), .th(.text("\(plan.kind.objectiveWord)s")), .th(.text("Actions by RAG")),
                                .th(.text("Average progress")))),
                        .tbody(
                            .forEach(model.outcomes) { outcome in
                                .tr(
                                    .td(
                                        .a(.href(SiteURL.plan(.outcome(slug: plan.slug, ref: outcome.ref)).path), .text(outcome.name)),
                                        .unwrap(outcome.ambition) { .div(.class("hint"), .text($0)) }),
                                    .td(.text("\(outcome.objectives)")),
                                    .td(PlanComponents.spread(outcome.spread)),
                                    .td(.text(PlanComponents.progress(outcome.spread.averageProgress)))
                                )
                            })
                    )),
                .if(
                    !model.measures.isEmpty,
                    .group(
                        .h2(.text("How we monitor progress: the Family Friendly Index")),
                        .ol(.forEach(model.measures) { .li(.text($0)) })
                    ))
            ))
    }
}

/// One outcome: its ambition and principles, "What we know", "What young people have told us", and its
/// objectives with their actions.
public enum OutcomePage {
    public struct Figure: Sendable {
        public var value: String, label: String, source: String?, date: String?
        /// The indicator that tracks the figure over time; its label links there.
        public var indicatorCode: String?
        public init(value: String, label: String, source: String?, date: String?, indicatorCode: String? = nil) {
            self.value = value
            self.label = label
            self.source = source
            self.date = date
            self.indicatorCode = indicatorCode
        }

        var labelNode: Node<HTML.BodyContext> {
            .unwrap(indicatorCode, { .a(.href(SiteURL.measures(.indicator(code: $0)).path), .text(label)) }, else: .text(label))
        }
    }

    public struct ObjectiveSection: Sendable {
        public var ref: String, title: String, actions: [ActionRecord]
        public init(ref: String, title: String, actions: [ActionRecord]) {
            self.ref = ref
            self.title = title
            self.actions = actions
        }
    }

    public struct Model: Sendable {
        public var planSlug: String, planTitle: String, kind: PlanKind
        public var name: String, ambition: String?
        public var principles: [ChildRightsPrinciple], childFriendlyCommunities: Bool
        public var figures: [Figure], youngPeopleSaid: [String], objectives: [ObjectiveSection]
        /// The indicators that show progress on this outcome: code and name.
        public var indicators: [(code: String, name: String)]
        public var today: ISODay
        public init(
            planSlug: String, planTitle: String, kind: PlanKind, name: String, ambition: String?, principles: [ChildRightsPrinciple],
            childFriendlyCommunities: Bool, figures: [Figure], youngPeopleSaid: [String], objectives: [ObjectiveSection],
            indicators: [(code: String, name: String)] = [], today: ISODay
        ) {
            self.planSlug = planSlug
            self.planTitle = planTitle
            self.kind = kind
            self.name = name
            self.ambition = ambition
            self.principles = principles
            self.childFriendlyCommunities = childFriendlyCommunities
            self.figures = figures
            self.youngPeopleSaid = youngPeopleSaid
            self.objectives = objectives
            self.indicators = indicators
            self.today = today
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.plan(.home).path), .text("Plans")), .text(" › "),
                    .a(.href(SiteURL.plan(.overview(slug: model.planSlug)).path), .text(model.planTitle))),
                .h1(.text(model.name)),
                .unwrap(model.ambition) { .p(.class("lead"), .text($0)) },
                .if(
                    !model.principles.isEmpty || model.childFriendlyCommunities,
                    .p(
                        .if(model.childFriendlyCommunities, .span(.class("tag"), .text("Child Friendly Communities outcome"))),
                        .forEach(model.principles) { .group(.text(" "), .span(.class("tag tag--status"), .text($0.displayName))) }
                    )),
                .if(
                    !model.figures.isEmpty,
                    .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.text("What we know")),
                            .thead(.tr(.th(.text("Figure")), .th(.text("What it measures")), .th(.text("Source")), .th(.text("Date")))),
                            .tbody(
                                .forEach(model.figures) { figure in
                                    .tr(
                                        .td(.class("figure"), .text(figure.value)), .td(figure.labelNode), .td(.text(figure.source ?? "–")),
                                        .td(.text(figure.date.map(ISODay.written) ?? "–")))
                                })
                        ))),
                IndicatorLinks.render(model.indicators),
                .if(
                    !model.youngPeopleSaid.isEmpty,
                    .group(
                        .h2(.text("What young people have told us")),
                        .ul(.forEach(model.youngPeopleSaid) { .li(.text($0)) })
                    )),
                .forEach(model.objectives) { objective in
                    .section(
                        .h2(.id("objective-\(objective.ref)"), .text("\(model.kind.objectiveWord) \(objective.ref): \(objective.title)")),
                        PlanComponents.actionsTable(objective.actions, caption: "What we are doing", today: model.today)
                    )
                }
            ))
    }
}

/// The indicators that show progress on an outcome or action, linked to their pages.
enum IndicatorLinks {
    static func render(_ indicators: [(code: String, name: String)]) -> Node<HTML.BodyContext> {
        guard !indicators.isEmpty else { return .empty }
        return .section(
            .h2(.text("Indicators")),
            .ul(.forEach(indicators) { .li(.a(.href(SiteURL.measures(.indicator(code: $0.code)).path), .text($0.name))) })
        )
    }
}
