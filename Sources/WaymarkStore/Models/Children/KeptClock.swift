import FluentKit
import Foundation

/// The days over which a child's kept clocks hold (`ClockWindow`), and the engine they were worked out with
/// (`TimescaleEngine.fingerprint`); a child with none, or one that does not hold, has their clocks worked out afresh.
package final class KeptClockWindow: Model, @unchecked Sendable {
    package static let schema = "kept_clock_windows"

    @ID(key: .id) package var id: UUID?
    @Field(key: "child_id") package var childID: UUID
    @Field(key: "engine") package var engine: String
    /// yyyy-mm-dd: the first day the clocks hold (none: every day before), and the first they no longer do.
    @OptionalField(key: "holds_from") package var holdsFrom: String?
    @OptionalField(key: "holds_until") package var holdsUntil: String?

    package init() {}
}

/// One of a child's clocks not yet met and still open, as worked out for their window: what the daily tracker lists.
package final class KeptClock: Model, @unchecked Sendable {
    package static let schema = "kept_clocks"

    @ID(key: .id) package var id: UUID?
    @Field(key: "child_id") package var childID: UUID
    @Field(key: "rule") package var rule: String
    @Field(key: "record") package var record: String
    /// yyyy-mm-dd.
    @Field(key: "starts") package var starts: String
    @Field(key: "due") package var due: String
    @Field(key: "evidence") package var evidence: String

    package init() {}
}
