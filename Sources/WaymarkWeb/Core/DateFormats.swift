import Foundation
import WaymarkDomain

/// The date and time forms shown on pages, always in UTC so two servers show the same thing.
package enum DateFormats {
    /// `22 November 2026, 09:14:03`: the day as GOV.UK writes it, the time to the second (the audit trail's order).
    package static func dateTime(_ date: Date) -> String {
        let iso = date.formatted(
            Date.ISO8601FormatStyle(dateSeparator: .dash, dateTimeSeparator: .space, timeSeparator: .colon, timeZone: .gmt)
                .year().month().day().time(includingFractionalSeconds: false))
        let (day, time) = (iso.prefix(10), iso.dropFirst(11))
        return "\(ISODay(String(day))?.written ?? String(day)), \(time)"
    }

    /// `yyyy-mm-dd` from a date field, as the start of that day in UTC.
    package static func day(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateSeparator(.dash).parse(text)
    }
}
