/// How often each open child's case is discussed with a manager and the discussion recorded on their file: management
/// oversight (Ofsted, seed 003: oversight happens but is "not recorded on case files" and "not always regular").
/// Local intervals, settings; defaults: a child on a child protection plan every 4 weeks, a child in need or looked
/// after every 6 weeks. Early help and care leavers are not counted here.
public struct CaseDiscussionIntervals: Sendable, Equatable {
    public var protectionPlanDays: Int
    public var inNeedDays: Int
    public var lookedAfterDays: Int

    public init(protectionPlanDays: Int = 28, inNeedDays: Int = 42, lookedAfterDays: Int = 42) {
        self.protectionPlanDays = protectionPlanDays
        self.inNeedDays = inNeedDays
        self.lookedAfterDays = lookedAfterDays
    }

    /// The interval for a child with these statuses (`JourneyStatus`): the shortest that applies, nil when none does.
    public func days(for statuses: [String]) -> Int? {
        statuses.compactMap { status -> Int? in
            switch status {
            case JourneyStatus.protectionPlan: protectionPlanDays
            case JourneyStatus.inNeed: inNeedDays
            case JourneyStatus.lookedAfter: lookedAfterDays
            default: nil
            }
        }.min()
    }

    /// The interval on a day from the child's status records (`JourneyStatus.kinds`) as they stood then: the same as
    /// `days(for: JourneyStatus.on(day, records))`, without spelling the statuses out (the borough's figures ask it of
    /// every child on 13 days).
    public func days(on day: ISODay, _ records: [(kind: JourneyKind, starts: ISODay?, ends: ISODay?)]) -> Int? {
        var shortest: Int?
        for record in records where (record.starts ?? day) <= day && (record.ends.map { $0 > day } ?? true) {
            let interval: Int? =
                switch record.kind {
                case Self.episode: lookedAfterDays
                case JourneyKind.cinProtectionPlan: protectionPlanDays
                case JourneyKind.cinEpisode: inNeedDays
                default: nil
                }
            if let interval { shortest = min(shortest ?? interval, interval) }
        }
        return shortest
    }

    private static let episode = JourneyKind.ssda903(.episodes)

    /// When a child's next case discussion is due: the interval after the last one on or before `day`, or after the
    /// day their current allocation started when there has been none since.
    public func standing(statuses: [String], allocatedOn: ISODay, discussed: [ISODay], on day: ISODay) -> CaseDiscussionStanding? {
        days(for: statuses).map { standing(interval: $0, allocatedOn: allocatedOn, discussed: discussed, on: day) }
    }

    public func standing(interval: Int, allocatedOn: ISODay, discussed: [ISODay], on day: ISODay) -> CaseDiscussionStanding {
        let last = discussed.filter { $0 <= day && $0 >= allocatedOn }.max()
        let due = (last ?? allocatedOn).adding(days: interval)
        return CaseDiscussionStanding(lastDiscussed: last, due: due, intervalDays: interval, daysOverdue: max(0, due.days(until: day)))
    }
}

/// One child's case discussions against their interval, on a day.
public struct CaseDiscussionStanding: Sendable, Equatable {
    public var lastDiscussed: ISODay?
    public var due: ISODay
    public var intervalDays: Int
    public var daysOverdue: Int

    public var withinInterval: Bool { daysOverdue == 0 }

    public init(lastDiscussed: ISODay?, due: ISODay, intervalDays: Int, daysOverdue: Int) {
        (self.lastDiscussed, self.due, self.intervalDays, self.daysOverdue) = (lastDiscussed, due, intervalDays, daysOverdue)
    }
}
