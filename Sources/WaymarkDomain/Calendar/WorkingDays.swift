import Foundation

/// Working days: Monday to Friday, less the bank holidays of England and Wales. Statutory timescales (assessments
/// in 45 working days, conferences in 15) count them.
public struct WorkingDays: Sendable {
    public var bankHolidays: Set<ISODay> {
        didSet { weekdayHolidays = Self.weekdayHolidays(bankHolidays) }
    }
    /// The day numbers of the bank holidays that fall on a weekday, in order: the only ones a count of working days
    /// skips.
    private var weekdayHolidays: [Int]

    public init(bankHolidays: Set<ISODay>) {
        self.bankHolidays = bankHolidays
        weekdayHolidays = Self.weekdayHolidays(bankHolidays)
    }

    private static func weekdayHolidays(_ days: Set<ISODay>) -> [Int] { days.filter { !$0.isWeekend }.map(\.dayNumber).sorted() }

    public func isWorkingDay(_ day: ISODay) -> Bool { !day.isWeekend && !bankHolidays.contains(day) }

    /// The working day `count` working days after `day` (0: `day` itself if it is one, else the next), or before it
    /// when `count` is negative (then a day that is not a working day counts from the one before it).
    /// Worked out from the working days' numbers rather than walked day by day: every clock's due day is one of these.
    public func adding(_ count: Int, to day: ISODay) -> ISODay {
        let step = count < 0 ? -1 : 1
        var current = day
        while !isWorkingDay(current) { current = current.adding(days: step) }
        return workingDay(number: workingDayNumber(current) + count)
    }

    /// How many working days there are from the fixed Monday long ago to the day, inclusive.
    private func workingDayNumber(_ day: ISODay) -> Int {
        Self.weekdays(through: day) - holidays(through: day.dayNumber)
    }

    /// The working day with this number. Weekday number w is a working day's when w - holidays(through it) is the
    /// number; starting at the number itself, w = number + holidays(through weekday w) rises to the first such w.
    private func workingDay(number: Int) -> ISODay {
        var weekday = number
        while true {
            let next = number + holidays(through: Self.weekday(weekday))
            if next == weekday { return ISODay(dayNumber: Self.weekday(weekday)) }
            weekday = next
        }
    }

    /// How many weekday bank holidays fall on or before the day number (a binary search).
    private func holidays(through dayNumber: Int) -> Int {
        var low = 0, high = weekdayHolidays.count
        while low < high {
            let middle = (low + high) / 2
            if weekdayHolidays[middle] <= dayNumber { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The day number of the `number`th weekday from the fixed Monday long ago (the first is that Monday): the inverse
    /// of `weekdays(through:)` on weekdays.
    static func weekday(_ number: Int) -> Int {
        7 * ((number - 1) / 5) + (number - 1) % 5 + 1 - 3
    }

    /// How many working days fall after `start` up to and including `end`: how late something done on `end` was
    /// when it was due on `start`. Negative when `end` is before `start`.
    /// Worked out rather than counted day by day: a tracker says how late each of hundreds of clocks is.
    public func count(after start: ISODay, through end: ISODay) -> Int {
        guard start != end else { return 0 }
        if end < start { return -count(after: end, through: start) }
        return workingDayNumber(end) - workingDayNumber(start)
    }

    /// How many Mondays to Fridays there are from a fixed Monday long ago (day number −2) to the day, inclusive.
    static func weekdays(through day: ISODay) -> Int {
        let days = day.dayNumber + 2 + 1
        return 5 * (days / 7) + min(days % 7, 5)
    }

    /// The bank holidays of England and Wales from 2015 to 2030, from Waymark's copy of GOV.UK's file
    /// (`bank-holidays.json`, in GOV.UK's format). GOV.UK's own years are as it published them (the 2020 VE day move,
    /// the 2022 jubilee and state funeral, the 2023 coronation); years GOV.UK has not yet published (2028–2030) follow
    /// the usual rules, substitute days included. A council can use GOV.UK's newer file instead (`BankHolidays`).
    public static let englandAndWales: WorkingDays = {
        guard let url = Bundle.module.url(forResource: "bank-holidays", withExtension: "json"), let data = try? Data(contentsOf: url),
            let calendar = try? BankHolidays.englandAndWales(from: data)
        else {
            preconditionFailure("the bundled bank-holidays.json is missing or unreadable")
        }
        return calendar
    }()
}

extension WorkingDays {
    /// These bank holidays with a newer file's laid over them: for each year the newer file covers, its days replace
    /// these (GOV.UK publishes only recent years, and sometimes moves a holiday, as in 2020).
    public func updated(with newer: WorkingDays) -> WorkingDays {
        let years = Set(newer.bankHolidays.map(\.year))
        return WorkingDays(bankHolidays: bankHolidays.filter { !years.contains($0.year) }.union(newer.bankHolidays))
    }
}
