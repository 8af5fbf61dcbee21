import WaymarkDomain

/// Days as whole numbers (days since 1 January 1970), so that rules over hundreds of thousands of rows compare and
/// subtract them without building dates. A blank value and a value that is not a date each have a number of their own,
/// below every real day.
public enum Days {
    public static let blank: Int32 = .min
    public static let invalid: Int32 = .min + 1

    /// True for a real day (not blank, not invalid).
    @inline(__always) public static func isDay(_ day: Int32) -> Bool { day > invalid }

    public static func number(year: Int, month: Int, day: Int) -> Int32 {
        Int32(ISODay(year: year, month: month, day: day).dayNumber - epoch)
    }

    private static let epoch = ISODay(year: 1970, month: 1, day: 1).dayNumber

    public static func civil(_ number: Int32) -> (year: Int, month: Int, day: Int) {
        let z = Int(number) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// A day as the SSDA903 writes it: dd/mm/yyyy (a one-digit day or month is accepted, as spreadsheets write them).
    public static func ddmmyyyy(_ text: String) -> Int32 {
        var parts = (0, 0, 0), part = 0, digits = 0, any = false
        for byte in text.utf8 {
            if byte == 32 && !any { continue }
            any = true
            if byte == UInt8(ascii: "/") {
                guard digits > 0, part < 2 else { return invalid }
                part += 1
                digits = 0
                continue
            }
            guard (48...57).contains(byte), digits < (part == 2 ? 4 : 2) else { return byte == 32 ? trailingSpace(text) : invalid }
            digits += 1
            let digit = Int(byte - 48)
            switch part {
            case 0: parts.0 = parts.0 * 10 + digit
            case 1: parts.1 = parts.1 * 10 + digit
            default: parts.2 = parts.2 * 10 + digit
            }
        }
        guard any else { return blank }
        guard part == 2, digits == 4 else { return invalid }
        return checked(year: parts.2, month: parts.1, day: parts.0)
    }

    private static func trailingSpace(_ text: String) -> Int32 {
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        return trimmed == text ? invalid : ddmmyyyy(trimmed)
    }

    private static func checked(year: Int, month: Int, day: Int) -> Int32 {
        guard year >= 1000, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return invalid }
        return number(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int { ISODay.daysIn(month: month, year: year) }

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
        if b.month == 2 && b.day == 29 && daysIn(month: 2, year: year) == 28 { return number(year: year, month: 3, day: 1) }
        return number(year: year, month: b.month, day: b.day)
    }
}
