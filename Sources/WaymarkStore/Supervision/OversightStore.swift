import FluentKit
import Foundation
import SQLKit
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

extension OversightStore {
    /// How many of those counted were within their cadence or interval on a day.
    package struct Share: Sendable, Equatable {
        package var within = 0
        package var counted = 0
    }

    /// On each day: of the agreements in force, how many had their supervision within its cadence.
    package static func supervision(on days: [ISODay], db: any Database) async throws -> [Share] {
        let agreements = try await SupervisionAgreement.query(on: db).all()
        let held = try await SupervisionStore.heldDays(of: agreements.compactMap(\.id), on: db)
        return days.map { day in
            var share = Share()
            for agreement in agreements {
                guard let id = agreement.id, let starts = ISODay(agreement.starts), starts <= day,
                    agreement.ends.flatMap({ ISODay($0) }).map({ $0 > day }) ?? true
                else { continue }
                share.counted += 1
                if SupervisionStanding(cadence: agreement.cadence, starts: starts, held: held[id] ?? [], on: day).withinCadence { share.within += 1 }
            }
            return share
        }
    }

    /// On each day: of the children then allocated whose status then had a case discussion interval, how many had been
    /// discussed within it.
    package static func caseDiscussions(on days: [ISODay], intervals: CaseDiscussionIntervals, db: any Database) async throws -> [Share] {
        guard let first = days.min() else { return [] }
        let sql = db as! any SQLDatabase
        struct Allocation: Decodable { var child_id: UUID; var starts: String; var ends: String? }
        let allocations = try await sql.select().columns("child_id", "starts", "ends").from(ChildAllocation.schema)
            .where(SQLColumn("ends"), .is, SQLLiteral.null).orWhere("ends", .greaterThan, first.description).all(decoding: Allocation.self)
        struct Record: Decodable { var child_id: UUID; var kind: String; var starts: String?; var ends: String? }
        var records: [UUID: [(kind: JourneyKind, starts: ISODay?, ends: ISODay?)]] = [:]
        for chunk in Set(allocations.map(\.child_id)).sorted(by: { $0.uuidString < $1.uuidString }).chunked(ReturnLoading.batchSize) {
            for row in try await sql.select().columns("child_id", "kind", "starts", "ends").from(JourneyEvent.schema)
                .where("child_id", .in, Array(chunk)).where("kind", .in, JourneyStatus.kinds.map(\.rawValue)).all(decoding: Record.self)
            {
                records[row.child_id, default: []].append(
                    (JourneyKind(rawValue: row.kind), row.starts.flatMap { ISODay($0) }, row.ends.flatMap { ISODay($0) }))
            }
        }
        let discussed = try await SupervisionStore.discussedDays(of: Array(Set(allocations.map(\.child_id))), on: db)
        return days.map { day in
            var share = Share()
            for allocation in allocations {
                guard let starts = ISODay(allocation.starts), starts <= day, allocation.ends.flatMap({ ISODay($0) }).map({ $0 > day }) ?? true,
                    let standing = intervals.standing(
                        statuses: JourneyStatus.on(day, records[allocation.child_id] ?? []), allocatedOn: starts,
                        discussed: discussed[allocation.child_id] ?? [], on: day)
                else { continue }
                share.counted += 1
                if standing.withinInterval { share.within += 1 }
            }
            return share
        }
    }
}
