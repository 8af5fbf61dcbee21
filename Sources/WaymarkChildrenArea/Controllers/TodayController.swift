import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// The children's part of a person's home page: the clocks that need them today. A team manager sees their team's
/// overdue, due-today and coming-up clocks; a practitioner, those of the children allocated to them; a head of
/// service, their teams' counts. Each item is a child or a team to open; what is listed of children is audited as
/// the daily tracker is.
enum TodayController {
    static func today(_ req: Request) async throws -> HomeSection? {
        guard let user = req.signedIn?.user, user.role.permissions.contains(.viewChildren) else { return nil }
        let access = try ChildAccess(for: user)
        let today = ISODay.today
        let engine = req.application.timescaleEngine
        switch access.scope {
        case .team(let id):
            guard let teamID = UUID(uuidString: id), let team = try await CaseloadStore.team(teamID, in: access.scope, on: req.db) else { return nil }
            let held = try await HeldChildren.read(
                teams: [teamID], on: today, keptClocks: true, engine: engine, logger: req.logger, on: req.db)
            // Counted from the allocations: the tracker reads only the children with open clocks.
            let holds = Set(try await CaseloadStore.allocations(ofTeams: [teamID], on: req.db).map(\.childID)).count
            return try await section(
                held, only: nil, title: "Your team's clocks: \(team.name)", holds: (holds, "the team holds"),
                more: ("Open the team's daily tracker", SiteURL.children(.tracker(teamID: id)).path), audit: teamID, user: user, req)
        case .caseload(let id):
            guard let workerID = UUID(uuidString: id) else { return nil }
            let allocations = try await CaseloadStore.allocations(ofWorker: workerID, on: req.db)
            let teams = Set(allocations.compactMap(\.teamID))
            guard let team = teams.sorted(by: { $0.uuidString < $1.uuidString }).first else { return nil }
            let held = try await HeldChildren.read(
                teams: Array(teams), on: today, keptClocks: true, engine: engine, logger: req.logger, on: req.db)
            return try await section(
                held, only: workerID, title: "Your children's clocks", holds: (Set(allocations.map(\.childID)).count, "you hold"),
                more: ("Open your caseload", SiteURL.children(.caseloads).path), audit: team, user: user, req)
        case .serviceArea(let id):
            guard let areaID = UUID(uuidString: id) else { return nil }
            return try await serviceArea(areaID, today: today, req)
        case .all, .none:
            return nil
        }
    }

    /// A team's or a worker's open clocks, most urgent first.
    private static func section(
        _ held: HeldChildren, only worker: UUID?, title: String, holds: (count: Int, who: String), more: (String, String), audit team: UUID,
        user: User,
        _ req: Request
    ) async throws -> HomeSection {
        let calendar = req.application.timescaleEngine.calendar, today = ISODay.today
        let mine = Set(held.byLocalID.values.filter { worker == nil || $0.workerID == worker }.map(\.localID))
        let clocks = held.clocks.values.flatMap { $0 }.filter { mine.contains($0.childLocalID) }
        let daily = DailyTracker(clocks, on: today, calendar: calendar)
        let names = ChildRecordScope.seesNames(user.role)
        let items = (daily.overdue + daily.dueToday + daily.comingUp).prefix(HomeSection.itemsShown).compactMap { clock -> HomeSection.Item? in
            guard let child = held.byLocalID[clock.childLocalID] else { return nil }
            let state = clock.state(on: today, calendar: calendar)
            let overdue = if case .overdue = state { true } else { false }
            return HomeSection.Item(
                text: "\(clock.rule.name): \(names ? child.name ?? child.localID : child.localID)",
                href: SiteURL.children(.show(id: child.id.uuidString)).path,
                status: state.inWords(unit: clock.rule.unit), urgent: overdue)
        }
        let listed = Set(items.map(\.href)).count
        try await req.audit(.view, recordType: .team, recordID: team.uuidString, detail: "home page \(today): \(listed) children listed")
        return HomeSection(
            title: title,
            summary: "\(Counted.phrase(daily.overdue.count, "clock")) overdue, \(daily.dueToday.count) due today and "
                + "\(daily.comingUp.count) due in the next five working days, for the \(Counted.phrase(holds.count, "child", plural: "children")) "
                + "\(holds.who) now.",
            items: items, more: more)
    }

    /// A head of service's teams: each team's overdue and coming-up clocks, teams with overdue work first.
    private static func serviceArea(_ id: UUID, today: ISODay, _ req: Request) async throws -> HomeSection? {
        guard let area = try await ReferenceDataStore.serviceArea(id: id, on: req.db) else { return nil }
        let teams = try await ReferenceDataStore.teams(in: id, on: req.db)
        let engine = req.application.timescaleEngine
        let held = try await HeldChildren.read(
            teams: teams.compactMap(\.id), on: today, keptClocks: true, engine: engine, logger: req.logger, on: req.db)
        var clocksByTeam: [UUID: [Timescale]] = [:]
        for (child, clocks) in held.clocks { if let team = held.teams[child] { clocksByTeam[team, default: []] += clocks } }
        let trackers = teams.compactMap { team in
            team.id.map { (team, DailyTracker(clocksByTeam[$0] ?? [], on: today, calendar: engine.calendar)) }
        }
        let items = trackers.sorted { ($0.1.overdue.count, $1.0.name) > ($1.1.overdue.count, $0.0.name) }
            .prefix(HomeSection.itemsShown)
            .map { team, tracker in
                HomeSection.Item(
                    text: team.name, href: SiteURL.children(.tracker(teamID: team.id!.uuidString)).path,
                    status: "\(tracker.overdue.count) overdue, \(tracker.dueToday.count + tracker.comingUp.count) due this week",
                    urgent: !tracker.overdue.isEmpty)
            }
        let overdue = trackers.map(\.1.overdue.count).reduce(0, +)
        let coming = trackers.map { $0.1.dueToday.count + $0.1.comingUp.count }.reduce(0, +)
        return HomeSection(
            title: "Your teams' clocks: \(area.name)",
            summary: "\(Counted.phrase(overdue, "clock")) overdue and \(coming) due in the next five working days across "
                + "\(Counted.phrase(teams.count, "team")).",
            items: Array(items),
            more: ("Open the weekly tracker", SiteURL.children(.weeklyTracker(serviceAreaID: id.uuidString)).path))
    }
}
