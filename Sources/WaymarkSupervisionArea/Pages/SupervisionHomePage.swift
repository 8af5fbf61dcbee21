import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Supervision: one's own, the people one supervises and, for managers, whether supervision and case discussions are
/// as regular as they must be (Ofsted, seed 003: oversight "not always regular").
public enum SupervisionHomePage {
    public static let title = "Supervision"

    /// A supervised person as listed: their cadence and where it stands, and how many of their children are overdue a
    /// case discussion.
    public struct Supervisee: Sendable {
        public var agreementID: String, name: String, role: String, cadence: String, lastHeld: String, next: String, overdue: Bool
        public var casesOverdue: Int, cases: Int
        public init(
            agreementID: String, name: String, role: String, cadence: String, lastHeld: String, next: String, overdue: Bool, casesOverdue: Int,
            cases: Int
        ) {
            (self.agreementID, self.name, self.role, self.cadence, self.lastHeld, self.next, self.overdue) = (
                agreementID, name, role, cadence, lastHeld, next, overdue
            )
            (self.casesOverdue, self.cases) = (casesOverdue, cases)
        }
    }

    /// One team's compliance on the day.
    public struct TeamCompliance: Sendable {
        public var team: String
        public var supervised: Int, supervisees: Int
        public var discussed: Int, cases: Int
        public init(team: String, supervised: Int, supervisees: Int, discussed: Int, cases: Int) {
            (self.team, self.supervised, self.supervisees, self.discussed, self.cases) = (team, supervised, supervisees, discussed, cases)
        }
    }

    public struct Model: Sendable {
        /// One's own agreement in force, if any.
        public var own: Supervisee?
        public var ownSupervisor: String?
        public var supervised: [Supervisee]
        public var compliance: [TeamCompliance]
        /// People one manages who have no agreement in force.
        public var withoutAgreement: [String]
        public var maySetUp: Bool
        public var intervals: CaseDiscussionIntervals
        public init(
            own: Supervisee?, ownSupervisor: String?, supervised: [Supervisee], compliance: [TeamCompliance], withoutAgreement: [String],
            maySetUp: Bool, intervals: CaseDiscussionIntervals
        ) {
            (self.own, self.ownSupervisor, self.supervised, self.compliance, self.withoutAgreement) = (
                own, ownSupervisor, supervised, compliance, withoutAgreement
            )
            (self.maySetUp, self.intervals) = (maySetUp, intervals)
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                .h1(.text(title)),
                .p(
                    .text(
                        "Supervision as agreed, and each child's case discussed with a manager and recorded on their file: "
                            + "a child on a child protection plan every \(model.intervals.protectionPlanDays / 7) weeks, a child in need or "
                            + "looked after every \(model.intervals.inNeedDays / 7) and \(model.intervals.lookedAfterDays / 7) weeks.")),
                .if(
                    model.maySetUp, .p(.a(.class("button"), .href(SiteURL.supervision(.newAgreement).path), .text("Set up a supervision agreement")))),
                .h2(.text("Your supervision")),
                .unwrap(
                    model.own,
                    { own in
                        .dl(
                            .class("summary-list"),
                            .dt(.text("Supervisor")), .dd(.text(model.ownSupervisor ?? "–")),
                            .dt(.text("How often")), .dd(.text(own.cadence)),
                            .dt(.text("Last session")), .dd(.text(own.lastHeld)),
                            .dt(.text("Next session")), .dd(own.overdue ? .strong(.class("tag tag--red"), .text(own.next)) : .text(own.next)),
                            .dt(.text("Sessions")), .dd(.a(.href(SiteURL.supervision(.agreement(id: own.agreementID)).path), .text("Your sessions"))))
                    }, else: .p(.text("You have no supervision agreement in Waymark. Ask your manager to set one up."))),
                .if(
                    !model.supervised.isEmpty,
                    .group(
                        .h2(.text("People you supervise")),
                        superviseeTable(model.supervised, caption: "The people you supervise or cover, those overdue first"))),
                .if(!model.compliance.isEmpty, compliance(model.compliance)),
                .if(
                    !model.withoutAgreement.isEmpty,
                    .group(
                        .h2(.text("Without a supervision agreement")),
                        .p(.text("\(Counted.phrase(model.withoutAgreement.count, "person", plural: "people")) you manage have none in force:")),
                        .ul(.forEach(model.withoutAgreement) { .li(.text($0)) })))))
    }

    static func superviseeTable(_ rows: [Supervisee], caption: String) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .caption(.text(caption)),
                .thead(
                    .tr(
                        .forEach(["Person", "Role", "How often", "Last session", "Next session", "Children overdue a case discussion"]) {
                            .th(.attribute(named: "scope", value: "col"), .text($0))
                        })),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(.href(SiteURL.supervision(.agreement(id: row.agreementID)).path), .text(row.name))),
                            .td(.text(row.role)), .td(.text(row.cadence)), .td(.text(row.lastHeld)),
                            .td(row.overdue ? .strong(.class("tag tag--red"), .text(row.next)) : .text(row.next)),
                            .td(.class("numeric"), .text(row.cases == 0 ? "No open case" : "\(row.casesOverdue) of \(row.cases)")))
                    })))
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : "\(part) of \(whole) (\(Int((Double(part) * 100 / Double(whole)).rounded()))%)"
    }

    static func compliance(_ teams: [TeamCompliance]) -> Node<HTML.BodyContext> {
        let supervised = teams.reduce(0) { $0 + $1.supervised }, supervisees = teams.reduce(0) { $0 + $1.supervisees }
        let discussed = teams.reduce(0) { $0 + $1.discussed }, cases = teams.reduce(0) { $0 + $1.cases }
        return .group(
            .h2(.text("Compliance today")),
            .p(
                .text(
                    "Of the people with a supervision agreement, \(percent(supervised, of: supervisees)) are supervised within their "
                        + "cadence; of the open cases with a case discussion interval, \(percent(discussed, of: cases)) were discussed within it.")),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("Supervision and case discussions within their intervals today, team by team")),
                    .thead(
                        .tr(
                            .forEach(["Team", "Supervised within their cadence", "Cases discussed within their interval"]) {
                                .th(.attribute(named: "scope", value: "col"), .text($0))
                            })),
                    .tbody(
                        .forEach(teams) { team in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(team.team)),
                                .td(.class("numeric"), .text(percent(team.supervised, of: team.supervisees))),
                                .td(.class("numeric"), .text(percent(team.discussed, of: team.cases))))
                        }))))
    }
}
