import FluentKit
import Foundation
import WaymarkDomain

/// The people who sign in: listed, found, and their details saved with a line in the audit trail. Creating an account,
/// its password and disabling it are `Accounts`' (WaymarkWeb), which hashes passwords.
package enum UserStore {
    /// Everyone, by name, each with their organisation, team and service area.
    package static func everyoneWithPlacement(on db: any Database) async throws -> [User] {
        try await User.query(on: db).with(\.$organisation).with(\.$team).with(\.$serviceArea).sort(\.$displayName).all()
    }

    /// Everyone, by username.
    package static func everyone(on db: any Database) async throws -> [User] {
        try await User.query(on: db).sort(\.$username).all()
    }

    package static func user(id: UUID, on db: any Database) async throws -> User? { try await User.find(id, on: db) }

    /// Every account by its id: for pages that name many people (supervisors and those they supervise).
    package static func byID(on db: any Database) async throws -> [UUID: User] {
        Dictionary(try await everyone(on: db).compactMap { user in user.id.map { ($0, user) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Usernames are kept in lower case.
    package static func user(named username: String, on db: any Database) async throws -> User? {
        try await User.query(on: db).filter(\.$username == username.lowercased()).first()
    }

    package static func user(staffID: String, on db: any Database) async throws -> User? {
        try await User.query(on: db).filter(\.$staffID == staffID).first()
    }

    /// Saves a change to someone's details, with what changed in the audit trail; a new name or staff identifier links
    /// the children the case system allocates under it (`WorkerLinks`).
    package static func save(_ user: User, changes: [String], by actor: AuditTrail.Actor, on db: any Database) async throws {
        try await db.transaction { db in
            try await user.save(on: db)
            let linked = try await WorkerLinks.link(user, on: db)
            let detail = changes + (linked > 0 ? ["linked to \(linked) allocations"] : [])
            try await AuditTrail.record(
                .update, recordType: .user, recordID: user.id?.uuidString, detail: detail.isEmpty ? nil : detail.joined(separator: "; "),
                by: actor, on: db)
        }
    }
}
