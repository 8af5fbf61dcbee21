import FluentKit
import Foundation
import WaymarkDomain

/// The children an audit programme draws from: every child Waymark holds whose status now is one of those asked for
/// (looked after, on a child protection plan, …), each with the team they are allocated to, as the sample's strata.
package enum AuditCohort {
    package struct Member: Sendable {
        package var childID: String
        package var localID: String
        package var team: String
    }

    /// Where a child is allocated to no team, their stratum.
    package static let noTeam = "No team"

    /// Read in two queries of text (`TextRows`): the status records of every child, then every child with their
    /// current team; a child with more than one open allocation counts once, in the first team by name (a team
    /// before none).
    package static func members(withStatus statuses: Set<String>, on db: any Database) async throws -> [Member] {
        let kinds = JourneyStatus.kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let records = try await TextRows.read(
            "SELECT CAST(child_id AS TEXT), kind, ends FROM \(JourneyEvent.schema) WHERE kind IN (\(kinds))", on: db)
        var byChild: [String: [(kind: JourneyKind, ends: ISODay?)]] = [:]
        for row in records {
            guard let child = row[0], let kind = row[1] else { continue }
            byChild[child, default: []].append((JourneyKind(rawValue: kind), row[2].flatMap { ISODay($0) }))
        }
        let inCohort = Set(byChild.compactMap { child, records in statuses.isDisjoint(with: JourneyStatus.current(records)) ? nil : child })
        let children = try await TextRows.read(
            """
            SELECT CAST(c.id AS TEXT), c.local_id, t.name FROM \(Child.schema) c
            LEFT JOIN \(ChildAllocation.schema) a ON a.child_id = c.id AND a.ends IS NULL
            LEFT JOIN \(Team.schema) t ON t.id = a.team_id
            ORDER BY c.local_id, CASE WHEN t.name IS NULL THEN 1 ELSE 0 END, t.name
            """, on: db)
        var members: [Member] = []
        var seen: Set<String> = []
        for row in children {
            guard let id = row[0], let localID = row[1], inCohort.contains(id), seen.insert(id).inserted else { continue }
            members.append(Member(childID: id, localID: localID, team: row[2] ?? noTeam))
        }
        return members
    }
}
