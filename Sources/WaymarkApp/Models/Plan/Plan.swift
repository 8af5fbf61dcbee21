import Fluent
import Vapor
import WaymarkDomain

/// A plan the partnership runs: the Children and Young People's Plan, its summary, the improvement plan, the
/// Corporate Parenting Pledge. Its tree is outcomes → objectives → actions.
final class Plan: Model, @unchecked Sendable {
    static let schema = "plans"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Field(key: "slug") var slug: String
    @Field(key: "kind") var kind: PlanKind
    @Field(key: "title") var title: String
    @Field(key: "status") var status: PlanStatus
    @Field(key: "version") var version: String
    @Field(key: "starts") var starts: String
    @Field(key: "ends") var ends: String
    @OptionalField(key: "vision") var vision: String?
    /// How progress is monitored (the Family Friendly Index measures of a plan summary).
    @Field(key: "measures") var measures: [String]

    init() {}
}

/// A plan's outcome (or theme): "Safe and Secure".
final class Outcome: Model, @unchecked Sendable {
    static let schema = "plan_outcomes"

    @ID(key: .id) var id: UUID?

    @Field(key: "plan_id") var planID: UUID
    @Field(key: "ref") var ref: String
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    @OptionalField(key: "ambition") var ambition: String?
    /// `ChildRightsPrinciple` raw values.
    @Field(key: "principles") var principles: [String]
    @Field(key: "child_friendly_communities") var childFriendlyCommunities: Bool

    init() {}
}

/// A "What we know" figure of an outcome.
final class KeyFigure: Model, @unchecked Sendable {
    static let schema = "plan_key_figures"

    @ID(key: .id) var id: UUID?

    @Field(key: "outcome_id") var outcomeID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "value") var value: String
    @Field(key: "label") var label: String
    @OptionalField(key: "source") var source: String?
    @OptionalField(key: "figure_date") var date: String?
    @OptionalField(key: "indicator_code") var indicatorCode: String?

    init() {}

    var planFileFigure: PlanFile.KeyFigure {
        PlanFile.KeyFigure(value: value, label: label, source: source, date: date, indicator: indicatorCode)
    }
}

/// One of "What young people have told us" for an outcome.
final class YoungPeopleStatement: Model, @unchecked Sendable {
    static let schema = "plan_young_people_statements"

    @ID(key: .id) var id: UUID?

    @Field(key: "outcome_id") var outcomeID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "statement") var statement: String

    init() {}
}

/// An objective (or sub-theme, or pledge commitment) under an outcome.
final class Objective: Model, @unchecked Sendable {
    static let schema = "plan_objectives"

    @ID(key: .id) var id: UUID?

    @Field(key: "plan_id") var planID: UUID
    @Field(key: "outcome_id") var outcomeID: UUID
    @Field(key: "ref") var ref: String
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String

    init() {}
}

/// A board, committee, plan or report through which actions are monitored.
final class Board: Model, @unchecked Sendable {
    static let schema = "boards"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "name") var name: String
    /// board, committee, plan, report or other.
    @Field(key: "kind") var kind: String

    init() {}

    init(name: String, kind: String) {
        self.name = name
        self.kind = kind
    }
}
