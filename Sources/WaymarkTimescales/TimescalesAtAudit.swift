import WaymarkDomain

/// A child's timescales as an auditor weighs them: for each kind of clock, how many fell due in the 12 months to the
/// audit's day and whether each was done on time, late or not at all, with what is due next. Read as at that day: a
/// clock done only after it counts as not done then, so an audit's evidence reads the same whenever it is opened.
public struct TimescalesAtAudit: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var rule: TimescaleRule
        /// Fell due in the 12 months to the day (or was done in them), and how each went.
        public var due: Int, onTime: Int, late: Int, notDone: Int
        /// The next open clock's day and state, in words ("Due in 4 working days", "3 days overdue").
        public var next: (due: ISODay, state: String)?

        public static func == (lhs: Row, rhs: Row) -> Bool {
            (lhs.rule, lhs.due, lhs.onTime, lhs.late, lhs.notDone) == (rhs.rule, rhs.due, rhs.onTime, rhs.late, rhs.notDone)
                && lhs.next?.due == rhs.next?.due && lhs.next?.state == rhs.next?.state
        }
    }

    public var day: ISODay
    /// In the order of `TimescaleRule.allCases`; rules with no clock in the window and none open are left out.
    public var rows: [Row]

    public init(clocks: [Timescale], on day: ISODay, calendar: WorkingDays) {
        self.day = day
        let from = day.adding(months: -12)
        let byRule = Dictionary(grouping: clocks, by: \.rule)
        rows = TimescaleRule.allCases.compactMap { rule in
            var row = Row(rule: rule, due: 0, onTime: 0, late: 0, notDone: 0, next: nil)
            var next: Timescale?
            for var clock in byRule[rule] ?? [] where clock.from <= day {
                if let met = clock.met, met > day { clock.met = nil }
                let state = clock.state(on: day, calendar: calendar)
                if clock.isOpen, next.map({ clock.due < $0.due }) ?? true { next = clock }
                // Counted in the window when it fell due in it, or was done in it (ahead of its day, perhaps).
                guard (from < clock.due && clock.due <= day) || (clock.met.map { from < $0 } ?? false) else { continue }
                row.due += 1
                switch state {
                case .metOnTime: row.onTime += 1
                case .metLate: row.late += 1
                case .missed, .overdue, .due: row.notDone += 1
                }
            }
            row.next = next.map { ($0.due, $0.state(on: day, calendar: calendar).inWords(unit: rule.unit)) }
            return row.due == 0 && row.next == nil ? nil : row
        }
    }
}
