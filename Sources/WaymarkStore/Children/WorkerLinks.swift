import FluentKit
import Foundation
import SQLKit

/// How a case system's worker is linked to a Waymark account: by the staff identifier the extract gives
/// (`prof_staff_id`) when an account has it, else by name, whatever its case. Made when an extract is imported and
/// when an account is added or its name or identifier changes, so a person sees their children either way round.
package struct WorkerLinks {
    var byStaffID: [String: UUID] = [:]
    var byName: [String: UUID] = [:]

    /// Every account's identifier and name.
    static func accounts(_ sql: any SQLDatabase) async throws -> WorkerLinks {
        struct Account: Decodable { var id: UUID; var display_name: String; var staff_id: String? }
        var links = WorkerLinks()
        for account in try await sql.select().columns("id", "display_name", "staff_id").from(User.schema).all(decoding: Account.self) {
            if let staffID = account.staff_id, !staffID.isEmpty { links.byStaffID[staffID] = links.byStaffID[staffID] ?? account.id }
            links.byName[account.display_name.lowercased()] = links.byName[account.display_name.lowercased()] ?? account.id
        }
        return links
    }

    func account(staffID: String?, name: String?) -> UUID? {
        staffID.flatMap { byStaffID[$0] } ?? name.flatMap { byName[$0.lowercased()] }
    }

    /// Links this account to the allocations the case system gives its worker: those with its staff identifier, and
    /// those with no account yet under its name whose identifier no other account has. Returns how many changed.
    package static func link(_ user: User, on db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        let id = try user.requireID()
        let links = try await accounts(sql)
        struct Allocation: Decodable { var id: UUID; var worker_id: UUID?; var worker_name: String?; var worker_staff_id: String? }
        var query = sql.select().columns("id", "worker_id", "worker_name", "worker_staff_id").from(ChildAllocation.schema)
            .where(SQLFunction("lower", args: SQLColumn("worker_name")), .equal, SQLBind(user.displayName.lowercased()))
        if let staffID = user.staffID, !staffID.isEmpty { query = query.orWhere("worker_staff_id", .equal, SQLBind(staffID)) }
        let changed = try await query.all(decoding: Allocation.self).filter { allocation in
            allocation.worker_id != id && links.account(staffID: allocation.worker_staff_id, name: allocation.worker_name) == id
        }
        for chunk in changed.map(\.id).chunked(500) {
            try await sql.update(ChildAllocation.schema).set("worker_id", to: id).where("id", .in, Array(chunk)).run()
        }
        return changed.count
    }

    /// How this account is linked to its allocations, for the caseload page: by staff identifier, by name, or both.
    package static func how(_ user: User, on db: any Database) async throws -> (byStaffID: Int, byName: Int) {
        let allocations = try await ChildAllocation.query(on: db).filter(\.$workerID == user.requireID()).filter(\.$ends == nil).all()
        let byStaffID = allocations.filter { $0.workerStaffID != nil && $0.workerStaffID == user.staffID }.count
        return (byStaffID, allocations.count - byStaffID)
    }
}
