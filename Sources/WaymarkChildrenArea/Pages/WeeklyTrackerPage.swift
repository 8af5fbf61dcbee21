import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// A service area's weekly tracker, for its head of service: each team's overdue work, what falls due this week and
/// how much of last week's was done on time; the same by timescale; then the outstanding child protection and
/// children in care actions, child by child.
public enum WeeklyTrackerPage {
    public struct Figures: Sendable {
        public var overdue: Int, dueThisWeek: Int, doneOnTime: Int, doneLate: Int
        /// Last week's completions on time, as a percentage ("67%"), or "–" when none were done.
        public var onTime: String
        public init(overdue: Int, dueThisWeek: Int, doneOnTime: Int, doneLate: Int, onTime: String) {
            self.overdue = overdue
            self.dueThisWeek = dueThisWeek
            self.doneOnTime = doneOnTime
            self.doneLate = doneLate
            self.onTime = onTime
        }
    }

    public struct TeamRow: Sendable {
        public var id: String, name: String, children: Int, figures: Figures
        public init(id: String, name: String, children: Int, figures: Figures) {
            self.id = id
            self.name = name
            self.children = children
            self.figures = figures
        }
    }

    public struct RuleRow: Sendable {
        public var title: String, figures: Figures
        public init(title: String, figures: Figures) {
            self.title = title
            self.figures = figures
        }
    }

    public struct Outstanding: Sendable {
        public var title: String, actions: [TrackerPage.Row]
        public init(title: String, actions: [TrackerPage.Row]) {
            self.title = title
            self.actions = actions
        }
    }

    public struct Model: Sendable {
        public var serviceAreaID: String, serviceArea: String
        /// The day the tracker is as at (and in words), its week and the week before, in words.
        public var day: ISODay, dayInWords: String, week: String, lastWeek: String
        public var teams: [TeamRow], total: Figures, rules: [RuleRow]
        public var outstanding: [Outstanding]
        public var seesNames: Bool
        public init(
            serviceAreaID: String, serviceArea: String, day: ISODay, dayInWords: String, week: String, lastWeek: String, teams: [TeamRow],
            total: Figures, rules: [RuleRow], outstanding: [Outstanding], seesNames: Bool
        ) {
            self.serviceAreaID = serviceAreaID
            self.serviceArea = serviceArea
            self.day = day
            self.dayInWords = dayInWords
            self.week = week
            self.lastWeek = lastWeek
            self.teams = teams
            self.total = total
            self.rules = rules
            self.outstanding = outstanding
            self.seesNames = seesNames
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.children(.home).path), .text("Children")), .text(" › "),
                    .a(.href(SiteURL.children(.caseloads).path), .text("Caseloads"))),
                .h1(.text("Weekly tracker: \(model.serviceArea)")),
                .p(
                    .class("lead"),
                    .text(
                        "As at \(model.dayInWords): \(model.total.overdue) overdue and \(model.total.dueThisWeek) more due by Sunday. "
                            + lastWeek(model.total, model.lastWeek))),
                .element(
                    named: "form",
                    nodes: [
                        .attribute(named: "method", value: "get"),
                        .attribute(named: "action", value: SiteURL.children(.weeklyTracker(serviceAreaID: model.serviceAreaID)).path),
                        .class("filters"), .attribute(named: "aria-label", value: "Choose the day"),
                        Form.dateInput(
                            "on", legend: "As at", value: model.day.description, errors: FormErrors(),
                            hint: "The week is \(model.week). For example, 6 12 2026"),
                        .div(.class("actions"), Form.submit("Show")),
                    ]),
                .h2(.text("By team")),
                teamsTable(model),
                .h2(.text("By timescale")),
                rulesTable(model),
                .forEach(model.outstanding) { outstandingSection($0, model: model) }
            ))
    }

    static func header(_ text: String) -> Node<HTML.TableRowContext> { .th(.attribute(named: "scope", value: "col"), .text(text)) }

    /// Last week's work in words: "Last week (…) 2 were done, 50% of them on time."
    static func lastWeek(_ figures: Figures, _ week: String) -> String {
        switch figures.doneOnTime + figures.doneLate {
        case 0: "Nothing was done last week (\(week))."
        case 1: "Last week (\(week)) 1 was done, \(figures.doneOnTime == 1 ? "on time" : "late")."
        case let done: "Last week (\(week)) \(done) were done, \(figures.onTime) of them on time."
        }
    }

    static let figureHeaders: [String] = ["Overdue", "Due by Sunday", "Done last week on time", "Done last week late", "On time last week"]

    static func figureCells(_ figures: Figures) -> Node<HTML.TableRowContext> {
        let values: [String] = [
            String(figures.overdue), String(figures.dueThisWeek), String(figures.doneOnTime), String(figures.doneLate), figures.onTime,
        ]
        return .forEach(values) { .td(.class("number"), .text($0)) }
    }

    static func teamsTable(_ model: Model) -> Node<HTML.BodyContext> {
        let rows: [Node<HTML.TableContext>] = model.teams.map { team in
            .tr(
                .th(
                    .attribute(named: "scope", value: "row"),
                    .a(.href(SiteURL.children(.tracker(teamID: team.id, .init(on: model.day))).path), .text(team.name))),
                .td(.class("number"), .text(String(team.children))), figureCells(team.figures))
        }
        return .div(
            .class("table-wrap"),
            .table(
                .caption(.text("\(model.serviceArea), week of \(model.week), by team (each team links to its daily tracker)")),
                .thead(.tr(header("Team"), header("Children"), .forEach(figureHeaders) { header($0) })),
                .tbody(.group(rows)),
                .tfoot(
                    .tr(
                        .th(.attribute(named: "scope", value: "row"), .text("All teams")),
                        .td(.class("number"), .text(String(model.teams.map(\.children).reduce(0, +)))), figureCells(model.total)))
            ))
    }

    static func rulesTable(_ model: Model) -> Node<HTML.BodyContext> {
        guard !model.rules.isEmpty else { return .p(.text("No timescale applies to the children these teams hold.")) }
        let rows: [Node<HTML.TableContext>] = model.rules.map { rule in
            .tr(.th(.attribute(named: "scope", value: "row"), .text(rule.title)), figureCells(rule.figures))
        }
        return .div(
            .class("table-wrap"),
            .table(
                .caption(.text("\(model.serviceArea), week of \(model.week), by timescale")),
                .thead(.tr(header("Timescale"), .forEach(figureHeaders) { header($0) })),
                .tbody(.group(rows))
            ))
    }

    static func outstandingSection(_ outstanding: Outstanding, model: Model) -> Node<HTML.BodyContext> {
        let title = "Outstanding actions: \(outstanding.title.lowercased())"
        return TrackerPage.section(
            title, outstanding.actions, model.seesNames, caption: "\(title), longest overdue first", showsTeam: true,
            whenEmpty: "Nothing overdue.")
    }
}
