import Fluent
import Vapor
import WaymarkDomain
import WaymarkStore

extension Request {
    /// The signed-in person (or the partner system, by its token), from this request's address.
    package var auditActor: AuditTrail.Actor {
        if signedIn == nil, let partnerSystem {
            return AuditTrail.Actor(userID: nil, username: partnerSystem.auditName, ipAddress: remoteAddress?.ipAddress, requestID: id)
        }
        return auditActor(as: signedIn?.user)
    }

    /// `user` from this request's address: for a sign-in attempt, before anyone is signed in.
    package func auditActor(as user: User?) -> AuditTrail.Actor {
        AuditTrail.Actor(userID: user?.id, username: user?.username ?? "(not signed in)", ipAddress: remoteAddress?.ipAddress, requestID: id)
    }

    /// Records one line of the audit trail for this request, on `db` (pass a transaction's database to keep
    /// the line and the change together).
    package func audit(
        _ action: AuditAction, recordType: AuditRecordType? = nil, recordID: String? = nil, detail: String? = nil, on db: (any Database)? = nil
    ) async throws {
        try await AuditTrail.record(action, recordType: recordType, recordID: recordID, detail: detail, by: auditActor, on: db ?? self.db)
    }
}
