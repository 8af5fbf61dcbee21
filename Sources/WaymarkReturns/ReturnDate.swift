import WaymarkDomain

/// Dates as the SSDA903 writes them (dd/mm/yyyy) and as the CIN census writes them (yyyy-mm-dd).
public enum ReturnDate {
    /// A real day written dd/mm/yyyy (two-digit day and month, four-digit year), or nil.
    public static func ssda903(_ text: String) -> ISODay? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let day = number(0..<2), let month = number(3..<5), let year = number(6..<10),
              (1...12).contains(month), (1...ISODay.daysIn(month: month, year: year)).contains(day) else { return nil }
        return ISODay(year: year, month: month, day: day)
    }
}
