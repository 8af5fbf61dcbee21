import Dispatch

/// How far auditors agreed in moderation over a period, from the grades Waymark keeps (issue 30, item 7): overall, and
/// broken down by quarter, by practice domain and by first auditor, each with how many grades it rests on, exact and
/// adjacent agreement, and one measure with its 95% interval (the overall headline, so rows compare like with like),
/// "too few to judge" below 20; and, where the external moderator graded too, Krippendorff's alpha across all three.
public struct ModerationAgreement: Sendable, Equatable {
    /// One domain of one audit graded more than once: by the first auditor, then the second auditor, then the external
    /// moderator, each where given (the first two are the pair every measure but alpha reads).
    public struct Graded: Sendable, Equatable {
        public var auditor: String, quarter: String, domain: String
        public var grades: [Int]
        public init(auditor: String, quarter: String, domain: String, grades: [Int]) {
            (self.auditor, self.quarter, self.domain, self.grades) = (auditor, quarter, domain, grades)
        }
    }

    public struct Group: Sendable, Equatable {
        public var name: String
        /// Grades given at least twice.
        public var pairs: Int
        public var isTooFewToJudge: Bool
        public var exact: Double?, adjacent: Double?
        public var value: Double?
        public var interval: ClosedRange<Double>?
    }

    /// The measure every row shows: the overall headline (Gwet's AC2 where one grade holds most grades, else kappa).
    public var measure: GradeAgreement.Measure
    public var prevalence: Double
    public var overall: Group
    /// Oldest quarter first; domains in the order given; auditors by name.
    public var byQuarter: [Group], byDomain: [Group], byAuditor: [Group]
    /// How many domain grades the external moderator gave as a third grader, and alpha across the three where any.
    public var gradedThrice: Int
    public var alpha: Group?

    public init(_ graded: [Graded], scaleSize: Int, domainOrder: [String], seed: UInt64 = 1, resamples: Int = 2_000) {
        let all = GradeAgreement(cases: graded.map(\.grades), categories: scaleSize)
        let measure = all.headline
        func grouped(by key: (Graded) -> String, order: [String]) -> [(String, [Graded])] {
            let grouped = Dictionary(grouping: graded, by: key)
            return order.compactMap { name in grouped[name].map { (name, $0) } }
        }
        let quarters = grouped(by: \.quarter, order: Set(graded.map(\.quarter)).sorted())
        let domains = grouped(by: \.domain, order: domainOrder + Set(graded.map(\.domain)).subtracting(domainOrder).sorted())
        let auditors = grouped(by: \.auditor, order: Set(graded.map(\.auditor)).sorted())
        gradedThrice = graded.filter { $0.grades.count > 2 }.count
        // Every row's 2,000 resamples are independent: worked out side by side, one row to a core.
        let rows =
            [("All", graded, measure)] + (quarters + domains + auditors).map { ($0.0, $0.1, measure) }
            + (gradedThrice > 0 ? [("Graded by three", graded, GradeAgreement.Measure.krippendorffAlpha)] : [])
        let groups = Self.sideBySide(rows.count) { index in
            let (name, rows, measure) = rows[index]
            let agreement = GradeAgreement(cases: rows.map(\.grades), categories: scaleSize)
            return Group(
                name: name, pairs: agreement.pairs, isTooFewToJudge: agreement.isTooFewToJudge, exact: agreement.exactAgreement,
                adjacent: agreement.adjacentAgreement, value: agreement.value(measure),
                interval: agreement.interval(measure, seed: seed, resamples: resamples))
        }
        self.measure = measure
        prevalence = all.prevalence
        overall = groups[0]
        byQuarter = Array(groups[1..<(1 + quarters.count)])
        byDomain = Array(groups[(1 + quarters.count)..<(1 + quarters.count + domains.count)])
        byAuditor = Array(groups[(1 + quarters.count + domains.count)..<(1 + quarters.count + domains.count + auditors.count)])
        alpha = gradedThrice > 0 ? groups.last : nil
    }

    /// `work` for each of `count` indices, on as many cores as there are, the results in index order.
    private static func sideBySide(_ count: Int, _ work: @Sendable (Int) -> Group) -> [Group] {
        var groups = [Group?](repeating: nil, count: count)
        groups.withUnsafeMutableBufferPointer { buffer in
            // Each index writes its own slot alone, and none is read until every one has finished.
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in buffer[index] = work(index) }
        }
        return groups.map { $0! }
    }
}
