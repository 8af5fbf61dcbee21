import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkTimescales
import WaymarkViews

/// The trackers: a team's daily tracker and a service area's weekly tracker, from the clocks of the children the
/// teams hold now, worked out from their records.
enum TrackerController {
    /// A team's daily tracker: every open clock of the children it holds now, overdue, due today or due within five
    /// working days, as at today or the day asked for (`?on=yyyy-mm-dd`).
    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try ChildAccess(for: user)
        guard let id = UUID(uuidString: try req.parameters.require("teamID")),
              let team = try await CaseloadsController.teams(in: access.scope, on: req.db).first(where: { $0.id == id }) else { throw Abort(.notFound) }
        let today = day(req)
        let held = try await HeldChildren.read(teams: [id], on: today, keptClocks: true, req: req)
        let engine = req.application.timescaleEngine
        let daily = DailyTracker(held.clocks.values.flatMap { $0 }, on: today, calendar: engine.calendar)
        let names = ChildRecordScope.seesNames(user.role)
        func rows(_ clocks: [Timescale]) -> [TrackerPage.Row] {
            clocks.compactMap { held.row($0, on: today, calendar: engine.calendar, seesNames: names) }
        }
        try await req.audit(.view, recordType: .team, recordID: id.uuidString, detail: "daily tracker \(today): \(held.byLocalID.count) children")
        let model = TrackerPage.Model(teamID: id.uuidString, team: team.name, day: today.description, dayInWords: today.inWords,
                                      overdue: rows(daily.overdue), dueToday: rows(daily.dueToday), comingUp: rows(daily.comingUp), seesNames: names)
        return .html(TrackerPage.render(model, context: req.pageContext("Daily tracker: \(team.name)", area: .children)))
    }

    /// A service area's weekly tracker: its teams' figures for the week of the day asked for (`?on=yyyy-mm-dd`, else
    /// today), the same by timescale, and the outstanding child protection and children in care actions.
    @Sendable static func weekly(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try ChildAccess(for: user)
        guard let id = UUID(uuidString: try req.parameters.require("serviceAreaID")),
              access.scope == .all || access.scope == .serviceArea(id.uuidString),
              let area = try await ServiceArea.find(id, on: req.db) else { throw Abort(.notFound) }
        let today = day(req)
        let teams = try await Team.query(on: req.db).filter(\.$serviceArea.$id == id).sort(\.$name).all()
        let held = try await HeldChildren.read(teams: teams.compactMap(\.id), on: today, req: req)
        var clocksByTeam: [String: [Timescale]] = [:]
        for (childID, clocks) in held.clocks { if let team = held.teams[childID] { clocksByTeam[team.uuidString, default: []] += clocks } }
        let tracker = WeeklyTracker(clocksByTeam: clocksByTeam, on: today)
        let engine = req.application.timescaleEngine
        let names = ChildRecordScope.seesNames(user.role)
        let teamNames = Dictionary(uniqueKeysWithValues: teams.map { ($0.id!.uuidString, $0.name) })
        func figures(_ counts: WeeklyTracker.Counts) -> WeeklyTrackerPage.Figures {
            WeeklyTrackerPage.Figures(overdue: counts.overdue, dueThisWeek: counts.dueThisWeek, doneOnTime: counts.doneOnTime, doneLate: counts.doneLate,
                                      onTime: counts.onTimePercentage.map { String(format: "%.0f%%", $0) } ?? "–")
        }
        let heldByTeam = Dictionary(grouping: held.teams.values, by: { $0 }).mapValues(\.count)
        let teamRows = teams.map { team in
            WeeklyTrackerPage.TeamRow(id: team.id!.uuidString, name: team.name, children: heldByTeam[team.id!] ?? 0,
                                      figures: figures(tracker.byTeam[team.id!.uuidString] ?? .init()))
        }
        let ruleRows = TimescaleRule.allCases.compactMap { rule in tracker.byRule[rule].map { (rule.title, figures($0)) } }
        let outstanding = TimescaleRule.Process.allCases.filter { $0 != .frontDoor }.map { process in
            WeeklyTrackerPage.Outstanding(title: process.title, actions: (tracker.outstanding[process] ?? []).compactMap { action in
                held.row(action.clock, on: today, calendar: engine.calendar, seesNames: names, team: teamNames[action.team] ?? "")
            })
        }
        try await req.audit(.view, recordType: .serviceArea, recordID: id.uuidString, detail: "weekly tracker \(today): \(held.byLocalID.count) children")
        let model = WeeklyTrackerPage.Model(
            serviceAreaID: id.uuidString, serviceArea: area.name, day: today.description, dayInWords: today.inWords,
            week: "\(tracker.weekStarts.inWords) to \(tracker.weekEnds.inWords)",
            lastWeek: "\(tracker.lastWeek.lowerBound.inWords) to \(tracker.lastWeek.upperBound.inWords)",
            teams: teamRows, total: figures(tracker.total), rules: ruleRows.map { WeeklyTrackerPage.RuleRow(title: $0.0, figures: $0.1) },
            outstanding: outstanding, seesNames: names)
        return .html(WeeklyTrackerPage.render(model, context: req.pageContext("Weekly tracker: \(area.name)", area: .children)))
    }

    private static func day(_ req: Request) -> ISODay {
        (try? req.query.get(String.self, at: "on")).flatMap { ISODay($0) } ?? ISODay.todayUTC
    }
}

/// The children some teams hold now, with their team, their worker's name, and every clock of each as at a day.
struct HeldChildren {
    struct Child {
        var id: UUID
        var localID: String
        var name: String?
    }

    var byLocalID: [String: Child] = [:]
    var teams: [UUID: UUID] = [:]
    var workers: [UUID: String] = [:]
    var clocks: [UUID: [Timescale]] = [:]

    /// A clock as a tracker lists it: the child, their worker, the rule, the day it was due, and how it stands.
    func row(_ clock: Timescale, on today: ISODay, calendar: WorkingDays, seesNames: Bool, team: String? = nil) -> TrackerPage.Row? {
        guard let child = byLocalID[clock.childLocalID] else { return nil }
        return TrackerPage.Row(childID: child.id.uuidString, localID: child.localID, name: seesNames ? child.name : nil, team: team,
                               worker: workers[child.id] ?? "No worker", what: clock.rule.title, due: clock.due.description,
                               state: clock.state(on: today, calendar: calendar).inWords(unit: clock.rule.unit), evidence: clock.evidence)
    }

    /// A few queries whatever the number of children: who the teams hold, and those children's records of the kinds
    /// the timescales read, both read as text by position (see `TextRows`). With `keptClocks`, only the open clocks
    /// are wanted (the daily tracker): those kept for the day are read as they are (`KeptClocks`), and only the
    /// children without them have their records read and their clocks worked out, and kept when the day is today.
    static func read(teams: [UUID], on day: ISODay, keptClocks: Bool = false, req: Request) async throws -> HeldChildren {
        var held = HeldChildren()
        guard !teams.isEmpty else { return held }
        let open = "a.ends IS NULL AND a.team_id IN (\(TextRows.literals(teams.map(\.uuidString))))"
        let allocations = try await TextRows.read("""
            SELECT CAST(c.id AS TEXT), c.local_id, c.given_name, c.family_name, CAST(a.team_id AS TEXT), CAST(a.worker_id AS TEXT), a.worker_name,
                   c.date_of_birth
            FROM \(ChildAllocation.schema) a JOIN \(WaymarkApp.Child.schema) c ON c.id = a.child_id WHERE \(open)
            """, on: req.db)
        let accounts = try await CaseloadsController.workerNames(ids: allocations.compactMap { $0[5].flatMap(UUID.init(uuidString:)) }, on: req.db)
        var localIDs: [String: String] = [:], born: [String: ISODay] = [:]
        for row in allocations {
            guard let text = row[0], let id = UUID(uuidString: text), let localID = row[1], held.teams[id] == nil else { continue }
            let name = [row[2], row[3]].compactMap { $0 }.joined(separator: " ")
            held.byLocalID[localID] = Child(id: id, localID: localID, name: name.isEmpty ? nil : name)
            held.teams[id] = row[4].flatMap(UUID.init(uuidString:))
            held.workers[id] = row[5].flatMap(UUID.init(uuidString:)).flatMap { accounts[$0] } ?? row[6] ?? "No worker"
            localIDs[text] = localID
            born[localID] = row[7].flatMap { ISODay($0) }
        }
        // A subquery, not a join: a child held by two of the teams would otherwise have each record twice.
        let heldNow = "SELECT a.child_id FROM \(ChildAllocation.schema) a WHERE \(open)"
        let engine = req.application.timescaleEngine
        var kept: Set<String> = []
        if keptClocks {
            let read = try await KeptClocks.read(childrenIn: heldNow, localIDs: localIDs, on: day, engine: engine, db: req.db)
            kept = read.children
            for id in kept { if let child = UUID(uuidString: id) { held.clocks[child] = read.open[id] ?? [] } }
        }
        let notKept = localIDs.keys.filter { !kept.contains($0) }
        let records = notKept.isEmpty ? [:] : try await JourneyReading.leanRecords(
            kinds: TimescaleEngine.kinds, withFields: TimescaleEngine.kindsWithFields, localIDs: localIDs,
            condition: "e.child_id IN (\(keptClocks ? TextRows.literals(notKept) : heldNow)) AND", on: req.db)
        var worked: [KeptClocks.Worked] = []
        for (text, localID) in localIDs where !kept.contains(text) {
            guard let child = held.byLocalID[localID] else { continue }
            if keptClocks {
                let work = KeptClocks.work(childID: text, localID: localID, records: records[text] ?? [], bornOn: born[localID], on: day, engine: engine)
                held.clocks[child.id] = work.open
                worked.append(work)
            } else {
                held.clocks[child.id] = engine.timescales(child: localID, records: records[text] ?? [], bornOn: born[localID], today: day)
            }
        }
        if !worked.isEmpty, day == ISODay.todayUTC {
            // Kept for the next view; the page does not depend on it, so a failure is only logged.
            do { try await KeptClocks.store(worked, engine: engine, db: req.db) } catch {
                req.logger.warning("kept clocks not stored: \(String(reflecting: type(of: error)))")
            }
        }
        return held
    }
}
