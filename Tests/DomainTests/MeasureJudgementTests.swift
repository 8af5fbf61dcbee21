import Testing
import WaymarkDomain

/// Hand-worked examples for the three judgements, each with its polarity inverted, the Family Friendly Index,
/// reporting periods and impossible values.
@Suite struct MeasureJudgementTests {
    // MARK: Against target (tolerance 5% of the target)

    @Test func targetBandsWhenHighIsGood() {
        // Target 90%: amber from 85.5 (90 − 4.5) up to 90.
        #expect(TargetJudgement.judge(90, target: 90, polarity: .highIsGood) == .rated(.green))
        #expect(TargetJudgement.judge(95, target: 90, polarity: .highIsGood) == .rated(.green))
        #expect(TargetJudgement.judge(88, target: 90, polarity: .highIsGood) == .rated(.amber))
        #expect(TargetJudgement.judge(85.5, target: 90, polarity: .highIsGood) == .rated(.amber))
        #expect(TargetJudgement.judge(85, target: 90, polarity: .highIsGood) == .rated(.red))
    }

    @Test func targetBandsInvertWhenLowIsGood() {
        // Target 10% (say, young people not in education, employment or training): amber up to 10.5.
        #expect(TargetJudgement.judge(9, target: 10, polarity: .lowIsGood) == .rated(.green))
        #expect(TargetJudgement.judge(10.4, target: 10, polarity: .lowIsGood) == .rated(.amber))
        #expect(TargetJudgement.judge(11, target: 10, polarity: .lowIsGood) == .rated(.red))
        // The same values, high is good: the opposite way round.
        #expect(TargetJudgement.judge(9, target: 10, polarity: .highIsGood) == .rated(.red))
        #expect(TargetJudgement.judge(11, target: 10, polarity: .highIsGood) == .rated(.green))
    }

    @Test func noTargetAndNoPolarityAreSaidPlainly() {
        #expect(TargetJudgement.judge(50, target: nil, polarity: .highIsGood) == .noTarget)
        #expect(TargetJudgement.judge(50, target: 40, polarity: .noJudgement) == .notJudged)
        #expect(TargetJudgement.judge(50, target: 40, polarity: .noJudgement).displayName == "Not judged")
    }

    // MARK: Against a comparator

    @Test func withoutIntervalsFivePerCentOfTheComparatorIsSimilar() {
        // Low income families: 13.5% in Barnet, 18.8% in London; lower is better.
        #expect(ComparatorJudgement.judge(Estimate(13.5), against: Estimate(18.8), polarity: .lowIsGood) == .better)
        #expect(ComparatorJudgement.judge(Estimate(13.5), against: Estimate(18.8), polarity: .highIsGood) == .worse)
        // 52 against 50: 2 is within 2.5 (5% of 50).
        #expect(ComparatorJudgement.judge(Estimate(52), against: Estimate(50), polarity: .highIsGood) == .similar)
        #expect(ComparatorJudgement.judge(Estimate(53), against: Estimate(50), polarity: .highIsGood) == .better)
        #expect(ComparatorJudgement.judge(Estimate(53), against: Estimate(50), polarity: .lowIsGood) == .worse)
    }

    @Test func intervalsThatDoNotOverlapDecide() {
        let ours = Estimate(60, lower: 55, upper: 65)
        #expect(ComparatorJudgement.judge(ours, against: Estimate(50, lower: 46, upper: 54), polarity: .highIsGood) == .better)
        #expect(ComparatorJudgement.judge(ours, against: Estimate(50, lower: 46, upper: 54), polarity: .lowIsGood) == .worse)
        #expect(ComparatorJudgement.judge(ours, against: Estimate(56, lower: 52, upper: 60), polarity: .highIsGood) == .similar)
        // Only our interval: the comparator's value inside it is similar.
        #expect(ComparatorJudgement.judge(ours, against: Estimate(64), polarity: .highIsGood) == .similar)
        #expect(ComparatorJudgement.judge(ours, against: Estimate(66), polarity: .highIsGood) == .worse)
        #expect(ComparatorJudgement.judge(ours, against: Estimate(66), polarity: .lowIsGood) == .better)
    }

    @Test func noComparatorOrNoPolarity() {
        #expect(ComparatorJudgement.judge(Estimate(16.7), against: nil, polarity: .lowIsGood) == .notCompared)
        #expect(ComparatorJudgement.judge(Estimate(16.7), against: Estimate(14.5), polarity: .noJudgement) == .notJudged)
    }

    @Test func wilsonIntervalForFiftyOfAHundred() throws {
        // Worked: p = 0.5, n = 100, z = 1.96 gives 40.38% to 59.62%.
        let interval = try #require(wilsonInterval(count: 50, denominator: 100))
        #expect(abs(interval.lowerBound - 40.38) < 0.01 && abs(interval.upperBound - 59.62) < 0.01)
        #expect(wilsonInterval(count: 5, denominator: 0) == nil)
        #expect(wilsonInterval(count: 101, denominator: 100) == nil)
    }

    // MARK: Trend

    @Test func aSteadyRiseIsImprovingOrWorseningByPolarity() {
        let rising: [Double] = [10, 12, 14, 16, 18]
        #expect(TrendJudgement.judge(rising, polarity: .highIsGood) == .improving)
        #expect(TrendJudgement.judge(rising, polarity: .lowIsGood) == .worsening)
        #expect(TrendJudgement.judge(rising, polarity: .noJudgement) == .increasing)
        #expect(TrendJudgement.judge(rising.reversed(), polarity: .highIsGood) == .worsening)
        #expect(TrendJudgement.judge(rising.reversed(), polarity: .lowIsGood) == .improving)
        #expect(TrendJudgement.judge(rising.reversed(), polarity: .noJudgement) == .decreasing)
    }

    @Test func aNoisyRiseIsSignificantOnlyWhenTheSlopeClearsTheTest() {
        // 50, 52, 51, 55, 57: slope 1.7, standard error 0.412, t = 4.12 > 3.182 (3 degrees of freedom).
        #expect(TrendJudgement.judge([50, 52, 51, 55, 57], polarity: .highIsGood) == .improving)
        #expect(TrendJudgement.judge([50, 52, 51, 55, 57], polarity: .lowIsGood) == .worsening)
        // 10, 11, 9, 10, 10: slope −0.1, standard error 0.252, t = 0.40: no significant change.
        #expect(TrendJudgement.judge([10, 11, 9, 10, 10], polarity: .highIsGood) == .noSignificantChange)
        #expect(TrendJudgement.judge([10, 11, 9, 10, 10], polarity: .lowIsGood) == .noSignificantChange)
    }

    @Test func fewerThanFivePointsIsNotEnoughData() {
        #expect(TrendJudgement.judge([10, 20, 30, 40], polarity: .highIsGood) == .notEnoughData)
        #expect(TrendJudgement.judge([], polarity: .lowIsGood) == .notEnoughData)
    }

    // MARK: The Family Friendly Index

    @Test func theIndexAveragesTheJudgementsThatSaySomething() {
        let strong = FamilyFriendlyIndex.IndicatorJudgements(target: .rated(.green), comparator: .better, trend: .improving)
        let weak = FamilyFriendlyIndex.IndicatorJudgements(target: .rated(.red), comparator: .similar, trend: .notEnoughData)
        let silent = FamilyFriendlyIndex.IndicatorJudgements(target: .noTarget, comparator: .notCompared, trend: .notEnoughData)
        let middling = FamilyFriendlyIndex.IndicatorJudgements(target: .rated(.amber), comparator: .worse, trend: .noSignificantChange)
        // Measure 1: indicator scores 2 and (0 + 1) / 2 = 0.5; mean 1.25 of 2 = 62.5.
        let first = FamilyFriendlyIndex.score([strong, weak])
        #expect(first == 62.5)
        // Measure 2: nothing to judge. Measure 3: (1 + 0 + 1) / 3 of 2 = 33.3.
        #expect(FamilyFriendlyIndex.score([silent]) == nil)
        let third = FamilyFriendlyIndex.score([middling])!
        #expect(abs(third - 33.333) < 0.001)
        // Index: (62.5 + 33.3) / 2 = 47.9, shown as 48; the measure with nothing to judge is left out.
        #expect(FamilyFriendlyIndex.index([first, nil, third]) == 48)
        #expect(FamilyFriendlyIndex.index([nil, nil]) == nil)
    }

    // MARK: Periods and impossible values

    @Test func periodsAreCheckedAndOrdered() {
        #expect(ReportingPeriod("FY2023-24", type: .financialYear)?.ends == ISODay("2024-03-31"))
        #expect(ReportingPeriod("AY2023-24", type: .academicYear)?.ends == ISODay("2024-08-31"))
        #expect(ReportingPeriod("2023", type: .calendarYear)?.ends == ISODay("2023-12-31"))
        #expect(ReportingPeriod("2023-Q4", type: .quarter)?.ends == ISODay("2023-12-31"))
        #expect(ReportingPeriod("2024-02", type: .month)?.ends == ISODay("2024-02-29"))
        #expect(ReportingPeriod("R12-2023-05", type: .rolling12Months)?.ends == ISODay("2023-05-31"))
        #expect(ReportingPeriod("2023-03-31", type: .snapshot)?.ends == ISODay("2023-03-31"))
        for (text, type) in [
            ("FY2023-25", PeriodType.financialYear), ("2023-24", .financialYear), ("2023-Q5", .quarter),
            ("2023-13", .month), ("2023-02-30", .snapshot), ("R12-2023", .rolling12Months), ("23", .calendarYear),
        ] {
            #expect(ReportingPeriod(text, type: type) == nil, "\(text)")
        }
        #expect(ReportingPeriod("FY2022-23", type: .financialYear)! < ReportingPeriod("FY2023-24", type: .financialYear)!)
    }

    @Test func impossibleValuesSayWhy() {
        #expect(IndicatorUnit.percentage.problem(with: 140) == "140 is not a percentage from 0 to 100")
        #expect(IndicatorUnit.percentage.problem(with: 16.7) == nil)
        #expect(IndicatorUnit.count.problem(with: -1) == "-1 is not a whole number of 0 or more")
        #expect(IndicatorUnit.count.problem(with: 2.5) == "2.5 is not a whole number of 0 or more")
        #expect(IndicatorUnit.ratePer10000.problem(with: -3) == "-3 cannot be below 0")
        #expect(IndicatorUnit.score.problem(with: -3) == nil)
        #expect(IndicatorUnit.days.problem(with: .nan) == "is not a number")
    }
}

@Suite struct IndicatorAssessmentTests {
    func point(_ period: String, _ value: Double) -> IndicatorAssessment.Point {
        .init(period: ReportingPeriod(period, type: .calendarYear)!, estimate: Estimate(value))
    }

    @Test func theLatestPeriodIsJudgedAgainstItsTargetAndTheSamePeriodOfEachComparator() {
        // NEET, low is good: 2.0, 1.9, 1.8, 1.8, 3.5 against a 2.0 target; England 2.8 in the latest year only.
        let assessment = IndicatorAssessment(
            polarity: .lowIsGood,
            borough: [point("2018", 3.5), point("2014", 2.0), point("2015", 1.9), point("2016", 1.8), point("2017", 1.8)],
            comparators: [("England", [point("2018", 2.8)]), ("London", [point("2017", 2.5)])],
            targets: ["2018": 2.0])
        #expect(assessment.latest?.period.text == "2018")
        #expect(assessment.target == .rated(.red))
        #expect(assessment.needsCommentary)
        #expect(assessment.comparisons.map(\.judgement) == [.worse, .notCompared])
        // 2.0, 1.9, 1.8, 1.8, 3.5: the last jump leaves the slope (0.29 a year) short of significance.
        #expect(assessment.trend == .noSignificantChange)
        #expect(assessment.judgements == .init(target: .rated(.red), comparator: .worse, trend: .noSignificantChange))
    }

    @Test func withNoValuesNothingIsJudged() {
        let assessment = IndicatorAssessment(polarity: .highIsGood, borough: [], comparators: [("England", [])], targets: [:])
        #expect(assessment.latest == nil && assessment.target == .noTarget && assessment.trend == .notEnoughData)
        #expect(assessment.comparisons.map(\.judgement) == [.notCompared])
    }
}

@Suite struct IndicatorValueInputTests {
    func check(_ input: IndicatorValueInput, target: Double? = nil) -> IndicatorValueInput.Outcome {
        input.check(unit: .percentage, periodType: .calendarYear, polarity: .lowIsGood, existingTarget: { _ in target })
    }

    @Test func aGoodValueIsAccepted() {
        guard case .accepted(let checked) = check(IndicatorValueInput(period: "2018", value: "1.9", count: "95", denominator: "5000")) else {
            Issue.record("expected the value to be accepted")
            return
        }
        #expect(checked.value == 1.9 && checked.count == 95 && checked.commentary == nil)
    }

    @Test func badNumbersImpossibleValuesAndPeriodsSayWhy() {
        guard case .mistakes(let mistakes) = check(IndicatorValueInput(period: "2018-Q1", value: "12,5", count: "-2", target: "140")) else {
            Issue.record("expected mistakes")
            return
        }
        #expect(
            mistakes.map(\.message) == [
                "\"2018-Q1\" is not a calendar year that exists (write it like 2023)",
                "\"12,5\" is not a number (write decimals with a point, like 12.5)",
                "The count must be a whole number of 0 or more",
                "The target 140 is not a percentage from 0 to 100",
            ])
    }

    @Test func aRedValueAsksForTheStoryAndTheActionPlan() {
        // Low is good: 3.5 against a target of 2.0 is red.
        guard case .needsCommentary(let missing) = check(IndicatorValueInput(period: "2018", value: "3.5", target: "2.0")) else {
            Issue.record("expected a request for commentary")
            return
        }
        #expect(missing.map(\.field) == ["story", "actionPlan"])
        // The stored target counts too; with the commentary the value is accepted.
        guard case .needsCommentary = check(IndicatorValueInput(period: "2018", value: "3.5"), target: 2.0),
            case .accepted(let checked) = check(
                IndicatorValueInput(
                    period: "2018", value: "3.5", target: "2", story: "More young people left college in year.",
                    actionPlan: "Targeted follow-up by the Youth Service."))
        else {
            Issue.record("expected commentary to be asked for, then the value accepted")
            return
        }
        #expect(checked.commentary?.story == "More young people left college in year.")
        // Not red: no commentary needed.
        guard case .accepted = check(IndicatorValueInput(period: "2018", value: "2.05", target: "2")) else {
            Issue.record("amber needs no commentary")
            return
        }
    }
}

@Suite struct ForecastTests {
    @Test func theNextPeriodOfEachType() {
        #expect(ReportingPeriod("FY2023-24", type: .financialYear)!.next.text == "FY2024-25")
        #expect(ReportingPeriod("AY2099-00", type: .academicYear)!.next.text == "AY2100-01")
        #expect(ReportingPeriod("2023", type: .calendarYear)!.next.text == "2024")
        #expect(ReportingPeriod("2023-Q4", type: .quarter)!.next.text == "2024-Q1")
        #expect(ReportingPeriod("2023-12", type: .month)!.next.text == "2024-01")
        #expect(ReportingPeriod("R12-2023-09", type: .rolling12Months)!.next.text == "R12-2023-10")
        #expect(ReportingPeriod("2024-02-29", type: .snapshot)!.next.text == "2025-02-28")
    }

    @Test func theLineIsCarriedOnAndKeptWithinTheUnit() {
        // 10, 12, 14, 16, 18: slope 2, so 20 and 22 next.
        #expect(Forecast.linear([10, 12, 14, 16, 18], ahead: 2, unit: .count) == [20, 22])
        // A falling count stops at 0; a rising percentage at 100.
        #expect(Forecast.linear([8, 6, 4, 2, 1], ahead: 2, unit: .count) == [0, 0])
        #expect(Forecast.linear([92, 94, 96, 98, 99], ahead: 2, unit: .percentage) == [100, 100])
        #expect(Forecast.linear([1, 2, 3, 4], ahead: 2, unit: .count) == nil)
    }
}
