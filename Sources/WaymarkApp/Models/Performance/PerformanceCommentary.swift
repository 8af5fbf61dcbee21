import Fluent
import Foundation

/// A service's commentary on its part of Performance Matters for a period: what is going well, what needs to
/// improve, and the actions in place (seed 003).
final class PerformanceCommentary: Model, @unchecked Sendable {
    static let schema = "performance_commentary"

    @ID(key: .id) var id: UUID?
    /// The report section (`PerformanceSection`).
    @Field(key: "section") var section: String
    /// The period as links write it: "2026-03", or "2025-04-01..2026-03-31".
    @Field(key: "period") var period: String
    @Field(key: "going_well") var goingWell: String
    @Field(key: "to_improve") var toImprove: String
    @Field(key: "actions") var actions: String
    /// The display name of who wrote it last.
    @Field(key: "written_by") var writtenBy: String
    @Field(key: "written_at") var writtenAt: Date

    init() {}
}
