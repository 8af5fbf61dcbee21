import FluentKit
import Foundation
import WaymarkDomain

/// Accounts as stored: added, disabled, their password replaced or reset, and signed in to, each change in one
/// transaction with its line in the audit trail (and, where it should, the end of the account's other sessions).
/// Hashing passwords is `Accounts`' (WaymarkWeb), on the application's thread pool.
package enum AccountRecords {
    package static func count(on db: any Database) async throws -> Int { try await User.query(on: db).count() }

    package static func administrators(on db: any Database) async throws -> Int {
        try await User.query(on: db).filter(\.$role == .systemAdmin).count()
    }

    /// Adds an account, linked at once to the children the case system already allocates to it (`WorkerLinks`).
    package static func add(_ user: User, by actor: AuditTrail.Actor, on db: any Database) async throws {
        try await db.transaction { db in
            try await user.create(on: db)
            let linked = try await WorkerLinks.link(user, on: db)
            try await AuditTrail.record(
                .create, recordType: .user, recordID: user.id?.uuidString,
                detail: "role \(user.role.rawValue)" + (linked > 0 ? "; linked to \(linked) allocations" : ""), by: actor, on: db)
        }
    }

    /// Disables an account, ending its sessions on every server at once, or enables it again.
    package static func setDisabled(_ user: User, _ disabled: Bool, by actor: AuditTrail.Actor, on db: any Database) async throws {
        let userID = try user.requireID()
        user.isDisabled = disabled
        try await db.transaction { db in
            try await user.save(on: db)
            if disabled { try await SessionRecords.endAll(for: userID, on: db) }
            try await AuditTrail.record(
                .update, recordType: .user, recordID: userID.uuidString, detail: disabled ? "account disabled" : "account enabled", by: actor, on: db)
        }
    }

    /// A one-time password an administrator set (by its hash): the account's sessions end.
    package static func resetPassword(
        _ user: User, toHash hash: String, mustChange: Bool = true, by actor: AuditTrail.Actor, on db: any Database
    ) async throws {
        let userID = try user.requireID()
        user.passwordHash = hash
        user.mustChangePassword = mustChange
        try await db.transaction { db in
            try await user.save(on: db)
            try await SessionRecords.endAll(for: userID, on: db)
            try await AuditTrail.record(.passwordReset, recordType: .user, recordID: userID.uuidString, by: actor, on: db)
        }
    }

    /// A password the person chose (by its hash): their other sessions end; `kept`, the one they changed it in, goes on.
    package static func changePassword(
        _ user: User, toHash hash: String, keeping kept: UserSession, by actor: AuditTrail.Actor, on db: any Database
    ) async throws {
        user.passwordHash = hash
        user.mustChangePassword = false
        try await db.transaction { db in
            try await user.save(on: db)
            try await SessionRecords.endAll(for: user.requireID(), except: kept, on: db)
            try await AuditTrail.record(.passwordChanged, recordType: .user, recordID: user.id?.uuidString, by: actor, on: db)
        }
    }

    /// A sign-in that succeeded: the throttle's count for it cleared, the time kept, the line written and the session
    /// started, together.
    package static func signIn(
        _ user: User, session: UserSession, clearing failure: SignInFailure?, at now: Date, by actor: AuditTrail.Actor, on db: any Database
    ) async throws {
        user.lastSignInAt = now
        try await db.transaction { db in
            try await failure?.delete(on: db)
            try await user.save(on: db)
            try await AuditTrail.record(.signIn, recordType: .user, recordID: user.id?.uuidString, by: actor, on: db)
            try await session.create(on: db)
        }
    }

    /// A sign-in that failed: the throttle's counts and the line, together.
    package static func signInFailed(
        _ user: User?, counts: [SignInFailure], why: String, by actor: AuditTrail.Actor, on db: any Database
    ) async throws {
        try await db.transaction { db in
            for count in counts { try await count.save(on: db) }
            try await AuditTrail.record(
                .signInFailed, recordType: user == nil ? nil : .user, recordID: user?.id?.uuidString, detail: why, by: actor, on: db)
        }
    }

    /// The throttle's counts under these keys.
    package static func signInFailures(keys: [String], on db: any Database) async throws -> [SignInFailure] {
        try await SignInFailure.query(on: db).filter(\.$key ~~ keys).all()
    }

    package static func save(_ counts: [SignInFailure], on db: any Database) async throws {
        try await db.transaction { db in for count in counts { try await count.save(on: db) } }
    }

    package static func forget(_ failure: SignInFailure?, on db: any Database) async throws { try await failure?.delete(on: db) }

    /// Signing out: the line, and the session's end.
    package static func signOut(_ session: UserSession, user: User, by actor: AuditTrail.Actor, on db: any Database) async throws {
        try await db.transaction { db in
            try await AuditTrail.record(.signOut, recordType: .user, recordID: user.id?.uuidString, by: actor, on: db)
            try await session.delete(on: db)
        }
    }
}
