import FluentKit
import Foundation

/// One line of the audit trail. Append-only: no code path updates or deletes these rows, and database
/// triggers refuse it (see `CreateAuditEvents`). The username is copied so the line still reads right if the
/// user is renamed; no child's personal data is written here, only record types and ids.
package final class AuditEvent: Model, @unchecked Sendable {
    package static let schema = "audit_events"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "occurred_at") package var occurredAt: Date
    @OptionalField(key: "user_id") package var userID: UUID?
    @Field(key: "username") package var username: String
    @Field(key: "action") package var action: String
    @OptionalField(key: "record_type") package var recordType: String?
    @OptionalField(key: "record_id") package var recordID: String?
    @OptionalField(key: "detail") package var detail: String?
    @OptionalField(key: "ip_address") package var ipAddress: String?
    @Field(key: "request_id") package var requestID: String

    package init() {}
}
