import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkWeb

/// Users, organisations, service areas and teams, partner systems' API tokens, and the audit trail.
package enum AdminArea: WaymarkArea {
    package static let area = Area.admin

    package static func routes(_ app: Application) throws {
        let manageUsers = Access.permission(.manageUsers)
        app.on(.GET, .adminUsers, access: manageUsers, use: UsersController.index)
        app.on(.GET, .adminUserNew, access: manageUsers, use: UsersController.new)
        app.on(.POST, .adminUserNew, access: manageUsers, use: UsersController.create)
        app.on(.GET, .adminUser(id: ""), access: manageUsers, use: UsersController.edit)
        app.on(.POST, .adminUser(id: ""), access: manageUsers, use: UsersController.update)
        app.on(.POST, .adminUserDisable(id: ""), access: manageUsers, use: UsersController.access)
        app.on(.GET, .adminOrganisations, access: manageUsers, use: ReferenceDataController.organisations)
        app.on(.POST, .adminOrganisations, access: manageUsers, use: ReferenceDataController.addOrganisation)
        app.on(.GET, .adminServiceAreas, access: manageUsers, use: ReferenceDataController.serviceAreas)
        app.on(.POST, .adminServiceAreas, access: manageUsers, use: ReferenceDataController.addServiceArea)
        app.on(.GET, .adminTeams, access: manageUsers, use: ReferenceDataController.teams)
        app.on(.POST, .adminTeams, access: manageUsers, use: ReferenceDataController.addTeam)
        app.on(.GET, .adminAPITokens, access: manageUsers, use: APITokensController.index)
        app.on(.POST, .adminAPITokens, access: manageUsers, use: APITokensController.issue)
        app.on(.POST, .adminAPITokenRevoke(id: ""), access: manageUsers, use: APITokensController.revoke)
        app.on(.GET, .auditTrail, access: .permission(.viewAuditTrail), use: AuditTrailController.index)
    }

    package static var commands: [String: any AnyAsyncCommand] { ["users": UsersCommand()] }
}
