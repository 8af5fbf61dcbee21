import WaymarkDomain

/// The days over which a child's clocks, worked out as at one day, stay exactly as they are: a store can keep them
/// and hand them out for any day in the window without working them out again (the daily tracker does).
public struct ClockWindow: Sendable, Equatable {
    /// The first day the clocks hold (nil: any day before), and the first day they no longer do (nil: any day after).
    public var from: ISODay?
    public var until: ISODay?

    public init(from: ISODay?, until: ISODay?) {
        self.from = from
        self.until = until
    }

    public func contains(_ day: ISODay) -> Bool { (from.map { $0 <= day } ?? true) && (until.map { day < $0 } ?? true) }
}

extension TimescaleEngine {
    /// Raise this whenever a rule changes how it works out a clock: clocks kept by an earlier revision are then
    /// worked out again rather than handed out.
    static let revision = 2

    /// What the clocks depend on besides a child's records: the rules' revision, the council's settings and the bank
    /// holidays. Kept clocks worked out under another fingerprint are worked out again.
    static func fingerprint(calendar: WorkingDays, settings: TimescaleSettings) -> String {
        // FNV-1a over the bank holidays: Swift's own hashing is seeded afresh in every process.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in calendar.bankHolidays.map(\.description).sorted().joined(separator: ",").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "r\(Self.revision) cp\(settings.protectionVisitWorkingDays) sd\(settings.strategyDiscussionWorkingDays) "
            + "cl\(settings.careLeaverContactWeeks) cin\(settings.childInNeedVisitWorkingDays) cinr\(settings.childInNeedReviewMonths) "
            + "bh\(String(hash, radix: 16))"
    }

    /// The window around `day` in which `timescales(child:records:bornOn:today:)` gives the same clocks as on `day`.
    /// Only two things make a child's clocks depend on the day asked about (see `timescales`): a record is read from
    /// its start day on, and a care leaver's clocks end on their 21st birthday once it has come. So the window runs
    /// from the latest of those days on or before `day` to the first after it (records of kinds the rules do not read
    /// change nothing).
    public func window(records: [JourneyRecord], bornOn dateOfBirth: ISODay?, on day: ISODay) -> ClockWindow {
        var window = ClockWindow(from: nil, until: nil)
        func change(on changed: ISODay) {
            if changed <= day { window.from = max(window.from ?? changed, changed) } else { window.until = min(window.until ?? changed, changed) }
        }
        for record in records where Self.kindsRead.contains(record.kind) { record.starts.map(change) }
        if let born = dateOfBirth, records.contains(where: { $0.kind == .caseSystem(.careLeavers) }) { change(on: born.adding(months: 21 * 12)) }
        return window
    }

    private static let kindsRead = Set(kinds)
}
