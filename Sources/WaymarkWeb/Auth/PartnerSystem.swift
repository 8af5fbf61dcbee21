import Fluent
import Foundation
import Vapor
import WaymarkStore

/// A partner organisation's system behind a request, found by its API token.
package struct PartnerSystem: Sendable {
    package let tokenID: UUID
    package let name: String
    package let organisation: String
    package let indicatorCodes: Set<String>

    /// How it appears in the audit trail.
    package var auditName: String { "API token \"\(name)\" (\(organisation))" }

    /// The token that is not revoked and matches the request's `Authorization: Bearer` header, or nil.
    /// Marks it used (at most once a minute, so a busy system does not write on every request).
    package static func find(for req: Request, now: Date = Date()) async throws -> PartnerSystem? {
        guard let bearer = req.headers.bearerAuthorization?.token, !bearer.isEmpty else { return nil }
        guard let token = try await APITokenStore.active(tokenHash: SessionStore.hash(bearer), on: req.db) else { return nil }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true { try await APITokenStore.used(token, at: now, on: req.db) }
        return PartnerSystem(
            tokenID: try token.requireID(), name: token.name, organisation: token.organisation.name,
            indicatorCodes: token.indicatorCodes)
    }
}

extension Request {
    private struct PartnerSystemKey: StorageKey { typealias Value = PartnerSystem }

    package var partnerSystem: PartnerSystem? {
        get { storage[PartnerSystemKey.self] }
        set { storage[PartnerSystemKey.self] = newValue }
    }

    package func requirePartnerSystem() throws -> PartnerSystem {
        guard let partnerSystem else { throw Abort(.unauthorized) }
        return partnerSystem
    }
}
