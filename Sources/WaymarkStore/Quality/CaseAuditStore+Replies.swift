import FluentKit
import Foundation
import WaymarkDomain

/// The child's worker and team manager replying to a submitted audit.
extension CaseAuditStore {
    /// Keeps a reply to a submitted audit. A disagreement sends the audit to moderation where it has had none: its
    /// grades are unlocked until the second auditor (and, where they differ, a QA lead) settles them.
    package static func reply(
        to auditID: UUID, _ reply: AuditResponseForm.Checked, moderation: NewModeration?, by user: User, actor: AuditTrail.Actor,
        childLocalID: String, at now: Date = Date(), on db: any Database
    ) async throws {
        try await db.transaction { db in
            guard let audit = try await CaseAudit.find(auditID, on: db), audit.state == .submitted else {
                throw Refused(message: "This audit has not been submitted, so there is nothing to reply to yet.")
            }
            let record = CaseAuditReply()
            record.auditID = auditID
            record.disagrees = reply.disagrees
            record.text = reply.text
            record.conversationOn = reply.conversationOn?.description
            record.conversationNotes = reply.conversationNotes
            record.givenBy = try user.requireID()
            record.givenByName = user.displayName
            record.givenByRole = user.role.rawValue
            record.givenAt = now
            try await record.create(on: db)
            var sent = false
            if reply.disagrees, let moderation, try await CaseAuditModeration.query(on: db).filter(\.$auditID == auditID).first() == nil {
                try await start(moderation, of: auditID, on: db)
                audit.lockedAt = nil
                try await audit.save(on: db)
                sent = true
            }
            try await AuditTrail.record(
                .update, recordType: .caseAudit, recordID: childLocalID,
                detail: "\(reply.disagrees ? "disagreement" : "response") recorded (\(auditID.uuidString))" + (sent ? "; sent to moderation" : ""),
                by: actor, on: db)
        }
    }

    package static func replies(to auditID: UUID, on db: any Database) async throws -> [CaseAuditReply] {
        try await CaseAuditReply.query(on: db).filter(\.$auditID == auditID).sort(\.$givenAt).all()
    }
}
