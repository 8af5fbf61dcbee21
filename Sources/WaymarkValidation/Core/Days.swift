import WaymarkDomain

/// Days as whole numbers (days since 1 January 1970), so that rules over hundreds of thousands of rows compare and
/// subtract them without building dates. A blank value and a value that is not a date each have a number of their own,
/// below every real day.
public enum Days {
    public static let blank: Int32 = .min
    public static let invalid: Int32 = .min + 1
    /// A date written in a form some case systems export but the return does not take: `31/03/25` (a two-digit year)
    /// or `2025-03-31`. Reported once for its file and column (`misformattedDates`), it is no day to the rules, and no
    /// rule reports a row for it.
    public static let misformatted: Int32 = .min + 2

    /// True for a real day (not blank, invalid or misformatted).
    @inline(__always) public static func isDay(_ day: Int32) -> Bool { day > misformatted }

    public static func number(year: Int, month: Int, day: Int) -> Int32 {
        Int32(ISODay(year: year, month: month, day: day).dayNumber - epoch)
    }

    public static func civil(_ number: Int32) -> (year: Int, month: Int, day: Int) {
        let day = ISODay(dayNumber: Int(number) + epoch)
        return (day.year, day.month, day.day)
    }

    private static let epoch = ISODay(year: 1970, month: 1, day: 1).dayNumber

    /// A day as the SSDA903 writes it: dd/mm/yyyy (a one-digit day or month is accepted, as spreadsheets write
    /// them); `misformatted` for a two-digit year or yyyy-mm-dd. The readers have trimmed the value already.
    public static func ddmmyyyy(_ text: String) -> Int32 {
        guard !text.isEmpty else { return blank }
        if text.utf8.count == 10, text.utf8.dropFirst(4).first == UInt8(ascii: "-"), ISODay(text) != nil { return misformatted }
        var parts = (0, 0, 0), part = 0, digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "/") {
                guard digits > 0, part < 2 else { return invalid }
                part += 1
                digits = 0
                continue
            }
            guard (48...57).contains(byte), digits < (part == 2 ? 4 : 2) else { return invalid }
            digits += 1
            let digit = Int(byte - 48)
            switch part {
            case 0: parts.0 = parts.0 * 10 + digit
            case 1: parts.1 = parts.1 * 10 + digit
            default: parts.2 = parts.2 * 10 + digit
            }
        }
        let (day, month, year) = parts
        if part == 2, digits == 2 { return misformatted }
        guard part == 2, digits == 4, year >= 1000, (1...12).contains(month), (1...ISODay.daysIn(month: month, year: year)).contains(day)
        else { return invalid }
        return number(year: year, month: month, day: day)
    }

    /// A day as the CIN census writes it: yyyy-mm-dd (the XML schema's date), nothing else.
    public static func iso(_ text: String) -> Int32 {
        guard !text.isEmpty else { return blank }
        guard let day = ISODay(text), day.year >= 1000 else { return invalid }
        return Int32(day.dayNumber - epoch)
    }

    public static func isWeekend(_ day: Int32) -> Bool { ISODay(dayNumber: Int(day) + epoch).isWeekend }

    /// The working day `count` working days from `day` in England and Wales (back from it when negative).
    public static func adding(workingDays count: Int, to day: Int32, calendar: WorkingDays = .englandAndWales) -> Int32 {
        Int32(calendar.adding(count, to: ISODay(dayNumber: Int(day) + epoch)).dayNumber - epoch)
    }

    /// Whole years of age on a day: a birthday counts from the day itself; someone born on 29 February has their
    /// birthday on 1 March in other years.
    public static func age(born: Int32, on day: Int32) -> Int {
        let b = civil(born), d = civil(day)
        var years = d.year - b.year
        if (d.month, d.day) < (b.month, b.day) { years -= 1 }
        return years
    }

    /// The day someone born on `born` reaches `years` years of age.
    public static func birthday(_ years: Int, born: Int32) -> Int32 {
        let b = civil(born)
        let year = b.year + years
        if b.month == 2 && b.day == 29 && ISODay.daysIn(month: 2, year: year) == 28 { return number(year: year, month: 3, day: 1) }
        return number(year: year, month: b.month, day: b.day)
    }
}
