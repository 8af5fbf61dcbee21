import Fluent
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkTimescales
import WaymarkWeb

/// A child's timescales as at an audit's day, as the audit's evidence shows them: kept with the audit when it is
/// submitted, so the QA report sets them beside its grades without working out every child's clocks again.
enum AuditTimescales {
    static func kept(child: Child, on day: ISODay, app: Application) async throws -> [CaseAuditStore.TimescaleKept] {
        let held = try await ChildRecords.held(child: try child.requireID(), localID: child.localID, on: app.db)
        let engine = app.timescaleEngine
        let born = child.dateOfBirth.flatMap { ISODay($0) }
        return try await app.calculate {
            let clocks = engine.timescales(child: child.localID, records: held.map(\.record), bornOn: born, today: day)
            return TimescalesAtAudit(clocks: clocks, on: day, calendar: engine.calendar).rows.map { row in
                CaseAuditStore.TimescaleKept(rule: row.rule.rawValue, due: row.due, onTime: row.onTime, late: row.late, notDone: row.notDone)
            }
        }
    }
}
