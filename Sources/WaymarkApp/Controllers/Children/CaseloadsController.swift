import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkTimescales
import WaymarkViews

/// Caseloads: the teams in a person's record scope with their numbers, a team's children worker by worker, and a
/// practitioner's own caseload. A team outside the scope is "not found"; opening a team's caseload is audited.
enum CaseloadsController {
    @Sendable static func overview(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try ChildAccess(for: user)
        let names = ChildRecordScope.seesNames(user.role)
        let context = req.pageContext("Caseloads", area: .children)
        if case .caseload(let id) = access.scope {
            let mine = try await ChildAllocation.query(on: req.db).filter(\.$ends == nil).filter(\.$workerID == UUID(uuidString: id)).all()
            return .html(CaseloadPages.overview(.own(try await rows(mine, names: names, on: req.db)), seesNames: names, context: context))
        }
        let teams = try await teams(in: access.scope, on: req.db)
        let allocations = try await ChildAllocation.query(on: req.db).filter(\.$ends == nil).filter(\.$teamID ~~ teams.compactMap(\.id)).all()
        let statuses = try await ChildAccess.statuses(of: allocations.map(\.childID), on: req.db)
        let byTeam = Dictionary(grouping: allocations) { $0.teamID! }
        let summaries = teams.map { summary(of: $0, allocations: byTeam[$0.id!] ?? [], statuses: statuses) }
        return .html(CaseloadPages.overview(.teams(summaries), seesNames: names, context: context))
    }

    @Sendable static func team(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try ChildAccess(for: user)
        guard let id = UUID(uuidString: try req.parameters.require("teamID")),
              let team = try await teams(in: access.scope, on: req.db).first(where: { $0.id == id }) else { throw Abort(.notFound) }
        let allocations = try await ChildAllocation.query(on: req.db).filter(\.$ends == nil).filter(\.$teamID == id).all()
        let statuses = try await ChildAccess.statuses(of: allocations.map(\.childID), on: req.db)
        let accounts = try await workerNames(allocations, on: req.db)
        let children = Dictionary(uniqueKeysWithValues: try await rows(allocations, names: ChildRecordScope.seesNames(user.role), on: req.db)
            .map { ($0.id, $0) })
        let byWorker = Dictionary(grouping: allocations) { $0.workerID.flatMap { accounts[$0] } ?? $0.workerName }
        let workers = byWorker.map { name, held in
            CaseloadPages.Worker(name: name, children: held.compactMap { children[$0.childID.uuidString] }.sorted { $0.localID < $1.localID })
        }.sorted { ($0.name == nil ? 1 : 0, $0.name ?? "") < ($1.name == nil ? 1 : 0, $1.name ?? "") }
        try await req.audit(.view, recordType: .team, recordID: id.uuidString, detail: "caseload: \(allocations.count) children")
        return .html(CaseloadPages.team(summary(of: team, allocations: allocations, statuses: statuses), workers: workers,
                                        seesNames: ChildRecordScope.seesNames(user.role), context: req.pageContext(team.name, area: .children)))
    }

    /// A team's daily tracker: every open clock of the children it holds now, overdue, due today or due within five
    /// working days, as at today or the day asked for (`?on=yyyy-mm-dd`).
    @Sendable static func tracker(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try ChildAccess(for: user)
        guard let id = UUID(uuidString: try req.parameters.require("teamID")),
              let team = try await teams(in: access.scope, on: req.db).first(where: { $0.id == id }) else { throw Abort(.notFound) }
        let today = (try? req.query.get(String.self, at: "on")).flatMap { ISODay($0) } ?? ISODay.todayUTC
        let allocations = try await ChildAllocation.query(on: req.db).filter(\.$ends == nil).filter(\.$teamID == id).all()
        var children: [Child] = []
        for chunk in allocations.map(\.childID).chunked(ReturnLoading.batchSize) {
            children += try await Child.query(on: req.db).filter(\.$id ~~ Array(chunk)).all()
        }
        let byLocalID = Dictionary(children.map { ($0.localID, $0) }, uniquingKeysWith: { first, _ in first })
        let records = try await JourneyReading.records(of: Dictionary(uniqueKeysWithValues: children.map { ($0.id!, $0.localID) }), on: req.db)
        let engine = TimescaleEngine()
        let clocks = children.flatMap { engine.timescales(child: $0.localID, records: records[$0.id!] ?? [], today: today) }
        let daily = DailyTracker(clocks, on: today, calendar: engine.calendar)
        let accounts = try await workerNames(allocations, on: req.db)
        let workers = Dictionary(allocations.map { ($0.childID, $0.workerID.flatMap { accounts[$0] } ?? $0.workerName ?? "No worker") },
                                 uniquingKeysWith: { first, _ in first })
        let names = ChildRecordScope.seesNames(user.role)
        func rows(_ clocks: [Timescale]) -> [TrackerPage.Row] {
            clocks.compactMap { clock in
                guard let child = byLocalID[clock.childLocalID] else { return nil }
                return TrackerPage.Row(childID: child.id!.uuidString, localID: child.localID, name: names ? child.displayName : nil,
                                       worker: workers[child.id!] ?? "No worker", what: clock.rule.title, due: clock.due.description,
                                       state: stateText(clock.state(on: today, calendar: engine.calendar), unit: clock.rule.unit), evidence: clock.evidence)
            }
        }
        try await req.audit(.view, recordType: .team, recordID: id.uuidString, detail: "daily tracker \(today): \(children.count) children")
        let model = TrackerPage.Model(teamID: id.uuidString, team: team.name, day: today.description, dayInWords: today.inWords,
                                      overdue: rows(daily.overdue), dueToday: rows(daily.dueToday), comingUp: rows(daily.comingUp), seesNames: names)
        return .html(TrackerPage.render(model, context: req.pageContext("Daily tracker: \(team.name)", area: .children)))
    }

    static func stateText(_ state: Timescale.State, unit: TimescaleRule.Unit) -> String {
        func amount(_ count: Int) -> String {
            let word = unit == .workingDays ? "working day" : "day"
            return "\(count) \(word)\(count == 1 ? "" : "s")"
        }
        switch state {
        case .metOnTime: return "Done on time"
        case .metLate(let days): return "Done \(amount(days)) late"
        case .overdue(let days): return "\(amount(days)) overdue"
        case .missed: return "Not done"
        case .due(let days): return days == 0 ? "Due today" : "Due in \(amount(days))"
        }
    }

    /// The teams a scope covers: every team, a service area's, or the person's own.
    private static func teams(in scope: ChildRecordScope, on db: any Database) async throws -> [Team] {
        let query = Team.query(on: db).with(\.$serviceArea).sort(\.$name)
        switch scope {
        case .all: break
        case .serviceArea(let id): query.filter(\.$serviceArea.$id == UUID(uuidString: id) ?? UUID())
        case .team(let id): query.filter(\.$id == UUID(uuidString: id) ?? UUID())
        case .caseload, .none: return []
        }
        return try await query.all().sorted { ($0.serviceArea.name, $0.name) < ($1.serviceArea.name, $1.name) }
    }

    private static func summary(of team: Team, allocations: [ChildAllocation], statuses: [UUID: [String]]) -> CaseloadPages.TeamSummary {
        func count(_ status: String) -> Int { allocations.filter { statuses[$0.childID]?.contains(status) == true }.count }
        return CaseloadPages.TeamSummary(
            id: team.id!.uuidString, name: team.name, serviceArea: team.serviceArea.name, children: allocations.count,
            workers: Set(allocations.compactMap { $0.workerID?.uuidString ?? $0.workerName }).count,
            withoutWorker: allocations.filter { $0.workerID == nil && $0.workerName == nil }.count,
            protection: count(JourneyStatus.protectionPlan), inNeed: count(JourneyStatus.inNeed), lookedAfter: count(JourneyStatus.lookedAfter),
            careLeavers: count(JourneyStatus.careLeaver))
    }

    /// The Waymark accounts' names of the workers that have one.
    private static func workerNames(_ allocations: [ChildAllocation], on db: any Database) async throws -> [UUID: String] {
        let ids = Array(Set(allocations.compactMap(\.workerID)))
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.displayName) })
    }

    private static func rows(_ allocations: [ChildAllocation], names: Bool, on db: any Database) async throws -> [CaseloadPages.ChildRow] {
        let ids = allocations.map(\.childID)
        guard !ids.isEmpty else { return [] }
        var children: [Child] = []
        for chunk in ids.chunked(ReturnLoading.batchSize) { children += try await Child.query(on: db).filter(\.$id ~~ Array(chunk)).all() }
        let statuses = try await ChildAccess.statuses(of: ids, on: db)
        let since = Dictionary(allocations.map { ($0.childID, $0.starts) }, uniquingKeysWith: { first, _ in first })
        return children.map { child in
            CaseloadPages.ChildRow(id: child.id!.uuidString, localID: child.localID, name: names ? child.displayName : nil,
                                   statuses: (statuses[child.id!] ?? []).joined(separator: ", "), since: since[child.id!] ?? "–")
        }.sorted { $0.localID < $1.localID }
    }
}
