/// Where a plan stands on a day: its status as set, read against its dates. An active plan past its end has ended,
/// its final position kept; one whose period has not begun is yet to start. Plans are set active once and seldom
/// changed again, so the dates, not the setting, say whether a plan is in force.
public enum PlanStanding: Equatable, Sendable {
    case draft
    case inForce
    case ended(ISODay)
    case notYetStarted(ISODay)
    case archived

    public init(status: PlanStatus, starts: ISODay?, ends: ISODay?, on today: ISODay) {
        switch status {
        case .draft: self = .draft
        case .archived: self = .archived
        case .active:
            if let ends, ends < today {
                self = .ended(ends)
            } else if let starts, starts > today {
                self = .notYetStarted(starts)
            } else {
                self = .inForce
            }
        }
    }

    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .inForce: "In force"
        case .ended(let day): "Ended \(day.written)"
        case .notYetStarted(let day): "Starts \(day.written)"
        case .archived: "Archived"
        }
    }
}
