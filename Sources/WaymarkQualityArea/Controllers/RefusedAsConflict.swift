import Vapor
import WaymarkStore

/// Runs a change to audits; the store's refusal (`CaseAuditStore.Refused`, nothing changed) becomes a 409 Conflict in
/// its own words, for the person who tried it.
@discardableResult
func refusedAsConflict<T>(_ work: () async throws -> T) async throws -> T {
    do { return try await work() } catch let refused as CaseAuditStore.Refused { throw Abort(.conflict, reason: refused.message) }
}
