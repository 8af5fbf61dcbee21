import Vapor
import WaymarkDomain
import WaymarkViews

/// Every route, grouped by area. Each declares the access it needs (see `Role.permissions`).
func routes(_ app: Application) throws {
    // Public: assets, health checks, signing in.
    app.on(.GET, .stylesheet, access: .everyone, use: HomeController.stylesheet)
    app.on(.GET, .liveness, access: .everyone, use: HealthController.liveness)
    app.on(.GET, .healthCheck, access: .everyone, use: HealthController.health)
    app.on(.GET, .signIn, access: .everyone, use: SessionController.show)
    app.on(.POST, .signIn, access: .everyone, use: SessionController.signIn)

    // Anyone signed in.
    app.on(.GET, .home, access: .signedIn, use: HomeController.home)
    app.on(.POST, .signOut, access: .signedIn, use: SessionController.signOut)
    app.on(.GET, .changePassword, access: .signedIn, use: AccountController.show)
    app.on(.POST, .changePassword, access: .signedIn, use: AccountController.update)

    // The areas (their own pages arrive with later work).
    for area in Area.allCases where area != .admin {
        app.on(.GET, .area(area), access: area.access, use: HomeController.area(area))
    }

    // Admin.
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
    app.on(.GET, .auditTrail, access: .permission(.viewAuditTrail), use: AuditTrailController.index)

    // JSON API.
    app.on(.GET, .apiSession, access: .signedIn, use: SessionAPIController.show)
}
