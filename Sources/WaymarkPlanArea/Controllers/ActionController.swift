import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// One action: its page, and recording an update on it (only by those `ActionUpdateRule` allows).
enum ActionController {
    struct UpdateForm: Content {
        var commentary: String?
        var status: String?
        var progress: String?
        var rag: String?
        var ragReason: String?
        var evidence: String?

        var input: ActionUpdateInput {
            ActionUpdateInput(
                commentary: commentary ?? "", status: status ?? "", progress: progress ?? "", rag: rag ?? "",
                ragReason: ragReason ?? "", evidence: evidence ?? "")
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (action, record) = try await load(req)
        return try await page(req, action: action, record: record, form: ActionPage.UpdateForm())
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (action, record) = try await load(req)
        let user = try req.requireSignedIn().user
        guard mayUpdate(record, user: user) else {
            throw Abort(.forbidden, reason: "Only the organisations responsible for this action, its lead and administrators may update it.")
        }
        let form = try req.content.decode(UpdateForm.self)
        let checked: ActionUpdateInput.Checked
        switch form.input.check() {
        case .success(let value): checked = value
        case .failure(let mistakes):
            return try await page(
                req, action: action, record: record, form: .init(echoing: form.input, mistakes: mistakes.all),
                status: .unprocessableEntity)
        }

        let update = ActionUpdate()
        update.writtenAt = Date()
        update.authorID = user.id
        update.authorName = user.displayName
        update.authorOrganisation = try await PlanStore.organisationName(of: user, on: req.db)
        update.commentary = checked.commentary
        update.status = checked.status
        update.progress = checked.progress
        update.rag = checked.rag
        update.ragReason = checked.ragReason
        update.evidenceLinks = checked.evidenceLinks
        try await PlanStore.record(
            update, on: action,
            detail: "\(record.planSlug) \(record.ref): \(checked.status.rawValue), \(checked.progress)%, RAG \(checked.rag?.rawValue ?? "none")",
            by: req.auditActor, on: req.db)
        return req.redirect(to: .plan(.action(slug: record.planSlug, ref: record.ref)), notice: .actionUpdated, fragment: "history")
    }

    static func mayUpdate(_ record: ActionRecord, user: User) -> Bool {
        ActionUpdateRule.mayUpdate(record, role: user.role, organisationID: user.$organisation.id?.uuidString, displayName: user.displayName)
    }

    private static func load(_ req: Request) async throws -> (PlanAction, ActionRecord) {
        let (catalogue, plan) = try await PlanController.loadPlan(req)
        let ref = try req.parameters.require("actionRef")
        guard let record = catalogue.actions.first(where: { $0.ref == ref }),
            let action = try await PlanStore.action(planID: plan.requireID(), ref: ref, on: req.db)
        else { throw Abort(.notFound) }
        return (action, record)
    }

    private static func page(
        _ req: Request, action: PlanAction, record: ActionRecord, form: ActionPage.UpdateForm, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = try req.requireSignedIn().user
        let actionID = try action.requireID()
        let history = try await PlanStore.history(of: actionID, on: req.db)
        let recommendations = try await PlanStore.recommendations(answeredBy: actionID, on: req.db)
        let serving = try await LearningActionStore.actions(servingPlanAction: actionID, on: req.db)
        let learning = ActionPage.Learning(
            count: serving.count,
            listed: user.role.permissions.contains(.viewQuality)
                ? serving.map { ($0.id!.uuidString, $0.description, LearningActionWords.state($0.state, sentBack: $0.sentBackBecause != nil)) } : [])
        let model = ActionPage.Model(
            action: record,
            history: history.map { update in
                .init(
                    writtenAt: DateFormats.dateTime(update.writtenAt) + " UTC", author: update.authorName, organisation: update.authorOrganisation,
                    commentary: update.commentary, status: update.status, progress: update.progress, rag: update.rag,
                    ragReason: update.ragReason, evidence: update.evidenceLinks)
            },
            recommendations: recommendations.map { "\($0.source.displayName), recommendation \($0.number): \($0.text)" },
            indicators: try await LinkedIndicators.indicators(actionID: actionID, on: req.db),
            form: mayUpdate(record, user: user) ? form : nil,
            today: .today, learning: learning)
        let context = req.pageContext("Action \(record.ref)", area: .plan, notice: Notice.from(req)?.message)
        return .html(ActionPage.render(model, context: context), status: status)
    }
}
