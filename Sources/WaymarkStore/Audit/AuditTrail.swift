import FluentKit
import Foundation
import WaymarkDomain

/// Writes the audit trail. Later areas add their `AuditRecordType` (a `.child`, say) and call
/// `req.audit(.view, recordType: .child, recordID: …)` for every read of a child-level record, inside the same
/// transaction as any change they make.
package enum AuditTrail {
    /// Who did it and from where, taken from the request.
    package struct Actor: Sendable {
        package var userID: UUID?
        package var username: String
        package var ipAddress: String?
        package var requestID: String

        package init(userID: UUID?, username: String, ipAddress: String?, requestID: String) {
            self.userID = userID
            self.username = username
            self.ipAddress = ipAddress
            self.requestID = requestID
        }

        /// Every change made from the command line is in the audit trail too, as the "(command line)" user.
        package static let commandLine = Actor(userID: nil, username: "(command line)", ipAddress: nil, requestID: "command-line")
        /// What Waymark does of itself: the demo it loads, the first administrator it makes.
        package static let system = Actor(userID: nil, username: "(system)", ipAddress: nil, requestID: "system")
    }

    package static func record(
        _ action: AuditAction, recordType: AuditRecordType? = nil, recordID: String? = nil, detail: String? = nil,
        by actor: Actor, on db: any Database, at time: Date = Date()
    ) async throws {
        let event = AuditEvent()
        event.occurredAt = time
        event.userID = actor.userID
        event.username = actor.username
        event.action = action.rawValue
        event.recordType = recordType?.rawValue
        event.recordID = recordID
        event.detail = detail
        event.ipAddress = actor.ipAddress
        event.requestID = actor.requestID
        try await event.create(on: db)
    }
}
