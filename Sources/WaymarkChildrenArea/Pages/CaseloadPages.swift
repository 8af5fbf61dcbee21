import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Who holds which children now: for leadership and heads of service every team in their scope with its numbers; for
/// a team manager their team, worker by worker, with the children no worker holds; for a practitioner their own.
public enum CaseloadPages {
    public struct ChildRow: Sendable {
        public var id: String, localID: String, name: String?, statuses: String, since: String
        public init(id: String, localID: String, name: String?, statuses: String, since: String) {
            self.id = id
            self.localID = localID
            self.name = name
            self.statuses = statuses
            self.since = since
        }
    }

    public struct TeamSummary: Sendable {
        public var id: String, name: String, serviceArea: String
        /// The service area's id when the reader may open its weekly tracker (heads of service and leadership).
        public var serviceAreaID: String?
        public var children: Int, workers: Int, withoutWorker: Int
        /// How many of the team's children are on a child protection plan, a child in need, looked after, care leavers.
        public var protection: Int, inNeed: Int, lookedAfter: Int, careLeavers: Int
        public init(
            id: String, name: String, serviceArea: String, serviceAreaID: String? = nil, children: Int, workers: Int, withoutWorker: Int,
            protection: Int, inNeed: Int, lookedAfter: Int, careLeavers: Int
        ) {
            self.id = id
            self.name = name
            self.serviceArea = serviceArea
            self.serviceAreaID = serviceAreaID
            self.children = children
            self.workers = workers
            self.withoutWorker = withoutWorker
            self.protection = protection
            self.inNeed = inNeed
            self.lookedAfter = lookedAfter
            self.careLeavers = careLeavers
        }
    }

    public struct Worker: Sendable {
        /// nil: the children allocated to the team with no worker.
        public var name: String?
        public var children: [ChildRow]
        public init(name: String?, children: [ChildRow]) {
            self.name = name
            self.children = children
        }
    }

    public enum Overview: Sendable {
        case teams([TeamSummary])
        case own([ChildRow], link: OwnLink)
    }

    /// How a practitioner's children were found: by their staff identifier in the case system, or by their name.
    public struct OwnLink: Sendable {
        public var byStaffID: Int, byName: Int
        public var staffID: String?, name: String
        public init(byStaffID: Int, byName: Int, staffID: String?, name: String) {
            self.byStaffID = byStaffID
            self.byName = byName
            self.staffID = staffID
            self.name = name
        }

        var sentence: String {
            let bySomeID = staffID.map { "your staff identifier in the case system, \($0)" }
            switch (byStaffID, byName) {
            case (0, 0):
                return "None is allocated to you in the case system's latest extract. Children are found by "
                    + (bySomeID ?? "your staff identifier in the case system")
                    + " or, without one, by your full name as the case system writes it (\(name)). If the case system writes it "
                    + "another way, ask a system administrator to add your staff identifier."
            case (_, 0): return "Found by \(bySomeID ?? "your staff identifier")."
            case (0, _):
                return "Found by your full name as the case system writes it, \(name). A system administrator can add your staff "
                    + "identifier in the case system, so that a change of name does not lose them."
            default:
                return "\(byStaffID) found by \(bySomeID ?? "your staff identifier"); \(byName) by your full name, \(name)."
            }
        }
    }

    public static func overview(_ overview: Overview, seesNames: Bool, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.children(.home).path), .text("Children"))),
                .h1(.text("Caseloads")),
                {
                    switch overview {
                    case .own(let children, let link):
                        return .group(
                            .p(.class("lead"), .text("The \(Counted.phrase(children.count, "child", plural: "children")) allocated to you now.")),
                            .p(.text(link.sentence)),
                            childTable(children, caption: "Your caseload", seesNames: seesNames))
                    case .teams(let teams):
                        return .group(
                            .p(
                                .class("lead"),
                                .text(
                                    teams.isEmpty
                                        ? "No team is in your scope. Caseloads follow the team or service area on your account; if yours has none, ask a system administrator to set it."
                                        : "Children allocated now, team by team: \(teams.map(\.children).reduce(0, +)) in \(teams.count) \(teams.count == 1 ? "team" : "teams"). Open a team to see each worker's children."
                                )),
                            weeklyTrackers(teams),
                            .if(!teams.isEmpty, teamTable(teams)))
                    }
                }()
            ))
    }

    public static func team(_ team: TeamSummary, workers: [Worker], seesNames: Bool, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.children(.home).path), .text("Children")), .text(" › "),
                    .a(.href(SiteURL.children(.caseloads).path), .text("Caseloads"))),
                .h1(.text(team.name)),
                .p(
                    .class("lead"),
                    .text(
                        "\(team.serviceArea). \(team.children) \(team.children == 1 ? "child" : "children") allocated now, "
                            + "\(team.workers) \(team.workers == 1 ? "worker" : "workers")"
                            + (team.withoutWorker > 0 ? "; \(team.withoutWorker) with no worker allocated." : "."))),
                .p(.a(.href(SiteURL.children(.tracker(teamID: team.id)).path), .text("Daily tracker: what is overdue and due this week"))),
                .forEach(workers) { worker in
                    .section(
                        .h2(.text(worker.name.map { "\($0): \(worker.children.count)" } ?? "No worker allocated: \(worker.children.count)")),
                        childTable(
                            worker.children, caption: worker.name.map { "Children allocated to \($0)" } ?? "Children with no worker allocated",
                            seesNames: seesNames))
                }
            ))
    }

    /// A link to each service area's weekly tracker the reader may open, in the order the teams are listed.
    static func weeklyTrackers(_ teams: [TeamSummary]) -> Node<HTML.BodyContext> {
        var areas: [(id: String, name: String)] = []
        for team in teams { if let id = team.serviceAreaID, !areas.contains(where: { $0.id == id }) { areas.append((id, team.serviceArea)) } }
        guard !areas.isEmpty else { return .empty }
        return .nav(
            .attribute(named: "aria-label", value: "Weekly trackers"),
            .ul(
                .class("inline-list"),
                .forEach(areas) { area in
                    .li(.a(.href(SiteURL.children(.weeklyTracker(serviceAreaID: area.id)).path), .text("Weekly tracker: \(area.name)")))
                }))
    }

    static func teamTable(_ teams: [TeamSummary]) -> Node<HTML.BodyContext> {
        func header(_ text: String) -> Node<HTML.TableRowContext> { .th(.attribute(named: "scope", value: "col"), .text(text)) }
        return .div(
            .class("table-wrap"),
            .table(
                .caption(.text("Children allocated now, by team")),
                .thead(
                    .tr(
                        header("Team"), header("Service area"), header("Children"), header("Workers"), header("No worker"),
                        header("Child protection"), header("Child in need"), header("Looked after"), header("Care leavers"))),
                .tbody(
                    .forEach(teams) { team in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(.href(SiteURL.children(.caseload(teamID: team.id)).path), .text(team.name))),
                            .td(.text(team.serviceArea)), .td(.class("number"), .text(String(team.children))),
                            .td(.class("number"), .text(String(team.workers))),
                            .td(.class("number"), .text(String(team.withoutWorker))), .td(.class("number"), .text(String(team.protection))),
                            .td(.class("number"), .text(String(team.inNeed))), .td(.class("number"), .text(String(team.lookedAfter))),
                            .td(.class("number"), .text(String(team.careLeavers))))
                    })
            ))
    }

    static func childTable(_ children: [ChildRow], caption: String, seesNames: Bool) -> Node<HTML.BodyContext> {
        func header(_ text: String) -> Node<HTML.TableRowContext> { .th(.attribute(named: "scope", value: "col"), .text(text)) }
        return .div(
            .class("table-wrap"),
            .table(
                .caption(.text(caption)),
                .thead(.tr(header("Identifier"), .if(seesNames, header("Name")), header("Now"), header("Allocated since"))),
                .tbody(
                    .forEach(children) { child in
                        .tr(
                            .td(.a(.href(SiteURL.children(.show(id: child.id)).path), .text(child.localID))),
                            .if(seesNames, .td(.text(child.name ?? "–"))),
                            .td(.text(child.statuses.isEmpty ? "–" : child.statuses)), .td(.text(ISODay.written(child.since))))
                    })
            ))
    }
}
