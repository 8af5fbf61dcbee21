import FluentKit
import Foundation
import SQLKit
import WaymarkDomain

/// The plans' actions as `ActionRecord`s, with everything the lists, filters, reports and reminders need,
/// in a fixed number of queries whatever the number of actions. The many rows (actions, who is responsible,
/// how each is monitored, latest updates) are read with SQL into plain rows: Fluent models cost tens of
/// microseconds each to build, which for a whole plan was most of a page's time.
package struct PlanCatalogue {
    package struct BoardRow: Decodable {
        package var id: UUID
        package var name: String
        package var kind: String
    }

    package var plans: [Plan]
    package var outcomes: [Outcome]
    package var objectives: [Objective]
    package var actions: [ActionRecord]
    package var organisationNames: [UUID: String]
    package var boards: [UUID: BoardRow]

    private struct ActionRow: Decodable {
        var id: UUID, planID: UUID, objectiveID: UUID, ref: String, position: Int, title: String
        var lead: String?, starts: String?, due: String?, status: String, progress: Int, rag: String?, ragReason: String?
        enum CodingKeys: String, CodingKey {
            case id, ref, position, title, lead, starts, due, status, progress, rag
            case planID = "plan_id", objectiveID = "objective_id", ragReason = "rag_reason"
        }
    }

    private struct LinkRow: Decodable {
        var actionID: UUID, partyID: UUID, writtenAs: String
        enum CodingKeys: String, CodingKey { case actionID = "action_id", partyID = "party_id", writtenAs = "written_as" }
    }

    private struct LatestUpdateRow: Decodable {
        var actionID: UUID, writtenAt: Date, commentary: String
        enum CodingKeys: String, CodingKey { case actionID = "action_id", writtenAt = "written_at", commentary }
    }

    private struct NameRow: Decodable {
        var id: UUID
        var name: String
    }

    /// All plans, or only the plan with this slug.
    package static func load(planSlug: String? = nil, on db: any Database) async throws -> PlanCatalogue {
        var planQuery = Plan.query(on: db)
        if let planSlug { planQuery = planQuery.filter(\.$slug == planSlug) }
        let plans = try await planQuery.all()
        let planIDs = plans.compactMap(\.id)
        let sql = db as! any SQLDatabase
        let organisationNames = Dictionary(
            uniqueKeysWithValues: try await sql.select().columns("id", "name").from(Organisation.schema)
                .all(decoding: NameRow.self).map { ($0.id, $0.name) })
        let boards = Dictionary(
            uniqueKeysWithValues: try await sql.select().columns("id", "name", "kind").from(Board.schema)
                .all(decoding: BoardRow.self).map { ($0.id, $0) })
        guard !planIDs.isEmpty else {
            return PlanCatalogue(plans: [], outcomes: [], objectives: [], actions: [], organisationNames: organisationNames, boards: boards)
        }

        let outcomes = try await Outcome.query(on: db).filter(\.$planID ~~ planIDs).sort(\.$position).all()
        let objectives = try await Objective.query(on: db).filter(\.$planID ~~ planIDs).sort(\.$position).all()
        let actions = try await sql.select()
            .columns("id", "plan_id", "objective_id", "ref", "position", "title", "lead", "starts", "due", "status", "progress", "rag", "rag_reason")
            .from(PlanAction.schema).where("plan_id", .in, planIDs)
            .all(decoding: ActionRow.self)
        let ofThesePlans = SQLGroupExpression(sql.select().column("id").from(PlanAction.schema).where("plan_id", .in, planIDs).query)
        let responsible = try await sql.select()
            .column("action_id").column(SQLAlias(SQLColumn("organisation_id"), as: SQLIdentifier("party_id"))).column("written_as")
            .from(ActionResponsibility.schema).where(SQLColumn("action_id"), .in, ofThesePlans).orderBy("position")
            .all(decoding: LinkRow.self)
        let monitoring = try await sql.select()
            .column("action_id").column(SQLAlias(SQLColumn("board_id"), as: SQLIdentifier("party_id"))).column("written_as")
            .from(ActionMonitoring.schema).where(SQLColumn("action_id"), .in, ofThesePlans).orderBy("position")
            .all(decoding: LinkRow.self)
        // The newest update of each action (the index on action_id, written_at serves the inner query).
        let latest = try await sql.raw(
            """
            SELECT u.action_id, u.written_at, u.commentary FROM plan_action_updates u
            WHERE u.action_id IN \(ofThesePlans)
              AND u.written_at = (SELECT MAX(written_at) FROM plan_action_updates WHERE action_id = u.action_id)
            """
        ).all(decoding: LatestUpdateRow.self)
        let latestByAction = Dictionary(latest.map { ($0.actionID, $0) }, uniquingKeysWith: { first, _ in first })

        let planByID = Dictionary(uniqueKeysWithValues: plans.map { ($0.id!, $0) })
        let outcomeByID = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.id!, $0) })
        let objectiveByID = Dictionary(uniqueKeysWithValues: objectives.map { ($0.id!, $0) })
        let responsibleByAction = Dictionary(grouping: responsible, by: \.actionID)
        let monitoringByAction = Dictionary(grouping: monitoring, by: \.actionID)

        // Plan, outcome and objective order, then the action's own position.
        let orderedObjectives = outcomes.flatMap { outcome in objectives.filter { $0.outcomeID == outcome.id } }
        let objectiveOrder = Dictionary(uniqueKeysWithValues: orderedObjectives.enumerated().map { ($1.id!, $0) })
        let records: [ActionRecord] =
            actions
            .sorted { (objectiveOrder[$0.objectiveID] ?? 0, $0.position) < (objectiveOrder[$1.objectiveID] ?? 0, $1.position) }
            .compactMap { action in
                guard let objective = objectiveByID[action.objectiveID], let outcome = outcomeByID[objective.outcomeID],
                    let plan = planByID[action.planID]
                else { return nil }
                let update = latestByAction[action.id]
                return ActionRecord(
                    id: action.id.uuidString, planSlug: plan.slug, planTitle: plan.title,
                    outcomeRef: outcome.ref, outcomeName: outcome.name,
                    principles: outcome.principles.compactMap(ChildRightsPrinciple.init(rawValue:)),
                    objectiveRef: objective.ref, objectiveTitle: objective.title, ref: action.ref, title: action.title,
                    lead: action.lead, starts: action.starts.flatMap { ISODay($0) }, due: action.due.flatMap { ISODay($0) },
                    status: ActionStatus(rawValue: action.status) ?? .notStarted, progress: action.progress,
                    rag: action.rag.flatMap(RAG.init(rawValue:)), ragReason: action.ragReason,
                    responsible: (responsibleByAction[action.id] ?? []).map { row in
                        ActionRecord.Party(id: row.partyID.uuidString, name: organisationNames[row.partyID] ?? row.writtenAs)
                    },
                    monitoring: (monitoringByAction[action.id] ?? []).map { row in
                        ActionRecord.Party(id: row.partyID.uuidString, name: boards[row.partyID]?.name ?? row.writtenAs)
                    },
                    lastUpdate: update.map { ISODay($0.writtenAt) },
                    latestCommentary: update?.commentary
                )
            }
        return PlanCatalogue(
            plans: plans, outcomes: outcomes, objectives: objectives, actions: records,
            organisationNames: organisationNames, boards: boards)
    }
}
