import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// The child's worker or team manager replying to a submitted audit; a disagreement sends it to a second auditor
/// where it has had none.
enum ReplyController {
    @Sendable static func reply(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (audit, programme, child) = try await CaseAuditController.find(req, user: user)
        guard audit.state == .submitted, try await mayReply(to: audit, user: user, on: req.db) else {
            throw Abort(.conflict, reason: "Only the child's worker or their team manager may reply to this audit, once it is submitted.")
        }
        var typed = AuditResponseForm()
        let text = req.typed
        typed.text = text("response")
        typed.kind = text("kind")
        typed.conversationOn = DateField.read("conversation", from: text)
        typed.conversationNotes = text("conversation-notes")
        switch typed.checked(today: .today) {
        case .failure(let mistakes):
            return try await CaseAuditController.page(req, typed: .reply(typed, FormErrors(mistakes.all)))
        case .success(let reply):
            var moderation: CaseAuditStore.NewModeration?
            if reply.disagrees, try await CaseAuditStore.moderation(ofAudit: audit.requireID(), on: req.db) == nil {
                moderation = try await ProgrammeDraw.disputed(audit, in: programme, db: req.db)
            }
            try await refusedAsConflict {
                try await CaseAuditStore.reply(
                    to: audit.requireID(), reply, moderation: moderation, by: user, actor: req.auditActor, childLocalID: child.localID, on: req.db)
            }
            return req.redirect(
                to: .quality(.audit(id: try audit.requireID().uuidString)), notice: moderation == nil ? .replyRecorded : .replySentToModeration)
        }
    }

    /// The child's worker now, or a manager of the team that holds them.
    static func mayReply(to audit: CaseAudit, user: User, on db: any Database) async throws -> Bool {
        guard user.role.permissions.contains(.respondToAudits),
            let allocation = try await ChildAccess.allocations(of: [audit.childID], on: db)[audit.childID]
        else { return false }
        return allocation.worker == user.id || (user.role == .teamManager && allocation.team != nil && allocation.team == user.$team.id)
    }
}
