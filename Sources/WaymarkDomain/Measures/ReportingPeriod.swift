/// The periods an indicator is reported for, each written in one fixed way so that they sort and compare:
///
/// | kind | written | example |
/// |---|---|---|
/// | financial year (April to March) | `FY2023-24` | FY2023-24 |
/// | academic year (September to August) | `AY2023-24` | AY2023-24 |
/// | calendar year | `2023` | 2023 |
/// | quarter (calendar) | `2023-Q2` | 2023-Q2 |
/// | month | `2023-05` | 2023-05 |
/// | rolling 12 months ending with a month | `R12-2023-05` | R12-2023-05 |
/// | snapshot date | `2023-03-31` | 2023-03-31 |
public enum PeriodType: String, CaseIterable, Codable, Sendable {
    case financialYear = "financial-year"
    case academicYear = "academic-year"
    case calendarYear = "calendar-year"
    case quarter
    case month
    case rolling12Months = "rolling-12-months"
    case snapshot

    public var displayName: String {
        switch self {
        case .financialYear: "Financial year"
        case .academicYear: "Academic year"
        case .calendarYear: "Calendar year"
        case .quarter: "Quarter"
        case .month: "Month"
        case .rolling12Months: "Rolling 12 months"
        case .snapshot: "Snapshot date"
        }
    }

    /// How a period of this type is written, for messages.
    public var pattern: String {
        switch self {
        case .financialYear: "FY2023-24"
        case .academicYear: "AY2023-24"
        case .calendarYear: "2023"
        case .quarter: "2023-Q2"
        case .month: "2023-05"
        case .rolling12Months: "R12-2023-05"
        case .snapshot: "2023-03-31"
        }
    }
}

/// One reporting period of a given type; periods sort by the day they end.
public struct ReportingPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let type: PeriodType
    public let text: String
    /// The last day the period covers.
    public let ends: ISODay

    /// The period, or nil when `text` is not a period of `type` that exists (2023-Q5, FY2023-25, 2023-02-30).
    public init?(_ text: String, type: PeriodType) {
        func year(_ digits: Substring) -> Int? { digits.count == 4 ? Int(digits) : nil }
        func splitYears(_ body: Substring) -> Int? {
            // "2023-24": the second year must follow the first.
            let parts = body.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let first = year(parts[0]), parts[1].count == 2, let second = Int(parts[1]),
                second == (first + 1) % 100
            else { return nil }
            return first
        }
        let ends: ISODay
        switch type {
        case .financialYear:
            guard text.hasPrefix("FY"), let first = splitYears(text.dropFirst(2)) else { return nil }
            ends = ISODay(year: first + 1, month: 3, day: 31)
        case .academicYear:
            guard text.hasPrefix("AY"), let first = splitYears(text.dropFirst(2)) else { return nil }
            ends = ISODay(year: first + 1, month: 8, day: 31)
        case .calendarYear:
            guard let year = year(Substring(text)) else { return nil }
            ends = ISODay(year: year, month: 12, day: 31)
        case .quarter:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let year = year(parts[0]), parts[1].count == 2, parts[1].first == "Q",
                let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter)
            else { return nil }
            ends = ISODay(year: year, month: quarter * 3, day: ISODay.daysIn(month: quarter * 3, year: year))
        case .month, .rolling12Months:
            let body = type == .month ? Substring(text) : (text.hasPrefix("R12-") ? text.dropFirst(4) : "")
            guard body.count == 7, let last = ISODay(body + "-01") else { return nil }
            ends = ISODay(year: last.year, month: last.month, day: ISODay.daysIn(month: last.month, year: last.year))
        case .snapshot:
            guard let day = ISODay(text) else { return nil }
            ends = day
        }
        self.type = type
        self.text = text
        self.ends = ends
    }

    public var description: String { text }

    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool { (lhs.ends, lhs.text) < (rhs.ends, rhs.text) }
}
