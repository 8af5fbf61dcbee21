import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Read-only JSON for plans, outcomes, objectives and actions (`/api/v1/…`), described by `openapi.json`.
enum PlanAPIController {
    struct PlanDTO: Content {
        var slug: String, title: String, kind: String, status: String, version: String, starts: String, ends: String
        var vision: String?, measures: [String]
        var actions: Int, red: Int, amber: Int, green: Int, notRated: Int, averageProgress: Int?
    }

    struct OutcomeDTO: Content {
        var ref: String, name: String, ambition: String?, principles: [String], childFriendlyCommunities: Bool
    }

    struct ObjectiveDTO: Content {
        var ref: String, outcomeRef: String, title: String
    }

    struct ActionDTO: Content {
        var ref: String, objectiveRef: String, outcomeRef: String, title: String
        var responsible: [String], monitoring: [String], lead: String?, starts: String?, due: String?
        var status: String, progress: Int, rag: String?, ragReason: String?, lastUpdate: String?
    }

    struct PlanDetailDTO: Content {
        var plan: PlanDTO, outcomes: [OutcomeDTO], objectives: [ObjectiveDTO], actions: [ActionDTO]
    }

    @Sendable static func plans(req: Request) async throws -> [PlanDTO] {
        let catalogue = try await PlanCatalogue.load(on: req.db)
        return catalogue.plans.sorted { $0.slug < $1.slug }.map { dto($0, catalogue) }
    }

    @Sendable static func plan(req: Request) async throws -> PlanDetailDTO {
        let (catalogue, plan) = try await PlanController.loadPlan(req)
        return PlanDetailDTO(
            plan: dto(plan, catalogue), outcomes: outcomes(catalogue), objectives: objectives(catalogue), actions: catalogue.actions.map(dto))
    }

    @Sendable static func outcomes(req: Request) async throws -> [OutcomeDTO] { outcomes(try await PlanController.loadPlan(req).0) }

    @Sendable static func objectives(req: Request) async throws -> [ObjectiveDTO] { objectives(try await PlanController.loadPlan(req).0) }

    @Sendable static func actions(req: Request) async throws -> [ActionDTO] { try await PlanController.loadPlan(req).0.actions.map(dto) }

    @Sendable static func action(req: Request) async throws -> ActionDTO {
        let ref = try req.parameters.require("actionRef")
        guard let action = try await PlanController.loadPlan(req).0.actions.first(where: { $0.ref == ref }) else { throw Abort(.notFound) }
        return dto(action)
    }

    private static func dto(_ plan: Plan, _ catalogue: PlanCatalogue) -> PlanDTO {
        let spread = RAGSpread(catalogue.actions.filter { $0.planSlug == plan.slug })
        return PlanDTO(
            slug: plan.slug, title: plan.title, kind: plan.kind.rawValue, status: plan.status.rawValue, version: plan.version,
            starts: plan.starts, ends: plan.ends, vision: plan.vision, measures: plan.measures, actions: spread.total,
            red: spread.red, amber: spread.amber, green: spread.green, notRated: spread.notRated, averageProgress: spread.averageProgress)
    }

    private static func outcomes(_ catalogue: PlanCatalogue) -> [OutcomeDTO] {
        catalogue.outcomes.map {
            OutcomeDTO(
                ref: $0.ref, name: $0.name, ambition: $0.ambition, principles: $0.principles,
                childFriendlyCommunities: $0.childFriendlyCommunities)
        }
    }

    private static func objectives(_ catalogue: PlanCatalogue) -> [ObjectiveDTO] {
        let outcomeRefs = Dictionary(uniqueKeysWithValues: catalogue.outcomes.map { ($0.id!, $0.ref) })
        return catalogue.outcomes.flatMap { outcome in catalogue.objectives.filter { $0.outcomeID == outcome.id } }
            .map { ObjectiveDTO(ref: $0.ref, outcomeRef: outcomeRefs[$0.outcomeID] ?? "", title: $0.title) }
    }

    private static func dto(_ action: ActionRecord) -> ActionDTO {
        ActionDTO(
            ref: action.ref, objectiveRef: action.objectiveRef, outcomeRef: action.outcomeRef, title: action.title,
            responsible: action.responsible.map(\.name), monitoring: action.monitoring.map(\.name), lead: action.lead,
            starts: action.starts?.description, due: action.due?.description, status: action.status.rawValue, progress: action.progress,
            rag: action.rag?.rawValue, ragReason: action.ragReason, lastUpdate: action.lastUpdate?.description)
    }
}
