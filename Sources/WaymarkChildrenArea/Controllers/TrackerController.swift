import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkRouting
import WaymarkStore
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// The trackers: a team's daily tracker and a service area's weekly tracker, from the clocks of the children the
/// teams hold now, worked out from their records.
enum TrackerController {
    /// A team's daily tracker: every open clock of the children it holds now, overdue, due today or due within five
    /// working days, as at today or the day asked for (`?on=yyyy-mm-dd`).
    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try ChildAccess(for: user)
        guard let id = UUID(uuidString: try req.parameters.require("teamID")),
            let team = try await CaseloadStore.team(id, in: access.scope, on: req.db)
        else { throw Abort(.notFound) }
        let today = day(req)
        let held = try await HeldChildren.read(
            teams: [id], on: today, keptClocks: true, engine: req.application.timescaleEngine, logger: req.logger, on: req.db)
        let engine = req.application.timescaleEngine
        let daily = DailyTracker(held.clocks.values.flatMap { $0 }, on: today, calendar: engine.calendar)
        let names = ChildRecordScope.seesNames(user.role)
        func rows(_ clocks: [Timescale]) -> [TrackerPage.Row] {
            clocks.compactMap { held.row($0, on: today, calendar: engine.calendar, seesNames: names) }
        }
        var (overdue, dueToday, comingUp) = (rows(daily.overdue), rows(daily.dueToday), rows(daily.comingUp))
        let oversight = try await Oversight.tracker(team: id, on: today, seesNames: names, req: req)
        overdue += oversight.overdue
        dueToday += oversight.dueToday
        comingUp += oversight.comingUp
        let listed = Set((overdue + dueToday + comingUp).map(\.childID)).count
        try await req.audit(.view, recordType: .team, recordID: id.uuidString, detail: "daily tracker \(today): \(listed) children listed")
        let model = TrackerPage.Model(
            teamID: id.uuidString, team: team.name, day: today.description, dayInWords: today.inWords,
            overdue: overdue, dueToday: dueToday, comingUp: comingUp, seesNames: names, supervision: oversight.supervision,
            learningActions: oversight.learningActions)
        return .html(TrackerPage.render(model, context: req.pageContext("Daily tracker: \(team.name)", area: .children)))
    }

    /// A service area's weekly tracker: its teams' figures for the week of the day asked for (`?on=yyyy-mm-dd`, else
    /// today), the same by timescale, and the outstanding child protection and children in care actions.
    @Sendable static func weekly(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try ChildAccess(for: user)
        guard let id = UUID(uuidString: try req.parameters.require("serviceAreaID")),
            access.scope == .all || access.scope == .serviceArea(id.uuidString),
            let area = try await ReferenceDataStore.serviceArea(id: id, on: req.db)
        else { throw Abort(.notFound) }
        let today = day(req)
        let teams = try await ReferenceDataStore.teams(in: id, on: req.db)
        let held = try await HeldChildren.read(
            teams: teams.compactMap(\.id), on: today, engine: req.application.timescaleEngine, logger: req.logger, on: req.db)
        var clocksByTeam: [String: [Timescale]] = [:]
        for (childID, clocks) in held.clocks { if let team = held.teams[childID] { clocksByTeam[team.uuidString, default: []] += clocks } }
        let tracker = WeeklyTracker(clocksByTeam: clocksByTeam, on: today)
        let engine = req.application.timescaleEngine
        let names = ChildRecordScope.seesNames(user.role)
        let teamNames = Dictionary(uniqueKeysWithValues: teams.map { ($0.id!.uuidString, $0.name) })
        func figures(_ counts: WeeklyTracker.Counts) -> WeeklyTrackerPage.Figures {
            WeeklyTrackerPage.Figures(
                overdue: counts.overdue, dueThisWeek: counts.dueThisWeek, doneOnTime: counts.doneOnTime, doneLate: counts.doneLate,
                onTime: counts.onTimePercentage.map { String(format: "%.0f%%", $0) } ?? "–")
        }
        let heldByTeam = Dictionary(grouping: held.teams.values, by: { $0 }).mapValues(\.count)
        let teamRows = teams.map { team in
            WeeklyTrackerPage.TeamRow(
                id: team.id!.uuidString, name: team.name, children: heldByTeam[team.id!] ?? 0,
                figures: figures(tracker.byTeam[team.id!.uuidString] ?? .init()))
        }
        let ruleRows = TimescaleRule.allCases.compactMap { rule in tracker.byRule[rule].map { (rule.title, figures($0)) } }
        let outstanding = TimescaleRule.Process.allCases.filter { $0 != .frontDoor }.map { process in
            WeeklyTrackerPage.Outstanding(
                title: process.title,
                actions: (tracker.outstanding[process] ?? []).compactMap { action in
                    held.row(action.clock, on: today, calendar: engine.calendar, seesNames: names, team: teamNames[action.team] ?? "")
                })
        }
        try await req.audit(.view, recordType: .serviceArea, recordID: id.uuidString, detail: "weekly tracker \(today): \(held.teams.count) children")
        let model = WeeklyTrackerPage.Model(
            serviceAreaID: id.uuidString, serviceArea: area.name, day: today, dayInWords: today.inWords,
            week: "\(tracker.weekStarts.inWords) to \(tracker.weekEnds.inWords)",
            lastWeek: "\(tracker.lastWeek.lowerBound.inWords) to \(tracker.lastWeek.upperBound.inWords)",
            teams: teamRows, total: figures(tracker.total), rules: ruleRows.map { WeeklyTrackerPage.RuleRow(title: $0.0, figures: $0.1) },
            outstanding: outstanding, seesNames: names)
        return .html(WeeklyTrackerPage.render(model, context: req.pageContext("Weekly tracker: \(area.name)", area: .children)))
    }

    private static func day(_ req: Request) -> ISODay {
        req.query(DayQuery.self).on ?? .today
    }
}

extension HeldChildren {
    /// A clock as a tracker lists it: the child, their worker, the rule, the day it was due, and how it stands.
    func row(_ clock: Timescale, on today: ISODay, calendar: WorkingDays, seesNames: Bool, team: String? = nil) -> TrackerPage.Row? {
        guard let child = byLocalID[clock.childLocalID] else { return nil }
        return TrackerPage.Row(
            childID: child.id.uuidString, localID: child.localID, name: seesNames ? child.name : nil, team: team,
            worker: child.worker, what: clock.rule.title, due: clock.due.written,
            state: clock.state(on: today, calendar: calendar).inWords(unit: clock.rule.unit), evidence: clock.evidence)
    }
}
