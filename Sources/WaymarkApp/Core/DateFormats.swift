import Foundation

/// The date and time forms shown on pages, always in UTC so two servers show the same thing.
enum DateFormats {
    static func minute(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: false).timeSeparator(.colon)).replacingOccurrences(of: "T", with: " ")
            .replacingOccurrences(of: "Z", with: "")
    }

    /// `yyyy-mm-dd` from a date field, as the start of that day in UTC.
    static func day(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateSeparator(.dash).parse(text)
    }
}
