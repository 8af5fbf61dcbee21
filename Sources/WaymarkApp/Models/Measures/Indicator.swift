import Fluent
import Vapor
import WaymarkDomain

/// An area values are reported for: the borough, a ward or locality hub, or a comparator (London, England).
final class ReportingArea: Model, @unchecked Sendable {
    static let schema = "reporting_areas"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: PlanFile.Area.Kind

    init() {}
}

/// An indicator: what it measures, in what unit, which way is better, how often it is reported.
final class Indicator: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(key: .id) var id: UUID?

    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "definition") var definition: String
    @Field(key: "unit") var unit: IndicatorUnit
    @Field(key: "polarity") var polarity: Polarity
    @Field(key: "period_type") var periodType: PeriodType
    @Field(key: "kind") var kind: IndicatorKind
    @OptionalField(key: "publisher") var publisher: String?
    @OptionalField(key: "dataset") var dataset: String?
    @OptionalField(key: "owner") var owner: String?
    @OptionalField(key: "numerator") var numerator: String?
    @OptionalField(key: "denominator") var denominator: String?
    @OptionalField(key: "family_friendly_measure") var familyFriendlyMeasure: Int?

    init() {}
}

/// One value of an indicator for one area and period.
final class IndicatorValue: Model, @unchecked Sendable {
    static let schema = "indicator_values"

    @ID(key: .id) var id: UUID?

    @Field(key: "indicator_id") var indicatorID: UUID
    @Field(key: "area_id") var areaID: UUID
    @Field(key: "period") var period: String
    /// yyyy-mm-dd: the last day of the period, which orders periods.
    @Field(key: "period_end") var periodEnd: String
    @Field(key: "value") var value: Double
    @OptionalField(key: "count") var count: Double?
    @OptionalField(key: "denominator") var denominator: Double?
    @OptionalField(key: "lower") var lower: Double?
    @OptionalField(key: "upper") var upper: Double?
    @Field(key: "status") var status: ValueStatus
    @OptionalField(key: "source") var source: String?

    init() {}
}

/// The target for one period, and where it came from.
final class IndicatorTarget: Model, @unchecked Sendable {
    static let schema = "indicator_targets"

    @ID(key: .id) var id: UUID?

    @Field(key: "indicator_id") var indicatorID: UUID
    @Field(key: "period") var period: String
    @Field(key: "value") var value: Double
    @Field(key: "origin") var origin: PlanFile.Target.Origin

    init() {}
}

/// Turn-the-curve commentary for one period: the story behind the curve, the partners with a role, what works,
/// and the action plan. Required when the period's value is red.
final class IndicatorCommentary: Model, @unchecked Sendable {
    static let schema = "indicator_commentaries"

    @ID(key: .id) var id: UUID?

    @Field(key: "indicator_id") var indicatorID: UUID
    @Field(key: "period") var period: String
    @Field(key: "story") var story: String
    @Field(key: "partners") var partners: String
    @Field(key: "what_works") var whatWorks: String
    @Field(key: "action_plan") var actionPlan: String
    @Field(key: "author_name") var authorName: String
    @Field(key: "written_at") var writtenAt: Date

    init() {}
}

/// A plan outcome or action that an indicator shows progress on (exactly one of the two is set).
final class IndicatorLink: Model, @unchecked Sendable {
    static let schema = "indicator_links"

    @ID(key: .id) var id: UUID?

    @Field(key: "indicator_id") var indicatorID: UUID
    @OptionalField(key: "outcome_id") var outcomeID: UUID?
    @OptionalField(key: "action_id") var actionID: UUID?

    init() {}
}
