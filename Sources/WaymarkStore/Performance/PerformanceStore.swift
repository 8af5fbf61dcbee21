import FluentKit
import Foundation
import WaymarkDomain

/// Performance Matters' commentary: what is going well, what to improve and the actions, a section a period.
package enum PerformanceStore {
    /// A period's commentary by section.
    package static func commentary(period: String, on db: any Database) async throws -> [String: PerformanceCommentary] {
        Dictionary(
            try await PerformanceCommentary.query(on: db).filter(\.$period == period).all().map { ($0.section, $0) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Writes (or rewrites) one section's commentary for a period, with its line in the audit trail.
    package static func saveCommentary(
        section: String, period: String, goingWell: String, toImprove: String, actions: String, writtenBy: String,
        by actor: AuditTrail.Actor, on db: any Database
    ) async throws {
        try await db.transaction { db in
            let commentary =
                try await PerformanceCommentary.query(on: db).filter(\.$section == section).filter(\.$period == period).first()
                ?? PerformanceCommentary()
            commentary.section = section
            commentary.period = period
            commentary.goingWell = goingWell
            commentary.toImprove = toImprove
            commentary.actions = actions
            commentary.writtenBy = writtenBy
            commentary.writtenAt = Date()
            try await commentary.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .performanceReport, recordID: period, detail: "commentary: \(section)", by: actor, on: db)
        }
    }
}
