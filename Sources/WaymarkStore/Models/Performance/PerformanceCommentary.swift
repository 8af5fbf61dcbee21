import FluentKit
import Foundation

/// A service's commentary on its part of Performance Matters for a period: what is going well, what needs to
/// improve, and the actions in place (seed 003).
package final class PerformanceCommentary: Model, @unchecked Sendable {
    package static let schema = "performance_commentary"

    @ID(key: .id) package var id: UUID?
    /// The report section (`PerformanceSection`).
    @Field(key: "section") package var section: String
    /// The period as links write it: "2026-03", or "2025-04-01..2026-03-31".
    @Field(key: "period") package var period: String
    @Field(key: "going_well") package var goingWell: String
    @Field(key: "to_improve") package var toImprove: String
    @Field(key: "actions") package var actions: String
    /// The display name of who wrote it last.
    @Field(key: "written_by") package var writtenBy: String
    @Field(key: "written_at") package var writtenAt: Date

    package init() {}
}
