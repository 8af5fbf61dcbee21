import Fluent
import Foundation

/// The days over which a child's kept clocks hold (`ClockWindow`), and the engine they were worked out with
/// (`TimescaleEngine.fingerprint`); a child with none, or one that does not hold, has their clocks worked out afresh.
final class KeptClockWindow: Model, @unchecked Sendable {
    static let schema = "kept_clock_windows"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "engine") var engine: String
    /// yyyy-mm-dd: the first day the clocks hold (none: every day before), and the first they no longer do.
    @OptionalField(key: "holds_from") var holdsFrom: String?
    @OptionalField(key: "holds_until") var holdsUntil: String?

    init() {}
}

/// One of a child's clocks not yet met and still open, as worked out for their window: what the daily tracker lists.
final class KeptClock: Model, @unchecked Sendable {
    static let schema = "kept_clocks"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "rule") var rule: String
    @Field(key: "record") var record: String
    /// yyyy-mm-dd.
    @Field(key: "starts") var starts: String
    @Field(key: "due") var due: String
    @Field(key: "evidence") var evidence: String

    init() {}
}
