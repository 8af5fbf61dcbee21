import Foundation

/// Calendar days as the council counts them, in England's time zone (Europe/London): "today", the day a moment
/// fell on, and the moment a day starts. Statutory timescales count the council's days, so a visit at half past
/// midnight on 1 June, British Summer Time, is on 1 June, though it is still 31 May in UTC. Times are kept in UTC.
extension ISODay {
    private static let councilCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        return calendar
    }()

    /// The council's calendar day of a moment.
    public init(_ date: Date) {
        let parts = Self.councilCalendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    public static var today: ISODay { ISODay(Date()) }

    /// Midnight at the start of the day, in the council's time zone.
    public var start: Date {
        Self.councilCalendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public var nextDay: ISODay { adding(days: 1) }
}
