/// How far the people who grade audits agree, on an ordinal scale (Ofsted's four grades, or a council's own): each
/// case is an audit and its grades, the first the auditor's, then each moderator's, in order.
///
/// The measures are those the issue of audit moderation asks for, each worked out as its reference implementation
/// does, so they can be checked against it: exact and adjacent agreement; Cohen's kappa with quadratic weights
/// (scikit-learn's `cohen_kappa_score(weights="quadratic")`); Gwet's AC2 with ordinal weights (Gwet 2014, as the
/// `irrCAC` package computes it); Krippendorff's alpha for ordinal data (Krippendorff 2011, as the `krippendorff`
/// package does), which takes any number of graders a case.
public struct GradeAgreement: Sendable, Equatable {
    /// Below this many cases graded twice or more, a figure is shown as "too few to judge".
    public static let fewestPairs = 20
    /// Above this share of all grades in one grade, kappa is held down by prevalence (Feinstein and Cicchetti's
    /// paradox) and Gwet's AC2 is the headline instead.
    public static let prevalenceLimit = 0.6

    public enum Measure: String, CaseIterable, Sendable {
        case exact, adjacent, quadraticKappa, gwetAC2, krippendorffAlpha

        public var title: String {
            switch self {
            case .exact: "Exact agreement"
            case .adjacent: "Agreement within one grade"
            case .quadraticKappa: "Cohen's kappa (quadratic weights)"
            case .gwetAC2: "Gwet's AC2 (ordinal weights)"
            case .krippendorffAlpha: "Krippendorff's alpha (ordinal)"
            }
        }
    }

    /// The cases graded at least twice, kept as each distinct list of grades given (each grade a place on the scale, 0
    /// its first grade) and how many cases gave it: every measure is the same whatever the cases' order, and a
    /// bootstrap resample is then a count of draws, not a copy of thousands of cases (`interval`).
    let patterns: [[Int]]
    let counts: [Double]
    /// Each case's place in `patterns`, in the order given: what the bootstrap draws from.
    private let drawn: [Int]
    /// How many grades the scale has.
    public let categories: Int

    /// Cases with fewer than two grades are left out; a grade off the scale stops the calculation (the caller checks
    /// grades when they are given).
    public init(cases: [[Int]], categories: Int) {
        precondition(categories >= 2, "a scale has at least two grades")
        precondition(cases.allSatisfy { $0.allSatisfy { (0..<categories).contains($0) } }, "every grade is on the scale")
        var places: [[Int]: Int] = [:], patterns: [[Int]] = [], counts: [Double] = [], drawn: [Int] = []
        for grades in cases where grades.count >= 2 {
            let place = places[grades] ?? patterns.count
            if place == patterns.count {
                places[grades] = place
                patterns.append(grades)
                counts.append(0)
            }
            counts[place] += 1
            drawn.append(place)
        }
        (self.patterns, self.counts, self.drawn, self.categories) = (patterns, counts, drawn, categories)
    }

    /// A resample: the same grade lists, drawn `counts` times each.
    private init(resampled counts: [Double], of agreement: GradeAgreement) {
        (patterns, self.counts, drawn, categories) = (agreement.patterns, counts, [], agreement.categories)
    }

    /// Cases graded at least twice.
    public var pairs: Int { Int(counts.reduce(0, +)) }
    /// Each distinct grade list with how many cases gave it.
    private var weighted: Zip2Sequence<[[Int]], [Double]> { zip(patterns, counts) }
    public var isTooFewToJudge: Bool { pairs < Self.fewestPairs }
    /// Whether any case was graded by more than two people: then Krippendorff's alpha is shown.
    public var hasMoreThanTwoGraders: Bool { patterns.contains { $0.count > 2 } }

    /// The share of every grade given that is the commonest grade.
    public var prevalence: Double {
        var given = [Double](repeating: 0, count: categories)
        for (grades, count) in weighted { for grade in grades { given[grade] += count } }
        let all = given.reduce(0, +)
        return all == 0 ? 0 : given.max()! / all
    }

    /// The measure to lead with: Gwet's AC2 where one grade dominates, else kappa.
    public var headline: Measure { prevalence > Self.prevalenceLimit ? .gwetAC2 : .quadraticKappa }

    public func value(_ measure: Measure) -> Double? {
        switch measure {
        case .exact: exactAgreement
        case .adjacent: adjacentAgreement
        case .quadraticKappa: quadraticKappa
        case .gwetAC2: gwetAC2
        case .krippendorffAlpha: krippendorffAlpha
        }
    }

    // MARK: The first two grades of each case: the audit and its first moderation

    /// The share of cases whose first two grades are the same.
    public var exactAgreement: Double? { share { $0 == $1 } }

    /// The share of cases whose first two grades are at most one grade apart.
    public var adjacentAgreement: Double? { share { abs($0 - $1) <= 1 } }

    private func share(_ agrees: (Int, Int) -> Bool) -> Double? {
        let all = counts.reduce(0, +)
        guard all > 0 else { return nil }
        return weighted.reduce(0.0) { $0 + (agrees($1.0[0], $1.0[1]) ? $1.1 : 0) } / all
    }

    /// Cohen's kappa with quadratic weights on the first two grades: 1 − Σ w·observed / Σ w·expected, with w = (i − j)²
    /// and the expected table the product of the two graders' own distributions. Nil when no disagreement could
    /// be expected (both gave one grade throughout).
    public var quadraticKappa: Double? {
        let q = categories, n = counts.reduce(0, +)
        guard n > 0 else { return nil }
        var observed = [Double](repeating: 0, count: q * q), first = [Double](repeating: 0, count: q), second = first
        for (grades, count) in weighted {
            observed[grades[0] * q + grades[1]] += count
            first[grades[0]] += count
            second[grades[1]] += count
        }
        var disagreement = 0.0, expected = 0.0
        for i in 0..<q {
            for j in 0..<q where i != j {
                let weight = Double((i - j) * (i - j))
                disagreement += weight * observed[i * q + j]
                expected += weight * first[i] * second[j] / n
            }
        }
        return expected == 0 ? nil : 1 - disagreement / expected
    }

    // MARK: Every grade of each case

    /// Gwet's ordinal weights: for grades k and l, with m = |k − l| + 1 grades from one to the other inclusive,
    /// 1 − C(m, 2) / C(q, 2), so 1 on the diagonal and 0 at the two ends of the scale.
    public static func ordinalWeights(categories q: Int) -> [[Double]] {
        let most = Double(q * (q - 1)) / 2
        return (0..<q).map { k in
            (0..<q).map { l in
                let m = Double(abs(k - l) + 1)
                return 1 - m * (m - 1) / 2 / most
            }
        }
    }

    /// Gwet's AC2 with ordinal weights (Gwet 2014, chapter 2): (pa − pe) / (1 − pe), where pa is the weighted agreement
    /// among each case's graders, averaged over cases, and pe = Σw / (q(q − 1)) × Σ πₖ(1 − πₖ), with πₖ the average over
    /// cases of the share of its grades that are k. Nil for no cases.
    public var gwetAC2: Double? {
        let q = categories, n = counts.reduce(0, +)
        guard n > 0 else { return nil }
        let weights = Self.ordinalWeights(categories: q)
        var agreement = 0.0
        var pi = [Double](repeating: 0, count: q)
        for (grades, cases) in weighted where cases > 0 {
            var counts = [Double](repeating: 0, count: q)
            for grade in grades { counts[grade] += 1 }
            let r = Double(grades.count)
            var sum = 0.0
            for k in 0..<q where counts[k] > 0 {
                let weighted = (0..<q).reduce(0.0) { $0 + weights[k][$1] * counts[$1] }
                sum += counts[k] * (weighted - 1)
            }
            agreement += cases * sum / (r * (r - 1))
            for k in 0..<q { pi[k] += cases * counts[k] / r / n }
        }
        let pa = agreement / n
        let totalWeight = weights.joined().reduce(0, +)
        let pe = totalWeight * pi.reduce(0.0) { $0 + $1 * (1 - $1) } / Double(q * (q - 1))
        return (pa - pe) / (1 - pe)
    }

    /// Krippendorff's alpha for ordinal grades: 1 − Σ o·δ² / Σ e·δ², over the coincidences o of grades within a case
    /// (each ordered pair of a case's m grades counting 1 / (m − 1)), the coincidences e expected by chance,
    /// eₖₗ = nₖ(nₗ − [k = l]) / (n − 1), and the ordinal distance δₖₗ = Σ_{g = k…l} n_g − (nₖ + nₗ) / 2. Nil when no
    /// disagreement could be expected.
    public var krippendorffAlpha: Double? {
        let q = categories
        var coincidences = [Double](repeating: 0, count: q * q)
        for (grades, count) in weighted where count > 0 {
            let share = count / Double(grades.count - 1)
            for (i, a) in grades.enumerated() {
                for (j, b) in grades.enumerated() where i != j { coincidences[a * q + b] += share }
            }
        }
        let totals = (0..<q).map { k in (0..<q).reduce(0.0) { $0 + coincidences[k * q + $1] } }
        let n = totals.reduce(0, +)
        guard n > 1 else { return nil }
        var observed = 0.0, expected = 0.0
        for k in 0..<q {
            for l in 0..<q where k != l {
                let between = totals[min(k, l)...max(k, l)].reduce(0, +) - (totals[k] + totals[l]) / 2
                let distance = between * between
                observed += coincidences[k * q + l] * distance
                expected += totals[k] * totals[l] / (n - 1) * distance
            }
        }
        return expected == 0 ? nil : 1 - observed / expected
    }

    // MARK: How sure

    /// A 95% interval for a measure by the bootstrap: `resamples` times, as many cases drawn with replacement from these
    /// (by `SeededRandom` from `seed`, so the same seed gives the same interval), the measure worked out on each, and
    /// the 2.5th and 97.5th percentiles of those taken (nearest rank). Resamples where the measure is undefined are
    /// left out; nil when none is left, or when there are no cases.
    public func interval(_ measure: Measure, seed: UInt64 = 1, resamples: Int = 2_000) -> ClosedRange<Double>? {
        guard !drawn.isEmpty, resamples > 0 else { return nil }
        var random = SeededRandom(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        var counts = [Int](repeating: 0, count: patterns.count)
        for _ in 0..<resamples {
            // The hot loop of the QA report (thousands of grades, 2,000 times a row): unchecked buffers, counts as integers.
            counts.withUnsafeMutableBufferPointer { counts in
                drawn.withUnsafeBufferPointer { drawn in
                    for place in counts.indices { counts[place] = 0 }
                    for _ in 0..<drawn.count { counts[drawn[random.fastIndex(below: drawn.count)]] += 1 }
                }
            }
            if let value = GradeAgreement(resampled: counts.map(Double.init), of: self).value(measure) { values.append(value) }
        }
        guard !values.isEmpty else { return nil }
        values.sort()
        func rank(_ percentile: Double) -> Double {
            values[min(values.count - 1, max(0, Int((percentile * Double(values.count)).rounded(.up)) - 1))]
        }
        return rank(0.025)...rank(0.975)
    }
}
