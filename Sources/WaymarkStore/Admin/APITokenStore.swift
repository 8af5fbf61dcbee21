import FluentKit
import Foundation
import WaymarkDomain

/// The tokens partner systems send indicator values with: listed, issued and revoked, each with its line in the audit
/// trail. Only a token's hash is stored.
package enum APITokenStore {
    /// Every token, newest first, each with its organisation.
    package static func all(on db: any Database) async throws -> [APIToken] {
        try await APIToken.query(on: db).with(\.$organisation).sort(\.$issuedAt, .descending).all()
    }

    package static func token(id: UUID, on db: any Database) async throws -> APIToken? { try await APIToken.find(id, on: db) }

    /// The token with this hash, with its organisation, if it is not revoked.
    package static func active(tokenHash: String, on db: any Database) async throws -> APIToken? {
        try await APIToken.query(on: db).filter(\.$tokenHash == tokenHash).filter(\.$revokedAt == nil).with(\.$organisation).first()
    }

    package static func used(_ token: APIToken, at now: Date, on db: any Database) async throws {
        token.lastUsedAt = now
        try await token.save(on: db)
    }

    package static func issue(_ token: APIToken, organisationName: String, by actor: AuditTrail.Actor, on db: any Database) async throws {
        try await db.transaction { db in
            try await token.create(on: db)
            try await AuditTrail.record(
                .create, recordType: .apiToken, recordID: token.id?.uuidString,
                detail: "\(token.name) (\(organisationName)): \(token.indicatorCodes.sorted().joined(separator: ", "))", by: actor, on: db)
        }
    }

    /// Revokes a token; one already revoked is left as it is.
    package static func revoke(_ token: APIToken, by actor: AuditTrail.Actor, on db: any Database) async throws {
        guard token.revokedAt == nil else { return }
        token.revokedAt = Date()
        try await db.transaction { db in
            try await token.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .apiToken, recordID: token.id?.uuidString, detail: "revoked \(token.name)", by: actor, on: db)
        }
    }
}
