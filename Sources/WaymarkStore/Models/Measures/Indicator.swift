import FluentKit
import Foundation
import WaymarkDomain

/// An area values are reported for: the borough, a ward or locality hub, or a comparator (London, England).
package final class ReportingArea: Model, @unchecked Sendable {
    package static let schema = "reporting_areas"

    @ID(key: .id) package var id: UUID?
    @Field(key: "name") package var name: String
    @Field(key: "kind") package var kind: PlanFile.Area.Kind

    package init() {}
}

/// An indicator: what it measures, in what unit, which way is better, how often it is reported.
package final class Indicator: Model, @unchecked Sendable {
    package static let schema = "indicators"

    @ID(key: .id) package var id: UUID?

    @Field(key: "code") package var code: String
    @Field(key: "name") package var name: String
    @Field(key: "definition") package var definition: String
    @Field(key: "unit") package var unit: IndicatorUnit
    @Field(key: "polarity") package var polarity: Polarity
    @Field(key: "period_type") package var periodType: PeriodType
    @Field(key: "kind") package var kind: IndicatorKind
    @OptionalField(key: "publisher") package var publisher: String?
    @OptionalField(key: "dataset") package var dataset: String?
    @OptionalField(key: "owner") package var owner: String?
    @OptionalField(key: "numerator") package var numerator: String?
    @OptionalField(key: "denominator") package var denominator: String?
    @OptionalField(key: "family_friendly_measure") package var familyFriendlyMeasure: Int?

    package init() {}
}

/// One value of an indicator for one area and period.
package final class IndicatorValue: Model, @unchecked Sendable {
    package static let schema = "indicator_values"

    @ID(key: .id) package var id: UUID?

    @Field(key: "indicator_id") package var indicatorID: UUID
    @Field(key: "area_id") package var areaID: UUID
    @Field(key: "period") package var period: String
    /// yyyy-mm-dd: the last day of the period, which orders periods.
    @Field(key: "period_end") package var periodEnd: String
    @Field(key: "value") package var value: Double
    @OptionalField(key: "count") package var count: Double?
    @OptionalField(key: "denominator") package var denominator: Double?
    @OptionalField(key: "lower") package var lower: Double?
    @OptionalField(key: "upper") package var upper: Double?
    @Field(key: "status") package var status: ValueStatus
    @OptionalField(key: "source") package var source: String?

    package init() {}
}

/// The target for one period, and where it came from.
package final class IndicatorTarget: Model, @unchecked Sendable {
    package static let schema = "indicator_targets"

    @ID(key: .id) package var id: UUID?

    @Field(key: "indicator_id") package var indicatorID: UUID
    @Field(key: "period") package var period: String
    @Field(key: "value") package var value: Double
    @Field(key: "origin") package var origin: PlanFile.Target.Origin

    package init() {}
}

/// Turn-the-curve commentary for one period: the story behind the curve, the partners with a role, what works,
/// and the action plan. Required when the period's value is red.
package final class IndicatorCommentary: Model, @unchecked Sendable {
    package static let schema = "indicator_commentaries"

    @ID(key: .id) package var id: UUID?

    @Field(key: "indicator_id") package var indicatorID: UUID
    @Field(key: "period") package var period: String
    @Field(key: "story") package var story: String
    @Field(key: "partners") package var partners: String
    @Field(key: "what_works") package var whatWorks: String
    @Field(key: "action_plan") package var actionPlan: String
    @Field(key: "author_name") package var authorName: String
    @Field(key: "written_at") package var writtenAt: Date

    package init() {}
}

/// A plan outcome or action that an indicator shows progress on (exactly one of the two is set).
package final class IndicatorLink: Model, @unchecked Sendable {
    package static let schema = "indicator_links"

    @ID(key: .id) package var id: UUID?

    @Field(key: "indicator_id") package var indicatorID: UUID
    @OptionalField(key: "outcome_id") package var outcomeID: UUID?
    @OptionalField(key: "action_id") package var actionID: UUID?

    package init() {}
}
