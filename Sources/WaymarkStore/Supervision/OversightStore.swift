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
    /// Begun by the day, and not ended by the next agreement's start.
    package func inForce(on day: ISODay) -> Bool {
        starts <= day.description && (ends.map { $0 > day.description } ?? true)
    }

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

        package init(within: Int = 0, counted: Int = 0) { (self.within, self.counted) = (within, counted) }
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
        let borough = try await Borough.read(allocatedSince: first, on: db)
        return days.map { day in
            borough.shares(on: day, intervals: intervals).values.reduce(into: Share()) {
                $0.within += $1.within; $0.counted += $1.counted
            }
        }
    }

    /// On the day, team by team (by the team's id in lower case): of the children then allocated to it whose status
    /// had an interval, how many had been discussed within it.
    package static func caseDiscussionsByTeam(on day: ISODay, intervals: CaseDiscussionIntervals, db: any Database) async throws -> [String: Share] {
        try await Borough.read(allocatedSince: day, on: db).shares(on: day, intervals: intervals)
    }

    /// Every allocation open on or after a day, every child's status records and every case discussion, read as text in
    /// three queries (`TextRows`): the whole borough's figures read a record a child many times over, and decoding
    /// them row by row took most of a second at 30,000 children.
    private struct Borough {
        struct Allocation { var child: String, team: String?, starts: ISODay, ends: ISODay? }
        var allocations: [Allocation] = []
        var records: [String: [(kind: JourneyKind, starts: ISODay?, ends: ISODay?)]] = [:]
        var discussed: [String: [ISODay]] = [:]

        static func read(allocatedSince first: ISODay, on db: any Database) async throws -> Borough {
            var borough = Borough()
            // The day is Waymark's own (an ISODay it wrote), safe to put in the SQL as `TextRows` asks.
            for row in try await TextRows.read(
                """
                SELECT CAST(child_id AS TEXT), CAST(team_id AS TEXT), starts, ends FROM \(ChildAllocation.schema)
                WHERE ends IS NULL OR ends > '\(first.description)'
                """, on: db)
            {
                guard let child = row[0]?.lowercased(), let starts = row[2].flatMap({ ISODay($0) }) else { continue }
                borough.allocations.append(.init(child: child, team: row[1]?.lowercased(), starts: starts, ends: row[3].flatMap { ISODay($0) }))
            }
            let kinds = JourneyStatus.kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            for row in try await TextRows.read(
                "SELECT CAST(child_id AS TEXT), kind, starts, ends FROM \(JourneyEvent.schema) WHERE kind IN (\(kinds))", on: db)
            {
                guard let child = row[0]?.lowercased(), let kind = row[1] else { continue }
                borough.records[child, default: []].append(
                    (JourneyKind(rawValue: kind), row[2].flatMap { ISODay($0) }, row[3].flatMap { ISODay($0) }))
            }
            for row in try await TextRows.read("SELECT CAST(child_id AS TEXT), held_on FROM \(CaseDiscussion.schema)", on: db) {
                guard let child = row[0]?.lowercased(), let day = row[1].flatMap({ ISODay($0) }) else { continue }
                borough.discussed[child, default: []].append(day)
            }
            return borough
        }

        /// Team by team ("" for no team), on the day.
        func shares(on day: ISODay, intervals: CaseDiscussionIntervals) -> [String: Share] {
            var shares: [String: Share] = [:]
            for allocation in allocations where allocation.starts <= day && (allocation.ends.map { $0 > day } ?? true) {
                guard let interval = intervals.days(on: day, records[allocation.child] ?? []) else { continue }
                let standing = intervals.standing(
                    interval: interval, allocatedOn: allocation.starts, discussed: discussed[allocation.child] ?? [], on: day)
                shares[allocation.team ?? "", default: Share()].counted += 1
                if standing.withinInterval { shares[allocation.team ?? "", default: Share()].within += 1 }
            }
            return shares
        }
    }
}
