import FluentKit
import Foundation
import WaymarkDomain

/// The partnership's organisations, service areas and teams: each listed by name, found by id or name, and added with
/// its line in the audit trail.
package enum ReferenceDataStore {
    package static func organisations(on db: any Database) async throws -> [Organisation] {
        try await Organisation.query(on: db).sort(\.$name).all()
    }

    /// Each with its teams.
    package static func serviceAreas(on db: any Database) async throws -> [ServiceArea] {
        try await ServiceArea.query(on: db).with(\.$teams).sort(\.$name).all()
    }

    /// Each with its service area.
    package static func teams(on db: any Database) async throws -> [Team] {
        try await Team.query(on: db).with(\.$serviceArea).sort(\.$name).all()
    }

    package static func teams(in serviceAreaID: UUID, on db: any Database) async throws -> [Team] {
        try await Team.query(on: db).filter(\.$serviceArea.$id == serviceAreaID).sort(\.$name).all()
    }

    package static func organisation(id: UUID, on db: any Database) async throws -> Organisation? { try await Organisation.find(id, on: db) }
    package static func serviceArea(id: UUID, on db: any Database) async throws -> ServiceArea? { try await ServiceArea.find(id, on: db) }
    package static func team(id: UUID, on db: any Database) async throws -> Team? { try await Team.find(id, on: db) }

    package static func organisation(named name: String, on db: any Database) async throws -> Organisation? {
        try await Organisation.query(on: db).filter(\.$name == name).first()
    }

    package static func team(named name: String, on db: any Database) async throws -> Team? {
        try await Team.query(on: db).filter(\.$name == name).first()
    }

    package static func serviceArea(named name: String, on db: any Database) async throws -> ServiceArea? {
        try await ServiceArea.query(on: db).filter(\.$name == name).first()
    }

    package static func serviceAreaExists(named name: String, on db: any Database) async throws -> Bool {
        try await ServiceArea.query(on: db).filter(\.$name == name).count() > 0
    }

    package static func add(_ organisation: Organisation, by actor: AuditTrail.Actor, on db: any Database) async throws {
        try await db.transaction { db in
            try await organisation.create(on: db)
            try await AuditTrail.record(.create, recordType: .organisation, recordID: organisation.id?.uuidString, by: actor, on: db)
        }
    }

    package static func add(_ serviceArea: ServiceArea, by actor: AuditTrail.Actor, on db: any Database) async throws {
        try await db.transaction { db in
            try await serviceArea.create(on: db)
            try await AuditTrail.record(.create, recordType: .serviceArea, recordID: serviceArea.id?.uuidString, by: actor, on: db)
        }
    }

    package static func add(_ team: Team, by actor: AuditTrail.Actor, on db: any Database) async throws {
        try await db.transaction { db in
            try await team.create(on: db)
            try await AuditTrail.record(.create, recordType: .team, recordID: team.id?.uuidString, by: actor, on: db)
        }
    }
}
