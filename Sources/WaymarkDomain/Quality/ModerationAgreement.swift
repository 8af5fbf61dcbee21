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
        func group(_ name: String, _ rows: [Graded], _ measure: GradeAgreement.Measure = measure) -> Group {
            let agreement = GradeAgreement(cases: rows.map(\.grades), categories: scaleSize)
            return Group(
                name: name, pairs: agreement.pairs, isTooFewToJudge: agreement.isTooFewToJudge, exact: agreement.exactAgreement,
                adjacent: agreement.adjacentAgreement, value: agreement.value(measure),
                interval: agreement.interval(measure, seed: seed, resamples: resamples))
        }
        func groups(by key: (Graded) -> String, order: [String]) -> [Group] {
            let grouped = Dictionary(grouping: graded, by: key)
            return order.compactMap { name in grouped[name].map { group(name, $0) } }
        }
        self.measure = measure
        prevalence = all.prevalence
        overall = group("All", graded)
        byQuarter = groups(by: \.quarter, order: Set(graded.map(\.quarter)).sorted())
        byDomain = groups(by: \.domain, order: domainOrder + Set(graded.map(\.domain)).subtracting(domainOrder).sorted())
        byAuditor = groups(by: \.auditor, order: Set(graded.map(\.auditor)).sorted())
        let thrice = graded.filter { $0.grades.count > 2 }
        gradedThrice = thrice.count
        alpha = thrice.isEmpty ? nil : group("Graded by three", graded, .krippendorffAlpha)
    }
}
