import Foundation
import WaymarkDomain

/// Calendar days in UTC: "today" and the start of a day. Waymark keeps times in UTC and shows them marked as such.
extension ISODay {
    /// The UTC calendar day of a moment.
    init(utc date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    static var todayUTC: ISODay { ISODay(utc: Date()) }

    /// Midnight UTC at the start of the day.
    var startUTC: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    var nextDay: ISODay { adding(days: 1) }
}
