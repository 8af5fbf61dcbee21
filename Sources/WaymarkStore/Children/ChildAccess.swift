import FluentKit
import Foundation
import SQLKit
import WaymarkDomain

/// Which children a person may open: their scope (from their role, team and service area) against each child's
/// current allocation. Reads only the allocations a page needs.
package struct ChildAccess {
    package struct Allocation {
        package var team: UUID?
        package var serviceArea: UUID?
        package var worker: UUID?
        package var label: String
    }

    package var scope: ChildRecordScope

    package init(for user: User) throws {
        scope = ChildRecordScope.of(
            role: user.role, userID: try user.requireID().uuidString, team: user.$team.id?.uuidString,
            serviceArea: user.$serviceArea.id?.uuidString)
    }

    package func includes(_ allocation: Allocation?) -> Bool {
        scope.includes(team: allocation?.team?.uuidString, serviceArea: allocation?.serviceArea?.uuidString, worker: allocation?.worker?.uuidString)
    }

    /// The current allocations (those with no end) of these children, with who and which team, for pages.
    package static func allocations(of children: [UUID], on db: any Database) async throws -> [UUID: Allocation] {
        guard !children.isEmpty else { return [:] }
        let current = try await ChildAllocation.query(on: db).filter(\.$childID ~~ children).filter(\.$ends == nil).all()
        let teamIDs = Set(current.compactMap(\.teamID)), workerIDs = Set(current.compactMap(\.workerID))
        let teams =
            teamIDs.isEmpty
            ? [:] : Dictionary(uniqueKeysWithValues: try await Team.query(on: db).filter(\.$id ~~ Array(teamIDs)).all().map { ($0.id!, $0) })
        let workers =
            workerIDs.isEmpty
            ? [:]
            : Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ Array(workerIDs)).all().map { ($0.id!, $0) })
        var allocated: [UUID: Allocation] = [:]
        for allocation in current {
            let team = allocation.teamID.flatMap { teams[$0] }
            let label = [allocation.workerID.flatMap { workers[$0]?.displayName } ?? allocation.workerName, team?.name].compactMap { $0 }.joined(
                separator: ", ")
            allocated[allocation.childID] = Allocation(
                team: allocation.teamID, serviceArea: team?.$serviceArea.id, worker: allocation.workerID,
                label: label)
        }
        return allocated
    }

    /// The children the scope holds now, or nil when it holds every child.
    func childIDs(on db: any Database) async throws -> Set<UUID>? {
        var query = ChildAllocation.query(on: db).filter(\.$ends == nil)
        switch scope {
        case .all: return nil
        case .none: return []
        case .team(let id): query = query.filter(\.$teamID == UUID(uuidString: id))
        case .caseload(let id): query = query.filter(\.$workerID == UUID(uuidString: id))
        case .serviceArea(let id):
            let teams = try await Team.query(on: db).filter(\.$serviceArea.$id == UUID(uuidString: id)!).all().compactMap(\.id)
            query = query.filter(\.$teamID ~~ teams)
        }
        return Set(try await query.all().map(\.childID))
    }

    /// Of these children (by local identifier, with every child's id), those the person may open, each with its id
    /// and, when `withNames`, its name: for the lists behind a figure, which count the rest but do not list them.
    package func openable(
        _ localIDs: Set<String>, ids: [String: UUID], withNames: Bool,
        on db: any Database
    ) async throws -> [String: (id: UUID, name: String?)] {
        let inScope = try await childIDs(on: db)
        var open: [String: (id: UUID, name: String?)] = [:]
        for localID in localIDs {
            if let id = ids[localID], inScope?.contains(id) ?? true { open[localID] = (id, nil) }
        }
        guard withNames else { return open }
        for chunk in open.values.map(\.id).chunked(ReturnLoading.batchSize) {
            for child in try await Child.query(on: db).filter(\.$id ~~ Array(chunk)).all() { open[child.localID]?.name = child.displayName }
        }
        return open
    }

    /// The children (up to 50) whose local identifier or UPN is the query, or with `byName` whose name holds it, among
    /// those the scope holds now.
    package func search(_ query: String, byName: Bool, on db: any Database) async throws -> [Child] {
        // The scope narrows the search itself, so that a common name's matches elsewhere cannot crowd out one's own.
        let matches = Child.query(on: db)
        if let inScope = try await childIDs(on: db) { matches.filter(\.$id ~~ Array(inScope)) }
        return try await matches.group(.or) { group in
            group.filter(\.$localID == query).filter(\.$upn == query)
            if byName {
                // Case-insensitive on every database (PostgreSQL's LIKE is not); the pattern's own % and _ are taken literally.
                let pattern =
                    "%"
                    + query.lowercased().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
                for column in ["given_name", "family_name"] {
                    group.filter(
                        .sql(
                            SQLBinaryExpression(
                                left: SQLFunction("LOWER", args: SQLColumn(column)), op: SQLRaw("LIKE"),
                                right: SQLBinaryExpression(left: SQLBind(pattern), op: SQLRaw("ESCAPE"), right: SQLLiteral.string("\\")))))
                }
            }
        }.sort(\.$localID).limit(50).all()
    }

    /// How many children the scope holds.
    package func count(on db: any Database) async throws -> Int {
        if let ids = try await childIDs(on: db) { return ids.count }
        return try await Child.query(on: db).count()
    }

    /// Where each child is now, for lists: read from the few kinds of record the status depends on.
    package static func statuses(of children: [UUID], on db: any Database) async throws -> [UUID: [String]] {
        struct Row: Decodable { var child_id: UUID; var kind: String; var ends: String? }
        var rows: [Row] = []
        for chunk in children.chunked(ReturnLoading.batchSize) {
            rows += try await (db as! any SQLDatabase).select().columns("child_id", "kind", "ends").from(JourneyEvent.schema)
                .where("child_id", .in, Array(chunk)).where("kind", .in, JourneyStatus.kinds.map(\.rawValue)).all(decoding: Row.self)
        }
        return Dictionary(grouping: rows, by: \.child_id).mapValues { rows in
            JourneyStatus.current(rows.map { (JourneyKind(rawValue: $0.kind), $0.ends.flatMap { ISODay($0) }) })
        }
    }
}
