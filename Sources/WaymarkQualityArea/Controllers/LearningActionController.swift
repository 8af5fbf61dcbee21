import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Learning actions from an audit's findings: added by its auditor or a QA lead, closed by their owner with evidence,
/// verified or sent back by the person who added them or a QA lead, never by their owner.
enum LearningActionController {
    @Sendable static func add(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (audit, programme, child) = try await CaseAuditController.find(req, user: user)
        guard audit.state == .submitted, mayAdd(to: audit, user: user) else {
            throw Abort(.conflict, reason: "Learning actions are added from a submitted audit by its auditor or a QA lead.")
        }
        var typed = LearningActionForm()
        let text = req.typed
        typed.description = text("action-description")
        typed.domain = text("action-domain")
        typed.level = text("action-level")
        typed.owner = text("action-owner")
        typed.evidence = text("action-evidence")
        typed.due = DateField.read("action-due", from: text)
        typed.planAction = text("action-plan-action")
        let instrument = try ProgrammeFacts.instrument(of: programme)
        let owners = try await LearningActionStore.owners(on: req.db)
        let planActions = try await LearningActionStore.planActionChoices(on: req.db)
        switch typed.checked(
            today: .today, owners: Set(owners.compactMap { $0.id?.uuidString }), domains: Set(instrument.domains.map(\.id)),
            planActions: Set(planActions.map(\.id.uuidString)))
        {
        case .failure(let mistakes):
            return try await CaseAuditController.page(req, typed: .action(typed, FormErrors(mistakes.all)))
        case .success(let action):
            _ = try await LearningActionStore.create(
                from: audit.requireID(), action, by: user, actor: req.auditActor, childLocalID: child.localID, on: req.db)
            return req.redirect(
                to: .quality(.audit(id: try audit.requireID().uuidString)), notice: .learningActionAdded, fragment: "learning-actions")
        }
    }

    static func mayAdd(to audit: CaseAudit, user: User) -> Bool {
        audit.auditorID == user.id || user.role.permissions.contains(.manageAuditProgrammes)
    }

    /// The audit page's part: its actions, and the form for its auditor or a QA lead.
    static func section(
        _ audit: CaseAudit, instrument: AuditInstrument, typed: LearningActionForm?, errors: FormErrors, user: User, db: any Database
    ) async throws -> (actions: [LearningActionPages.Listed], add: LearningActionPages.AddForm?) {
        let actions = try await listed(LearningActionStore.actions(ofAudit: audit.requireID(), on: db), db: db)
        guard audit.state == .submitted, mayAdd(to: audit, user: user) else { return (actions, nil) }
        let owners = try await LearningActionStore.owners(on: db).map { owner in
            Form.Choice(value: owner.id!.uuidString, label: "\(owner.displayName) (\(owner.role.displayName))")
        }
        let planActions = try await LearningActionStore.planActionChoices(on: db).map { Form.Choice(value: $0.id.uuidString, label: $0.label) }
        return (
            actions,
            .init(
                typed: typed ?? LearningActionForm(), errors: errors, domains: instrument.domains.map { .init(value: $0.id, label: $0.title) },
                owners: owners, planActions: planActions)
        )
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let mine = try await LearningActionStore.open(ownedBy: user.requireID(), on: req.db)
        let toVerify = try await LearningActionStore.toVerify(by: user, any: user.role.permissions.contains(.manageAuditProgrammes), on: req.db)
        return .html(
            LearningActionPages.renderList(
                mine: try await listed(mine, db: req.db), toVerify: try await listed(toVerify, db: req.db),
                context: req.pageContext(LearningActionPages.listTitle, area: .quality, notice: Notice.from(req)?.message)))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, next: nil)
    }

    @Sendable static func close(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let action = try await find(req, user: user)
        let evidence = ((try? req.content.get(String.self, at: "closure-evidence")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FormErrors()
        if evidence.isEmpty { errors.add("closure-evidence", "Say what was done and where the evidence is") }
        if evidence.count > 2_000 { errors.add("closure-evidence", "The evidence must be 2000 characters or fewer") }
        guard errors.isEmpty else { return try await page(req, next: .close(evidence: evidence, errors)) }
        try await refusedAsConflict {
            try await LearningActionStore.close(action.requireID(), evidence: evidence, by: user, actor: req.auditActor, on: req.db)
        }
        return req.redirect(to: .quality(.action(id: try action.requireID().uuidString)), notice: .learningActionClosed)
    }

    @Sendable static func verify(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let action = try await find(req, user: user)
        guard mayVerify(action, user: user) else {
            throw Abort(.conflict, reason: "A closed action is verified by the person who added it or a QA lead, never by its owner.")
        }
        let decision = (try? req.content.get(String.self, at: "decision")) ?? ""
        let reason = ((try? req.content.get(String.self, at: "reason")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FormErrors()
        if decision != "verified" && decision != "sent-back" { errors.add("decision", "Say whether the evidence shows it is done") }
        if decision == "sent-back" && reason.isEmpty { errors.add("reason", "Say why it goes back to its owner") }
        if reason.count > 2_000 { errors.add("reason", "The reason must be 2000 characters or fewer") }
        guard errors.isEmpty else { return try await page(req, next: .verify(reason: reason, errors)) }
        try await refusedAsConflict {
            try await LearningActionStore.verify(
                action.requireID(), verified: decision == "verified", because: reason, by: user, actor: req.auditActor, on: req.db)
        }
        return req.redirect(
            to: .quality(.action(id: try action.requireID().uuidString)),
            notice: decision == "verified" ? .learningActionVerified : .learningActionSentBack)
    }

    static func mayVerify(_ action: LearningAction, user: User) -> Bool {
        action.state == .closed && action.ownerID != user.id
            && (action.createdBy == user.id || user.role.permissions.contains(.manageAuditProgrammes))
    }

    /// The action, for its owner, the person who added it, and those who may open its audit; "not found" for others.
    static func find(_ req: Request, user: User) async throws -> LearningAction {
        guard let id = UUID(uuidString: try req.parameters.require("actionID")), let action = try await LearningActionStore.action(id, on: req.db)
        else { throw Abort(.notFound) }
        if action.ownerID == user.id || action.createdBy == user.id { return action }
        guard let audit = try await CaseAuditStore.audit(action.auditID, on: req.db), try await CaseAuditAccess.mayOpen(audit, user: user, on: req.db)
        else { throw Abort(.notFound) }
        return action
    }

    static func page(_ req: Request, next typed: LearningActionPages.Next?) async throws -> Response {
        let user = try req.requireSignedIn().user
        let action = try await find(req, user: user)
        guard let audit = try await CaseAuditStore.audit(action.auditID, on: req.db),
            let child = try await CaseloadStore.child(audit.childID, on: req.db)
        else { throw Abort(.notFound) }
        let names = try await CaseAuditAccess.names(of: [audit.childID], for: user, on: req.db)
        let listed = try await listed([action], db: req.db)[0]
        let instrument = AuditInstruments.caseFileAudit
        let next: LearningActionPages.Next =
            typed
            ?? (action.state == .open && action.ownerID == user.id
                ? .close(evidence: "", FormErrors()) : mayVerify(action, user: user) ? .verify(reason: "", FormErrors()) : .none)
        var planAction: (slug: String, ref: String, title: String)?
        if let id = action.planActionID { planAction = try await LearningActionStore.planAction(id, on: req.db) }
        let detail = LearningActionPages.Detail(
            listed: listed, audit: (audit.id!.uuidString, names[audit.childID] ?? "Child \(child.localID)"),
            domain: action.domain.flatMap { id in instrument.domains.first { $0.id == id }?.title }, evidenceRequired: action.evidenceRequired,
            addedBy: action.createdByName, addedOn: ISODay(action.createdAt).written,
            closure: action.closedAt.map { (ISODay($0).written, action.closureEvidence ?? "") },
            verified: action.verifiedAt.map { (action.verifiedByName ?? "–", ISODay($0).written) }, sentBackBecause: action.sentBackBecause,
            planAction: planAction)
        let status: HTTPResponseStatus = typed == nil ? .ok : .unprocessableEntity
        return .html(
            LearningActionPages.renderAction(
                detail, next: next, context: req.pageContext(action.description, area: .quality, notice: Notice.from(req)?.message)),
            status: status)
    }

    static func listed(_ actions: [LearningAction], db: any Database) async throws -> [LearningActionPages.Listed] {
        let today = ISODay.today
        var owners: [UUID: String] = [:]
        for id in Set(actions.map(\.ownerID)) { owners[id] = try await UserStore.user(id: id, on: db)?.displayName }
        return actions.map { action in
            let due = ISODay(action.due)
            let overdue = action.state == .open && (due.map { $0 < today } ?? false)
            let state = overdue ? "Overdue" : LearningActionWords.state(action.state, sentBack: action.sentBackBecause != nil)
            return LearningActionPages.Listed(
                id: action.id!.uuidString, description: action.description, owner: owners[action.ownerID] ?? "–",
                level: LearningActionLevel(rawValue: action.level)?.title ?? action.level, due: ISODay.written(action.due), state: state,
                overdue: overdue)
        }
    }
}
