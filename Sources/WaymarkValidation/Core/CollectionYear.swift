/// A statutory return's collection year, named by the year it ends in: `2026` is 1 April 2025 to 31 March 2026, the
/// year the DfE calls 2025/26 and councils submit in spring 2026.
public struct CollectionYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let endYear: Int

    public init(endYear: Int) { self.endYear = endYear }

    /// 1 April at the start of the year.
    public var start: Int32 { Days.number(year: endYear - 1, month: 4, day: 1) }
    /// 31 March at its end: the census day for children looked after and children in need.
    public var end: Int32 { Days.number(year: endYear, month: 3, day: 31) }

    /// The year before: last year's return.
    public var previous: CollectionYear { CollectionYear(endYear: endYear - 1) }

    /// `2025/26`
    public var description: String { "\(endYear - 1)/\(String(endYear).suffix(2))" }
    /// `2025_26`, as the DfE's rule listings are named.
    public var fileSuffix: String { "\(endYear - 1)_\(String(endYear).suffix(2))" }

    public static func < (lhs: CollectionYear, rhs: CollectionYear) -> Bool { lhs.endYear < rhs.endYear }
}
