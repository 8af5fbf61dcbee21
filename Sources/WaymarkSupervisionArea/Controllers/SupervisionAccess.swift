import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkWeb

/// Who may see and do what in supervision. Everyone with the quality permission sees their own supervision; those who
/// supervise (`supervise`) set up agreements for the people where they work (a team manager their team, a head of
/// service their service area, a QA lead the QA auditors, leadership anyone) and record the sessions of the agreements
/// they hold or cover. A manager over a supervisee reads the agreement and its sessions; the wellbeing note only the
/// supervisee and the person who held the session ever read.
enum SupervisionAccess {
    /// The roles that are supervised in Waymark.
    static let supervisedRoles: [Role] = [.practitioner, .teamManager, .headOfService, .qaLead, .qaAuditor]

    /// The people this person may set up an agreement for (themselves never).
    static func supervisees(for user: User, on db: any Database) async throws -> [User] {
        let people = try await UserStore.everyone(on: db).filter { !$0.isDisabled && supervisedRoles.contains($0.role) && $0.id != user.id }
        let teams = try await ReferenceDataStore.teams(on: db)
        let serviceAreaOf = Dictionary(teams.compactMap { team in team.id.map { ($0, team.$serviceArea.id) } }, uniquingKeysWith: { a, _ in a })
        return people.filter { manages(user, $0, serviceAreaOf: serviceAreaOf) }
    }

    /// Whether `user` manages `person`: leadership (and administrators) everyone; a head of service the people of their
    /// service area's teams; a team manager their team's; a QA lead the QA auditors.
    static func manages(_ user: User, _ person: User, serviceAreaOf: [UUID: UUID]) -> Bool {
        switch user.role {
        case .systemAdmin, .leadership: return true
        case .headOfService:
            guard let area = user.$serviceArea.id else { return false }
            return person.$serviceArea.id == area || person.$team.id.flatMap { serviceAreaOf[$0] } == area
        case .teamManager:
            guard let team = user.$team.id else { return false }
            return person.$team.id == team && person.role == .practitioner
        case .qaLead: return person.role == .qaAuditor
        default: return false
        }
    }

    /// Those who may supervise or cover: every active account whose role holds `supervise`, by name.
    static func supervisors(on db: any Database) async throws -> [User] {
        try await UserStore.everyone(on: db).filter { !$0.isDisabled && $0.role.permissions.contains(.supervise) && $0.role != .systemAdmin }
    }

    /// Whether the person may read an agreement and its sessions.
    static func mayRead(_ agreement: SupervisionAgreement, supervisee: User, user: User, on db: any Database) async throws -> Bool {
        if [agreement.superviseeID, agreement.supervisorID, agreement.coverID].contains(user.id) { return true }
        guard user.role.permissions.contains(.supervise) else { return false }
        let teams = try await ReferenceDataStore.teams(on: db)
        let serviceAreaOf = Dictionary(teams.compactMap { team in team.id.map { ($0, team.$serviceArea.id) } }, uniquingKeysWith: { a, _ in a })
        return manages(user, supervisee, serviceAreaOf: serviceAreaOf)
    }

    /// Whether the person may record a session: the supervisor or the cover of an agreement in force today.
    static func mayRecord(_ agreement: SupervisionAgreement, user: User) -> Bool {
        agreement.inForce(on: .today) && user.role.permissions.contains(.supervise) && [agreement.supervisorID, agreement.coverID].contains(user.id)
    }

    /// Whether the person may read a session's wellbeing note: the supervisee and whoever held the session.
    static func seesWellbeing(_ session: SupervisionSession, of agreement: SupervisionAgreement, user: User) -> Bool {
        user.id == agreement.superviseeID || user.id == session.heldByID
    }
}
