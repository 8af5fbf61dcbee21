import Fluent
import Foundation
import WaymarkDomain
import WaymarkStore

/// The children due a re-audit (`Reaudit`): audits whose settled overall grade is their scale's worst and that no later
/// audit re-audits yet, soonest due first.
enum Reaudits {
    struct Due {
        var audit: CaseAuditStore.Row
        var due: ISODay
    }

    static func due(months: Int, on db: any Database) async throws -> [Due] {
        let settled = try await CaseAuditStore.settledNotReaudited(on: db)
        var scales: [UUID: Int] = [:]
        for id in Set(settled.map(\.programmeID)) {
            if let programme = try await CaseAuditStore.programme(id, on: db), let instrument = try? ProgrammeFacts.instrument(of: programme) {
                scales[id] = instrument.scale.grades.count
            }
        }
        return settled.compactMap { row in
            guard let overall = row.overall, let size = scales[row.programmeID], Reaudit.isInadequate(overall: overall, scaleSize: size),
                let settledAt = row.lockedAt
            else { return nil }
            return Due(audit: row, due: Reaudit.due(settledOn: ISODay(settledAt), months: months))
        }.sorted { ($0.due, $0.audit.childLocalID) < ($1.due, $1.audit.childLocalID) }
    }
}
