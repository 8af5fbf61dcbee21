import Fluent
import Vapor
import WaymarkDomain

/// "What we are doing": one action of a plan, with its current status, progress and RAG (copied from its
/// latest update, so lists need no look-up of the history).
final class PlanAction: Model, @unchecked Sendable {
    static let schema = "plan_actions"

    @ID(key: .id) var id: UUID?

    @Field(key: "plan_id") var planID: UUID
    @Field(key: "objective_id") var objectiveID: UUID
    @Field(key: "ref") var ref: String
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @OptionalField(key: "lead") var lead: String?
    @OptionalField(key: "starts") var starts: String?
    @OptionalField(key: "due") var due: String?
    @Field(key: "status") var status: ActionStatus
    @Field(key: "progress") var progress: Int
    @OptionalField(key: "rag") var rag: RAG?
    @OptionalField(key: "rag_reason") var ragReason: String?
    @OptionalField(key: "last_update_at") var lastUpdateAt: Date?

    init() {}
}

/// An organisation responsible for an action, and how the plan wrote its name.
final class ActionResponsibility: Model, @unchecked Sendable {
    static let schema = "plan_action_responsible"

    @ID(key: .id) var id: UUID?

    @Field(key: "action_id") var actionID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "written_as") var writtenAs: String
    @Field(key: "position") var position: Int

    init() {}
}

/// A board that monitors an action, and how the plan wrote its name.
final class ActionMonitoring: Model, @unchecked Sendable {
    static let schema = "plan_action_monitoring"

    @ID(key: .id) var id: UUID?

    @Field(key: "action_id") var actionID: UUID
    @Field(key: "board_id") var boardID: UUID
    @Field(key: "written_as") var writtenAs: String
    @Field(key: "position") var position: Int

    init() {}
}

/// A dated progress update on an action: commentary, evidence links, and the status, progress and RAG it set.
/// Updates are never edited; a correction is a new update.
final class ActionUpdate: Model, @unchecked Sendable {
    static let schema = "plan_action_updates"

    @ID(key: .id) var id: UUID?

    @Field(key: "action_id") var actionID: UUID
    @Field(key: "written_at") var writtenAt: Date
    @OptionalField(key: "author_id") var authorID: UUID?
    /// Copied so the history still reads right if the user is renamed or disabled.
    @Field(key: "author_name") var authorName: String
    @OptionalField(key: "author_organisation") var authorOrganisation: String?
    @Field(key: "commentary") var commentary: String
    @Field(key: "status") var status: ActionStatus
    @Field(key: "progress") var progress: Int
    @OptionalField(key: "rag") var rag: RAG?
    @OptionalField(key: "rag_reason") var ragReason: String?
    @Field(key: "evidence_links") var evidenceLinks: [String]

    init() {}
}

/// An action's link to an organisation or a board, as the plan wrote the name: what `PlanImporter` keeps in step
/// with the file for both.
protocol ActionPartyLink: Model {
    var actionID: UUID { get set }
    var partyID: UUID { get set }
    var writtenAs: String { get set }
    var position: Int { get set }
}

extension ActionResponsibility: ActionPartyLink {
    var partyID: UUID {
        get { organisationID }
        set { organisationID = newValue }
    }
}

extension ActionMonitoring: ActionPartyLink {
    var partyID: UUID {
        get { boardID }
        set { boardID = newValue }
    }
}
