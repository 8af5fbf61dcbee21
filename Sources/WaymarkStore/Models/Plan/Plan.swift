import FluentKit
import Foundation
import WaymarkDomain

/// A plan the partnership runs: the Children and Young People's Plan, its summary, the improvement plan, the
/// Corporate Parenting Pledge. Its tree is outcomes → objectives → actions.
package final class Plan: Model, @unchecked Sendable {
    package static let schema = "plans"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Field(key: "slug") package var slug: String
    @Field(key: "kind") package var kind: PlanKind
    @Field(key: "title") package var title: String
    @Field(key: "status") package var status: PlanStatus
    @Field(key: "version") package var version: String
    @Field(key: "starts") package var starts: String
    @Field(key: "ends") package var ends: String
    @OptionalField(key: "vision") package var vision: String?
    /// How progress is monitored (the Family Friendly Index measures of a plan summary).
    @Field(key: "measures") package var measures: [String]

    package init() {}
}

/// A plan's outcome (or theme): "Safe and Secure".
package final class Outcome: Model, @unchecked Sendable {
    package static let schema = "plan_outcomes"

    @ID(key: .id) package var id: UUID?

    @Field(key: "plan_id") package var planID: UUID
    @Field(key: "ref") package var ref: String
    @Field(key: "position") package var position: Int
    @Field(key: "name") package var name: String
    @OptionalField(key: "ambition") package var ambition: String?
    /// `ChildRightsPrinciple` raw values.
    @Field(key: "principles") package var principles: [String]
    @Field(key: "child_friendly_communities") package var childFriendlyCommunities: Bool

    package init() {}
}

/// A "What we know" figure of an outcome.
package final class KeyFigure: Model, @unchecked Sendable {
    package static let schema = "plan_key_figures"

    @ID(key: .id) package var id: UUID?

    @Field(key: "outcome_id") package var outcomeID: UUID
    @Field(key: "position") package var position: Int
    @Field(key: "value") package var value: String
    @Field(key: "label") package var label: String
    @OptionalField(key: "source") package var source: String?
    @OptionalField(key: "figure_date") package var date: String?
    @OptionalField(key: "indicator_code") package var indicatorCode: String?

    package init() {}

    var planFileFigure: PlanFile.KeyFigure {
        PlanFile.KeyFigure(value: value, label: label, source: source, date: date, indicator: indicatorCode)
    }
}

/// One of "What young people have told us" for an outcome.
package final class YoungPeopleStatement: Model, @unchecked Sendable {
    package static let schema = "plan_young_people_statements"

    @ID(key: .id) package var id: UUID?

    @Field(key: "outcome_id") package var outcomeID: UUID
    @Field(key: "position") package var position: Int
    @Field(key: "statement") package var statement: String

    package init() {}
}

/// An objective (or sub-theme, or pledge commitment) under an outcome.
package final class Objective: Model, @unchecked Sendable {
    package static let schema = "plan_objectives"

    @ID(key: .id) package var id: UUID?

    @Field(key: "plan_id") package var planID: UUID
    @Field(key: "outcome_id") package var outcomeID: UUID
    @Field(key: "ref") package var ref: String
    @Field(key: "position") package var position: Int
    @Field(key: "title") package var title: String

    package init() {}
}

/// A board, committee, plan or report through which actions are monitored.
package final class Board: Model, @unchecked Sendable {
    package static let schema = "boards"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    @Field(key: "name") package var name: String
    /// board, committee, plan, report or other.
    @Field(key: "kind") package var kind: String

    package init() {}

    package init(name: String, kind: String) {
        self.name = name
        self.kind = kind
    }
}
