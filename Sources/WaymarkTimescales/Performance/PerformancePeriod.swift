import WaymarkDomain

/// The days a Performance Matters figure covers: a calendar month, or any run of days asked for.
public struct PerformancePeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var from: ISODay
    public var through: ISODay

    public init(from: ISODay, through: ISODay) {
        self.from = from
        self.through = through
    }

    /// The calendar month that holds `day`.
    public static func month(of day: ISODay) -> PerformancePeriod {
        PerformancePeriod(
            from: ISODay(year: day.year, month: day.month, day: 1),
            through: ISODay(year: day.year, month: day.month, day: ISODay.daysIn(month: day.month, year: day.year)))
    }

    /// The `count` calendar months up to and including `last`'s, oldest first: the trend.
    public static func months(endingWith last: ISODay, count: Int) -> [PerformancePeriod] {
        (0..<count).reversed().map { month(of: ISODay(year: last.year, month: last.month, day: 1).adding(months: -$0)) }
    }

    public func contains(_ day: ISODay) -> Bool { day >= from && day <= through }

    public var isCalendarMonth: Bool { self == Self.month(of: from) }

    /// As it is written in a link: "2026-03" for a month, "2025-04-01..2026-03-31" for any other period.
    public var description: String {
        isCalendarMonth ? String(from.description.prefix(7)) : "\(from)..\(through)"
    }

    /// Reads what `description` writes; nil for anything else, or a period that ends before it starts.
    public init?(_ text: String) {
        let parts = text.components(separatedBy: "..")
        if parts.count == 2, let from = ISODay(parts[0]), let through = ISODay(parts[1]), from <= through {
            self.init(from: from, through: through)
        } else if parts.count == 1, text.count == 7, let first = ISODay(text + "-01") {
            self = Self.month(of: first)
        } else {
            return nil
        }
    }

    /// "March 2026", or "1 April 2025 to 31 March 2026".
    public var inWords: String {
        if isCalendarMonth { return "\(Self.monthNames[from.month - 1]) \(from.year)" }
        func long(_ day: ISODay) -> String { "\(day.day) \(Self.monthNames[day.month - 1]) \(day.year)" }
        return "\(long(from)) to \(long(through))"
    }

    /// "Mar 2026": for a trend's axis and table.
    public var shortName: String {
        isCalendarMonth ? "\(Self.monthNames[from.month - 1].prefix(3)) \(from.year)" : description
    }

    public static func < (lhs: PerformancePeriod, rhs: PerformancePeriod) -> Bool { (lhs.from, lhs.through) < (rhs.from, rhs.through) }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
}
