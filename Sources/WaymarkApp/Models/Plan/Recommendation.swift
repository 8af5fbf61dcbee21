import Fluent
import Vapor
import WaymarkDomain

/// An inspection recommendation (Ofsted's 19 for children's services, 5 for the safeguarding partnership).
final class Recommendation: Model, @unchecked Sendable {
    static let schema = "recommendations"

    @ID(key: .id) var id: UUID?

    @Field(key: "source") var source: RecommendationSource
    @Field(key: "number") var number: Int
    @Field(key: "text") var text: String
    @Field(key: "status") var status: RecommendationStatus
    @OptionalField(key: "evidence") var evidence: String?

    init() {}
}

/// An action that answers a recommendation.
final class RecommendationAction: Model, @unchecked Sendable {
    static let schema = "recommendation_actions"

    @ID(key: .id) var id: UUID?

    @Field(key: "recommendation_id") var recommendationID: UUID
    @Field(key: "action_id") var actionID: UUID
    @Field(key: "position") var position: Int

    init() {}
}

/// An Ofsted monitoring visit: when, what it looked at and what it found.
final class MonitoringVisit: Model, @unchecked Sendable {
    static let schema = "monitoring_visits"

    @ID(key: .id) var id: UUID?

    /// yyyy-mm-dd, or yyyy-mm where only the month is known.
    @Field(key: "visit_date") var date: String
    @Field(key: "focus") var focus: String
    @Field(key: "findings") var findings: String

    init() {}
}

/// An entry in the strategy documents library.
final class StrategyDocument: Model, @unchecked Sendable {
    static let schema = "strategy_documents"

    @ID(key: .id) var id: UUID?

    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @OptionalField(key: "owner") var owner: String?
    @OptionalField(key: "period") var period: String?
    @OptionalField(key: "review_due") var reviewDue: String?
    @OptionalField(key: "link") var link: String?
    @Field(key: "plan_slugs") var planSlugs: [String]

    init() {}
}

/// A meeting at which young people scrutinised a plan: the Corporate Parenting Pledge's monthly scrutiny by
/// children in care and care leavers (Ofsted self-assessment 2018, "Corporate Parenting").
final class ScrutinyMeeting: Model, @unchecked Sendable {
    static let schema = "plan_scrutiny_meetings"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "plan_id") var planID: UUID
    /// yyyy-mm-dd.
    @Field(key: "met_on") var metOn: String
    /// Who took part, without naming children: "Children in Care Council: 7 young people; 2 councillors".
    @Field(key: "attendees") var attendees: String
    @Field(key: "findings") var findings: String
    @Field(key: "recorded_by") var recordedBy: String

    init() {}
}
