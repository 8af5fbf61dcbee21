import FluentKit
import Foundation

/// What leaders wrote for a month's self-evaluation pack, one narrative to each of Ofsted's three questions.
package final class SelfEvaluationNarrative: Model, @unchecked Sendable {
    package static let schema = "self_evaluation_narratives"

    @ID(key: .id) package var id: UUID?
    /// The month the pack is for: `2026-11`.
    @Field(key: "month") package var month: String
    @Field(key: "what_we_know") package var whatWeKnow: String
    @Field(key: "how_we_know") package var howWeKnow: String
    @Field(key: "what_we_do") package var whatWeDo: String
    @Field(key: "written_by") package var writtenBy: String
    @Field(key: "written_at") package var writtenAt: Date

    package init() {}
}
