import WaymarkDomain

/// Every page's address, in one place: routes are registered from `pathPattern` and every link is built
/// from `path`, so a link cannot point at a route that does not exist.
public enum SiteURL: Hashable, Sendable {
    case home
    case signIn
    case signOut
    case changePassword
    case area(Area)
    case adminUsers
    case adminUserNew
    case adminUser(id: String)
    case adminUserDisable(id: String)
    case adminOrganisations
    case adminTeams
    case adminServiceAreas
    case auditTrail
    case stylesheet
    case healthCheck
    case liveness
    case apiSession

    /// The path with its parameters filled in, for links.
    public var path: String {
        "/" + components(parameter: { name in
            switch (self, name) {
            case (.adminUser(let id), "userID"), (.adminUserDisable(let id), "userID"): id
            default: ":\(name)"
            }
        }).joined(separator: "/")
    }

    /// The path with `:name` placeholders, for registering the route.
    public var pathPattern: [String] { components(parameter: { ":\($0)" }) }

    private func components(parameter: (String) -> String) -> [String] {
        switch self {
        case .home: []
        case .signIn: ["sign-in"]
        case .signOut: ["sign-out"]
        case .changePassword: ["account", "password"]
        case .area(let area): [area.rawValue]
        case .adminUsers: ["admin", "users"]
        case .adminUserNew: ["admin", "users", "new"]
        case .adminUser: ["admin", "users", parameter("userID")]
        case .adminUserDisable: ["admin", "users", parameter("userID"), "disable"]
        case .adminOrganisations: ["admin", "organisations"]
        case .adminTeams: ["admin", "teams"]
        case .adminServiceAreas: ["admin", "service-areas"]
        case .auditTrail: ["admin", "audit"]
        case .stylesheet: ["assets", "waymark.css"]
        case .healthCheck: ["healthz"]
        case .liveness: ["livez"]
        case .apiSession: ["api", "v1", "session"]
        }
    }
}

extension Area {
    /// Where the navigation link for an area goes for someone with this role.
    public func url(for role: Role) -> SiteURL {
        guard self == .admin else { return .area(self) }
        return role.permissions.contains(.manageUsers) ? .adminUsers : .auditTrail
    }
}
