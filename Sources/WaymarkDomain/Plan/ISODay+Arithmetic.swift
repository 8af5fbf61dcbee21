extension ISODay {
    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> ISODay { ISODay(dayNumber: dayNumber + count) }

    /// The same day `count` months later, or the month's last day where it is shorter (31 January + 1 month: 28 or 29 February).
    public func adding(months count: Int) -> ISODay {
        let index = year * 12 + (month - 1) + count
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        return ISODay(year: newYear, month: newMonth, day: min(day, ISODay.daysIn(month: newMonth, year: newYear)))
    }

    /// The age in whole years on `day` of someone born on this day (a birthday on 29 February comes on 1 March in
    /// other years).
    public func age(on day: ISODay) -> Int {
        day.year - year - ((day.month, day.day) < (month, self.day) ? 1 : 0)
    }

    /// 1 Monday … 7 Sunday (ISO 8601).
    public var weekday: Int {
        // Day number 0 is 1 March of year 0, a Wednesday.
        ((dayNumber % 7) + 7 + 2) % 7 + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    /// The day from its count since 1 March of year 0 (the inverse of `dayNumber`).
    public init(dayNumber: Int) {
        let era = (dayNumber >= 0 ? dayNumber : dayNumber - 146_096) / 146_097
        let dayOfEra = dayNumber - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}

extension ISODay {
    /// The day as GOV.UK writes it: "17 April 2025".
    public var written: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// A day written yyyy-mm-dd, as GOV.UK writes it; any other text as it is.
    public static func written(_ text: String) -> String { ISODay(text)?.written ?? text }

    /// The day as people write it: "Thursday 17 April 2025".
    public var inWords: String {
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(weekdays[weekday - 1]) \(day) \(months[month - 1]) \(year)"
    }
}

extension ISODay {
    /// Before and after any day a record holds: for sorting and open-ended periods.
    public static let distantPast = ISODay(year: 1, month: 1, day: 1)
    public static let distantFuture = ISODay(year: 9999, month: 12, day: 31)
}
