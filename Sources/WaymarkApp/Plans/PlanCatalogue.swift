import Fluent
import Foundation
import WaymarkDomain

/// The plans' actions as `ActionRecord`s, with everything the lists, filters, reports and reminders need,
/// in a fixed number of queries whatever the number of actions (plans hold tens to hundreds).
struct PlanCatalogue {
    var plans: [Plan]
    var outcomes: [Outcome]
    var objectives: [Objective]
    var actions: [ActionRecord]
    var organisations: [UUID: Organisation]
    var boards: [UUID: Board]

    /// All plans, or only the plan with this slug.
    static func load(planSlug: String? = nil, on db: any Database) async throws -> PlanCatalogue {
        var planQuery = Plan.query(on: db)
        if let planSlug { planQuery = planQuery.filter(\.$slug == planSlug) }
        let plans = try await planQuery.all()
        let planIDs = plans.compactMap(\.id)
        guard !planIDs.isEmpty else { return PlanCatalogue(plans: [], outcomes: [], objectives: [], actions: [], organisations: [:], boards: [:]) }

        let outcomes = try await Outcome.query(on: db).filter(\.$planID ~~ planIDs).sort(\.$position).all()
        let objectives = try await Objective.query(on: db).filter(\.$planID ~~ planIDs).sort(\.$position).all()
        let actions = try await PlanAction.query(on: db).filter(\.$planID ~~ planIDs).sort(\.$position).all()
        let actionIDs = actions.compactMap(\.id)
        let responsible = actionIDs.isEmpty ? [] : try await ActionResponsibility.query(on: db).filter(\.$actionID ~~ actionIDs).sort(\.$position).all()
        let monitoring = actionIDs.isEmpty ? [] : try await ActionMonitoring.query(on: db).filter(\.$actionID ~~ actionIDs).sort(\.$position).all()
        let organisations = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: db).all().map { ($0.id!, $0) })
        let boards = Dictionary(uniqueKeysWithValues: try await Board.query(on: db).all().map { ($0.id!, $0) })
        let latest = try await latestUpdates(of: actions.filter { $0.lastUpdateAt != nil }.compactMap(\.id), on: db)

        let planByID = Dictionary(uniqueKeysWithValues: plans.map { ($0.id!, $0) })
        let outcomeByID = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.id!, $0) })
        let objectiveByID = Dictionary(uniqueKeysWithValues: objectives.map { ($0.id!, $0) })
        let responsibleByAction = Dictionary(grouping: responsible, by: \.actionID)
        let monitoringByAction = Dictionary(grouping: monitoring, by: \.actionID)

        // Plan, outcome and objective order, then the action's own position.
        let orderedObjectives = outcomes.flatMap { outcome in objectives.filter { $0.outcomeID == outcome.id } }
        let objectiveOrder = Dictionary(uniqueKeysWithValues: orderedObjectives.enumerated().map { ($1.id!, $0) })
        let records: [ActionRecord] = actions
            .sorted { (objectiveOrder[$0.objectiveID] ?? 0, $0.position) < (objectiveOrder[$1.objectiveID] ?? 0, $1.position) }
            .compactMap { action in
                guard let objective = objectiveByID[action.objectiveID], let outcome = outcomeByID[objective.outcomeID],
                      let plan = planByID[action.planID] else { return nil }
                let update = latest[action.id!]
                return ActionRecord(
                    id: action.id!.uuidString, planSlug: plan.slug, planTitle: plan.title,
                    outcomeRef: outcome.ref, outcomeName: outcome.name,
                    principles: outcome.principles.compactMap(ChildRightsPrinciple.init(rawValue:)),
                    objectiveRef: objective.ref, objectiveTitle: objective.title, ref: action.ref, title: action.title,
                    lead: action.lead, starts: action.starts.flatMap { ISODay($0) }, due: action.due.flatMap { ISODay($0) },
                    status: action.status, progress: action.progress, rag: action.rag, ragReason: action.ragReason,
                    responsible: (responsibleByAction[action.id!] ?? []).map { row in
                        ActionRecord.Party(id: row.organisationID.uuidString, name: organisations[row.organisationID]?.name ?? row.writtenAs)
                    },
                    monitoring: (monitoringByAction[action.id!] ?? []).map { row in
                        ActionRecord.Party(id: row.boardID.uuidString, name: boards[row.boardID]?.name ?? row.writtenAs)
                    },
                    lastUpdate: update.map { ISODay(utc: $0.writtenAt) },
                    latestCommentary: update?.commentary
                )
            }
        return PlanCatalogue(plans: plans, outcomes: outcomes, objectives: objectives, actions: records,
                             organisations: organisations, boards: boards)
    }

    /// The newest update of each action.
    private static func latestUpdates(of actionIDs: [UUID], on db: any Database) async throws -> [UUID: ActionUpdate] {
        guard !actionIDs.isEmpty else { return [:] }
        let updates = try await ActionUpdate.query(on: db).filter(\.$actionID ~~ actionIDs).sort(\.$writtenAt, .descending).all()
        var latest: [UUID: ActionUpdate] = [:]
        for update in updates where latest[update.actionID] == nil { latest[update.actionID] = update }
        return latest
    }
}

extension ISODay {
    /// The UTC calendar day of a moment.
    init(utc date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    static var todayUTC: ISODay { ISODay(utc: Date()) }
}
