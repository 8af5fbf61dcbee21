/// Where an action stands, as its lead reports it.
public enum ActionStatus: String, CaseIterable, Codable, Sendable {
    case notStarted = "not-started"
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case offTrack = "off-track"
    case complete
    case cancelled

    public var displayName: String {
        switch self {
        case .notStarted: "Not started"
        case .onTrack: "On track"
        case .atRisk: "At risk"
        case .offTrack: "Off track"
        case .complete: "Complete"
        case .cancelled: "Cancelled"
        }
    }

    /// Complete and cancelled actions need no more updates and are never overdue.
    public var isOpen: Bool { self != .complete && self != .cancelled }
}

/// Red, amber or green: the lead's judgement of how delivery is going. Red and amber need a reason.
public enum RAG: String, CaseIterable, Codable, Sendable, Comparable {
    case red, amber, green

    public var displayName: String {
        switch self {
        case .red: "Red"
        case .amber: "Amber"
        case .green: "Green"
        }
    }

    /// Worst first, so a sorted list starts with what needs attention.
    public static func < (lhs: RAG, rhs: RAG) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var needsReason: Bool { self != .green }
}
