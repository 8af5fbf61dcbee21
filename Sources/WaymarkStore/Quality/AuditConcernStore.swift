import FluentKit
import Foundation
import WaymarkDomain

/// Safeguarding concerns raised from audits: raised by the auditor, second auditor or a QA lead, for the managers of
/// the team and service area that hold the child, who say what they did.
package enum AuditConcernStore {
    package static func raise(
        from audit: CaseAudit, text: String, due: ISODay, team: UUID?, serviceArea: UUID?, by user: User, actor: AuditTrail.Actor,
        childLocalID: String, on db: any Database
    ) async throws {
        try await db.transaction { db in
            let concern = AuditConcern()
            concern.auditID = try audit.requireID()
            concern.childID = audit.childID
            concern.teamID = team
            concern.serviceAreaID = serviceArea
            concern.text = text
            concern.raisedByName = user.displayName
            concern.raisedAt = Date()
            concern.due = due.description
            try await concern.create(on: db)
            try await AuditTrail.record(
                .create, recordType: .caseAudit, recordID: childLocalID,
                detail: "safeguarding concern raised (\(try concern.requireID().uuidString))",
                by: actor, on: db)
        }
    }

    package static func concerns(ofAudit auditID: UUID, on db: any Database) async throws -> [AuditConcern] {
        try await AuditConcern.query(on: db).filter(\.$auditID == auditID).sort(\.$raisedAt).all()
    }

    package static func concern(_ id: UUID, on db: any Database) async throws -> AuditConcern? { try await AuditConcern.find(id, on: db) }

    /// Those not yet acted on, oldest first.
    package static func open(on db: any Database) async throws -> [AuditConcern] {
        try await AuditConcern.query(on: db).filter(\.$actedOnAt == nil).sort(\.$raisedAt).all()
    }

    /// Those about a child the team held when raised, raised by the end of the day and not acted on by then, for its
    /// daily tracker.
    package static func open(ofTeam team: UUID, on day: ISODay, db: any Database) async throws -> [AuditConcern] {
        let end = day.adding(days: 1).start
        return try await AuditConcern.query(on: db).filter(\.$teamID == team).filter(\.$raisedAt < end).sort(\.$raisedAt).all()
            .filter { ($0.actedOnAt.map { $0 >= end }) ?? true }
    }

    /// What was done about it. Refused, with nothing changed, once it has been acted on.
    package static func actOn(
        _ id: UUID, actionTaken: String, by user: User, actor: AuditTrail.Actor, childLocalID: String, on db: any Database
    ) async throws {
        try await db.transaction { db in
            guard let concern = try await AuditConcern.find(id, on: db), concern.actedOnAt == nil else {
                throw CaseAuditStore.Refused(message: "This concern has been acted on already.")
            }
            concern.actedOnAt = Date()
            concern.actedOnByName = user.displayName
            concern.actionTaken = actionTaken
            try await concern.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .caseAudit, recordID: childLocalID, detail: "safeguarding concern acted on (\(id.uuidString))", by: actor, on: db
            )
        }
    }
}
