/// Which children's records a person may open, by their role and where they work (Working Together 2023: access on
/// a need-to-know basis). Deny by default: a role not named here sees no child.
public enum ChildRecordScope: Sendable, Equatable {
    /// Every child (leadership, quality assurance, system administrators).
    case all
    /// Children allocated to any team of this service area (heads of service).
    case serviceArea(String)
    /// Children allocated to this team (team managers).
    case team(String)
    /// Children allocated to this worker (practitioners: their own caseload).
    case caseload(String)
    case none

    /// - Parameters: the person's id, team and service area (as stored), for the narrower scopes.
    public static func of(role: Role, userID: String, team: String?, serviceArea: String?) -> ChildRecordScope {
        switch role {
        case .systemAdmin, .leadership, .qaLead, .qaAuditor: .all
        case .headOfService: serviceArea.map(ChildRecordScope.serviceArea) ?? .none
        case .teamManager: team.map(ChildRecordScope.team) ?? .none
        case .practitioner: .caseload(userID)
        case .partner, .boardMember, .readOnly, .externalModerator: .none
        }
    }

    /// Whether a child with this current allocation (team, its service area, worker) is inside the scope.
    public func includes(team: String?, serviceArea: String?, worker: String?) -> Bool {
        switch self {
        case .all: true
        case .serviceArea(let area): serviceArea == area
        case .team(let id): team == id
        case .caseload(let id): worker == id
        case .none: false
        }
    }

    /// Whether the person may see children's names (search by name, names on pages); others see identifiers only.
    public static func seesNames(_ role: Role) -> Bool {
        [.leadership, .headOfService, .teamManager, .practitioner, .qaLead, .qaAuditor].contains(role)
    }
}
