import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Safeguarding concerns raised from audits: by the auditor, the second auditor or a QA lead, at any time; acted on
/// the same working day by the managers of the team and service area that hold the child (or leadership, or a QA lead).
enum ConcernController {
    @Sendable static func raise(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (audit, _, child) = try await CaseAuditController.find(req, user: user)
        guard try await mayRaise(on: audit, user: user, db: req.db) else {
            throw Abort(.conflict, reason: "A concern is raised from an audit by its auditor, its second auditor or a QA lead.")
        }
        let typed = req.typed("concern")
        switch SafeguardingConcern.checked(typed) {
        case .failure(let mistakes):
            return try await CaseAuditController.page(req, typed: .concern(typed, FormErrors(mistakes.all)))
        case .success(let text):
            let allocation = try await ChildAccess.allocations(of: [audit.childID], on: req.db)[audit.childID]
            try await AuditConcernStore.raise(
                from: audit, text: text, due: SafeguardingConcern.due(raisedOn: .today, calendar: req.application.timescaleEngine.calendar),
                team: allocation?.team, serviceArea: allocation?.serviceArea, by: user, actor: req.auditActor, childLocalID: child.localID, on: req.db
            )
            return req.redirect(to: .quality(.audit(id: try audit.requireID().uuidString)), notice: .concernRaised, fragment: "concerns")
        }
    }

    @Sendable static func actOn(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        guard let id = UUID(uuidString: try req.parameters.require("concernID")), let concern = try await AuditConcernStore.concern(id, on: req.db),
            concerned(concern, user: user)
        else { throw Abort(.notFound) }
        let field = "action-taken-\(id.uuidString)"
        let typed = req.typed(field)
        switch SafeguardingConcern.checked(typed, field: field) {
        case .failure:
            var errors = FormErrors()
            errors.add(
                field,
                typed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    ? "Say what you have done about the concern" : "What you have done must be 4000 characters or fewer")
            req.parameters.set("auditID", to: concern.auditID.uuidString)
            return try await CaseAuditController.page(req, typed: .actOn(id.uuidString, typed, errors))
        case .success(let text):
            try await refusedAsConflict {
                let localID = try await CaseloadStore.child(concern.childID, on: req.db)?.localID ?? concern.childID.uuidString
                try await AuditConcernStore.actOn(id, actionTaken: text, by: user, actor: req.auditActor, childLocalID: localID, on: req.db)
            }
            return req.redirect(to: .quality(.audit(id: concern.auditID.uuidString)), notice: .concernActedOn, fragment: "concerns")
        }
    }

    static func mayRaise(on audit: CaseAudit, user: User, db: any Database) async throws -> Bool {
        if audit.auditorID == user.id || user.role.permissions.contains(.manageAuditProgrammes) { return true }
        return try await CaseAuditStore.moderation(ofAudit: audit.requireID(), on: db)?.moderatorID == user.id
    }

    /// Those told of a concern, who act on it: the managers of the team and service area that held the child when it
    /// was raised, leadership and QA leads.
    static func concerned(_ concern: AuditConcern, user: User) -> Bool {
        switch user.role {
        case .leadership, .qaLead: true
        case .headOfService: concern.serviceAreaID != nil && concern.serviceAreaID == user.$serviceArea.id
        case .teamManager: concern.teamID != nil && concern.teamID == user.$team.id
        default: false
        }
    }

    /// The audit page's part.
    static func section(
        _ audit: CaseAudit, typed: CaseAuditController.Typed?, user: User, calendar: WorkingDays, db: any Database
    ) async throws -> (
        concerns: [ConcernSection.Concern], raise: (text: String, errors: FormErrors)?, acting: (id: String, text: String, errors: FormErrors)?
    ) {
        let today = ISODay.today
        let concerns = try await AuditConcernStore.concerns(ofAudit: audit.requireID(), on: db).map { concern in
            let due = ISODay(concern.due) ?? today
            let state = SafeguardingConcern.state(due: due, on: today, calendar: calendar)
            return ConcernSection.Concern(
                id: concern.id!.uuidString, text: concern.text, raised: "Raised by \(concern.raisedByName) on \(ISODay(concern.raisedAt).written)",
                state: state.words, overdue: state.overdue,
                actedOn: concern.actedOnAt.map { "\(concern.actionTaken ?? "") (\(concern.actedOnByName ?? "–"), \(ISODay($0).written))" },
                mayActOn: concern.actedOnAt == nil && concerned(concern, user: user))
        }
        var raise: (text: String, errors: FormErrors)?
        if try await mayRaise(on: audit, user: user, db: db) {
            if case .concern(let text, let errors)? = typed { raise = (text, errors) } else { raise = ("", FormErrors()) }
        }
        var acting: (id: String, text: String, errors: FormErrors)?
        if case .actOn(let id, let text, let errors)? = typed { acting = (id, text, errors) }
        return (concerns, raise, acting)
    }
}
