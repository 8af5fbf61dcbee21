import WaymarkDomain

/// The team manager's morning list: every clock not yet met whose record is still open, sorted into overdue, due
/// today, and due within the next few working days; the rest are not on it.
public struct DailyTracker: Sendable, Equatable {
    public var overdue: [Timescale] = []
    public var dueToday: [Timescale] = []
    public var comingUp: [Timescale] = []

    /// - Parameters: every clock of the children; the day; how many working days ahead to look (five: a week).
    public init(_ clocks: [Timescale], on today: ISODay, calendar: WorkingDays, workingDaysAhead: Int = 5) {
        let horizon = calendar.adding(workingDaysAhead, to: today)
        for clock in clocks where clock.isOpen {
            if clock.due < today {
                overdue.append(clock)
            } else if clock.due == today {
                dueToday.append(clock)
            } else if clock.due <= horizon {
                comingUp.append(clock)
            }
        }
        // The longest overdue first; then by day and child.
        overdue.sort { ($0.due, $0.childLocalID, $0.rule.rawValue) < ($1.due, $1.childLocalID, $1.rule.rawValue) }
        dueToday.sort { ($0.childLocalID, $0.rule.rawValue) < ($1.childLocalID, $1.rule.rawValue) }
        comingUp.sort { ($0.due, $0.childLocalID, $0.rule.rawValue) < ($1.due, $1.childLocalID, $1.rule.rawValue) }
    }
}
