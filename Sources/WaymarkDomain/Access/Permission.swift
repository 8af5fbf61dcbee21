/// What a person may do. Every route declares one `Access`; `Role.permissions` is the single table
/// that says which role holds which permission. Deny by default: a permission no role lists is held by
/// system administrators only.
public enum Permission: String, CaseIterable, Codable, Sendable {
    case viewPlan = "view-plan"
    /// Record progress updates on plan actions; which actions is narrowed by `ActionUpdateRule`.
    case updatePlanActions = "update-plan-actions"
    /// Record young people's scrutiny meetings on a plan (council staff who run them, not partners).
    case recordScrutiny = "record-scrutiny"
    case viewMeasures = "view-measures"
    /// Add indicator values, targets and turn-the-curve commentary.
    case enterMeasures = "enter-measures"
    case viewChildren = "view-children"
    /// Import the statutory returns (SSDA903, CIN census) into the children's records.
    case importReturns = "import-returns"
    case viewPerformance = "view-performance"
    case viewQuality = "view-quality"
    /// The partnership's summary of case audits: service-level, small numbers hidden (`SmallNumbers`); partners and the
    /// board see no more of Quality than this.
    case viewQualitySummary = "view-quality-summary"
    /// Set up audit programmes and draw the children they audit (QA leads).
    case manageAuditProgrammes = "manage-audit-programmes"
    /// Complete the case audits one is assigned; which audits is narrowed by the assignment itself.
    case conductAudits = "conduct-audits"
    /// Respond to a submitted audit of a child one works with, or disagree with its grades; which audits is narrowed
    /// by who holds the child.
    case respondToAudits = "respond-to-audits"
    /// Grade, as another council's moderator, the audits assigned to one (the "triple lock"), pseudonymised; which
    /// audits is narrowed by the assignment itself.
    case moderateExternally = "moderate-externally"
    /// Set up supervision agreements and record the sessions one holds as supervisor or cover; which people is
    /// narrowed by where the person works (`SupervisionAccess`).
    case supervise
    /// Write the self-evaluation pack's narrative (leaders and QA leads).
    case writeSelfEvaluation = "write-self-evaluation"
    case viewVoice = "view-voice"
    case viewDirectory = "view-directory"
    /// Add, edit and disable users; keep organisations, teams and service areas.
    case manageUsers = "manage-users"
    case viewAuditTrail = "view-audit-trail"
}

/// The access a route requires.
public enum Access: Hashable, Sendable, CustomStringConvertible {
    /// Anyone, signed in or not (sign-in page, health checks, error pages).
    case everyone
    /// Any signed-in person, whatever their role (home page, sign-out, change own password).
    case signedIn
    case permission(Permission)
    /// A partner organisation's system, by the API token the council issued it (never a person's session);
    /// which indicators it may send values for is narrowed by the token itself.
    case partnerSystem

    public var description: String {
        switch self {
        case .everyone: "everyone"
        case .signedIn: "signed-in"
        case .permission(let permission): permission.rawValue
        case .partnerSystem: "partner-system-token"
        }
    }

    /// Whether someone with this role (nil: nobody signed in) may use a route needing this access.
    public func allows(_ role: Role?) -> Bool {
        switch self {
        case .everyone: true
        case .signedIn: role != nil
        case .permission(let permission): role?.permissions.contains(permission) ?? false
        case .partnerSystem: false
        }
    }
}

extension Role {
    /// The one table of who may do what (least privilege: partners and board members see no child-level data).
    public var permissions: Set<Permission> {
        switch self {
        case .systemAdmin:
            Set(Permission.allCases)
        case .leadership:
            [
                .viewPlan, .updatePlanActions, .recordScrutiny, .viewMeasures, .enterMeasures, .viewChildren, .importReturns, .viewPerformance,
                .viewQuality, .viewQualitySummary, .supervise, .writeSelfEvaluation, .viewVoice, .viewDirectory,
            ]
        // Managers audit other teams' cases in the programme (never their own: `AuditorAssignment`).
        case .headOfService:
            [
                .viewPlan, .updatePlanActions, .recordScrutiny, .viewMeasures, .enterMeasures, .viewChildren, .importReturns, .viewPerformance,
                .viewQuality, .viewQualitySummary, .conductAudits, .supervise, .writeSelfEvaluation, .viewVoice, .viewDirectory,
            ]
        case .teamManager:
            [
                .viewPlan, .updatePlanActions, .recordScrutiny, .viewMeasures, .enterMeasures, .viewChildren, .viewPerformance, .viewQuality,
                .viewQualitySummary,
                .conductAudits, .respondToAudits, .supervise, .viewVoice, .viewDirectory,
            ]
        // Practitioners see the audits of the children they hold, and answer them.
        case .practitioner:
            [
                .viewPlan, .updatePlanActions, .viewMeasures, .viewChildren, .viewPerformance, .viewQuality, .viewQualitySummary, .respondToAudits,
                .viewVoice,
                .viewDirectory,
            ]
        case .qaLead:
            [
                .viewPlan, .viewMeasures, .viewChildren, .viewPerformance, .viewQuality, .viewQualitySummary, .manageAuditProgrammes, .conductAudits,
                .supervise,
                .writeSelfEvaluation, .viewVoice,
                .viewDirectory, .viewAuditTrail,
            ]
        case .qaAuditor:
            [
                .viewPlan, .viewMeasures, .viewChildren, .viewPerformance, .viewQuality, .viewQualitySummary, .conductAudits, .viewVoice,
                .viewDirectory, .viewAuditTrail,
            ]
        case .partner:
            [.viewPlan, .updatePlanActions, .viewMeasures, .viewDirectory, .viewQualitySummary]
        // Nothing but the audits assigned to them: no plan, measures, children or directory (`ExternalModerationStore`).
        case .externalModerator:
            [.moderateExternally]
        case .boardMember:
            [.viewPlan, .viewMeasures, .viewPerformance, .viewQualitySummary]
        case .readOnly:
            [.viewPlan, .viewMeasures, .viewDirectory, .viewQualitySummary]
        }
    }
}
