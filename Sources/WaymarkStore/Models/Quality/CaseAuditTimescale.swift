import FluentKit
import Foundation

/// An audited child's timescales of one rule as the audit's evidence showed them when it was submitted: how many fell
/// due (or were done) in the 12 months to the audit's day, and how each went. The report reads them beside the grades.
package final class CaseAuditTimescale: Model, @unchecked Sendable {
    package static let schema = "case_audit_timescales"

    @ID(key: .id) package var id: UUID?
    @Field(key: "audit_id") package var auditID: UUID
    /// The timescale rule (`TimescaleRule`'s raw value: `cla-visit`).
    @Field(key: "rule") package var rule: String
    @Field(key: "due") package var due: Int
    @Field(key: "on_time") package var onTime: Int
    @Field(key: "late") package var late: Int
    @Field(key: "not_done") package var notDone: Int

    package init() {}
}
