import Fluent
import Foundation
import WaymarkDomain
import WaymarkStore

/// The next session's agenda for a supervisee: their open learning actions (an audit's learning for a practitioner
/// reaches their supervision, issue: "a practitioner's action appears on their supervisor's next supervision agenda"),
/// and their children whose case discussion is overdue or due within two weeks, the most overdue first.
enum Agenda {
    static let lookAheadDays = 14

    struct Made {
        var agenda: AgreementPages.Agenda
        /// The children listed, by local identifier, for the audit trail.
        var listed: [String]
        /// Every child the supervisee holds, those on the agenda first, for the session form.
        var children: [(id: UUID, localID: String, label: String)]
    }

    static func make(for supervisee: User, viewer: User, intervals: CaseDiscussionIntervals, on day: ISODay, db: any Database) async throws -> Made {
        let actions = try await LearningActionStore.open(ownedBy: supervisee.requireID(), on: db).map { action in
            let due = ISODay(action.due)
            return AgreementPages.Action(
                id: action.id!.uuidString, description: action.description, due: due.map { "Due \($0.written)" } ?? action.due,
                overdue: due.map { $0 < day } ?? false)
        }
        let allocations = try await CaseloadStore.allocations(ofWorker: supervisee.requireID(), on: db)
        let cases = try await OversightStore.cases(allocations, intervals: intervals, on: day, db: db)
        let children = Dictionary(
            try await CaseloadStore.children(allocations.map(\.childID), on: db).compactMap { child in child.id.map { ($0, child) } },
            uniquingKeysWith: { a, _ in a })
        let statuses = try await ChildAccess.statuses(of: allocations.map(\.childID), on: db)
        let names = ChildRecordScope.seesNames(viewer.role)
        func label(_ id: UUID) -> String {
            guard let child = children[id] else { return "–" }
            return names ? "\(child.displayName ?? "Child \(child.localID)") (\(child.localID))" : "Child \(child.localID)"
        }
        let due = cases.filter { $0.standing.due <= day.adding(days: lookAheadDays) }
            .sorted { ($1.standing.daysOverdue, $0.standing.due) < ($0.standing.daysOverdue, $1.standing.due) }
        let rows = due.map { row in
            AgreementPages.CaseDue(
                childID: row.childID.uuidString, child: label(row.childID), status: (statuses[row.childID] ?? []).joined(separator: ", "),
                lastDiscussed: row.standing.lastDiscussed?.written ?? "Not since allocated",
                state: row.standing.daysOverdue > 0
                    ? "\(Counted.phrase(row.standing.daysOverdue, "day")) overdue"
                    : row.standing.due == day ? "Due today" : "Due \(row.standing.due.written)",
                overdue: row.standing.daysOverdue > 0)
        }
        let first = Set(due.map(\.childID))
        func rank(_ id: UUID) -> Int { first.contains(id) ? 0 : 1 }
        let everyone = allocations.map(\.childID).sorted { (rank($0), label($0)) < (rank($1), label($1)) }
            .map { id in (id: id, localID: children[id]?.localID ?? "", label: label(id)) }
        return Made(
            agenda: .init(actions: actions, cases: rows), listed: due.compactMap { children[$0.childID]?.localID }.sorted(), children: everyone)
    }
}
