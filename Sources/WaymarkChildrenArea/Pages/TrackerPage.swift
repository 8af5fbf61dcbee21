import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// A team's daily tracker: what is overdue, due today and due in the next five working days, child by child, each
/// with the rule, the day it was due and the dates behind it.
public enum TrackerPage {
    public struct Row: Sendable {
        public var childID: String, localID: String, name: String?
        /// The team holding the child, where a list spans teams (the weekly tracker's outstanding actions).
        public var team: String?
        public var worker: String
        public var what: String, due: String, state: String, evidence: String
        public init(
            childID: String, localID: String, name: String?, team: String? = nil, worker: String, what: String, due: String, state: String,
            evidence: String
        ) {
            self.childID = childID
            self.localID = localID
            self.name = name
            self.team = team
            self.worker = worker
            self.what = what
            self.due = due
            self.state = state
            self.evidence = evidence
        }
    }

    /// A person in the team whose supervision is overdue.
    public struct Supervision: Sendable {
        public var name: String, cadence: String, lastHeld: String, state: String
        public init(name: String, cadence: String, lastHeld: String, state: String) {
            (self.name, self.cadence, self.lastHeld, self.state) = (name, cadence, lastHeld, state)
        }
    }

    /// A learning action from a case audit, owned by someone in the team, past its due day.
    public struct LearningAction: Sendable {
        public var owner: String, action: String, due: String, state: String
        public init(owner: String, action: String, due: String, state: String) {
            (self.owner, self.action, self.due, self.state) = (owner, action, due, state)
        }
    }

    public struct Model: Sendable {
        public var teamID: String, team: String
        /// The day the tracker is for, written yyyy-mm-dd, and in words.
        public var day: String, dayInWords: String
        public var overdue: [Row], dueToday: [Row], comingUp: [Row]
        public var seesNames: Bool
        /// The team's people whose supervision is overdue on the day.
        public var supervision: [Supervision]
        /// The team's people's learning actions past their due day.
        public var learningActions: [LearningAction]
        public init(
            teamID: String, team: String, day: String, dayInWords: String, overdue: [Row], dueToday: [Row], comingUp: [Row], seesNames: Bool,
            supervision: [Supervision] = [], learningActions: [LearningAction] = []
        ) {
            self.supervision = supervision
            self.learningActions = learningActions
            self.teamID = teamID
            self.team = team
            self.day = day
            self.dayInWords = dayInWords
            self.overdue = overdue
            self.dueToday = dueToday
            self.comingUp = comingUp
            self.seesNames = seesNames
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.children(.home).path), .text("Children")), .text(" › "),
                    .a(.href(SiteURL.children(.caseloads).path), .text("Caseloads")), .text(" › "),
                    .a(.href(SiteURL.children(.caseload(teamID: model.teamID)).path), .text(model.team))),
                .h1(.text("Daily tracker: \(model.team)")),
                .p(
                    .class("lead"),
                    .text(
                        "\(model.dayInWords): \(model.overdue.count) overdue, \(model.dueToday.count) due today, "
                            + "\(model.comingUp.count) due in the next five working days. Each is worked out from the child's records; the last column says how."
                    )),
                .element(
                    named: "form",
                    nodes: [
                        .attribute(named: "method", value: "get"),
                        .attribute(named: "action", value: SiteURL.children(.tracker(teamID: model.teamID)).path),
                        .class("filters"), .attribute(named: "aria-label", value: "Choose the day"),
                        Form.dateInput("on", legend: "As at", value: model.day, errors: FormErrors()),
                        .div(.class("actions"), Form.submit("Show")),
                    ]),
                section("Overdue", model.overdue, model.seesNames),
                section("Due today", model.dueToday, model.seesNames),
                section("Due in the next five working days", model.comingUp, model.seesNames),
                supervision(model.supervision),
                learningActions(model.learningActions)
            ))
    }

    /// The team's people's learning actions from case audits that are past their due day.
    static func learningActions(_ rows: [LearningAction]) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Learning actions overdue: \(rows.count)")),
            rows.isEmpty
                ? .p(.text("No learning action from a case audit owned by someone in the team is overdue."))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("Learning actions from case audits owned by the team's people, past their due day")),
                        .thead(.tr(.forEach(["Owner", "Action", "Due", "Now"]) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(row.owner)), .td(.text(row.action)), .td(.text(row.due)),
                                    .td(.text(row.state)))
                            }))))
    }

    /// The team's people overdue supervision (management oversight of the workers, beside that of their children).
    static func supervision(_ rows: [Supervision]) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Supervision overdue: \(rows.count)")),
            rows.isEmpty
                ? .p(.text("Everyone in the team with a supervision agreement is supervised within its cadence."))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("The team's people whose supervision is overdue")),
                        .thead(
                            .tr(
                                .forEach(["Person", "How often", "Last session", "Now"]) { .th(.attribute(named: "scope", value: "col"), .text($0)) })
                        ),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(row.name)), .td(.text(row.cadence)),
                                    .td(.text(row.lastHeld)), .td(.text(row.state)))
                            }))))
    }

    /// A list of clocks, child by child, under a heading with its count; with the team column when the list spans teams.
    static func section(
        _ title: String, _ rows: [Row], _ seesNames: Bool, caption: String? = nil, showsTeam: Bool = false,
        whenEmpty: String = "Nothing."
    ) -> Node<HTML.BodyContext> {
        func header(_ text: String) -> Node<HTML.TableRowContext> { .th(.attribute(named: "scope", value: "col"), .text(text)) }
        return .section(
            .h2(.text("\(title): \(rows.count)")),
            rows.isEmpty
                ? .p(.text(whenEmpty))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text(caption ?? title)),
                        .thead(
                            .tr(
                                header("Child"), .if(seesNames, header("Name")), .if(showsTeam, header("Team")), header("Worker"), header("What"),
                                header("Due"), header("Now"), header("Worked out from"))),
                        // Written as HTML text, as a child's chronology is: a team's tracker may list hundreds of clocks.
                        .tbody(
                            .raw(
                                rows.map { row in
                                    func cell(_ text: String) -> String { "<td>\(HTMLText.escaped(text))</td>" }
                                    return
                                        "<tr><td><a href=\"\(HTMLText.attribute(SiteURL.children(.show(id: row.childID)).path))\">\(HTMLText.escaped(row.localID))</a></td>"
                                        + (seesNames ? cell(row.name ?? "–") : "") + (showsTeam ? cell(row.team ?? "") : "")
                                        + cell(row.worker) + cell(row.what) + cell(row.due) + cell(row.state)
                                        + "<td class=\"hint\">\(HTMLText.escaped(row.evidence))</td></tr>"
                                }.joined()))
                    ))
        )
    }
}
