/// Dates as the sources write them in a journey record's fields: the SSDA903 dd/mm/yyyy, the CIN census yyyy-mm-dd,
/// the case system's extracts either, with or without a time.
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
            (1...12).contains(month), (1...ISODay.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return ISODay(year: year, month: month, day: day)
    }

    /// A day as extracts write it: `2025-06-02`, `2025-06-02 00:00:00(.000)`, `2025-06-02T09:30:00`, or `02/06/2025`.
    public static func caseSystem(_ text: String) -> ISODay? {
        guard !text.isEmpty else { return nil }
        if text.utf8.count >= 10, text.utf8.dropFirst(4).first == UInt8(ascii: "-") {
            let datePart = text.prefix(10)
            let rest = text.dropFirst(10)
            guard rest.isEmpty || rest.first == " " || rest.first == "T" else { return nil }
            return ISODay(datePart)
        }
        let datePart = text.split(separator: " ", maxSplits: 1).first.map(String.init) ?? text
        return ssda903(datePart)
    }
}

/// Yes and no as the census writes them: `true`/`false` in the schema, `1`/`0` from some case systems; anything else is
/// not known.
public enum CINYesNo {
    public static func read(_ text: String?) -> Bool? {
        switch text {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }
}
