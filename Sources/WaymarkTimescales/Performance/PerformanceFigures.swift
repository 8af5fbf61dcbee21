import WaymarkDomain

/// A child and their journey, as Performance Matters reads them.
public struct ChildJourney: Sendable {
    public var localID: String
    public var dateOfBirth: ISODay?
    public var records: [JourneyRecord]

    public init(localID: String, dateOfBirth: ISODay?, records: [JourneyRecord]) {
        self.localID = localID
        self.dateOfBirth = dateOfBirth
        self.records = records
    }
}

/// One child's part in a measure for one period: the day that puts it there, whether it meets the measure, and why.
public struct PerformanceEntry: Sendable, Equatable {
    public var childLocalID: String
    /// The referral's day, the day a timescale was met or fell due, the period's last day for a count on a day…
    public var day: ISODay
    /// Meets the measure: on time, a re-referral, in touch… Every entry of a count does.
    public var meets: Bool
    /// The rule and the dates: "2 working days late: due 2026-02-05. Referral 2025-12-01; …".
    public var why: String
}

/// A measure's figure for a period: how many were counted and how many of them meet it.
public struct PerformanceFigure: Sendable, Equatable {
    public var counted: Int
    public var meeting: Int

    /// The share that meet the measure, as a percentage; nil when nothing was counted.
    public var percentage: Double? { counted == 0 ? nil : Double(meeting) * 100 / Double(counted) }
}

/// Every measure for every period asked for, each with the children behind it.
public struct PerformanceFigures: Sendable {
    public let periods: [PerformancePeriod]
    /// The day the figures were worked out as at: no record after it was read.
    public let today: ISODay
    var entries: [PerformanceMeasure: [[PerformanceEntry]]]

    init(periods: [PerformancePeriod], today: ISODay) {
        self.periods = periods
        self.today = today
        entries = Dictionary(uniqueKeysWithValues: PerformanceMeasure.allCases.map { ($0, Array(repeating: [], count: periods.count)) })
    }

    /// The children counted in a measure for the period at `index`, in order of day and child.
    public func entries(_ measure: PerformanceMeasure, period index: Int) -> [PerformanceEntry] {
        (entries[measure]?[index] ?? []).sorted { ($0.day, $0.childLocalID) < ($1.day, $1.childLocalID) }
    }

    public func figure(_ measure: PerformanceMeasure, period index: Int) -> PerformanceFigure {
        let counted = entries[measure]?[index] ?? []
        return PerformanceFigure(counted: counted.count, meeting: counted.reduce(0) { $0 + ($1.meets ? 1 : 0) })
    }

    /// Adds the entries of figures worked out for other children over the same periods.
    mutating func append(_ other: PerformanceFigures) {
        for (measure, periods) in other.entries {
            for (index, entries) in periods.enumerated() { self.entries[measure]![index] += entries }
        }
    }

    /// Adds an entry to every period holding its day; the reason is written only when one does.
    mutating func add(_ measure: PerformanceMeasure, _ child: String, day: ISODay, meets: Bool, why: () -> String) {
        var reason: String?
        for (index, period) in periods.enumerated() where period.contains(day) && day <= today {
            if reason == nil { reason = why() }
            entries[measure]![index].append(PerformanceEntry(childLocalID: child, day: day, meets: meets, why: reason!))
        }
    }

    /// Adds an entry to the period at `index` only: for counts taken on a period's last day.
    mutating func add(_ measure: PerformanceMeasure, _ child: String, period index: Int, day: ISODay, meets: Bool, why: String) {
        entries[measure]![index].append(PerformanceEntry(childLocalID: child, day: day, meets: meets, why: why))
    }
}
