extension ReportingPeriod {
    /// As a page writes it: a snapshot's day as GOV.UK writes it ("31 March 2026"), any other period as written.
    public var inWords: String { type == .snapshot ? ends.written : text }

    /// The first day the period covers: a snapshot covers its own day only.
    public var starts: ISODay {
        switch type {
        case .financialYear: ISODay(year: ends.year - 1, month: 4, day: 1)
        case .academicYear: ISODay(year: ends.year - 1, month: 9, day: 1)
        case .calendarYear: ISODay(year: ends.year, month: 1, day: 1)
        case .quarter: ISODay(year: ends.year, month: ends.month - 2, day: 1)
        case .month: ISODay(year: ends.year, month: ends.month, day: 1)
        case .rolling12Months: ISODay(year: ends.year, month: ends.month, day: 1).adding(months: -11)
        case .snapshot: ends
        }
    }

    /// The period of this type that holds `day` (for 12 rolling months, the 12 months ending with `day`'s month).
    public static func holding(_ day: ISODay, type: PeriodType) -> ReportingPeriod {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        func split(_ prefix: String, startingIn month: Int) -> String {
            let first = day.month >= month ? day.year : day.year - 1
            return "\(prefix)\(first)-\(pad((first + 1) % 100))"
        }
        let month = "\(day.year)-\(pad(day.month))"
        let text =
            switch type {
            case .financialYear: split("FY", startingIn: 4)
            case .academicYear: split("AY", startingIn: 9)
            case .calendarYear: "\(day.year)"
            case .quarter: "\(day.year)-Q\((day.month - 1) / 3 + 1)"
            case .month: month
            case .rolling12Months: "R12-\(month)"
            case .snapshot: day.description
            }
        return ReportingPeriod(text, type: type)!
    }

    /// The whole periods of a type that run from `first` on and have ended before `day`, oldest first, and the one
    /// under way on `day`: the periods a figure can be worked out for from records kept since `first`. None for
    /// snapshots, which are counts on a day rather than over a period.
    public static func covered(type: PeriodType, from first: ISODay, before day: ISODay) -> (whole: [ReportingPeriod], underWay: ReportingPeriod?) {
        guard type != .snapshot, first <= day else { return ([], nil) }
        var period = holding(first, type: type)
        if period.starts < first { period = period.next }
        var whole: [ReportingPeriod] = []
        while period.ends < day {
            whole.append(period)
            period = period.next
        }
        return (whole, period.starts <= day ? period : nil)
    }
}
