/// The kinds of plan the partnership runs. Each has outcomes (or themes), objectives and actions, so one model
/// serves them all; the kind only changes the words the pages use.
public enum PlanKind: String, CaseIterable, Codable, Sendable {
    /// The Children and Young People's Plan: outcomes → objectives → actions.
    case partnership
    /// The summary of a plan: themes and their objectives, and the measures that monitor progress.
    case summary
    /// The Ofsted improvement plan: improvement themes → sub-themes → actions.
    case improvement
    /// The Corporate Parenting Pledge: pledge themes → commitments → actions.
    case pledge

    public var displayName: String {
        switch self {
        case .partnership: "Partnership plan"
        case .summary: "Plan summary"
        case .improvement: "Improvement plan"
        case .pledge: "Corporate Parenting Pledge"
        }
    }

    /// What the plan's top level is called.
    public var outcomeWord: String {
        switch self {
        case .partnership: "Outcome"
        case .summary, .improvement, .pledge: "Theme"
        }
    }

    public var objectiveWord: String {
        switch self {
        case .partnership, .summary: "Objective"
        case .improvement: "Sub-theme"
        case .pledge: "Commitment"
        }
    }
}

/// Whether a plan is being drafted, is the one in force, or has been replaced.
public enum PlanStatus: String, CaseIterable, Codable, Sendable {
    case draft, active, archived

    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .active: "Active"
        case .archived: "Archived"
        }
    }
}

/// Who made an inspection recommendation.
public enum RecommendationSource: String, CaseIterable, Codable, Sendable {
    case ofsted
    case safeguardingPartnership = "safeguarding-partnership"

    public var displayName: String {
        switch self {
        case .ofsted: "Ofsted: children's services"
        case .safeguardingPartnership: "Ofsted: safeguarding partnership board"
        }
    }
}

/// How far an inspection recommendation has been met, judged on the evidence.
public enum RecommendationStatus: String, CaseIterable, Codable, Sendable {
    case open
    case inProgress = "in-progress"
    case evidenced
    case closed

    public var displayName: String {
        switch self {
        case .open: "Open"
        case .inProgress: "In progress"
        case .evidenced: "Evidenced"
        case .closed: "Closed"
        }
    }
}
