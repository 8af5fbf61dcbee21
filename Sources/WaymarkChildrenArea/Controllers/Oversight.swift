import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkWeb

/// Management oversight and quality on a team's daily tracker: each child's case discussion in supervision, and each
/// safeguarding concern raised from a case audit about a child the team holds (to act on the same working day), is a
/// clock like any other (overdue, due today, due in the next five working days); the team's people overdue
/// supervision, and their learning actions overdue, are listed below.
enum Oversight {
    struct Tracker {
        var overdue: [TrackerPage.Row] = [], dueToday: [TrackerPage.Row] = [], comingUp: [TrackerPage.Row] = []
        var supervision: [TrackerPage.Supervision] = []
        var learningActions: [TrackerPage.LearningAction] = []
    }

    static func tracker(team: UUID, on day: ISODay, seesNames: Bool, req: Request) async throws -> Tracker {
        let calendar = req.application.timescaleEngine.calendar
        let soon = calendar.adding(5, to: day)
        let cases = try await OversightStore.cases(
            CaseloadStore.allocations(ofTeams: [team], on: req.db), intervals: req.application.settings.caseDiscussions, on: day, db: req.db
        ).filter { $0.standing.due <= soon }.sorted { ($0.standing.due, $0.childID.uuidString) < ($1.standing.due, $1.childID.uuidString) }
        let children = Dictionary(
            try await CaseloadStore.children(cases.map(\.childID), on: req.db).compactMap { child in child.id.map { ($0, child) } },
            uniquingKeysWith: { a, _ in a })
        var tracker = Tracker()
        for row in cases {
            guard let child = children[row.childID] else { continue }
            let standing = row.standing
            let state =
                standing.daysOverdue > 0
                ? "\(Counted.phrase(standing.daysOverdue, "day")) overdue"
                : standing.due == day ? "Due today" : "Due in \(day.days(until: standing.due)) days"
            let listed = TrackerPage.Row(
                childID: row.childID.uuidString, localID: child.localID, name: seesNames ? child.displayName : nil, worker: row.workerName ?? "–",
                what: "Case discussion in supervision (every \(standing.intervalDays / 7) weeks)", due: standing.due.written, state: state,
                evidence: standing.lastDiscussed.map { "Last discussed \($0.written)" } ?? "Not discussed since allocated")
            if standing.daysOverdue > 0 {
                tracker.overdue.append(listed)
            } else if standing.due == day {
                tracker.dueToday.append(listed)
            } else {
                tracker.comingUp.append(listed)
            }
        }
        let concerns = try await AuditConcernStore.open(ofTeam: team, on: day, db: req.db)
        let concerned = Dictionary(
            try await CaseloadStore.children(concerns.map(\.childID), on: req.db).compactMap { child in child.id.map { ($0, child) } },
            uniquingKeysWith: { a, _ in a })
        let workers = try await ChildAccess.allocations(of: concerns.map(\.childID), on: req.db)
        for concern in concerns {
            guard let child = concerned[concern.childID], let due = ISODay(concern.due) else { continue }
            let state = SafeguardingConcern.state(due: due, on: day, calendar: calendar)
            let listed = TrackerPage.Row(
                childID: concern.childID.uuidString, localID: child.localID, name: seesNames ? child.displayName : nil,
                worker: workers[concern.childID]?.label ?? "–", what: "Act on a safeguarding concern raised in a case audit",
                due: due.written, state: state.words,
                evidence: "Raised by \(concern.raisedByName) on \(ISODay(concern.raisedAt).written); record what was done on the audit")
            if state.overdue {
                tracker.overdue.append(listed)
            } else if due == day {
                tracker.dueToday.append(listed)
            } else {
                tracker.comingUp.append(listed)
            }
        }
        let people = try await UserStore.everyone(on: req.db).filter { $0.$team.id == team && !$0.isDisabled }
        let names = Dictionary(people.compactMap { person in person.id.map { ($0, person.displayName) } }, uniquingKeysWith: { a, _ in a })
        let agreements = try await SupervisionStore.agreementsInForce(of: Array(names.keys), on: day, db: req.db)
        tracker.supervision = try await OversightStore.workers(agreements, on: day, db: req.db).filter { !$0.standing.withinCadence }
            .sorted {
                (-$0.standing.daysOverdue, names[$0.agreement.superviseeID] ?? "") < (
                    -$1.standing.daysOverdue, names[$1.agreement.superviseeID] ?? ""
                )
            }
            .map { worker in
                TrackerPage.Supervision(
                    name: names[worker.agreement.superviseeID] ?? "–", cadence: worker.cadence.inWords(on: day),
                    lastHeld: worker.standing.lastHeld?.written ?? "None yet", state: worker.standing.inWords(on: day))
            }
        tracker.learningActions = try await LearningActionStore.open(ownedByAny: Array(names.keys), on: req.db).compactMap { action in
            guard let due = ISODay(action.due), due < day else { return nil }
            return TrackerPage.LearningAction(
                owner: names[action.ownerID] ?? "–", action: action.description, due: due.written,
                state: "\(Counted.phrase(due.days(until: day), "day")) overdue")
        }
        return tracker
    }
}
