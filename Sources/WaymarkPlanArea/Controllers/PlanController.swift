import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// The plan area's pages: plans, outcomes, finding actions, My actions, boards, recommendations, documents.
enum PlanController {
    @Sendable static func home(req: Request) async throws -> Response {
        let catalogue = try await PlanCatalogue.load(on: req.db)
        let kinds = PlanKind.allCases
        let plans = catalogue.plans
            .sorted { (kinds.firstIndex(of: $0.kind)!, $0.slug) < (kinds.firstIndex(of: $1.kind)!, $1.slug) }
            .map { summary(of: $0, in: catalogue) }
        return .html(PlanHomePage.render(plans: plans, context: req.pageContext("Plans", area: .plan)))
    }

    @Sendable static func overview(req: Request) async throws -> Response {
        let (catalogue, plan) = try await loadPlan(req)
        let outcomes = catalogue.outcomes.map { outcome in
            PlanOverviewPage.OutcomeRow(
                ref: outcome.ref, name: outcome.name, ambition: outcome.ambition,
                objectives: catalogue.objectives.filter { $0.outcomeID == outcome.id }.count,
                spread: RAGSpread(catalogue.actions.filter { $0.outcomeRef == outcome.ref }))
        }
        let model = PlanOverviewPage.Model(
            plan: summary(of: plan, in: catalogue), version: plan.version, vision: plan.vision,
            outcomes: outcomes, measures: plan.measures)
        return .html(PlanOverviewPage.render(model, context: req.pageContext(plan.title, area: .plan)))
    }

    @Sendable static func outcome(req: Request) async throws -> Response {
        let (catalogue, plan) = try await loadPlan(req)
        let ref = try req.parameters.require("outcomeRef")
        guard let outcome = catalogue.outcomes.first(where: { $0.ref == ref }), let outcomeID = outcome.id else { throw Abort(.notFound) }
        let figures = try await PlanStore.keyFigures(outcomeIDs: [outcomeID], on: req.db)
        let statements = try await PlanStore.youngPeopleStatements(outcomeID: outcomeID, on: req.db)
        let model = OutcomePage.Model(
            planSlug: plan.slug, planTitle: plan.title, kind: plan.kind, name: outcome.name, ambition: outcome.ambition,
            principles: outcome.principles.compactMap(ChildRightsPrinciple.init(rawValue:)),
            childFriendlyCommunities: outcome.childFriendlyCommunities,
            figures: figures.map(\.pageFigure),
            youngPeopleSaid: statements.map(\.statement),
            objectives: catalogue.objectives.filter { $0.outcomeID == outcomeID }.map { objective in
                .init(ref: objective.ref, title: objective.title, actions: catalogue.actions.filter { $0.objectiveRef == objective.ref })
            },
            indicators: try await LinkedIndicators.indicators(outcomeID: outcomeID, on: req.db),
            today: .today)
        return .html(OutcomePage.render(model, context: req.pageContext(outcome.name, area: .plan)))
    }

    @Sendable static func search(req: Request) async throws -> Response {
        let (catalogue, plan) = try await loadPlan(req)
        let filters = req.query(ActionSearchQuery.self)

        var errors = FormErrors()
        var filter = ActionFilter(text: filters.text)
        filter.organisationID = filters.organisation.isEmpty ? nil : filters.organisation
        filter.boardID = filters.board.isEmpty ? nil : filters.board
        filter.status = ActionStatus(rawValue: filters.status)
        filter.rag = filters.rag == "none" ? .notRated : RAG(rawValue: filters.rag).map { .rated($0) }
        filter.principle = ChildRightsPrinciple(rawValue: filters.principle)
        if !filters.dueBy.isEmpty {
            if let day = ISODay(filters.dueBy) {
                filter.dueBy = day
            } else {
                errors.add("due", "Enter the date as a real day, for example 31 12 2026")
            }
        }

        let involved = Set(catalogue.actions.flatMap(\.responsible))
        let boards = Set(catalogue.actions.flatMap(\.monitoring))
        let model = ActionSearchPage.Model(
            planSlug: plan.slug, planTitle: plan.title,
            organisations: involved.sorted { $0.name < $1.name }.map { .init(value: $0.id, label: $0.name) },
            boards: boards.sorted { $0.name < $1.name }.map { .init(value: $0.id, label: $0.name) },
            filters: filters, errors: errors, results: catalogue.actions.filter(filter.matches), total: catalogue.actions.count, today: .today)
        return .html(ActionSearchPage.render(model, context: req.pageContext("Find actions", area: .plan)))
    }

    @Sendable static func myActions(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let catalogue = try await PlanCatalogue.load(on: req.db)
        let organisationID = user.$organisation.id
        let mine = catalogue.actions.filter { action in
            (organisationID.map { id in action.responsible.contains { $0.id == id.uuidString } } ?? false) || action.lead == user.displayName
        }
        let model = MyActionsPage.Model(organisationName: organisationID.flatMap { catalogue.organisationNames[$0] }, actions: mine, today: .today)
        return .html(MyActionsPage.render(model, context: req.pageContext("My actions", area: .plan)))
    }

    @Sendable static func boards(req: Request) async throws -> Response {
        let catalogue = try await PlanCatalogue.load(on: req.db)
        let rows = catalogue.boards.values.sorted { $0.name < $1.name }.map { board in
            let actions = catalogue.actions.filter { $0.monitoring.contains { $0.id == board.id.uuidString } }
            return BoardsPage.Row(
                id: board.id.uuidString, name: board.name, kind: board.kind, spread: RAGSpread(actions),
                ofConcern: actions.filter(\.isOfConcern).count)
        }
        return .html(BoardsPage.render(rows, context: req.pageContext("Boards", area: .plan)))
    }

    @Sendable static func board(req: Request) async throws -> Response {
        guard let id = req.parameters.get("boardID", as: UUID.self) else { throw Abort(.notFound) }
        let catalogue = try await PlanCatalogue.load(on: req.db)
        guard let board = catalogue.boards[id] else { throw Abort(.notFound) }
        let actions = catalogue.actions.filter { $0.monitoring.contains { $0.id == id.uuidString } }
        return .html(
            BoardPage.render(
                name: board.name, kind: board.kind, actions: actions, today: .today,
                context: req.pageContext(board.name, area: .plan)))
    }

    @Sendable static func recommendations(req: Request) async throws -> Response {
        let catalogue = try await PlanCatalogue.load(on: req.db)
        let (recommendations, links) = try await PlanStore.recommendations(on: req.db)
        let rows = recommendations.map { recommendation in
            let actionIDs = links.filter { $0.recommendationID == recommendation.id }.map(\.actionID.uuidString)
            return RecommendationsPage.Row(
                source: recommendation.source, number: recommendation.number, text: recommendation.text, status: recommendation.status,
                evidence: recommendation.evidence, actions: actionIDs.compactMap { id in catalogue.actions.first { $0.id == id } })
        }
        let visits = try await PlanStore.monitoringVisits(on: req.db).map {
            RecommendationsPage.Visit(date: $0.date, focus: $0.focus, findings: $0.findings)
        }
        return .html(
            RecommendationsPage.render(recommendations: rows, visits: visits, context: req.pageContext("Ofsted recommendations", area: .plan)))
    }

    @Sendable static func documents(req: Request) async throws -> Response {
        let plans = try await PlanStore.plans(on: req.db)
        let today = ISODay.today
        let rows = try await PlanStore.strategyDocuments(on: req.db).map { document in
            DocumentsPage.Row(
                title: document.title, summary: document.summary, owner: document.owner, period: document.period, reviewDue: document.reviewDue,
                reviewOverdue: document.reviewDue.flatMap { ISODay($0) }.map { $0 < today } ?? false, link: document.link,
                plans: document.planSlugs.compactMap { slug in plans.first { $0.slug == slug }.map { (slug, $0.title) } })
        }
        return .html(DocumentsPage.render(rows, context: req.pageContext("Strategy documents", area: .plan)))
    }

    // MARK: - Shared

    static func loadPlan(_ req: Request) async throws -> (PlanCatalogue, Plan) {
        let slug = try req.parameters.require("planSlug")
        let catalogue = try await PlanCatalogue.load(planSlug: slug, on: req.db)
        guard let plan = catalogue.plans.first else { throw Abort(.notFound) }
        return (catalogue, plan)
    }

    static func summary(of plan: Plan, in catalogue: PlanCatalogue) -> PlanSummary {
        PlanSummary(
            slug: plan.slug, title: plan.title, kind: plan.kind,
            standing: PlanStanding(status: plan.status, starts: ISODay(plan.starts), ends: ISODay(plan.ends), on: .today),
            starts: plan.starts, ends: plan.ends,
            spread: RAGSpread(catalogue.actions.filter { $0.planSlug == plan.slug }))
    }
}

extension KeyFigure {
    /// The figure as the outcome page and the board report show it.
    var pageFigure: OutcomePage.Figure {
        OutcomePage.Figure(value: value, label: label, source: source, date: date, indicatorCode: indicatorCode)
    }
}
