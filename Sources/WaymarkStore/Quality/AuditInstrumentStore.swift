import FluentKit
import Foundation
import WaymarkDomain

/// Audit instruments' versions: drafts started, saved and discarded, and published, after which a version never
/// changes. A version's number must be above every published version of its name, so the newest published is the
/// latest; the file's own checks are the caller's (the store keeps text it is given).
package enum AuditInstrumentStore {
    /// Every version, by name, newest first.
    package static func versions(on db: any Database) async throws -> [AuditInstrumentVersion] {
        try await AuditInstrumentVersion.query(on: db).sort(\.$name).sort(\.$version, .descending).all()
    }

    /// The published versions, by name, newest first: those a programme may audit with.
    package static func published(on db: any Database) async throws -> [AuditInstrumentVersion] {
        try await AuditInstrumentVersion.query(on: db).filter(\.$state == .published).sort(\.$name).sort(\.$version, .descending).all()
    }

    package static func version(_ id: UUID, on db: any Database) async throws -> AuditInstrumentVersion? {
        try await AuditInstrumentVersion.find(id, on: db)
    }

    /// Starts a draft of `name`, version `version`, from `text`.
    package static func startDraft(
        name: String, version: Int, text: String, by person: String, actor: AuditTrail.Actor, at now: Date = Date(), on db: any Database
    ) async throws -> UUID {
        try await db.transaction { db in
            if let refusal = try await numberRefusal(name: name, version: version, except: nil, on: db) {
                throw CaseAuditStore.Refused(message: refusal)
            }
            let draft = AuditInstrumentVersion()
            (draft.name, draft.version, draft.text, draft.state) = (name, version, text, .draft)
            (draft.savedBy, draft.savedAt) = (person, now)
            try await draft.create(on: db)
            let id = try draft.requireID()
            try await AuditTrail.record(
                .create, recordType: .auditInstrument, recordID: id.uuidString, detail: "draft of \(name), version \(version)", by: actor, on: db,
                at: now)
            return id
        }
    }

    /// Saves a draft's new text (with the name and number it gives). Refused, nothing changed, for a published version
    /// or a number already used or not above the latest published.
    package static func save(
        _ id: UUID, name: String, version: Int, text: String, by person: String, actor: AuditTrail.Actor, on db: any Database
    ) async throws {
        try await db.transaction { db in
            let draft = try await draftToChange(id, on: db)
            if let refusal = try await numberRefusal(name: name, version: version, except: id, on: db) {
                throw CaseAuditStore.Refused(message: refusal)
            }
            (draft.name, draft.version, draft.text) = (name, version, text)
            (draft.savedBy, draft.savedAt) = (person, Date())
            try await draft.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .auditInstrument, recordID: id.uuidString, detail: "draft of \(name), version \(version) saved", by: actor,
                on: db)
        }
    }

    /// Publishes a draft: from now on it never changes, and programmes may audit with it.
    package static func publish(_ id: UUID, by person: String, actor: AuditTrail.Actor, at now: Date = Date(), on db: any Database) async throws {
        try await db.transaction { db in
            let draft = try await draftToChange(id, on: db)
            if let refusal = try await numberRefusal(name: draft.name, version: draft.version, except: id, on: db) {
                throw CaseAuditStore.Refused(message: refusal)
            }
            (draft.state, draft.publishedBy, draft.publishedAt) = (.published, person, now)
            try await draft.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .auditInstrument, recordID: id.uuidString, detail: "\(draft.name), version \(draft.version) published",
                by: actor, on: db, at: now)
        }
    }

    /// Throws a draft away; a published version is never thrown away.
    package static func discard(_ id: UUID, actor: AuditTrail.Actor, on db: any Database) async throws {
        try await db.transaction { db in
            let draft = try await draftToChange(id, on: db)
            try await draft.delete(on: db)
            try await AuditTrail.record(
                .delete, recordType: .auditInstrument, recordID: id.uuidString, detail: "draft of \(draft.name), version \(draft.version) discarded",
                by: actor, on: db)
        }
    }

    private static func draftToChange(_ id: UUID, on db: any Database) async throws -> AuditInstrumentVersion {
        guard let version = try await AuditInstrumentVersion.find(id, on: db) else {
            throw CaseAuditStore.Refused(message: "This draft is no longer kept: someone discarded it.")
        }
        guard version.state == .draft else {
            throw CaseAuditStore.Refused(
                message:
                    "Version \(version.version) of \(version.name) is published, and a published version never changes. Start a new version from it.")
        }
        return version
    }

    /// Why `name`, version `version` may not be kept (beside the version `except`), or nil when it may.
    private static func numberRefusal(name: String, version: Int, except: UUID?, on db: any Database) async throws -> String? {
        let same = try await AuditInstrumentVersion.query(on: db).filter(\.$name == name).all().filter { $0.id != except }
        if let taken = same.first(where: { $0.version == version }) {
            return "Version \(version) of \(name) is \(taken.state == .published ? "published" : "a draft") already: give this one another number."
        }
        if let latest = same.filter({ $0.state == .published }).map(\.version).max(), version <= latest {
            return "Version \(latest) of \(name) is published: a new version needs a number above \(latest)."
        }
        return nil
    }
}
