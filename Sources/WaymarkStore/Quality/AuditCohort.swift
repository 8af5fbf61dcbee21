import FluentKit
import Foundation
import WaymarkDomain

/// The children an audit programme draws from: every child Waymark holds whose status now is one of those asked for
/// (looked after, on a child protection plan, …), each with the team they are allocated to, as the sample's strata.
package enum AuditCohort {
    package struct Member: Sendable {
        /// The child's id in lower case (as PostgreSQL writes a UUID; SQLite keeps it as it was given): a sample's
        /// keys are worked out from these letters, so the same seed must see the same text on every database.
        package var childID: String
        package var team: String
    }

    /// Where a child is allocated to no team, their stratum.
    package static let noTeam = "No team"

    /// Read in two queries of text (`TextRows`): which status records each child has open (and whether they were ever
    /// reported as a care leaver), then every current allocation with its team's name. A child with more than one
    /// open allocation counts once, in the first team by name.
    package static func members(withStatus statuses: Set<String>, on db: any Database) async throws -> [Member] {
        // `JourneyStatus.current` asks only whether a record of each kind is open, and whether any care leaver record
        // exists: the database answers that, one row a child and kind.
        let everOpen: Set<JourneyKind> = [.ssda903(.oc3), .caseSystem(.careLeavers)]
        func list(_ kinds: some Sequence<JourneyKind>) -> String { kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ") }
        let open = JourneyStatus.kinds.filter { !everOpen.contains($0) }
        let records = try await TextRows.read(
            """
            SELECT DISTINCT CAST(child_id AS TEXT), kind FROM \(JourneyEvent.schema)
            WHERE (kind IN (\(list(open))) AND ends IS NULL) OR kind IN (\(list(everOpen)))
            """, on: db)
        var kinds: [String: [(kind: JourneyKind, ends: ISODay?)]] = [:]
        for row in records {
            guard let child = row[0]?.lowercased(), let kind = row[1] else { continue }
            kinds[child, default: []].append((JourneyKind(rawValue: kind), nil))
        }
        let allocations = try await TextRows.read(
            """
            SELECT CAST(a.child_id AS TEXT), t.name FROM \(ChildAllocation.schema) a JOIN \(Team.schema) t ON t.id = a.team_id
            WHERE a.ends IS NULL
            """, on: db)
        var teams: [String: String] = [:]
        for row in allocations {
            guard let child = row[0]?.lowercased(), let team = row[1] else { continue }
            if teams[child].map({ team < $0 }) ?? true { teams[child] = team }
        }
        return kinds.compactMap { child, records in
            statuses.isDisjoint(with: JourneyStatus.current(records)) ? nil : Member(childID: child, team: teams[child] ?? noTeam)
        }
    }

    /// Children's local identifiers, by id: for the few drawn.
    package static func localIDs(of childIDs: [String], on db: any Database) async throws -> [String: String] {
        let children = try await CaseloadStore.children(childIDs.compactMap(UUID.init(uuidString:)), on: db)
        return Dictionary(children.map { (canonical($0.id!), $0.localID) }, uniquingKeysWith: { first, _ in first })
    }

    /// A child's id as the cohort writes it.
    package static func canonical(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// Children's ids, by their local identifiers: for those to leave out.
    package static func childIDs(ofLocal localIDs: Set<String>, on db: any Database) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in Array(localIDs).chunked(ReturnLoading.batchSize) {
            for child in try await Child.query(on: db).filter(\.$localID ~~ Array(chunk)).all() { found.insert(canonical(child.id!)) }
        }
        return found
    }
}
