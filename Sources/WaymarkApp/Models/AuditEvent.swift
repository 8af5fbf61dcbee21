import Fluent
import Vapor

/// One line of the audit trail. Append-only: no code path updates or deletes these rows, and database
/// triggers refuse it (see `CreateAuditEvents`). The username is copied so the line still reads right if the
/// user is renamed; no child's personal data is written here, only record types and ids.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "username") var username: String
    @Field(key: "action") var action: String
    @OptionalField(key: "record_type") var recordType: String?
    @OptionalField(key: "record_id") var recordID: String?
    @OptionalField(key: "detail") var detail: String?
    @OptionalField(key: "ip_address") var ipAddress: String?
    @Field(key: "request_id") var requestID: String

    init() {}
}
