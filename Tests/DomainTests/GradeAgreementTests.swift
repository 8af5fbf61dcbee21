import Testing
import WaymarkDomain

@Suite("Agreement between the people who grade audits")
struct GradeAgreementTests {
    /// Five audits on a three-grade scale (0, 1, 2), each graded by an auditor and a moderator.
    let five = GradeAgreement(cases: [[0, 0], [1, 1], [2, 2], [0, 1], [2, 1]], categories: 3)

    @Test("Exact and adjacent agreement, by hand")
    func exactAndAdjacent() {
        // Three of five the same; every pair within one grade.
        #expect(five.exactAgreement == 0.6)
        #expect(five.adjacentAgreement == 1)
    }

    @Test("Cohen's kappa with quadratic weights, by hand")
    func quadraticKappa() throws {
        // Disagreement weighted (i − j)²: observed (0,1) and (2,1), 1 each, so 2. The auditor gave 0, 1, 2 to 2, 1, 2
        // cases and the moderator 1, 3, 1; expected Σ w·r·c / 5 = (2·3·1 + 2·1·4 + 1·1·1 + 1·1·1 + 2·1·4 + 2·3·1) / 5
        // = 30 / 5 = 6. κ = 1 − 2/6 = 2/3 (scikit-learn gives 0.6666666666666667).
        let kappa = try #require(five.quadraticKappa)
        #expect(abs(kappa - 2.0 / 3.0) < 1e-12)
    }

    @Test("Gwet's ordinal weights, by hand")
    func ordinalWeights() {
        // Three grades: C(3, 2) = 3. Next to each other m = 2, C(2, 2) = 1, so 1 − 1/3; two apart m = 3, so 0.
        func close(_ a: [Double], _ b: [Double]) -> Bool { zip(a, b).allSatisfy { abs($0 - $1) < 1e-15 } && a.count == b.count }
        let weights = GradeAgreement.ordinalWeights(categories: 3)
        #expect(close(weights[0], [1, 2.0 / 3.0, 0]))
        #expect(close(weights[1], [2.0 / 3.0, 1, 2.0 / 3.0]))
        // Four grades (Ofsted's): C(4, 2) = 6; one apart 1 − 1/6, two apart 1 − 3/6, three apart 0.
        #expect(close(GradeAgreement.ordinalWeights(categories: 4)[0], [1, 5.0 / 6.0, 0.5, 0]))
    }

    @Test("Gwet's AC2 with ordinal weights, by hand")
    func gwetAC2() throws {
        // pa: the three agreeing cases 1 each; (0,1) and (2,1) each (1·(5/3 − 1) + 1·(5/3 − 1)) / 2 = 2/3; so 13/15.
        // π = (0.3, 0.4, 0.3); Σπ(1 − π) = 0.66; Σw = 3 + 4·(2/3) = 17/3; pe = (17/3)·0.66 / 6 = 0.62333….
        // AC2 = (13/15 − pe) / (1 − pe) = 73/113 (irrCAC gives 0.646017699115045).
        let ac2 = try #require(five.gwetAC2)
        #expect(abs(ac2 - 73.0 / 113.0) < 1e-12)
    }

    @Test("Krippendorff's alpha for ordinal grades, by hand")
    func krippendorffAlphaByHand() throws {
        // Coincidences: o00 = o11 = o22 = 2, o01 = o10 = o12 = o21 = 1; n = (3, 4, 3), 10 in all.
        // δ01 = δ12 = (3 + 4)/2 = 3.5; δ02 = 10 − 3 = 7. Observed Σ o·δ² = 4 · 12.25 = 49;
        // expected Σ nₖnₗδ²/9 = (2·12·12.25 + 2·12·12.25 + 2·9·49) / 9 = 1470/9. α = 1 − 49·9/1470 = 0.7.
        let alpha = try #require(five.krippendorffAlpha)
        #expect(abs(alpha - 0.7) < 1e-12)
    }

    @Test("Krippendorff's alpha on his own worked example: four coders, twelve units, some missing")
    func krippendorffPublishedExample() throws {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", p. 8: values 1 to 5 (here 0 to 4), read
        // by unit; the last unit has one value and is left out. Ordinal α = 0.815 (the krippendorff package:
        // 0.8153875037548814).
        let units: [[Int]] = [
            [1, 1, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4], [4, 4, 4, 4], [1, 1, 2, 1],
            [2, 2, 2, 2], [5, 5, 5], [1, 1], [3],
        ]
        let agreement = GradeAgreement(cases: units.map { $0.map { $0 - 1 } }, categories: 5)
        #expect(agreement.pairs == 11)
        #expect(agreement.hasMoreThanTwoGraders)
        let alpha = try #require(agreement.krippendorffAlpha)
        #expect(abs(alpha - 0.8153875037548814) < 1e-12)
    }

    @Test("Perfect agreement is 1 on every measure; one grade throughout leaves kappa and alpha undefined")
    func edges() {
        let perfect = GradeAgreement(cases: [[0, 0], [1, 1], [3, 3], [2, 2]], categories: 4)
        for measure in GradeAgreement.Measure.allCases { #expect(perfect.value(measure) == 1, "\(measure)") }
        let same = GradeAgreement(cases: [[2, 2], [2, 2], [2, 2]], categories: 4)
        #expect(same.quadraticKappa == nil)
        #expect(same.krippendorffAlpha == nil)
        #expect(same.exactAgreement == 1)
        let none = GradeAgreement(cases: [[1]], categories: 4)
        #expect(none.pairs == 0)
        #expect(none.exactAgreement == nil && none.quadraticKappa == nil && none.gwetAC2 == nil)
        #expect(none.interval(.exact) == nil)
    }

    @Test("Fewer than 20 pairs is too few to judge; where one grade dominates, AC2 leads")
    func judgingAndHeadline() {
        let nineteen = GradeAgreement(cases: Array(repeating: [1, 2], count: 19), categories: 4)
        #expect(nineteen.isTooFewToJudge)
        #expect(!GradeAgreement(cases: Array(repeating: [1, 2], count: 20), categories: 4).isTooFewToJudge)
        // 7 of 10 grades "requires improvement" (2): over 60%.
        let dominated = GradeAgreement(cases: [[2, 2], [2, 2], [2, 1], [2, 3], [0, 1]], categories: 4)
        #expect(dominated.prevalence == 0.6)
        #expect(dominated.headline == .quadraticKappa)
        let more = GradeAgreement(cases: [[2, 2], [2, 2], [2, 2], [2, 3], [0, 1]], categories: 4)
        #expect(more.prevalence == 0.7)
        #expect(more.headline == .gwetAC2)
    }

    @Test("The bootstrap interval: the same seed gives the same interval, and it holds the figure")
    func bootstrap() throws {
        var random = SeededRandom(seed: 7)
        let cases = (0..<60).map { _ -> [Int] in
            let grade = random.index(below: 4)
            return [grade, random.chance(0.7) ? grade : min(3, grade + 1)]
        }
        let agreement = GradeAgreement(cases: cases, categories: 4)
        let kappa = try #require(agreement.quadraticKappa)
        let interval = try #require(agreement.interval(.quadraticKappa, seed: 1))
        #expect(interval == agreement.interval(.quadraticKappa, seed: 1))
        #expect(interval.contains(kappa))
        #expect(interval.lowerBound < interval.upperBound)
        // Fewer cases, a wider interval.
        let fewer = try #require(GradeAgreement(cases: Array(cases.prefix(15)), categories: 4).interval(.quadraticKappa, seed: 1))
        #expect(fewer.upperBound - fewer.lowerBound > interval.upperBound - interval.lowerBound)
    }
}

@Suite("The bootstrap's fast draw")
struct FastIndexTests {
    @Test("The high half of the next number times the count: worked from SplitMix64's first number for seed 1")
    func byHand() {
        // SplitMix64 from seed 1 first gives 10451216379200822465; 10 × that ÷ 2⁶⁴ = 5.67, 1,000 × that ÷ 2⁶⁴ = 566.6.
        var random = SeededRandom(seed: 1)
        #expect(random.next() == 10_451_216_379_200_822_465)
        var (ten, thousand) = (SeededRandom(seed: 1), SeededRandom(seed: 1))
        #expect(ten.fastIndex(below: 10) == 5 && thousand.fastIndex(below: 1_000) == 566)
        var many = SeededRandom(seed: 9)
        let draws = (0..<10_000).map { _ in many.fastIndex(below: 7) }
        #expect(draws.allSatisfy { (0..<7).contains($0) } && Set(draws).count == 7)
    }
}
