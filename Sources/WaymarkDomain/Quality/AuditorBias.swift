/// How each auditor's grades fared in moderation: of their grades moderation settled, how many it changed, and their
/// bias, the mean of (first grade's place − final grade's place) on the scale, best first (issue: "each auditor's bias
/// (mean final minus original) and its drift"). Below zero, the auditor graded better than moderation settled on
/// (generous); above, worse (severe). Drift is the same mean quarter by quarter, so a QA lead sees whether moderation
/// is bringing an auditor into line.
public struct AuditorBias: Sendable, Equatable {
    /// One grade moderation settled: whose it was, the quarter it was given in ("2026 Q3"), and the two places.
    public struct Settled: Sendable, Equatable {
        public var auditor: String, quarter: String, first: Int, final: Int
        public init(auditor: String, quarter: String, first: Int, final: Int) {
            (self.auditor, self.quarter, self.first, self.final) = (auditor, quarter, first, final)
        }
    }

    public struct Row: Sendable, Equatable {
        public var auditor: String
        public var grades: Int, changed: Int
        /// Mean first − final (places, best first): below zero generous, above severe.
        public var bias: Double
        /// Each quarter's bias, oldest first.
        public var byQuarter: [(quarter: String, grades: Int, bias: Double)]

        public static func == (lhs: Row, rhs: Row) -> Bool {
            (lhs.auditor, lhs.grades, lhs.changed, lhs.bias) == (rhs.auditor, rhs.grades, rhs.changed, rhs.bias)
                && lhs.byQuarter.map(\.quarter) == rhs.byQuarter.map(\.quarter) && lhs.byQuarter.map(\.grades) == rhs.byQuarter.map(\.grades)
                && lhs.byQuarter.map(\.bias) == rhs.byQuarter.map(\.bias)
        }
    }

    /// By auditor's name.
    public var rows: [Row]

    public init(_ settled: [Settled]) {
        func bias(_ grades: [Settled]) -> Double { Double(grades.map { $0.first - $0.final }.reduce(0, +)) / Double(max(1, grades.count)) }
        rows = Dictionary(grouping: settled, by: \.auditor).sorted { $0.key < $1.key }.map { auditor, grades in
            Row(
                auditor: auditor, grades: grades.count, changed: grades.filter { $0.first != $0.final }.count, bias: bias(grades),
                byQuarter: Dictionary(grouping: grades, by: \.quarter).sorted { $0.key < $1.key }.map { ($0.key, $0.value.count, bias($0.value)) })
        }
    }

    /// "2026 Q4" for a day in October to December 2026 (calendar quarters).
    public static func quarter(of day: ISODay) -> String { "\(day.year) Q\((day.month - 1) / 3 + 1)" }

    /// "July to September 2026" for "2026 Q3"; anything else as it is.
    public static func inWords(quarter: String) -> String {
        let parts = quarter.split(separator: " ")
        guard parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("Q"), let number = Int(parts[1].dropFirst()), (1...4).contains(number)
        else { return quarter }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(months[number * 3 - 3]) to \(months[number * 3 - 1]) \(year)"
    }
}
