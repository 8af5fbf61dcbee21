import Fluent
import Foundation
import WaymarkDomain
import WaymarkStore

/// Drawing a programme's children from those Waymark holds today, and choosing each one's auditor.
enum ProgrammeDraw {
    static func draw(
        _ settings: AuditProgrammeForm.Settings, on today: ISODay, db: any Database
    ) async throws -> (sample: AuditSample.Drawn, audits: [CaseAuditStore.Drawn]) {
        let members = try await AuditCohort.members(withStatus: settings.statuses, on: db)
        let audited =
            settings.exclusionMonths == 0
            ? [] : try await CaseAuditStore.childrenAudited(since: today.adding(months: -settings.exclusionMonths), on: db)
        let sample = AuditSample.draw(
            members.map { AuditSample.Candidate(id: $0.childID, stratum: $0.team) }, quota: settings.quota,
            seed: settings.seed ?? UInt64.random(in: 1...999_999), excluding: Set(audited.map(AuditCohort.canonical)))
        let chosen = sample.chosen.compactMap { candidate in UUID(uuidString: candidate.id).map { ($0, candidate.stratum) } }
        let allocations = try await ChildAccess.allocations(of: chosen.map(\.0), on: db)
        let managers = try await CaseAuditStore.managers(ofTeams: Set(allocations.values.compactMap(\.team)), on: db)
        let auditors = try await CaseAuditStore.auditors(on: db).compactMap(\.id)
        let assigned = AuditorAssignment.assign(
            chosen.map { child, _ in
                let allocation = allocations[child]
                let close = [allocation?.worker].compactMap { $0 } + (allocation?.team.flatMap { managers[$0] } ?? [])
                return .init(id: AuditCohort.canonical(child), tooClose: Set(close.map(AuditCohort.canonical)))
            }, auditors: auditors.map(AuditCohort.canonical))
        return (
            sample,
            chosen.map { child, team in
                CaseAuditStore.Drawn(childID: child, team: team, auditor: assigned[AuditCohort.canonical(child)].flatMap(UUID.init(uuidString:)))
            }
        )
    }
}
