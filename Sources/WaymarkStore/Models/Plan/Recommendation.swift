import FluentKit
import Foundation
import WaymarkDomain

/// An inspection recommendation (Ofsted's 19 for children's services, 5 for the safeguarding partnership).
package final class Recommendation: Model, @unchecked Sendable {
    package static let schema = "recommendations"

    @ID(key: .id) package var id: UUID?

    @Field(key: "source") package var source: RecommendationSource
    @Field(key: "number") package var number: Int
    @Field(key: "text") package var text: String
    @Field(key: "status") package var status: RecommendationStatus
    @OptionalField(key: "evidence") package var evidence: String?

    package init() {}
}

/// An action that answers a recommendation.
package final class RecommendationAction: Model, @unchecked Sendable {
    package static let schema = "recommendation_actions"

    @ID(key: .id) package var id: UUID?

    @Field(key: "recommendation_id") package var recommendationID: UUID
    @Field(key: "action_id") package var actionID: UUID
    @Field(key: "position") package var position: Int

    package init() {}
}

/// An Ofsted monitoring visit: when, what it looked at and what it found.
package final class MonitoringVisit: Model, @unchecked Sendable {
    package static let schema = "monitoring_visits"

    @ID(key: .id) package var id: UUID?

    /// yyyy-mm-dd, or yyyy-mm where only the month is known.
    @Field(key: "visit_date") package var date: String
    @Field(key: "focus") package var focus: String
    @Field(key: "findings") package var findings: String

    package init() {}
}

/// An entry in the strategy documents library.
package final class StrategyDocument: Model, @unchecked Sendable {
    package static let schema = "strategy_documents"

    @ID(key: .id) package var id: UUID?

    @Field(key: "title") package var title: String
    @Field(key: "summary") package var summary: String
    @OptionalField(key: "owner") package var owner: String?
    @OptionalField(key: "period") package var period: String?
    @OptionalField(key: "review_due") package var reviewDue: String?
    @OptionalField(key: "link") package var link: String?
    @Field(key: "plan_slugs") package var planSlugs: [String]

    package init() {}
}

/// A meeting at which young people scrutinised a plan: the Corporate Parenting Pledge's monthly scrutiny by
/// children in care and care leavers (Ofsted self-assessment 2018, "Corporate Parenting").
package final class ScrutinyMeeting: Model, @unchecked Sendable {
    package static let schema = "plan_scrutiny_meetings"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    @Field(key: "plan_id") package var planID: UUID
    /// yyyy-mm-dd.
    @Field(key: "met_on") package var metOn: String
    /// Who took part, without naming children: "Children in Care Council: 7 young people; 2 councillors".
    @Field(key: "attendees") package var attendees: String
    @Field(key: "findings") package var findings: String
    @Field(key: "recorded_by") package var recordedBy: String

    package init() {}
}
