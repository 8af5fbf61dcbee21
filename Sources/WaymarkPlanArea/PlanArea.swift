import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkUI
import WaymarkWeb

/// The partnership's plans: outcomes, objectives, actions and their updates, boards, scrutiny by young people, board
/// reports (HTML and PDF), reminders, and the plans' JSON API.
package enum PlanArea: WaymarkArea {
    package static let area = Area.plan

    package static func routes(_ app: Application) throws {
        let viewPlan = Access.permission(.viewPlan)
        app.on(.GET, .plan(.home), access: viewPlan, use: PlanController.home)
        app.on(.GET, .plan(.overview(slug: "")), access: viewPlan, use: PlanController.overview)
        app.on(.GET, .plan(.outcome(slug: "", ref: "")), access: viewPlan, use: PlanController.outcome)
        app.on(.GET, .plan(.actions(slug: "")), access: viewPlan, use: PlanController.search)
        app.on(.GET, .plan(.action(slug: "", ref: "")), access: viewPlan, use: ActionController.show)
        // Which actions a person may update is narrowed further by `ActionUpdateRule`.
        app.on(.POST, .plan(.action(slug: "", ref: "")), access: .permission(.updatePlanActions), use: ActionController.update)
        app.on(.GET, .plan(.report(slug: "")), access: viewPlan, use: BoardReportController.html)
        app.on(.GET, .plan(.reportPDF(slug: "")), access: viewPlan, use: BoardReportController.pdf)
        app.on(.GET, .plan(.scrutiny(slug: "")), access: viewPlan, use: ScrutinyController.index)
        app.on(.POST, .plan(.scrutiny(slug: "")), access: .permission(.recordScrutiny), use: ScrutinyController.create)
        app.on(.GET, .plan(.myActions), access: viewPlan, use: PlanController.myActions)
        app.on(.GET, .plan(.boards), access: viewPlan, use: PlanController.boards)
        app.on(.GET, .plan(.board(id: "")), access: viewPlan, use: PlanController.board)
        app.on(.GET, .plan(.recommendations), access: viewPlan, use: PlanController.recommendations)
        app.on(.GET, .plan(.documents), access: viewPlan, use: PlanController.documents)

        // The JSON API: the plans, and its own description.
        app.on(.GET, .api(.plans), access: viewPlan, use: PlanAPIController.plans)
        app.on(.GET, .api(.plan(slug: "")), access: viewPlan, use: PlanAPIController.plan)
        app.on(.GET, .api(.outcomes(slug: "")), access: viewPlan, use: PlanAPIController.outcomes)
        app.on(.GET, .api(.objectives(slug: "")), access: viewPlan, use: PlanAPIController.objectives)
        app.on(.GET, .api(.actions(slug: "")), access: viewPlan, use: PlanAPIController.actions)
        app.on(.GET, .api(.action(slug: "", ref: "")), access: viewPlan, use: PlanAPIController.action)
    }

    package static var commands: [String: any AnyAsyncCommand] { ["plan": PlanCommand()] }

    package static func today(_ req: Request) async throws -> HomeSection? { try await TodayController.today(req) }
}
