import FluentKit
import Foundation
import WaymarkDomain

/// Learning actions: made from an audit's findings, closed by their owner with evidence, verified by someone else.
/// Each change is in the audit trail under the child's audit.
package enum LearningActionStore {
    package static func create(
        from auditID: UUID, _ action: LearningActionForm.Checked, by user: User, actor: AuditTrail.Actor, childLocalID: String,
        on db: any Database
    ) async throws -> UUID {
        try await db.transaction { db in
            guard let audit = try await CaseAudit.find(auditID, on: db), audit.state == .submitted else {
                throw CaseAuditStore.Refused(message: "Learning actions come from a submitted audit's findings; this audit is not submitted.")
            }
            let record = LearningAction()
            record.auditID = auditID
            record.domain = action.domain
            record.level = action.level.rawValue
            record.ownerID = UUID(uuidString: action.owner)!
            record.description = action.description
            record.evidenceRequired = action.evidence
            record.due = action.due.description
            record.planActionID = action.planAction.flatMap(UUID.init(uuidString:))
            record.state = .open
            record.createdBy = try user.requireID()
            record.createdByName = user.displayName
            record.createdAt = Date()
            try await record.create(on: db)
            try await AuditTrail.record(
                .create, recordType: .caseAudit, recordID: childLocalID, detail: "learning action added (\(try record.requireID().uuidString))",
                by: actor, on: db)
            return try record.requireID()
        }
    }

    package static func action(_ id: UUID, on db: any Database) async throws -> LearningAction? { try await LearningAction.find(id, on: db) }

    /// Every learning action, soonest due first (the API narrows them to those the person may see).
    package static func all(on db: any Database) async throws -> [LearningAction] {
        try await LearningAction.query(on: db).sort(\.$due).sort(\.$createdAt).all()
    }

    package static func actions(ofAudit auditID: UUID, on db: any Database) async throws -> [LearningAction] {
        try await LearningAction.query(on: db).filter(\.$auditID == auditID).sort(\.$createdAt).all()
    }

    /// A person's own actions still open or sent back, soonest due first.
    package static func open(ownedBy userID: UUID, on db: any Database) async throws -> [LearningAction] {
        try await LearningAction.query(on: db).filter(\.$ownerID == userID).filter(\.$state == .open).sort(\.$due).all()
    }

    /// The open actions of any of these people, soonest due first (a team's, for its daily tracker).
    package static func open(ownedByAny owners: [UUID], on db: any Database) async throws -> [LearningAction] {
        guard !owners.isEmpty else { return [] }
        return try await LearningAction.query(on: db).filter(\.$ownerID ~~ owners).filter(\.$state == .open).sort(\.$due).all()
    }

    /// Closed actions waiting for someone other than their owner to verify them: those this person added, or every one
    /// for those who verify any (QA leads).
    package static func toVerify(by user: User, any: Bool, on db: any Database) async throws -> [LearningAction] {
        let id = try user.requireID()
        var query = LearningAction.query(on: db).filter(\.$state == .closed).filter(\.$ownerID != id)
        if !any { query = query.filter(\.$createdBy == id) }
        return try await query.sort(\.$closedAt).all()
    }

    /// The owner says it is done, with the evidence. Refused unless it is theirs and open.
    package static func close(_ id: UUID, evidence: String, by user: User, actor: AuditTrail.Actor, on db: any Database) async throws {
        try await db.transaction { db in
            guard let action = try await LearningAction.find(id, on: db), action.ownerID == user.id, action.state == .open else {
                throw CaseAuditStore.Refused(message: "Only its owner may close an open learning action.")
            }
            action.state = .closed
            action.closedAt = Date()
            action.closureEvidence = evidence
            try await action.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .learningAction, recordID: id.uuidString, detail: "closed by its owner", by: actor, on: db)
        }
    }

    /// Someone other than the owner verifies the closure, or sends it back open with why. Refused for the owner, or an
    /// action not closed.
    package static func verify(
        _ id: UUID, verified: Bool, because reason: String, by user: User, actor: AuditTrail.Actor, on db: any Database
    ) async throws {
        try await db.transaction { db in
            guard let action = try await LearningAction.find(id, on: db), action.state == .closed, action.ownerID != user.id else {
                throw CaseAuditStore.Refused(message: "A closed learning action is verified by someone other than its owner.")
            }
            if verified {
                action.state = .verified
                action.verifiedByName = user.displayName
                action.verifiedAt = Date()
            } else {
                action.state = .open
                action.sentBackBecause = reason
            }
            try await action.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .learningAction, recordID: id.uuidString, detail: verified ? "verified" : "sent back to its owner", by: actor,
                on: db)
        }
    }

    /// The actions of the plans in force that a learning action may serve: (id, "plan title: ref title"), by plan and
    /// action.
    package static func planActionChoices(on db: any Database) async throws -> [(id: UUID, label: String)] {
        let plans = try await Plan.query(on: db).filter(\.$status == .active).all()
        let titles = Dictionary(uniqueKeysWithValues: plans.compactMap { plan in plan.id.map { ($0, plan.title) } })
        guard !titles.isEmpty else { return [] }
        return try await PlanAction.query(on: db).filter(\.$planID ~~ Array(titles.keys)).all()
            .sorted { (titles[$0.planID] ?? "", $0.position) < (titles[$1.planID] ?? "", $1.position) }
            .compactMap { action in action.id.map { ($0, "\(titles[action.planID] ?? ""): \(action.ref) \(action.title)") } }
    }

    /// The plan action an action serves: its plan's slug, its ref and title.
    package static func planAction(_ id: UUID, on db: any Database) async throws -> (slug: String, ref: String, title: String)? {
        guard let action = try await PlanAction.find(id, on: db), let plan = try await Plan.find(action.planID, on: db) else { return nil }
        return (plan.slug, action.ref, action.title)
    }

    /// The learning actions serving a plan action, oldest first.
    package static func actions(servingPlanAction id: UUID, on db: any Database) async throws -> [LearningAction] {
        try await LearningAction.query(on: db).filter(\.$planActionID == id).sort(\.$createdAt).all()
    }

    /// Those who may own an action: every active account of a role that works with children or audits, by name.
    package static func owners(on db: any Database) async throws -> [User] {
        let roles: [Role] = [.leadership, .headOfService, .teamManager, .practitioner, .qaLead, .qaAuditor]
        return try await User.query(on: db).filter(\.$role ~~ roles).filter(\.$isDisabled == false).sort(\.$displayName).all()
    }
}
