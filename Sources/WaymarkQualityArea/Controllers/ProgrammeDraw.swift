import Fluent
import Foundation
import WaymarkDomain
import WaymarkStore

/// Drawing a programme's children from those Waymark holds today, and choosing each one's auditor; choosing a second
/// auditor for a submitted audit.
enum ProgrammeDraw {
    /// Those who may not audit each child: the worker who holds them now and their team's managers.
    static func tooClose(to children: [UUID], on db: any Database) async throws -> [UUID: Set<UUID>] {
        let allocations = try await ChildAccess.allocations(of: children, on: db)
        let managers = try await CaseAuditStore.managers(ofTeams: Set(allocations.values.compactMap(\.team)), on: db)
        return allocations.mapValues { allocation in
            Set([allocation.worker].compactMap { $0 }).union(allocation.team.flatMap { managers[$0] } ?? [])
        }
    }

    /// The second auditor for a submitted audit, when it is chosen for moderation (`ModerationSelection`): not its
    /// auditor, nor anyone too close to the child; of the rest, the one with fewest moderations still to do (a tie to
    /// the first by name). Nil when the audit is not chosen.
    static func moderation(
        for audit: CaseAudit, overall: Int, in programme: AuditProgramme, scaleSize: Int, db: any Database
    ) async throws -> CaseAuditStore.NewModeration? {
        let id = AuditCohort.canonical(try audit.requireID()), seed = UInt64(programme.seed) ?? 0
        guard
            let because = ModerationSelection.chosen(
                audit: id, overall: overall, scaleSize: scaleSize, seed: seed, percent: programme.doubleLockPercent)
        else { return nil }
        let moderator = try await secondAuditor(for: audit, db: db)
        return .init(
            moderator: moderator, because: because.rawValue, blind: ModerationSelection.blind(audit: id, seed: seed, percent: programme.blindPercent))
    }

    /// The external moderation of a submitted audit, when it is chosen for one (`TripleLock`): a seeded share, and
    /// every audit going to a second auditor while the council's auditors agree less often than the target over the
    /// last 12 months. Assigned to the external moderator with fewest still to grade, or to no one yet.
    static func external(
        for audit: CaseAudit, doubleLocked: Bool, in programme: AuditProgramme, targetPercent: Int, now: Date = Date(), db: any Database
    ) async throws -> CaseAuditStore.NewExternalModeration? {
        guard programme.tripleLockPercent > 0 else { return nil }
        let meets =
            doubleLocked
            ? TripleLock.agreementMeets(
                target: targetPercent, pairs: try await ExternalModerationStore.recentPairs(since: now.addingTimeInterval(-365 * 86_400), on: db))
            : true
        guard
            let because = TripleLock.chosen(
                audit: AuditCohort.canonical(try audit.requireID()), seed: UInt64(programme.seed) ?? 0, percent: programme.tripleLockPercent,
                doubleLocked: doubleLocked, agreementMeetsTarget: meets)
        else { return nil }
        return .init(because: because, moderator: try await ExternalModerationStore.leastLoaded(today: ISODay(now), on: db))
    }

    /// The seeded sample of the cohort, and with it every child due a re-audit (`Reaudits`) not drawn already, each
    /// assigned an auditor as the rest are.
    static func draw(
        _ settings: AuditProgrammeForm.Settings, on today: ISODay, reauditMonths: Int, db: any Database
    ) async throws -> (sample: AuditSample.Drawn, audits: [CaseAuditStore.Drawn]) {
        let members = try await AuditCohort.members(withStatus: settings.statuses, on: db)
        let audited =
            settings.exclusionMonths == 0
            ? [] : try await CaseAuditStore.childrenAudited(since: today.adding(months: -settings.exclusionMonths), on: db)
        let sample = AuditSample.draw(
            members.map { AuditSample.Candidate(id: $0.childID, stratum: $0.team) }, quota: settings.quota,
            seed: settings.seed ?? UInt64.random(in: 1...999_999), excluding: Set(audited.map(AuditCohort.canonical)))
        var chosen = sample.chosen.compactMap { candidate in UUID(uuidString: candidate.id).map { ($0, candidate.stratum) } }
        var reaudits: [UUID: UUID] = [:]
        for due in try await Reaudits.due(months: reauditMonths, on: db) where reaudits[due.audit.childID] == nil {
            reaudits[due.audit.childID] = due.audit.id
            if !chosen.contains(where: { $0.0 == due.audit.childID }) { chosen.append((due.audit.childID, due.audit.team)) }
        }
        let close = try await tooClose(to: chosen.map(\.0), on: db)
        let auditors = try await CaseAuditStore.auditors(on: db).compactMap(\.id)
        let assigned = AuditorAssignment.assign(
            chosen.map { child, _ in .init(id: AuditCohort.canonical(child), tooClose: Set((close[child] ?? []).map(AuditCohort.canonical))) },
            auditors: auditors.map(AuditCohort.canonical))
        return (
            sample,
            chosen.map { child, team in
                CaseAuditStore.Drawn(
                    childID: child, team: team, auditor: assigned[AuditCohort.canonical(child)].flatMap(UUID.init(uuidString:)),
                    reauditOf: reaudits[child])
            }
        )
    }

    /// The second auditor for an audit whose grades the child's worker or team manager disputed: as for one chosen
    /// (not its auditor, nor anyone too close to the child, the fewest moderations still to do), never blind (the
    /// dispute is about the grades).
    /// Not the audit's auditor, nor anyone too close to the child; of the rest, the one with fewest moderations still
    /// to do (a tie to the first by name); nil when no one may.
    static func secondAuditor(for audit: CaseAudit, db: any Database) async throws -> UUID? {
        let close = try await tooClose(to: [audit.childID], on: db)[audit.childID] ?? []
        let load = try await CaseAuditStore.openModerations(on: db)
        return try await CaseAuditStore.auditors(on: db).compactMap(\.id)
            .filter { $0 != audit.auditorID && !close.contains($0) }
            .min { load[$0, default: 0] < load[$1, default: 0] }
    }

    static func disputed(_ audit: CaseAudit, in programme: AuditProgramme, db: any Database) async throws -> CaseAuditStore.NewModeration {
        let moderator = try await secondAuditor(for: audit, db: db)
        return .init(moderator: moderator, because: ModerationSelection.Because.disputed.rawValue, blind: false)
    }
}
