import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkWeb

/// The partnership's plans: outcomes, objectives, actions and their updates, boards, scrutiny by young people, board
/// reports (HTML and PDF), reminders, and the plans' JSON API.
package enum PlanArea: WaymarkArea {
    package static let area = Area.plan

    package static func routes(_ app: Application) throws {
        let viewPlan = Access.permission(.viewPlan)
        app.on(.GET, .area(.plan), access: viewPlan, use: PlanController.home)
        app.on(.GET, .plan(slug: ""), access: viewPlan, use: PlanController.overview)
        app.on(.GET, .planOutcome(slug: "", ref: ""), access: viewPlan, use: PlanController.outcome)
        app.on(.GET, .planActions(slug: ""), access: viewPlan, use: PlanController.search)
        app.on(.GET, .planAction(slug: "", ref: ""), access: viewPlan, use: ActionController.show)
        // Which actions a person may update is narrowed further by `ActionUpdateRule`.
        app.on(.POST, .planAction(slug: "", ref: ""), access: .permission(.updatePlanActions), use: ActionController.update)
        app.on(.GET, .planReport(slug: ""), access: viewPlan, use: BoardReportController.html)
        app.on(.GET, .planReportPDF(slug: ""), access: viewPlan, use: BoardReportController.pdf)
        app.on(.GET, .planScrutiny(slug: ""), access: viewPlan, use: ScrutinyController.index)
        app.on(.POST, .planScrutiny(slug: ""), access: .permission(.recordScrutiny), use: ScrutinyController.create)
        app.on(.GET, .myActions, access: viewPlan, use: PlanController.myActions)
        app.on(.GET, .boards, access: viewPlan, use: PlanController.boards)
        app.on(.GET, .board(id: ""), access: viewPlan, use: PlanController.board)
        app.on(.GET, .recommendations, access: viewPlan, use: PlanController.recommendations)
        app.on(.GET, .strategyDocuments, access: viewPlan, use: PlanController.documents)

        // The JSON API: the plans, and its own description.
        app.on(.GET, .apiOpenAPI, access: .everyone, use: PlanAPIController.openAPI)
        app.on(.GET, .apiPlans, access: viewPlan, use: PlanAPIController.plans)
        app.on(.GET, .apiPlan(slug: ""), access: viewPlan, use: PlanAPIController.plan)
        app.on(.GET, .apiPlanOutcomes(slug: ""), access: viewPlan, use: PlanAPIController.outcomes)
        app.on(.GET, .apiPlanObjectives(slug: ""), access: viewPlan, use: PlanAPIController.objectives)
        app.on(.GET, .apiPlanActions(slug: ""), access: viewPlan, use: PlanAPIController.actions)
        app.on(.GET, .apiPlanAction(slug: "", ref: ""), access: viewPlan, use: PlanAPIController.action)
    }

    package static var commands: [String: any AnyAsyncCommand] { ["plan": PlanCommand()] }
}
