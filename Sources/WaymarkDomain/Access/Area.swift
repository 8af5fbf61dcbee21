/// The areas of Waymark, in the order the navigation shows them.
public enum Area: String, CaseIterable, Sendable {
    case plan, measures, children, performance, quality, voice, directory, admin

    public var title: String {
        switch self {
        case .plan: "Plan"
        case .measures: "Measures"
        case .children: "Children"
        case .performance: "Performance"
        case .quality: "Quality"
        case .voice: "Voice"
        case .directory: "Directory"
        case .admin: "Admin"
        }
    }

    /// One plain sentence on what the area is for, shown on the home page.
    public var summary: String {
        switch self {
        case .plan: "The partnership plan: outcomes, objectives, actions, who is responsible and which board monitors them."
        case .measures: "The Family Friendly Index and the indicators that show whether children's lives are getting better."
        case .children: "Each child's journey through early help and social care, and caseloads."
        case .performance: "Daily and weekly trackers, the monthly Performance Matters report and the Ofsted Annex A lists."
        case .quality: "Case-file audits and their findings, and supervision."
        case .voice: "What children, young people and families have told us."
        case .directory: "The directory of local services (the Local Offer)."
        case .admin: "Users, organisations, teams, service areas and the audit trail."
        }
    }

    public var access: Access {
        switch self {
        case .plan: .permission(.viewPlan)
        case .measures: .permission(.viewMeasures)
        case .children: .permission(.viewChildren)
        case .performance: .permission(.viewPerformance)
        case .quality: .permission(.viewQuality)
        case .voice: .permission(.viewVoice)
        case .directory: .permission(.viewDirectory)
        // The admin area holds the user pages and the audit trail; either permission opens it.
        case .admin: .permission(.manageUsers)
        }
    }

    /// The areas a role may open, in navigation order.
    /// Whether the area's part of the home page is shown to a role: where it may open the area; for another council's
    /// moderator, who opens none, the audits Quality assigns them; for partners and the board, Quality's summary.
    public func isOnHomePage(of role: Role) -> Bool {
        Area.visible(to: role).contains(self)
            || (self == .quality && (role.permissions.contains(.moderateExternally) || role.permissions.contains(.viewQualitySummary)))
    }

    public static func visible(to role: Role) -> [Area] {
        allCases.filter { area in
            area == .admin
                ? role.permissions.contains(.manageUsers) || role.permissions.contains(.viewAuditTrail)
                : area.access.allows(role)
        }
    }
}
