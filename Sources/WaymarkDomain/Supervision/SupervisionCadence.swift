/// How often a person must be supervised, and when their next supervision is due.
///
/// The LGA's Standards for employers of social workers (standard 5) and the ASYE framework: a newly qualified social
/// worker is supervised weekly for their first six weeks, fortnightly to the end of their first six months, then at
/// least monthly; every other social worker at least monthly.
public enum SupervisionCadence: Sendable, Equatable {
    /// In their assessed and supported year in employment, from the day they started.
    case newlyQualified(since: ISODay)
    case monthly

    /// The latest day the next supervision may be held, after one held (or the agreement started) on `day`.
    public func due(after day: ISODay) -> ISODay {
        switch self {
        case .newlyQualified(let since) where day < since.adding(days: 42): day.adding(days: 7)
        case .newlyQualified(let since) where day < since.adding(months: 6): day.adding(days: 14)
        case .newlyQualified, .monthly: day.adding(months: 1)
        }
    }

    /// How often, in words, on a day: "weekly (newly qualified)", "fortnightly (newly qualified)", "monthly".
    public func inWords(on day: ISODay) -> String {
        switch self {
        case .newlyQualified(let since) where day < since.adding(days: 42): "Weekly (newly qualified, first 6 weeks)"
        case .newlyQualified(let since) where day < since.adding(months: 6): "Fortnightly (newly qualified, first 6 months)"
        case .newlyQualified, .monthly: "Monthly"
        }
    }
}

/// Whether a person's supervision is within its cadence on a day: due the cadence's interval after the last session
/// held on or before it (a cancelled one does not count), or after the agreement started when none has been.
public struct SupervisionStanding: Sendable, Equatable {
    public var lastHeld: ISODay?
    public var due: ISODay
    /// Days past due; 0 while within the cadence.
    public var daysOverdue: Int

    public var withinCadence: Bool { daysOverdue == 0 }

    public init(cadence: SupervisionCadence, starts: ISODay, held: [ISODay], on day: ISODay) {
        lastHeld = held.filter { $0 <= day && $0 >= starts }.max()
        due = cadence.due(after: lastHeld ?? starts)
        daysOverdue = max(0, due.days(until: day))
    }

    /// "Due 3 January 2027", "Due today", "12 days overdue".
    public func inWords(on day: ISODay) -> String {
        if daysOverdue > 0 { return "\(daysOverdue) day\(daysOverdue == 1 ? "" : "s") overdue" }
        return due == day ? "Due today" : "Due \(due.written)"
    }
}
