import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkTimescales
import WaymarkViews

/// A team's daily tracker: the clocks of the children the team holds, worked out from their records.
enum TrackerController {
    /// A team's daily tracker: every open clock of the children it holds now, overdue, due today or due within five
    /// working days, as at today or the day asked for (`?on=yyyy-mm-dd`).
    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try ChildAccess(for: user)
        guard let id = UUID(uuidString: try req.parameters.require("teamID")),
              let team = try await CaseloadsController.teams(in: access.scope, on: req.db).first(where: { $0.id == id }) else { throw Abort(.notFound) }
        let today = (try? req.query.get(String.self, at: "on")).flatMap { ISODay($0) } ?? ISODay.todayUTC
        let allocations = try await ChildAllocation.query(on: req.db).filter(\.$ends == nil).filter(\.$teamID == id).all()
        var children: [Child] = []
        for chunk in allocations.map(\.childID).chunked(ReturnLoading.batchSize) {
            children += try await Child.query(on: req.db).filter(\.$id ~~ Array(chunk)).all()
        }
        let byLocalID = Dictionary(children.map { ($0.localID, $0) }, uniquingKeysWith: { first, _ in first })
        let records = try await JourneyReading.records(of: Dictionary(uniqueKeysWithValues: children.map { ($0.id!, $0.localID) }),
                                                       kinds: TimescaleEngine.kinds, withFields: TimescaleEngine.kindsWithFields, on: req.db)
        let engine = req.application.timescaleEngine
        let clocks = children.flatMap { engine.timescales(child: $0.localID, records: records[$0.id!] ?? [], today: today) }
        let daily = DailyTracker(clocks, on: today, calendar: engine.calendar)
        let accounts = try await CaseloadsController.workerNames(allocations, on: req.db)
        let workers = Dictionary(allocations.map { ($0.childID, $0.workerID.flatMap { accounts[$0] } ?? $0.workerName ?? "No worker") },
                                 uniquingKeysWith: { first, _ in first })
        let names = ChildRecordScope.seesNames(user.role)
        func rows(_ clocks: [Timescale]) -> [TrackerPage.Row] {
            clocks.compactMap { clock in
                guard let child = byLocalID[clock.childLocalID] else { return nil }
                return TrackerPage.Row(childID: child.id!.uuidString, localID: child.localID, name: names ? child.displayName : nil,
                                       worker: workers[child.id!] ?? "No worker", what: clock.rule.title, due: clock.due.description,
                                       state: clock.state(on: today, calendar: engine.calendar).inWords(unit: clock.rule.unit), evidence: clock.evidence)
            }
        }
        try await req.audit(.view, recordType: .team, recordID: id.uuidString, detail: "daily tracker \(today): \(children.count) children")
        let model = TrackerPage.Model(teamID: id.uuidString, team: team.name, day: today.description, dayInWords: today.inWords,
                                      overdue: rows(daily.overdue), dueToday: rows(daily.dueToday), comingUp: rows(daily.comingUp), seesNames: names)
        return .html(TrackerPage.render(model, context: req.pageContext("Daily tracker: \(team.name)", area: .children)))
    }
}
