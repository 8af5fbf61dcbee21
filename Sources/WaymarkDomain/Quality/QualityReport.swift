/// The monthly QA report for heads of service (seed 003: "monthly reports to heads of service that join audit
/// findings with performance data"): for a month and the 12 months to its end, audits planned and done, how the
/// grades fell (with the share good or better and its Wilson interval) overall, by team and by practice domain, the
/// trend month by month, what moderation changed, and the findings most often made.
public struct QualityReport: Sendable, Equatable {
    /// One audit as the report reads it; grades are places on the scale (0 the best), the grade now (after any
    /// moderation).
    public struct Audit: Sendable, Equatable {
        public var id: String
        public var team: String
        /// The month its programme was drawn in, and the day it was submitted (nil: not yet).
        public var planned: ReportMonth
        public var submitted: ISODay?
        public var overall: Int?
        public var domains: [String: Int]
        /// Whether it was moderated, and how many of its grades moderation changed: better or worse.
        public var moderated: Bool
        public var changedBetter: Int, changedWorse: Int
        /// The items found partly met or not met.
        public var shortfalls: [String]

        public init(
            id: String, team: String, planned: ReportMonth, submitted: ISODay?, overall: Int?, domains: [String: Int], moderated: Bool = false,
            changedBetter: Int = 0, changedWorse: Int = 0, shortfalls: [String] = []
        ) {
            (self.id, self.team, self.planned, self.submitted, self.overall, self.domains) = (id, team, planned, submitted, overall, domains)
            (self.moderated, self.changedBetter, self.changedWorse, self.shortfalls) = (moderated, changedBetter, changedWorse, shortfalls)
        }
    }

    /// How a set of audits was graded.
    public struct Grades: Sendable, Equatable {
        /// How many of each grade, best first.
        public var counts: [Int]
        public var total: Int { counts.reduce(0, +) }
        /// Good or better: the first `goodOrBetter` grades of the scale.
        public var goodOrBetter: Int
        public var share: Double? { total == 0 ? nil : Double(goodOrBetter) / Double(total) }
        public var interval: ClosedRange<Double>? { WilsonInterval.of(goodOrBetter, in: total) }

        init(_ grades: [Int], scaleSize: Int, goodPlaces: Int) {
            counts = (0..<scaleSize).map { place in grades.filter { $0 == place }.count }
            goodOrBetter = grades.filter { $0 < goodPlaces }.count
        }
    }

    public struct Row: Sendable, Equatable {
        public var name: String
        public var planned: Int, done: Int
        public var grades: Grades
    }

    public struct MonthRow: Sendable, Equatable {
        public var month: ReportMonth
        public var planned: Int, done: Int
        public var grades: Grades
        public var moderated: Int, changedBetter: Int, changedWorse: Int
    }

    public var month: ReportMonth
    /// The month alone, and the 12 months to its end.
    public var thisMonth: Row, year: Row
    public var byTeam: [Row]
    /// Each practice domain's grades over the 12 months, in the instrument's order.
    public var byDomain: [Row]
    /// The 12 months, oldest first.
    public var trend: [MonthRow]
    /// The items most often found partly met or not met over the 12 months, most first (at most five), each with how
    /// many audits found it.
    public var themes: [(item: String, audits: Int)]
    public var moderated: Int, changedBetter: Int, changedWorse: Int
    public var actions: ActionCounts

    /// A learning action as the report counts it: the day it was added, the day it is due, and where it stands now.
    public struct Action: Sendable, Equatable {
        public var added: ISODay, due: ISODay, state: LearningActionState
        public init(added: ISODay, due: ISODay, state: LearningActionState) { (self.added, self.due, self.state) = (added, due, state) }
    }

    /// Learning actions added in the 12 months, and where they stand on `today`: open (of which overdue), closed and
    /// waiting to be verified, verified.
    public struct ActionCounts: Sendable, Equatable {
        public var added: Int, open: Int, overdue: Int, closed: Int, verified: Int
        public init(added: Int, open: Int, overdue: Int, closed: Int, verified: Int) {
            (self.added, self.open, self.overdue, self.closed, self.verified) = (added, open, overdue, closed, verified)
        }
    }

    /// - Parameters: `domains` the instrument's domains (id and title) in order; `goodPlaces` how many grades from the
    ///   top count as good or better (2 on Ofsted's scale: outstanding and good).
    public init(
        _ audits: [Audit], month: ReportMonth, domains: [(id: String, title: String)], scaleSize: Int, goodPlaces: Int = 2, actions: [Action] = [],
        today: ISODay = .distantFuture
    ) {
        self.month = month
        let added = actions.filter { $0.added >= month.adding(-11).first && $0.added <= month.last }
        self.actions = ActionCounts(
            added: added.count, open: added.filter { $0.state == .open }.count,
            overdue: added.filter { $0.state == .open && $0.due < today }.count, closed: added.filter { $0.state == .closed }.count,
            verified: added.filter { $0.state == .verified }.count)
        let months = (0..<12).map { month.adding(-11 + $0) }
        let inYear = Set(months)
        func done(in months: Set<ReportMonth>) -> [Audit] {
            audits.filter { audit in audit.submitted.map { months.contains(ReportMonth($0)) } ?? false }
        }
        func row(_ name: String, planned: [Audit], done: [Audit]) -> Row {
            Row(
                name: name, planned: planned.count, done: done.count,
                grades: Grades(done.compactMap(\.overall), scaleSize: scaleSize, goodPlaces: goodPlaces))
        }
        let yearDone = done(in: inYear)
        thisMonth = row("This month", planned: audits.filter { $0.planned == month }, done: done(in: [month]))
        year = row("The 12 months", planned: audits.filter { inYear.contains($0.planned) }, done: yearDone)
        let teams = Set(audits.filter { inYear.contains($0.planned) }.map(\.team)).union(yearDone.map(\.team)).sorted()
        byTeam = teams.map { team in
            row(team, planned: audits.filter { $0.team == team && inYear.contains($0.planned) }, done: yearDone.filter { $0.team == team })
        }
        byDomain = domains.map { domain in
            let graded = yearDone.compactMap { $0.domains[domain.id] }
            return Row(
                name: domain.title, planned: yearDone.count, done: graded.count, grades: Grades(graded, scaleSize: scaleSize, goodPlaces: goodPlaces))
        }
        trend = months.map { month in
            let done = done(in: [month])
            return MonthRow(
                month: month, planned: audits.filter { $0.planned == month }.count, done: done.count,
                grades: Grades(done.compactMap(\.overall), scaleSize: scaleSize, goodPlaces: goodPlaces), moderated: done.filter(\.moderated).count,
                changedBetter: done.map(\.changedBetter).reduce(0, +), changedWorse: done.map(\.changedWorse).reduce(0, +))
        }
        var found: [String: Int] = [:]
        for audit in yearDone { for item in Set(audit.shortfalls) { found[item, default: 0] += 1 } }
        themes = found.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5).map { ($0.key, $0.value) }
        moderated = yearDone.filter(\.moderated).count
        changedBetter = yearDone.map(\.changedBetter).reduce(0, +)
        changedWorse = yearDone.map(\.changedWorse).reduce(0, +)
    }

    public static func == (lhs: QualityReport, rhs: QualityReport) -> Bool {
        lhs.month == rhs.month && lhs.actions == rhs.actions && lhs.thisMonth == rhs.thisMonth && lhs.year == rhs.year && lhs.byTeam == rhs.byTeam
            && lhs.byDomain == rhs.byDomain
            && lhs.trend == rhs.trend && lhs.themes.map(\.item) == rhs.themes.map(\.item) && lhs.themes.map(\.audits) == rhs.themes.map(\.audits)
    }
}

/// A calendar month: the report's period.
public struct ReportMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int

    public init(year: Int, month: Int) { (self.year, self.month) = (year, month) }
    public init(_ day: ISODay) { (year, month) = (day.year, day.month) }

    /// From `2026-11`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        (self.year, self.month) = (year, month)
    }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public var first: ISODay { ISODay(year: year, month: month, day: 1) }
    public var last: ISODay { ISODay(year: year, month: month, day: ISODay.daysIn(month: month, year: year)) }
    /// "November 2026".
    public var inWords: String { String(first.written.drop { $0 != " " }.dropFirst()) }

    public func adding(_ months: Int) -> ReportMonth { ReportMonth(first.adding(months: months)) }

    public static func < (lhs: ReportMonth, rhs: ReportMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
