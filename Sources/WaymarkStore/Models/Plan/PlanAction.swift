import FluentKit
import Foundation
import WaymarkDomain

/// "What we are doing": one action of a plan, with its current status, progress and RAG (copied from its
/// latest update, so lists need no look-up of the history).
package final class PlanAction: Model, @unchecked Sendable {
    package static let schema = "plan_actions"

    @ID(key: .id) package var id: UUID?

    @Field(key: "plan_id") package var planID: UUID
    @Field(key: "objective_id") var objectiveID: UUID
    @Field(key: "ref") package var ref: String
    @Field(key: "position") package var position: Int
    @Field(key: "title") package var title: String
    @OptionalField(key: "lead") package var lead: String?
    @OptionalField(key: "starts") package var starts: String?
    @OptionalField(key: "due") package var due: String?
    @Field(key: "status") package var status: ActionStatus
    @Field(key: "progress") package var progress: Int
    @OptionalField(key: "rag") package var rag: RAG?
    @OptionalField(key: "rag_reason") package var ragReason: String?
    @OptionalField(key: "last_update_at") var lastUpdateAt: Date?

    package init() {}
}

/// An organisation responsible for an action, and how the plan wrote its name.
final class ActionResponsibility: Model, @unchecked Sendable {
    package static let schema = "plan_action_responsible"

    @ID(key: .id) package var id: UUID?

    @Field(key: "action_id") package var actionID: UUID
    @Field(key: "organisation_id") package var organisationID: UUID
    @Field(key: "written_as") var writtenAs: String
    @Field(key: "position") package var position: Int

    package init() {}
}

/// A board that monitors an action, and how the plan wrote its name.
final class ActionMonitoring: Model, @unchecked Sendable {
    package static let schema = "plan_action_monitoring"

    @ID(key: .id) package var id: UUID?

    @Field(key: "action_id") package var actionID: UUID
    @Field(key: "board_id") package var boardID: UUID
    @Field(key: "written_as") var writtenAs: String
    @Field(key: "position") package var position: Int

    package init() {}
}

/// A dated progress update on an action: commentary, evidence links, and the status, progress and RAG it set.
/// Updates are never edited; a correction is a new update.
package final class ActionUpdate: Model, @unchecked Sendable {
    package static let schema = "plan_action_updates"

    @ID(key: .id) package var id: UUID?

    @Field(key: "action_id") package var actionID: UUID
    @Field(key: "written_at") package var writtenAt: Date
    @OptionalField(key: "author_id") package var authorID: UUID?
    /// Copied so the history still reads right if the user is renamed or disabled.
    @Field(key: "author_name") package var authorName: String
    @OptionalField(key: "author_organisation") package var authorOrganisation: String?
    @Field(key: "commentary") package var commentary: String
    @Field(key: "status") package var status: ActionStatus
    @Field(key: "progress") package var progress: Int
    @OptionalField(key: "rag") package var rag: RAG?
    @OptionalField(key: "rag_reason") package var ragReason: String?
    @Field(key: "evidence_links") package var evidenceLinks: [String]

    package init() {}
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
