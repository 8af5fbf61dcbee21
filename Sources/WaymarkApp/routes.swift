import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkViews

/// Every route, grouped by area. Each declares the access it needs (see `Role.permissions`).
func routes(_ app: Application) throws {
    // Public: assets, health checks, signing in.
    app.on(.GET, .stylesheet, access: .everyone, use: HomeController.stylesheet)
    app.on(.GET, .liveness, access: .everyone, use: HealthController.liveness)
    app.on(.GET, .healthCheck, access: .everyone, use: HealthController.health)
    app.on(.GET, .signIn, access: .everyone, use: SessionController.show)
    app.on(.POST, .signIn, access: .everyone, use: SessionController.signIn)

    // Anyone signed in.
    app.on(.GET, .home, access: .signedIn, use: HomeController.home)
    app.on(.POST, .signOut, access: .signedIn, use: SessionController.signOut)
    app.on(.GET, .changePassword, access: .signedIn, use: AccountController.show)
    app.on(.POST, .changePassword, access: .signedIn, use: AccountController.update)

    // Plans.
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

    // Measures.
    app.on(.GET, .area(.measures), access: .permission(.viewMeasures), use: MeasuresController.dashboard)
    app.on(.GET, .indicator(code: ""), access: .permission(.viewMeasures), use: MeasuresController.show)
    app.on(.POST, .indicator(code: ""), access: .permission(.enterMeasures), use: MeasuresController.addValue)
    app.on(.GET, .measuresUpload, access: .permission(.enterMeasures), use: IndicatorTransferController.uploadPage)
    app.on(.POST, .measuresUpload, access: .permission(.enterMeasures), body: .collect(maxSize: IndicatorTransferController.largestUpload),
           use: IndicatorTransferController.upload)
    for format in TableFormat.allCases {
        app.on(.GET, .measuresTemplate(format: format), access: .permission(.viewMeasures), use: IndicatorTransferController.template(format))
        app.on(.GET, .indicatorValues(code: "", format: format), access: .permission(.viewMeasures), use: IndicatorTransferController.download(format))
    }

    // Children.
    let viewChildren = Access.permission(.viewChildren)
    app.on(.GET, .area(.children), access: viewChildren, use: ChildrenController.index)
    app.on(.POST, .area(.children), access: viewChildren, use: ChildrenController.search)
    app.on(.GET, .child(id: ""), access: viewChildren, use: ChildrenController.show)
    app.on(.GET, .caseloads, access: viewChildren, use: CaseloadsController.overview)
    app.on(.GET, .teamCaseload(id: ""), access: viewChildren, use: CaseloadsController.team)
    app.on(.GET, .tracker(teamID: ""), access: viewChildren, use: TrackerController.show)
    app.on(.GET, .weeklyTracker(serviceAreaID: ""), access: viewChildren, use: TrackerController.weekly)
    app.on(.GET, .returnsUpload, access: .permission(.importReturns), use: ReturnUploadController.show)
    app.on(.POST, .returnsUpload, access: .permission(.importReturns), body: .collect(maxSize: ReturnUploadController.largestUpload),
           use: ReturnUploadController.upload)
    // Checking a return needs what importing one does: the files hold every child's record.
    app.on(.GET, .returnsValidation, access: .permission(.importReturns), use: ReturnValidationController.show)
    app.on(.POST, .returnsValidation, access: .permission(.importReturns), body: .collect(maxSize: ReturnUploadController.largestUpload),
           use: ReturnValidationController.check)

    // Performance. The children behind a figure are child records: they need the children permission too.
    app.on(.GET, .area(.performance), access: .permission(.viewPerformance), use: PerformanceMattersController.report)
    app.on(.GET, .performanceMattersPDF, access: .permission(.viewPerformance), use: PerformanceMattersController.pdf)
    app.on(.GET, .performanceMeasure(measure: ""), access: viewChildren, use: PerformanceMattersController.children)
    // Commentary is written by those who enter measures and their commentary (leaders, heads of service, team managers).
    app.on(.POST, .performanceCommentary, access: .permission(.enterMeasures), use: PerformanceMattersController.saveCommentary)
    app.on(.GET, .dataQuality, access: viewChildren, use: DataQualityController.show)
    // Annex A lists children in detail: those who may work with the statutory returns.
    app.on(.GET, .annexA, access: .permission(.importReturns), use: AnnexAController.show)
    app.on(.GET, .annexAWorkbook, access: .permission(.importReturns), use: AnnexAController.workbook)

    // The other areas (their own pages arrive with later work).
    for area in Area.allCases where ![.admin, .plan, .measures, .children, .performance].contains(area) {
        app.on(.GET, .area(area), access: area.access, use: HomeController.area(area))
    }

    // Admin.
    let manageUsers = Access.permission(.manageUsers)
    app.on(.GET, .adminUsers, access: manageUsers, use: UsersController.index)
    app.on(.GET, .adminUserNew, access: manageUsers, use: UsersController.new)
    app.on(.POST, .adminUserNew, access: manageUsers, use: UsersController.create)
    app.on(.GET, .adminUser(id: ""), access: manageUsers, use: UsersController.edit)
    app.on(.POST, .adminUser(id: ""), access: manageUsers, use: UsersController.update)
    app.on(.POST, .adminUserDisable(id: ""), access: manageUsers, use: UsersController.access)
    app.on(.GET, .adminOrganisations, access: manageUsers, use: ReferenceDataController.organisations)
    app.on(.POST, .adminOrganisations, access: manageUsers, use: ReferenceDataController.addOrganisation)
    app.on(.GET, .adminServiceAreas, access: manageUsers, use: ReferenceDataController.serviceAreas)
    app.on(.POST, .adminServiceAreas, access: manageUsers, use: ReferenceDataController.addServiceArea)
    app.on(.GET, .adminTeams, access: manageUsers, use: ReferenceDataController.teams)
    app.on(.POST, .adminTeams, access: manageUsers, use: ReferenceDataController.addTeam)
    app.on(.GET, .adminAPITokens, access: manageUsers, use: APITokensController.index)
    app.on(.POST, .adminAPITokens, access: manageUsers, use: APITokensController.issue)
    app.on(.POST, .adminAPITokenRevoke(id: ""), access: manageUsers, use: APITokensController.revoke)
    app.on(.GET, .auditTrail, access: .permission(.viewAuditTrail), use: AuditTrailController.index)

    // JSON API.
    app.on(.GET, .apiSession, access: .signedIn, use: SessionAPIController.show)
    app.on(.GET, .apiOpenAPI, access: .everyone, use: PlanAPIController.openAPI)
    app.on(.POST, .apiIndicatorValues(code: ""), access: .partnerSystem, use: IndicatorAPIController.receive)
    app.on(.GET, .apiPlans, access: viewPlan, use: PlanAPIController.plans)
    app.on(.GET, .apiPlan(slug: ""), access: viewPlan, use: PlanAPIController.plan)
    app.on(.GET, .apiPlanOutcomes(slug: ""), access: viewPlan, use: PlanAPIController.outcomes)
    app.on(.GET, .apiPlanObjectives(slug: ""), access: viewPlan, use: PlanAPIController.objectives)
    app.on(.GET, .apiPlanActions(slug: ""), access: viewPlan, use: PlanAPIController.actions)
    app.on(.GET, .apiPlanAction(slug: "", ref: ""), access: viewPlan, use: PlanAPIController.action)
}
