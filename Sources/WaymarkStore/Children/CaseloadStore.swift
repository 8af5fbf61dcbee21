import FluentKit
import Foundation
import WaymarkDomain

/// Caseloads: the teams a person's record scope covers, the children allocated now to a worker or a team, and the
/// children themselves.
package enum CaseloadStore {
    /// The teams a scope covers (every team, a service area's, or the person's own), each with its service area, by
    /// service area and name.
    package static func teams(in scope: ChildRecordScope, on db: any Database) async throws -> [Team] {
        guard let query = query(in: scope, on: db) else { return [] }
        return try await query.with(\.$serviceArea).all().sorted { ($0.serviceArea.name, $0.name) < ($1.serviceArea.name, $1.name) }
    }

    /// One team with its service area, if the scope covers it.
    package static func team(_ id: UUID, in scope: ChildRecordScope, on db: any Database) async throws -> Team? {
        try await query(in: scope, on: db)?.filter(\.$id == id).with(\.$serviceArea).first()
    }

    private static func query(in scope: ChildRecordScope, on db: any Database) -> QueryBuilder<Team>? {
        let query = Team.query(on: db)
        switch scope {
        case .all: return query
        case .serviceArea(let id): return query.filter(\.$serviceArea.$id == UUID(uuidString: id) ?? UUID())
        case .team(let id): return query.filter(\.$id == UUID(uuidString: id) ?? UUID())
        case .caseload, .none: return nil
        }
    }

    /// The children allocated now to a worker.
    package static func allocations(ofWorker workerID: UUID?, on db: any Database) async throws -> [ChildAllocation] {
        try await ChildAllocation.query(on: db).filter(\.$ends == nil).filter(\.$workerID == workerID).all()
    }

    /// The children allocated now to any of these workers.
    package static func allocations(ofWorkers workerIDs: [UUID], on db: any Database) async throws -> [ChildAllocation] {
        var found: [ChildAllocation] = []
        for chunk in workerIDs.chunked(ReturnLoading.batchSize) {
            found += try await ChildAllocation.query(on: db).filter(\.$ends == nil).filter(\.$workerID ~~ Array(chunk)).all()
        }
        return found
    }

    /// The children allocated now to these teams.
    package static func allocations(ofTeams teamIDs: [UUID], on db: any Database) async throws -> [ChildAllocation] {
        try await ChildAllocation.query(on: db).filter(\.$ends == nil).filter(\.$teamID ~~ teamIDs).all()
    }

    /// These children, read a batch at a time (a whole team's caseload is more than a database takes in one list).
    package static func children(_ ids: [UUID], on db: any Database) async throws -> [Child] {
        var children: [Child] = []
        for chunk in ids.chunked(ReturnLoading.batchSize) { children += try await Child.query(on: db).filter(\.$id ~~ Array(chunk)).all() }
        return children
    }

    /// How many children the database holds, whoever may see them.
    package static func childCount(on db: any Database) async throws -> Int { try await Child.query(on: db).count() }

    package static func child(_ id: UUID, on db: any Database) async throws -> Child? { try await Child.find(id, on: db) }
}
