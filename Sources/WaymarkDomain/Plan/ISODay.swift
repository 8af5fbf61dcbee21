/// A calendar day written yyyy-mm-dd, as plans and reports use them: no time, no time zone.
/// Compared and stored as its text, which sorts in date order.
public struct ISODay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(_ text: some StringProtocol) {
        // Byte by byte, with no allocation: returns, imports and reports read hundreds of thousands of days. The bytes
        // are read from the text's own storage: iterating a generic string costs a call per byte across modules.
        guard let parts = text.utf8.withContiguousStorageIfAvailable(ISODay.parts) ?? Array(text.utf8).withUnsafeBufferPointer(ISODay.parts)
        else { return nil }
        (year, month, day) = parts
    }

    /// The same, from the UTF-8 bytes of part of a longer text.
    public init?(utf8: ArraySlice<UInt8>) {
        guard let parts = utf8.withUnsafeBufferPointer(ISODay.parts) else { return nil }
        (year, month, day) = parts
    }

    /// Year, month and day of yyyy-mm-dd, or nil when the bytes are not a real day written so.
    private static func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var fields = (0, 0, 0)
        for (index, byte) in bytes.enumerated() where index != 4 && index != 7 {
            guard (48...57).contains(byte) else { return nil }
            let digit = Int(byte - 48)
            switch index {
            case 0...3: fields.0 = fields.0 * 10 + digit
            case 5, 6: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        guard (1...12).contains(fields.1), (1...daysIn(month: fields.1, year: fields.0)).contains(fields.2) else { return nil }
        return fields
    }

    public init(year: Int, month: Int, day: Int) {
        precondition((1...12).contains(month) && (1...ISODay.daysIn(month: month, year: year)).contains(day))
        self.year = year
        self.month = month
        self.day = day
    }

    /// yyyy-mm-dd, written byte by byte: ten bytes fit in a String without allocating, and reports write millions.
    public var description: String {
        guard (0...9999).contains(year) else { return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)" }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func digits(_ value: Int, _ width: Int, at start: Int) {
                var rest = value
                for position in stride(from: start + width - 1, through: start, by: -1) {
                    bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            digits(year, 4, at: 0)
            bytes[4] = UInt8(ascii: "-")
            digits(month, 2, at: 5)
            bytes[7] = UInt8(ascii: "-")
            digits(day, 2, at: 8)
            return 10
        }
    }

    public static func < (lhs: ISODay, rhs: ISODay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from `self` to `other` (negative when `other` is earlier), by the proleptic Gregorian calendar.
    public func days(until other: ISODay) -> Int { other.dayNumber - dayNumber }

    /// Days since 1 March of year 0, a standard civil-from-days count (H. Hinnant's algorithm).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = ISODay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not a date written yyyy-mm-dd"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
