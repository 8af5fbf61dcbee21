/// What the agreement page and `waymark quality agreement` show for a table of moderated audits: each measure with
/// its 95% interval, how many audits it rests on, which measure leads, and how the grades fell, grader by grader.
public struct AgreementReport: Sendable, Equatable {
    public struct Figure: Sendable, Equatable {
        public var measure: GradeAgreement.Measure
        public var value: Double?
        public var interval: ClosedRange<Double>?
    }

    /// Audits (distinct references).
    public var audits: Int
    /// Rows graded at least twice (audits, or with domains, an audit's domains): what every figure rests on.
    public var pairs: Int
    public var isTooFewToJudge: Bool
    public var headline: GradeAgreement.Measure
    public var prevalence: Double
    /// Each measure; Krippendorff's alpha only where some audit was graded by more than two people.
    public var figures: [Figure]
    public var scale: [String]
    public var graders: [String]
    /// How many of each grade (row) each grader (column) gave.
    public var distribution: [[Int]]
    /// Domain by domain, where the table gives domains: each domain's headline measure with its interval.
    public var byDomain: [DomainFigure]

    public struct DomainFigure: Sendable, Equatable {
        public var domain: String
        public var pairs: Int
        public var isTooFewToJudge: Bool
        public var exact: Double?
        public var headline: Figure
    }

    /// The seed of the bootstrap is fixed, so the same table always gives the same intervals.
    public init(_ table: ModerationGrades.Table, scale: GradeScale, seed: UInt64 = 1, resamples: Int = 2_000) {
        let agreement = table.agreement
        audits = Set(table.audits.map(\.reference)).count
        pairs = agreement.pairs
        isTooFewToJudge = agreement.isTooFewToJudge
        headline = agreement.headline
        prevalence = agreement.prevalence
        let measures = GradeAgreement.Measure.allCases.filter { $0 != .krippendorffAlpha || agreement.hasMoreThanTwoGraders }
        figures = measures.map { measure in
            Figure(measure: measure, value: agreement.value(measure), interval: agreement.interval(measure, seed: seed, resamples: resamples))
        }
        self.scale = scale.grades
        graders = table.graders
        distribution = scale.grades.indices.map { grade in
            table.graders.indices.map { column in table.audits.filter { $0.grades.count > column && $0.grades[column] == grade }.count }
        }
        byDomain = table.byDomain.map { domain, agreement in
            let measure = agreement.headline
            return DomainFigure(
                domain: domain, pairs: agreement.pairs, isTooFewToJudge: agreement.isTooFewToJudge, exact: agreement.exactAgreement,
                headline: Figure(
                    measure: measure, value: agreement.value(measure), interval: agreement.interval(measure, seed: seed, resamples: resamples)))
        }
    }

    public func figure(_ measure: GradeAgreement.Measure) -> Figure? { figures.first { $0.measure == measure } }
}
