import FluentKit
import Foundation
import WaymarkDomain

/// Searching the audit trail, newest first, a page at a time.
package enum AuditSearch {
    package struct Filters: Sendable {
        package var username: String?, recordType: String?, recordID: String?
        /// The first moment included, and the first excluded.
        package var from: Date?, before: Date?

        package init(username: String?, recordType: String?, recordID: String?, from: Date?, before: Date?) {
            (self.username, self.recordType, self.recordID, self.from, self.before) = (username, recordType, recordID, from, before)
        }
    }

    /// How many events match, and those on the page (from 1).
    package static func search(_ filters: Filters, page: Int, pageSize: Int, on db: any Database) async throws -> (total: Int, events: [AuditEvent]) {
        let events = AuditEvent.query(on: db)
        if let username = filters.username { events.filter(\.$username == username) }
        if let recordType = filters.recordType { events.filter(\.$recordType == recordType) }
        if let recordID = filters.recordID { events.filter(\.$recordID == recordID) }
        if let from = filters.from { events.filter(\.$occurredAt >= from) }
        if let before = filters.before { events.filter(\.$occurredAt < before) }
        let total = try await events.count()
        let rows = try await events.copy().sort(\.$occurredAt, .descending).range(((page - 1) * pageSize)..<(page * pageSize)).all()
        return (total, rows)
    }
}
