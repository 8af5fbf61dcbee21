/// Working days: Monday to Friday, less the bank holidays of England and Wales. Statutory timescales (assessments
/// in 45 working days, conferences in 15) count them.
public struct WorkingDays: Sendable {
    public var bankHolidays: Set<ISODay>

    public init(bankHolidays: Set<ISODay>) { self.bankHolidays = bankHolidays }

    public func isWorkingDay(_ day: ISODay) -> Bool { !day.isWeekend && !bankHolidays.contains(day) }

    /// The working day `count` working days after `day` (0: `day` itself if it is one, else the next), or before it
    /// when `count` is negative (then a day that is not a working day counts from the one before it).
    public func adding(_ count: Int, to day: ISODay) -> ISODay {
        let step = count < 0 ? -1 : 1
        var current = day
        while !isWorkingDay(current) { current = current.adding(days: step) }
        var left = abs(count)
        while left > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// The bank holidays of England and Wales from 2018 to 2027, as GOV.UK publishes them (substitute days included).
    /// The timescales work will read them from a data file that can be updated without a new release.
    public static let englandAndWales = WorkingDays(bankHolidays: Set([
        "2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26",
        "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26",
        "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28",
        "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28",
        "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27",
        "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26",
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
    ].map { ISODay($0)! }))
}
