import Foundation
import Testing
import WaymarkDomain

@testable import WaymarkPlanFile

/// The bundled Barnet plan against the published Children and Young People's Plan 2019–2023, its summary and
/// the Ofsted self-assessment. Counts were made by hand from the documents; quotations are copied from them.
@Suite struct BarnetPlanTests {
    let file: PlanFile

    init() throws {
        let text = try String(contentsOf: BundledPlans.barnet, encoding: .utf8)
        file = try PlanFileCoder.read(text).get()
    }

    func plan(_ slug: String) throws -> PlanFile.Plan { try #require(file.plans.first { $0.slug == slug }) }

    @Test func theFullPlanHasSevenOutcomesTwentyOneObjectivesAndEightyActions() throws {
        let plan = try plan("cypp-2019-2023")
        #expect(
            plan.outcomes.map(\.name) == [
                "Family and Belonging", "Safe and Secure", "Health and Wellbeing", "Education and Learning",
                "Culture", "Cooperation and Leadership", "Communication",
            ])
        #expect(plan.outcomes.map(\.objectives.count) == [2, 4, 3, 5, 2, 2, 3])
        #expect(plan.outcomes.map { $0.objectives.reduce(0) { $0 + ($1.actions?.count ?? 0) } } == [11, 18, 13, 20, 6, 6, 6])
        // Health and Wellbeing is the council's addition; the other six are Unicef's Child Friendly Communities outcomes.
        #expect(plan.outcomes.filter { $0.childFriendlyCommunities == true }.count == 6)
    }

    @Test func actionsKeepWhoIsResponsibleAndHowTheyAreMonitoredAsWritten() throws {
        let plan = try plan("cypp-2019-2023")
        let actions = plan.outcomes.flatMap(\.objectives).flatMap { $0.actions ?? [] }
        func action(_ prefix: String) throws -> PlanFile.Action { try #require(actions.first { $0.title.hasPrefix(prefix) }) }

        let youthHomelessness = try action("Develop and deliver a new Youth Homelessness Strategy")
        #expect(youthHomelessness.responsible == ["Housing", "Barnet Homes", "Family Services"])
        #expect(youthHomelessness.monitoring == ["Homelessness Strategic Plan"])

        let crisis = try action("Improve local support for young people in crisis")
        #expect(crisis.responsible == ["Barnet CCG", "Barnet, Enfield, Haringey Mental Health NHS Trust", "Royal Free London NHS Foundation Trust"])
        #expect(crisis.monitoring == ["CAMHS Transformation Plan", "North Central London STP CAMHS Board"])

        let policeTraining = try action("Deliver youth-led police training on youth engagement")
        #expect(policeTraining.responsible == ["Police", "Family Services"])

        let everySchool = try action("Make every school in Barnet good or outstanding")
        #expect(everySchool.responsible == ["Schools", "Cambridge Education"])
        #expect(everySchool.monitoring == ["Education Strategic Partnership Board"])
    }

    @Test func outcomesCarryWhatWeKnowAndWhatYoungPeopleSaid() throws {
        let family = try #require(try plan("cypp-2019-2023").outcomes.first)
        #expect(
            family.keyFigures?.first
                == PlanFile.KeyFigure(
                    value: "84%", label: "Young people feel Barnet is a family friendly place to live",
                    source: "Young People's Perception Survey 2017", date: "2017", indicator: "young-people-family-friendly"))
        // Every figure that names an indicator names one in the file; twelve of them do.
        let figures = try plan("cypp-2019-2023").outcomes.flatMap { $0.keyFigures ?? [] }
        #expect(figures.compactMap(\.indicator).count == 12)
        #expect(family.youngPeopleSaid?.last == "Consider designated no-smoking areas and no car zones or times on residential roads")
        // Labels with commas are whole (they were cut at the first comma, the rest read as fields and left out).
        let health = try #require(try plan("cypp-2019-2023").outcomes[2].keyFigures?.first { $0.value == "158" })
        #expect(health.label == "Hospital admissions for mental health per 100,000 in 0-17 year olds (82 per 100,000 London average)")
    }

    @Test func theSummaryHasFourThemesAndTheNineFamilyFriendlyIndexMeasures() throws {
        let summary = try plan("cypp-2023-2027-summary")
        #expect(summary.outcomes.map(\.name) == ["Family and belonging", "Safe and Secure", "Health and Wellbeing", "Education and Skills"])
        #expect(summary.outcomes.map(\.objectives.count) == [7, 3, 4, 5])
        #expect(summary.measures?.count == 9)
        #expect(summary.measures?.first == "There are low figures of crime involving children and young people")
    }

    @Test func theImprovementPlanHasSixThemesAndTheTwentyFourRecommendations() throws {
        let improvement = try plan("improvement-plan-2018-19")
        #expect(improvement.outcomes.count == 6)
        #expect(improvement.outcomes.map(\.objectives.count) == [3, 1, 3, 1, 1, 1])
        #expect(
            improvement.outcomes[2].objectives.map(\.title) == [
                "Effective MASH", "Proportionate, effective and timely decision making", "Joined up Early Help",
            ])

        let recommendations = file.recommendations ?? []
        #expect(recommendations.filter { $0.source == .ofsted }.map(\.number) == Array(1...19))
        #expect(recommendations.filter { $0.source == .safeguardingPartnership }.map(\.number) == Array(1...5))
        #expect(
            recommendations.first { $0.source == .ofsted && $0.number == 12 }?.text
                == "Ensure that connected carers are thoroughly assessed within regulatory timescales.")
        // Every recommendation names at least one action that answers it.
        #expect(recommendations.allSatisfy { !($0.answeredBy ?? []).isEmpty })
        #expect(file.monitoringVisits?.map(\.date) == ["2017-11", "2018-01", "2018-04", "2018-07"])
    }

    @Test func thePledgeHasItsFiveThemes() throws {
        #expect(
            try plan("corporate-parenting-pledge").outcomes.map(\.name)
                == ["Good Education", "Sense of Belonging", "Keeping Healthy", "Staying Safe", "Championing Needs"])
    }

    @Test func theDocumentsLibraryListsTheStrategyPage() throws {
        let titles = (file.documents ?? []).map(\.title)
        #expect(titles.count == 14)
        #expect(titles.contains("Barnet Care Leavers' Strategy 2017 to 2020"))
        #expect(titles.contains("CAMHS Transformation Plan 2018 to 2019"))
    }

    @Test func writingThenReadingGivesTheSameFile() throws {
        let written = try PlanFileCoder.write(file)
        #expect(try PlanFileCoder.read(written).get() == file)
    }
}

extension BarnetPlanTests {
    @Test func theWhatWeKnowFiguresAreIndicatorsWithTheirComparators() throws {
        let indicators = file.indicators ?? []
        #expect(indicators.count == 19)
        let meals = try #require(indicators.first { $0.code == "free-school-meals-primary" })
        #expect(meals.values?.map { "\($0.area) \($0.value)" } == ["Barnet 16.7", "England 14.5"])
        let lowIncome = try #require(indicators.first { $0.code == "low-income-families" })
        #expect(lowIncome.polarity == .lowIsGood)
        #expect(lowIncome.values?.first { $0.area == "London" }?.value == 18.8)
        // The key facts' wards: the three highest projected shares of residents aged 0 to 19 in 2025.
        let wards = try #require(indicators.first { $0.code == "population-aged-0-19-share" })
        #expect(wards.values?.map { "\($0.area) \($0.value)" } == ["Golders Green 32.0", "Edgware 30.0", "Burnt Oak 29.0"])
        #expect(file.areas?.filter { $0.kind == .hub }.map(\.name) == ["Central Locality Hub", "South Locality Hub", "West Locality Hub"])
        // Every indicator that counts towards the Family Friendly Index names one of the nine measures.
        #expect(Set(indicators.compactMap(\.familyFriendlyMeasure)).isSubset(of: Set(1...9)))
    }

    @Test func fourPerformanceMeasuresHaveEnglandsPublishedFiguresAsComparators() throws {
        let indicators = file.indicators ?? []
        func england(_ code: String) -> [String] {
            (indicators.first { $0.code == code }?.values ?? []).map {
                "\($0.area) \($0.period) \($0.value) \(Int($0.count ?? 0)) of \(Int($0.denominator ?? 0))"
            }
        }
        // Each value is its count over its denominator, rounded to one place: 139,080 / 621,880 = 22.36%.
        #expect(england("re-referrals") == ["England FY2023-24 22.4 139080 of 621880"])
        #expect(england("assessments") == ["England FY2024-25 85.7 555820 of 648830"])
        #expect(england("cp-plans-2-years") == ["England FY2019-20 3.6 2400 of 66970", "England FY2024-25 4.4 2710 of 62300"])
        // Table C4's bands: 6,240 within 10 working days and 52,430 in 11 to 15, of 72,090 = 81.38%.
        #expect(england("initial-conferences") == ["England FY2022-23 78.5 58330 of 74350", "England FY2024-25 81.4 58670 of 72090"])
        for code in ["re-referrals", "assessments", "cp-plans-2-years", "initial-conferences"] {
            #expect(indicators.first { $0.code == code }?.kind == .performance)
        }
    }
}
