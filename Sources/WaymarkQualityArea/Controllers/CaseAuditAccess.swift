import Fluent
import Foundation
import WaymarkDomain
import WaymarkStore

/// Who may see a case audit: its auditor and second auditor, QA leads (who run the programme), and those whose part of
/// the children holds the child now (a team manager their team's audits, leadership all). Others are told it is not found.
enum CaseAuditAccess {
    static func visible(_ rows: [CaseAuditStore.Row], to user: User, on db: any Database) async throws -> [CaseAuditStore.Row] {
        if user.role.permissions.contains(.manageAuditProgrammes) { return rows }
        let access = try ChildAccess(for: user)
        if access.scope == .all { return rows }
        let allocations = try await ChildAccess.allocations(of: rows.map(\.childID), on: db)
        return rows.filter { row in row.auditorID == user.id || access.includes(allocations[row.childID]) }
    }

    static func mayOpen(_ audit: CaseAudit, user: User, on db: any Database) async throws -> Bool {
        if audit.auditorID == user.id || user.role.permissions.contains(.manageAuditProgrammes) { return true }
        // Its second auditor, who may be a manager from another team.
        if let moderation = try await CaseAuditStore.moderation(ofAudit: audit.requireID(), on: db), moderation.moderatorID == user.id { return true }
        let access = try ChildAccess(for: user)
        return access.includes(try await ChildAccess.allocations(of: [audit.childID], on: db)[audit.childID])
    }

    /// Children's names for those who see names, by child; "Child 1001" is written for others.
    static func names(of children: [UUID], for user: User, on db: any Database) async throws -> [UUID: String] {
        guard ChildRecordScope.seesNames(user.role) else { return [:] }
        return Dictionary(
            try await CaseloadStore.children(children, on: db).compactMap { child in child.displayName.map { (child.id!, $0) } },
            uniquingKeysWith: { a, _ in a })
    }
}
