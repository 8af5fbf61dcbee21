/// The jobs people do in the partnership, each with its own set of permissions (see `Role.permissions`).
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case systemAdmin = "system-admin"
    case leadership
    case headOfService = "head-of-service"
    case teamManager = "team-manager"
    /// Social workers, early help workers and personal advisers.
    case practitioner
    /// Runs the audit programme: publishes instruments, sets up programmes and draws their samples; audits too.
    case qaLead = "qa-lead"
    case qaAuditor = "qa-auditor"
    /// Another council's QA staff moderating a sample of audits (the "triple lock"): sees only the audits assigned to
    /// them, pseudonymised, and nothing else; their account must end on a set day (`AccountEnd`).
    case externalModerator = "external-moderator"
    /// Someone from a partner agency (police, NHS, a school, a voluntary group); always belongs to one organisation.
    case partner
    case boardMember = "board-member"
    case readOnly = "read-only"

    public var displayName: String {
        switch self {
        case .systemAdmin: "System administrator"
        case .leadership: "Director or leadership"
        case .headOfService: "Head of service"
        case .teamManager: "Team manager"
        case .practitioner: "Practitioner"
        case .qaLead: "Quality assurance lead"
        case .qaAuditor: "Quality assurance auditor"
        case .externalModerator: "External moderator (another council)"
        case .partner: "Partner agency"
        case .boardMember: "Board member"
        case .readOnly: "Read only"
        }
    }

    /// A partner sees only what its own organisation is responsible for, so it must name one.
    public var requiresOrganisation: Bool { self == .partner }

    /// An account for someone outside the partnership lasts only as long as their work for it.
    public var requiresAccountEnd: Bool { self == .externalModerator }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
