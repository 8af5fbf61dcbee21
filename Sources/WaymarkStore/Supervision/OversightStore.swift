import FluentKit
import Foundation
import WaymarkDomain

/// Management oversight worked out on a day: each open child's case discussions against their interval, and each
/// supervised person's sessions against their cadence. For the supervision pages, the team's daily tracker and
/// Performance Matters alike.
package enum OversightStore {
    package struct Case: Sendable {
        package var childID: UUID
        package var workerID: UUID?
        package var workerName: String?
        package var teamID: UUID?
        package var standing: CaseDiscussionStanding
    }

    /// The children allocated now (to these teams, or to this worker) whose status has a case discussion interval,
    /// each with where their discussions stand on the day.
    package static func cases(
        _ allocations: [ChildAllocation], intervals: CaseDiscussionIntervals, on day: ISODay, db: any Database
    ) async throws -> [Case] {
        let ids = allocations.map(\.childID)
        let statuses = try await ChildAccess.statuses(of: ids, on: db)
        let discussed = try await SupervisionStore.discussedDays(of: ids, on: db)
        return allocations.compactMap { allocation in
            guard let allocated = ISODay(allocation.starts),
                let standing = intervals.standing(
                    statuses: statuses[allocation.childID] ?? [], allocatedOn: allocated, discussed: discussed[allocation.childID] ?? [], on: day)
            else { return nil }
            return Case(
                childID: allocation.childID, workerID: allocation.workerID, workerName: allocation.workerName, teamID: allocation.teamID,
                standing: standing)
        }
    }

    package struct Worker: Sendable {
        package var agreement: SupervisionAgreement
        package var cadence: SupervisionCadence
        package var standing: SupervisionStanding
    }

    /// Where each agreement's supervision stands on the day.
    package static func workers(_ agreements: [SupervisionAgreement], on day: ISODay, db: any Database) async throws -> [Worker] {
        let held = try await SupervisionStore.heldDays(of: agreements.compactMap(\.id), on: db)
        return agreements.compactMap { agreement in
            guard let id = agreement.id, let starts = ISODay(agreement.starts) else { return nil }
            let cadence = agreement.cadence
            return Worker(
                agreement: agreement, cadence: cadence, standing: SupervisionStanding(cadence: cadence, starts: starts, held: held[id] ?? [], on: day)
            )
        }
    }
}

extension SupervisionAgreement {
    /// Newly qualified from the day stored, else monthly.
    package var cadence: SupervisionCadence {
        newlyQualifiedSince.flatMap { ISODay($0) }.map { .newlyQualified(since: $0) } ?? .monthly
    }
}
