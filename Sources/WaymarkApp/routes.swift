import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkUI
import WaymarkWeb

/// The routes that belong to no area (each area registers its own: `WaymarkArea.routes`). Each declares the access it
/// needs (see `Role.permissions`).
func routes(_ app: Application, besides areas: [any WaymarkArea.Type]) throws {
    // Public: assets, health checks, signing in.
    app.on(.GET, .stylesheet, access: .everyone, use: HomeController.stylesheet)
    app.on(.GET, .liveness, access: .everyone, use: HealthController.liveness)
    app.on(.GET, .healthCheck, access: .everyone, use: HealthController.health)
    app.on(.GET, .signIn(), access: .everyone, use: SessionController.show)
    app.on(.POST, .signIn(), access: .everyone, use: SessionController.signIn)

    // Anyone signed in.
    app.on(.GET, .home, access: .signedIn, use: HomeController.home)
    app.on(.POST, .signOut, access: .signedIn, use: SessionController.signOut)
    app.on(.GET, .changePassword, access: .signedIn, use: AccountController.show)
    app.on(.POST, .changePassword, access: .signedIn, use: AccountController.update)

    // The areas in the navigation that have no target yet: a page that says what will be there.
    for area in Area.allCases where !areas.contains(where: { $0.area == area }) {
        app.on(.GET, .comingSoon(area), access: area.access, use: HomeController.area(area))
    }

    // JSON API: who is signed in, and the document that describes every area's API.
    app.on(.GET, .api(.session), access: .signedIn, use: SessionAPIController.show)
    app.on(.GET, .api(.openAPI), access: .everyone) { _ in
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: APIDocument.document))
    }
}
