import Vapor
import WaymarkDomain
import WaymarkUI
import WaymarkWeb

enum HomeController {
    @Sendable static func home(req: Request) async throws -> Response {
        guard let viewer = req.viewer else { throw Abort(.unauthorized) }
        var sections: [HomeSection] = []
        for area in areas where area.area.isOnHomePage(of: viewer.role) {
            if let section = try await area.today(req) { sections.append(section) }
        }
        return .html(HomePage.render(viewer: viewer, sections: sections, context: req.pageContext("Home", notice: Notice.from(req)?.message)))
    }

    static func area(_ area: Area) -> @Sendable (Request) async throws -> Response {
        { req in .html(AreaPage.render(area: area, context: req.pageContext(area.title, area: area))) }
    }

    @Sendable static func stylesheet(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .css
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }
}
