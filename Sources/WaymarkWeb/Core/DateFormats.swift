import Foundation

/// The date and time forms shown on pages, always in UTC so two servers show the same thing.
package enum DateFormats {
    /// `2026-11-22 09:14:03`
    package static func dateTime(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(dateSeparator: .dash, dateTimeSeparator: .space, timeSeparator: .colon, timeZone: .gmt)
                .year().month().day().time(includingFractionalSeconds: false))
    }

    /// `yyyy-mm-dd` from a date field, as the start of that day in UTC.
    package static func day(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateSeparator(.dash).parse(text)
    }
}
