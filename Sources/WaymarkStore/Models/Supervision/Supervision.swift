import FluentKit
import Foundation

/// Who supervises whom, from when, with a cover supervisor for absences. A new agreement for a person ends their last.
package final class SupervisionAgreement: Model, @unchecked Sendable {
    package static let schema = "supervision_agreements"

    @ID(key: .id) package var id: UUID?
    @Field(key: "supervisee_id") package var superviseeID: UUID
    @Field(key: "supervisor_id") package var supervisorID: UUID
    @OptionalField(key: "cover_id") package var coverID: UUID?
    /// yyyy-mm-dd.
    @Field(key: "starts") package var starts: String
    /// yyyy-mm-dd: the day the next agreement started; nil while in force.
    @OptionalField(key: "ends") package var ends: String?
    /// yyyy-mm-dd: the day a newly qualified worker started in post; nil for everyone else (supervised monthly).
    @OptionalField(key: "newly_qualified_since") package var newlyQualifiedSince: String?
    @Field(key: "created_by_name") package var createdByName: String
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
}

/// One supervision session, held or cancelled. The wellbeing note is private to the supervisee and supervisor: it is
/// read only by `SupervisionStore.wellbeing`, never with the session.
package final class SupervisionSession: Model, @unchecked Sendable {
    package static let schema = "supervision_sessions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "agreement_id") package var agreementID: UUID
    /// `SupervisionKind`.
    @Field(key: "kind") package var kind: String
    /// yyyy-mm-dd.
    @Field(key: "held_on") package var heldOn: String
    @Field(key: "held_by_id") package var heldByID: UUID
    @Field(key: "held_by_name") package var heldByName: String
    @OptionalField(key: "cancelled_because") package var cancelledBecause: String?
    @Field(key: "attendees") package var attendees: String
    @Field(key: "experience") package var experience: String
    @Field(key: "reflection") package var reflection: String
    @Field(key: "analysis") package var analysis: String
    @Field(key: "next_steps") package var nextSteps: String
    @Field(key: "recorded_at") package var recordedAt: Date

    package init() {}
}

/// A child discussed in a supervision session: management oversight, on the child's chronology.
package final class CaseDiscussion: Model, @unchecked Sendable {
    package static let schema = "supervision_case_discussions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "session_id") package var sessionID: UUID
    @Field(key: "child_id") package var childID: UUID
    /// yyyy-mm-dd: the session's day.
    @Field(key: "held_on") package var heldOn: String
    @Field(key: "supervisee_name") package var superviseeName: String
    @Field(key: "held_by_name") package var heldByName: String
    @Field(key: "discussion") package var discussion: String
    @Field(key: "decision") package var decision: String
    @OptionalField(key: "action") package var action: String?
    @OptionalField(key: "action_owner") package var actionOwner: String?
    /// yyyy-mm-dd.
    @OptionalField(key: "action_due") package var actionDue: String?

    package init() {}
}

/// A session's wellbeing note, kept apart from the session (see `CreateSupervision`).
package final class SupervisionWellbeing: Model, @unchecked Sendable {
    package static let schema = "supervision_wellbeing"

    @ID(custom: "session_id", generatedBy: .user) package var id: UUID?
    @Field(key: "note") package var note: String

    package init() {}
}
