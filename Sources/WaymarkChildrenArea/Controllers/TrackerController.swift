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
              let team = try await CaseloadsController.team(id, in: access.scope, on: req.db) else { throw Abort(.notFound) }
        let today = day(req)
        let held = try await HeldChildren.read(teams: [id], on: today, keptClocks: true, req: req)
        let engine = req.application.timescaleEngine
        let daily = DailyTracker(held.clocks.values.flatMap { $0 }, on: today, calendar: engine.calendar)
        let names = ChildRecordScope.seesNames(user.role)
        func rows(_ clocks: [Timescale]) -> [TrackerPage.Row] {
            clocks.compactMap { held.row($0, on: today, calendar: engine.calendar, seesNames: names) }
        }
        let (overdue, dueToday, comingUp) = (rows(daily.overdue), rows(daily.dueToday), rows(daily.comingUp))
        let listed = Set((overdue + dueToday + comingUp).map(\.childID)).count
        try await req.audit(.view, recordType: .team, recordID: id.uuidString, detail: "daily tracker \(today): \(listed) children listed")
        let model = TrackerPage.Model(teamID: id.uuidString, team: team.name, day: today.description, dayInWords: today.inWords,
                                      overdue: overdue, dueToday: dueToday, comingUp: comingUp, seesNames: names)
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
        try await req.audit(.view, recordType: .serviceArea, recordID: id.uuidString, detail: "weekly tracker \(today): \(held.teams.count) children")
        let model = WeeklyTrackerPage.Model(
            serviceAreaID: id.uuidString, serviceArea: area.name, day: today.description, dayInWords: today.inWords,
            week: "\(tracker.weekStarts.inWords) to \(tracker.weekEnds.inWords)",
            lastWeek: "\(tracker.lastWeek.lowerBound.inWords) to \(tracker.lastWeek.upperBound.inWords)",
            teams: teamRows, total: figures(tracker.total), rules: ruleRows.map { WeeklyTrackerPage.RuleRow(title: $0.0, figures: $0.1) },
            outstanding: outstanding, seesNames: names)
        return .html(WeeklyTrackerPage.render(model, context: req.pageContext("Weekly tracker: \(area.name)", area: .children)))
    }

    private static func day(_ req: Request) -> ISODay {
        (try? req.query.get(String.self, at: "on")).flatMap { ISODay($0) } ?? ISODay.today
    }
}

/// The children some teams hold now, with their team, and every clock of each as at a day; for those with clocks,
/// who they are and their worker's name.
struct HeldChildren {
    struct Child {
        var id: UUID
        var localID: String
        var name: String?
        var worker: String
    }

    /// The children with any clocks, by local identifier.
    var byLocalID: [String: Child] = [:]
    /// Every child held, by id as the database writes it as text: their team, and their clocks.
    var teams: [String: UUID] = [:]
    var clocks: [String: [Timescale]] = [:]

    /// A clock as a tracker lists it: the child, their worker, the rule, the day it was due, and how it stands.
    func row(_ clock: Timescale, on today: ISODay, calendar: WorkingDays, seesNames: Bool, team: String? = nil) -> TrackerPage.Row? {
        guard let child = byLocalID[clock.childLocalID] else { return nil }
        return TrackerPage.Row(childID: child.id.uuidString, localID: child.localID, name: seesNames ? child.name : nil, team: team,
                               worker: child.worker, what: clock.rule.title, due: clock.due.description,
                               state: clock.state(on: today, calendar: calendar).inWords(unit: clock.rule.unit), evidence: clock.evidence)
    }

    /// A few queries whatever the number of children, read as text by position (see `TextRows`): who the teams hold
    /// and who those children are, and their records of the kinds the timescales read. With `keptClocks`, only the
    /// open clocks are wanted (the daily tracker): the first query brings the clocks kept for the day (`KeptClocks`),
    /// and only the children with a kept clock or none kept (most of a team's have kept clocks, none of them open);
    /// who those are is asked for next, by id, so that the database need not join every child of the team. Only the
    /// children without kept clocks have their records read and their clocks worked out, and kept when the day is
    /// today. `teams` then holds only those children.
    static func read(teams: [UUID], on day: ISODay, keptClocks: Bool = false, req: Request) async throws -> HeldChildren {
        var held = HeldChildren()
        guard !teams.isEmpty else { return held }
        let engine = req.application.timescaleEngine
        // What is worked out is kept only as at today; the generation is read first, for `KeptClocks.store`.
        let keeping = keptClocks && day == ISODay.today
        let generation = keeping ? try await KeptClocks.generation(req.db) : 0
        let (who, kept, joins, needed) = keptClocks
            ? ("NULL, NULL, NULL, NULL", KeptClocks.keptColumns, KeptClocks.joins(child: "a.child_id", on: day, engine: engine),
               "AND (w.child_id IS NULL OR k.child_id IS NOT NULL)")
            : ("c.local_id, c.given_name, c.family_name, c.date_of_birth", "'0', NULL, NULL, NULL, NULL, NULL",
               "LEFT JOIN \(WaymarkStore.Child.schema) c ON c.id = a.child_id", "")
        let rows = try await TextRows.read("""
            SELECT CAST(a.child_id AS TEXT), CAST(a.team_id AS TEXT), CAST(a.worker_id AS TEXT), a.worker_name, \(who), \(kept)
            FROM \(ChildAllocation.schema) a \(joins)
            WHERE a.ends IS NULL AND a.team_id IN (\(TextRows.literals(teams.map(\.uuidString)))) \(needed)
            """, on: req.db)
        // Each id text parsed once: a team's children share a handful of teams and workers.
        var uuids: [String: UUID] = [:]
        func uuid(_ text: String?) -> UUID? {
            guard let text else { return nil }
            if let known = uuids[text] { return known }
            let parsed = UUID(uuidString: text)
            uuids[text] = parsed
            return parsed
        }
        // Who a child is: their local identifier, name and date of birth, from four columns.
        var localIDs: [String: String] = [:], born: [String: ISODay] = [:], names: [String: String] = [:]
        func remember(_ id: String, _ columns: ArraySlice<String?>) {
            let first = columns.startIndex
            guard let localID = columns[first] else { return }
            localIDs[id] = localID
            born[id] = columns[first + 3].flatMap { ISODay($0) }
            let name = [columns[first + 1], columns[first + 2]].compactMap { $0 }.joined(separator: " ")
            if !name.isEmpty { names[id] = name }
        }
        // A child's allocation row (the first, should the teams hold them more than once), and each kept clock's row,
        // once: a child held twice comes with their kept clocks twice.
        var allocations: [String: [String?]] = [:], keptRows: [(child: String, row: [String?])] = [], notKept: [String] = []
        var keptClock: Set<[String?]> = []
        for row in rows {
            guard let id = row[0] else { continue }
            if held.teams[id] == nil {
                held.teams[id] = uuid(row[1])
                allocations[id] = row
                if !keptClocks { remember(id, row[4...7]) }
                if row[8] == "1" { held.clocks[id] = [] } else { notKept.append(id) }
            }
            if row[8] == "1", keptClock.insert([id, row[9], row[10]]).inserted { keptRows.append((id, row)) }
        }
        if keptClocks, !allocations.isEmpty {
            for person in try await TextRows.read("""
                SELECT CAST(c.id AS TEXT), c.local_id, c.given_name, c.family_name, c.date_of_birth FROM \(WaymarkStore.Child.schema) c
                WHERE c.id IN (\(TextRows.literals(allocations.keys)))
                """, on: req.db) {
                if let id = person[0] { remember(id, person[1...4]) }
            }
        }
        for (id, row) in keptRows {
            if let localID = localIDs[id], let clock = KeptClocks.clock(row[8...], child: localID) { held.clocks[id, default: []].append(clock) }
        }
        let records = notKept.isEmpty ? [:] : try await JourneyReading.leanRecords(
            kinds: TimescaleEngine.kinds, withFields: TimescaleEngine.kindsWithFields, localIDs: localIDs,
            condition: "e.child_id IN (\(TextRows.literals(notKept))) AND", on: req.db)
        var worked: [KeptClocks.Worked] = []
        for id in notKept {
            guard let localID = localIDs[id] else { continue }
            if keeping {
                let work = KeptClocks.work(childID: id, localID: localID, records: records[id] ?? [], bornOn: born[id], on: day, engine: engine)
                held.clocks[id] = work.open
                worked.append(work)
            } else {
                held.clocks[id] = engine.timescales(child: localID, records: records[id] ?? [], bornOn: born[id], today: day)
            }
        }
        if keeping, !worked.isEmpty {
            // Kept for the next view; the page does not depend on it, so a failure is only logged.
            do { try await KeptClocks.store(worked, engine: engine, readAt: generation, db: req.db) } catch {
                req.logger.warning("kept clocks not stored: \(String(reflecting: type(of: error)))")
            }
        }
        let listed = held.clocks.filter { !$0.value.isEmpty }.keys.compactMap { id in allocations[id].map { (id, $0) } }
        let accounts = try await User.names(ids: listed.compactMap { uuid($0.1[2]) }, on: req.db)
        for (id, row) in listed {
            guard let child = uuid(id), let localID = localIDs[id] else { continue }
            held.byLocalID[localID] = Child(id: child, localID: localID, name: names[id],
                                            worker: uuid(row[2]).flatMap { accounts[$0] } ?? row[3] ?? "No worker")
        }
        return held
    }
}
