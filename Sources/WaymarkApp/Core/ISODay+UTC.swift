import Foundation
import WaymarkDomain

/// Calendar days in UTC: "today", the start of a day, and moving by days and months. Waymark keeps times in
/// UTC and shows them marked as such.
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

    func adding(days: Int) -> ISODay { ISODay(utc: startUTC.addingTimeInterval(Double(days) * 86_400)) }

    /// The same day `months` months earlier, or the month's last day where it is shorter (31 May → 28 or 29 February).
    func monthsEarlier(_ months: Int) -> ISODay {
        let total = year * 12 + (month - 1) - months
        let (newYear, newMonth) = (total / 12, total % 12 + 1)
        return ISODay(year: newYear, month: newMonth, day: min(day, ISODay.daysIn(month: newMonth, year: newYear)))
    }
}
