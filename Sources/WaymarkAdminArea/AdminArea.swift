import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkWeb

/// Users, organisations, service areas and teams, partner systems' API tokens, and the audit trail.
package enum AdminArea: WaymarkArea {
    package static let area = Area.admin

    package static func routes(_ app: Application) throws {
        let manageUsers = Access.permission(.manageUsers)
        app.on(.GET, .admin(.users), access: manageUsers, use: UsersController.index)
        app.on(.GET, .admin(.newUser), access: manageUsers, use: UsersController.new)
        app.on(.POST, .admin(.newUser), access: manageUsers, use: UsersController.create)
        app.on(.GET, .admin(.user(id: "")), access: manageUsers, use: UsersController.edit)
        app.on(.POST, .admin(.user(id: "")), access: manageUsers, use: UsersController.update)
        app.on(.POST, .admin(.disableUser(id: "")), access: manageUsers, use: UsersController.access)
        app.on(.GET, .admin(.organisations), access: manageUsers, use: ReferenceDataController.organisations)
        app.on(.POST, .admin(.organisations), access: manageUsers, use: ReferenceDataController.addOrganisation)
        app.on(.GET, .admin(.serviceAreas), access: manageUsers, use: ReferenceDataController.serviceAreas)
        app.on(.POST, .admin(.serviceAreas), access: manageUsers, use: ReferenceDataController.addServiceArea)
        app.on(.GET, .admin(.teams), access: manageUsers, use: ReferenceDataController.teams)
        app.on(.POST, .admin(.teams), access: manageUsers, use: ReferenceDataController.addTeam)
        app.on(.GET, .admin(.apiTokens), access: manageUsers, use: APITokensController.index)
        app.on(.POST, .admin(.apiTokens), access: manageUsers, use: APITokensController.issue)
        app.on(.POST, .admin(.revokeAPIToken(id: "")), access: manageUsers, use: APITokensController.revoke)
        app.on(.GET, .admin(.auditTrail()), access: .permission(.viewAuditTrail), use: AuditTrailController.index)
    }

    package static var commands: [String: any AnyAsyncCommand] { ["users": UsersCommand()] }
}
