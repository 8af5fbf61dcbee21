import Fluent
import Vapor
import WaymarkDomain

/// Writes the audit trail. Later areas add their `AuditRecordType` (a `.child`, say) and call
/// `req.audit(.view, recordType: .child, recordID: …)` for every read of a child-level record, inside the same
/// transaction as any change they make.
enum AuditTrail {
    /// Who did it and from where, taken from the request.
    struct Actor: Sendable {
        var userID: UUID?
        var username: String
        var ipAddress: String?
        var requestID: String

        /// Every change made from the command line is in the audit trail too, as the "(command line)" user.
        static let commandLine = Actor(userID: nil, username: "(command line)", ipAddress: nil, requestID: "command-line")
    }

    static func record(
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

extension Request {
    /// The signed-in person (or the partner system, by its token), from this request's address.
    var auditActor: AuditTrail.Actor {
        if signedIn == nil, let partnerSystem {
            return AuditTrail.Actor(userID: nil, username: partnerSystem.auditName, ipAddress: remoteAddress?.ipAddress, requestID: id)
        }
        return auditActor(as: signedIn?.user)
    }

    /// `user` from this request's address: for a sign-in attempt, before anyone is signed in.
    func auditActor(as user: User?) -> AuditTrail.Actor {
        AuditTrail.Actor(userID: user?.id, username: user?.username ?? "(not signed in)", ipAddress: remoteAddress?.ipAddress, requestID: id)
    }

    /// Records one line of the audit trail for this request, on `db` (pass a transaction's database to keep
    /// the line and the change together).
    func audit(
        _ action: AuditAction, recordType: AuditRecordType? = nil, recordID: String? = nil, detail: String? = nil, on db: (any Database)? = nil
    ) async throws {
        try await AuditTrail.record(action, recordType: recordType, recordID: recordID, detail: detail, by: auditActor, on: db ?? self.db)
    }
}
