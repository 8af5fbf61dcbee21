extension ReportingPeriod {
    /// The period after this one: next year, quarter or month; a snapshot a year on.
    public var next: ReportingPeriod {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text: String
        switch type {
        case .financialYear, .academicYear:
            let first = Int(self.text.dropFirst(2).prefix(4))! + 1
            text = "\(self.text.prefix(2))\(first)-\(pad((first + 1) % 100))"
        case .calendarYear:
            text = "\(ends.year + 1)"
        case .quarter:
            let quarter = ends.month / 3
            text = quarter == 4 ? "\(ends.year + 1)-Q1" : "\(ends.year)-Q\(quarter + 1)"
        case .month, .rolling12Months:
            let month = ends.month == 12 ? "\(ends.year + 1)-01" : "\(ends.year)-\(pad(ends.month + 1))"
            text = type == .month ? month : "R12-\(month)"
        case .snapshot:
            let day = min(ends.day, ISODay.daysIn(month: ends.month, year: ends.year + 1))
            text = ISODay(year: ends.year + 1, month: ends.month, day: day).description
        }
        return ReportingPeriod(text, type: type)!
    }
}

/// Where the line is heading: the least-squares line through the latest points (five to ten of them), carried on
/// for the next periods, kept within what the unit allows. A forecast is drawn dashed and labelled as one; with
/// fewer than five points there is none, as with the trend.
public enum Forecast {
    public static func linear(_ values: [Double], ahead: Int, unit: IndicatorUnit) -> [Double]? {
        let recent = Array(values.suffix(10))
        guard recent.count >= TrendJudgement.minimumPoints, ahead > 0 else { return nil }
        let n = Double(recent.count)
        let meanX = (n - 1) / 2
        let meanY = recent.reduce(0, +) / n
        let sxx = recent.indices.reduce(0.0) { $0 + (Double($1) - meanX) * (Double($1) - meanX) }
        let sxy = recent.indices.reduce(0.0) { $0 + (Double($1) - meanX) * (recent[$1] - meanY) }
        let slope = sxy / sxx
        return (1...ahead).map { step in
            let value = meanY + slope * (n - 1 + Double(step) - meanX)
            switch unit {
            case .percentage: return min(100, max(0, value))
            case .score: return value
            default: return max(0, value)
            }
        }
    }
}
