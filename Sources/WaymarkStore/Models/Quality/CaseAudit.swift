import FluentKit
import Foundation
import WaymarkDomain

/// An audit programme: its theme, the instrument it audits with (the published file, kept whole, so its audits read the
/// same however the instrument changes later), and how its children were drawn, so anyone can draw them again.
package final class AuditProgramme: Model, @unchecked Sendable {
    package static let schema = "audit_programmes"

    @ID(key: .id) package var id: UUID?
    @Field(key: "title") package var title: String
    /// The instrument as published (`waymark-audit-instrument/1`, YAML).
    @Field(key: "instrument") package var instrument: String
    @Field(key: "instrument_name") package var instrumentName: String
    @Field(key: "instrument_version") package var instrumentVersion: Int
    /// The cohort's statuses, as the sample command's options write them: `looked-after,protection-plan`.
    @Field(key: "cohort") package var cohort: String
    /// `per-team` or `total`, and how many.
    @Field(key: "quota_kind") package var quotaKind: String
    @Field(key: "quota") package var quota: Int
    /// The seed (a whole number up to 2^64, kept as text: PostgreSQL's integers are signed).
    @Field(key: "seed") package var seed: String
    /// How many were in the cohort when drawn.
    @Field(key: "population") package var population: Int
    /// Children audited in a programme set up within this many months are not drawn again.
    @Field(key: "exclusion_months") package var exclusionMonths: Int
    /// The share of submitted audits a second auditor grades again (double lock), and of those, the share graded
    /// blind; each a percentage.
    @Field(key: "double_lock_percent") package var doubleLockPercent: Int
    @Field(key: "blind_percent") package var blindPercent: Int
    /// The share of submitted audits sent to another council's moderator (`TripleLock`).
    @Field(key: "triple_lock_percent") package var tripleLockPercent: Int
    /// yyyy-mm-dd: the day the sample was drawn, and the day its audits are due.
    @Field(key: "drawn_on") package var drawnOn: String
    @Field(key: "due") package var due: String
    @Field(key: "created_by") package var createdBy: String
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}
}

/// One child's audit in a programme: who audits it and, once submitted, what they found. Grades are kept in
/// `CaseAuditGrade`, each change a new row.
package final class CaseAudit: Model, @unchecked Sendable {
    package static let schema = "case_audits"

    @ID(key: .id) package var id: UUID?
    @Field(key: "programme_id") package var programmeID: UUID
    @Field(key: "child_id") package var childID: UUID
    /// The stratum the child was drawn from: their team's name then.
    @Field(key: "team") package var team: String
    /// The order drawn, within the programme.
    @Field(key: "position") package var position: Int
    @OptionalField(key: "auditor_id") package var auditorID: UUID?
    @Field(key: "state") package var state: CaseAuditState
    @OptionalField(key: "submitted_at") package var submittedAt: Date?
    /// yyyy-mm-dd: the day the evidence is read as at (the day submitted).
    @OptionalField(key: "audit_day") package var auditDay: String?
    /// What is working well, one answer an opening question, as a JSON array of strings.
    @OptionalField(key: "working_well") package var workingWell: String?
    /// The grade the domains suggest, as a place on the scale (0 the best).
    @OptionalField(key: "suggested_overall") package var suggestedOverall: Int?
    /// When moderation settled its grades: none can change after.
    @OptionalField(key: "locked_at") package var lockedAt: Date?
    /// The child's earlier audit, graded inadequate overall, that this one re-audits; nil for an audit drawn as usual.
    @OptionalField(key: "reaudit_of") package var reauditOf: UUID?

    package init() {}
}

package enum CaseAuditState: String, Codable, Sendable {
    case assigned
    case submitted
}

/// One item of an audit answered: met, partly met, not met or not applicable, with what is missing.
package final class CaseAuditAnswer: Model, @unchecked Sendable {
    package static let schema = "case_audit_answers"

    @ID(key: .id) package var id: UUID?
    @Field(key: "audit_id") package var auditID: UUID
    @Field(key: "item") package var item: String
    @Field(key: "answer") package var answer: String
    @Field(key: "comment") package var comment: String

    package init() {}
}

/// A grade given to an audit's domain, or overall (`domain` is `overall`): append-only, so every grade is kept with
/// who gave it, in what role, why and when. The auditor's grades come first; a moderator's are a second opinion beside
/// them; a final grade (from adjudication) replaces the auditor's, with its reason. The grade now is a domain's latest
/// final grade, else the auditor's.
package final class CaseAuditGrade: Model, @unchecked Sendable {
    package static let schema = "case_audit_grades"
    package static let overall = CompletedCaseAudit.overallKey

    @ID(key: .id) package var id: UUID?
    @Field(key: "audit_id") package var auditID: UUID
    @Field(key: "domain") package var domain: String
    /// Its place on the programme's scale (0 the best).
    @Field(key: "grade") package var grade: Int
    @Field(key: "kind") package var kind: GradeKind
    @OptionalField(key: "moderation_id") package var moderationID: UUID?
    /// Why a final grade differs from the auditor's (`GradeChangeReason`).
    @OptionalField(key: "reason") package var reason: String?
    @Field(key: "rationale") package var rationale: String
    @Field(key: "given_by") package var givenBy: UUID
    @Field(key: "given_by_name") package var givenByName: String
    @Field(key: "given_by_role") package var givenByRole: String
    @Field(key: "given_at") package var givenAt: Date

    package init() {}
}

package enum GradeKind: String, Codable, Sendable {
    case auditor
    case moderator
    case final
    /// Another council's moderator's (the "triple lock"): a third opinion, like a second auditor's, until a QA lead
    /// decides.
    case external

    /// The kinds a domain's grade stands on: the auditor's until a QA lead decides a final one. The others are opinions.
    package static let standing: [GradeKind] = [.auditor, .final]
}

/// A second look at a submitted audit: who moderates it, why it was chosen, whether they grade blind (without
/// seeing the first grades until they submit), and where it stands.
package final class CaseAuditModeration: Model, @unchecked Sendable {
    package static let schema = "case_audit_moderations"

    @ID(key: .id) package var id: UUID?
    @Field(key: "audit_id") package var auditID: UUID
    @OptionalField(key: "moderator_id") package var moderatorID: UUID?
    /// `ModerationSelection.Because`.
    @Field(key: "because") package var because: String
    @Field(key: "blind") package var blind: Bool
    @Field(key: "state") package var state: ModerationState
    @OptionalField(key: "submitted_at") package var submittedAt: Date?
    @OptionalField(key: "settled_at") package var settledAt: Date?

    package init() {}
}

/// Another council's moderator's look at a submitted audit (the "triple lock"): who (nil until a QA lead assigns
/// someone), why it was chosen (`TripleLock.Because`), and where it stands. They see the audit's grades as settled
/// inside the council, so they grade only once the second auditor's differences (if any) are decided.
package final class ExternalModeration: Model, @unchecked Sendable {
    package static let schema = "external_moderations"

    @ID(key: .id) package var id: UUID?
    @Field(key: "audit_id") package var auditID: UUID
    @OptionalField(key: "moderator_id") package var moderatorID: UUID?
    @Field(key: "because") package var because: String
    @Field(key: "state") package var state: ModerationState
    @OptionalField(key: "assigned_at") package var assignedAt: Date?
    @OptionalField(key: "submitted_at") package var submittedAt: Date?
    @OptionalField(key: "settled_at") package var settledAt: Date?

    package init() {}
}

package enum ModerationState: String, Codable, Sendable {
    /// Waiting for the moderator.
    case assigned
    /// The moderator gave the same grades: the auditor's stand, locked.
    case agreed
    /// The moderator differed somewhere: a QA lead decides the final grades.
    case toAdjudicate = "to-adjudicate"
    /// Final grades decided and locked.
    case adjudicated
}

/// The child's worker or team manager answering a submitted audit: their response or disagreement, and the
/// practitioner conversation. Kept as written, never edited.
package final class CaseAuditReply: Model, @unchecked Sendable {
    package static let schema = "case_audit_replies"

    @ID(key: .id) package var id: UUID?
    @Field(key: "audit_id") package var auditID: UUID
    @Field(key: "disagrees") package var disagrees: Bool
    @Field(key: "text") package var text: String
    /// yyyy-mm-dd.
    @OptionalField(key: "conversation_on") package var conversationOn: String?
    @Field(key: "conversation_notes") package var conversationNotes: String
    @Field(key: "given_by") package var givenBy: UUID
    @Field(key: "given_by_name") package var givenByName: String
    @Field(key: "given_by_role") package var givenByRole: String
    @Field(key: "given_at") package var givenAt: Date

    package init() {}
}

/// A learning action from an audit's findings: its owner, level, what will show it is done and by when; closed by its
/// owner with that evidence, verified (or sent back) by someone else.
package final class LearningAction: Model, @unchecked Sendable {
    package static let schema = "learning_actions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "audit_id") package var auditID: UUID
    @OptionalField(key: "domain") package var domain: String?
    /// `LearningActionLevel`.
    @Field(key: "level") package var level: String
    @Field(key: "owner_id") package var ownerID: UUID
    @Field(key: "description") package var description: String
    @Field(key: "evidence_required") package var evidenceRequired: String
    /// yyyy-mm-dd.
    @Field(key: "due") package var due: String
    @Field(key: "state") package var state: LearningActionState
    @Field(key: "created_by") package var createdBy: UUID
    @Field(key: "created_by_name") package var createdByName: String
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "closed_at") package var closedAt: Date?
    @OptionalField(key: "closure_evidence") package var closureEvidence: String?
    @OptionalField(key: "verified_by_name") package var verifiedByName: String?
    @OptionalField(key: "verified_at") package var verifiedAt: Date?
    /// Why it was sent back, when it was.
    @OptionalField(key: "sent_back_because") package var sentBackBecause: String?
    /// The plan action it serves, for an action of the service, the partnership or workforce development.
    @OptionalField(key: "plan_action_id") package var planActionID: UUID?

    package init() {}
}

/// A safeguarding concern raised from an audit: for the child's team manager and head of service to act on the same
/// working day, and to say what they did.
package final class AuditConcern: Model, @unchecked Sendable {
    package static let schema = "audit_concerns"

    @ID(key: .id) package var id: UUID?
    @Field(key: "audit_id") package var auditID: UUID
    @Field(key: "child_id") package var childID: UUID
    /// The team and service area that held the child when it was raised: whose managers are told.
    @OptionalField(key: "team_id") package var teamID: UUID?
    @OptionalField(key: "service_area_id") package var serviceAreaID: UUID?
    @Field(key: "text") package var text: String
    @Field(key: "raised_by_name") package var raisedByName: String
    @Field(key: "raised_at") package var raisedAt: Date
    /// yyyy-mm-dd: the working day it must be acted on.
    @Field(key: "due") package var due: String
    @OptionalField(key: "acted_on_by_name") package var actedOnByName: String?
    @OptionalField(key: "acted_on_at") package var actedOnAt: Date?
    @OptionalField(key: "action_taken") package var actionTaken: String?

    package init() {}
}
