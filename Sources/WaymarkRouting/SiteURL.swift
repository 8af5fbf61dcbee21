import WaymarkDomain

/// Every page's address, in one place: routes are registered from `pathPattern` and every link is built from `path`,
/// so a link cannot point at a route that does not exist. Each area's addresses are an enum of their own
/// (`SiteURL.children(.show(id:))`), and a page's query parameters are typed (`URLQuery`), never glued by hand.
public enum SiteURL: Hashable, Sendable {
    case home
    case signIn(SignInQuery = .init())
    case signOut
    case changePassword
    case stylesheet
    case healthCheck
    case liveness
    /// The page of an area in the navigation that has no target yet: what will be there.
    case comingSoon(Area)
    case plan(PlanURL)
    case measures(MeasuresURL)
    case children(ChildrenURL)
    case performance(PerformanceURL)
    case quality(QualityURL)
    case supervision(SupervisionURL)
    case admin(AdminURL)
    /// The JSON API.
    case api(APIURL)

    /// The address to link to: the path, and the query when there is one.
    public var path: String { path(adding: []) }

    /// The address with more query items (a notice after a redirect) and a fragment.
    public func path(adding more: [QueryItem], fragment: String? = nil) -> String {
        let items = query + more
        return "/"
            + parts.map { part in
                switch part {
                case .fixed(let text): text
                case .parameter(_, let value): value
                }
            }.joined(separator: "/")
            + (items.isEmpty ? "" : "?" + items.map(\.encoded).joined(separator: "&"))
            + (fragment.map { "#" + $0 } ?? "")
    }

    /// The path with `:name` placeholders, for registering the route.
    public var pathPattern: [String] {
        parts.map { part in
            switch part {
            case .fixed(let text): text
            case .parameter(let name, _): ":\(name)"
            }
        }
    }

    private var parts: [PathPart] {
        switch self {
        case .home: []
        case .signIn: [.fixed("sign-in")]
        case .signOut: [.fixed("sign-out")]
        case .changePassword: [.fixed("account"), .fixed("password")]
        case .stylesheet: [.fixed("assets"), .fixed("waymark.css")]
        case .healthCheck: [.fixed("healthz")]
        case .liveness: [.fixed("livez")]
        case .comingSoon(let area): [.fixed(area.rawValue)]
        case .plan(let url): url.parts
        case .measures(let url): url.parts
        case .children(let url): url.parts
        case .performance(let url): url.parts
        case .quality(let url): url.parts
        case .supervision(let url): url.parts
        case .admin(let url): url.parts
        case .api(let url): [.fixed("api"), .fixed("v1")] + url.parts
        }
    }

    private var query: [QueryItem] {
        switch self {
        case .signIn(let query): query.items
        case .plan(let url): url.query
        case .children(let url): url.query
        case .performance(let url): url.query
        case .admin(let url): url.query
        case .quality(let url): url.query
        case .home, .signOut, .changePassword, .stylesheet, .healthCheck, .liveness, .comingSoon, .measures, .supervision, .api: []
        }
    }
}

/// One part of a path.
enum PathPart {
    case fixed(String)
    /// A route parameter: its name in the pattern and its value in a link.
    case parameter(String, String)
}

/// `?expired=1`: the sign-in page says the session ended.
public struct SignInQuery: URLQuery {
    public var expired = false

    public init(expired: Bool = false) { self.expired = expired }

    public init(reading value: (String) -> String?) { expired = value("expired") == "1" }

    public var items: [QueryItem] { expired ? [.init("expired", "1")] : [] }
}

extension Area {
    /// Where the navigation link for an area goes for someone with this role.
    public func url(for role: Role) -> SiteURL {
        switch self {
        case .plan: .plan(.home)
        case .measures: .measures(.home)
        case .children: .children(.home)
        case .performance: .performance(.report())
        case .quality: .quality(.home)
        case .admin: role.permissions.contains(.manageUsers) ? .admin(.users) : .admin(.auditTrail())
        case .voice, .directory: .comingSoon(self)
        }
    }
}
