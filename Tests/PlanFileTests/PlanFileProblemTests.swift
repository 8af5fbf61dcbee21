import Testing
import WaymarkDomain

@testable import WaymarkPlanFile

/// A file with errors is rejected whole, every error named by its path and why.
@Suite struct PlanFileProblemTests {
    static let valid = """
        format: waymark-plan/1
        organisations:
          - {name: Barnet Homes, kind: housing}
          - {name: Barnet Council – Family Services, kind: council, aliases: [Family Services]}
        boards:
          - {name: Homelessness Strategic Plan, kind: plan}
        plans:
          - slug: test-plan
            title: Test plan
            kind: partnership
            status: active
            version: "1"
            starts: 2019-04-01
            ends: 2023-03-31
            outcomes:
              - name: Safe and Secure
                objectives:
                  - title: Help children to live in safe and supportive families
                    actions:
                      - title: Develop a Youth Homelessness Strategy
                        responsible: [Barnet Homes, Family Services]
                        monitoring: [Homelessness Strategic Plan]
        """

    func problems(_ text: String) -> [String] {
        switch PlanFileCoder.read(text) {
        case .success: []
        case .failure(let problems): problems.problems.map(\.description)
        }
    }

    @Test func aValidFileHasNoProblems() throws {
        let file = try PlanFileCoder.read(Self.valid).get()
        #expect(file.plans[0].outcomes[0].objectives[0].actions?[0].responsible == ["Barnet Homes", "Family Services"])
    }

    @Test func anUnknownOrganisationIsNamedWithItsPath() {
        let text = Self.valid.replacingOccurrences(of: "[Barnet Homes, Family Services]", with: "[Family Services, \"Barnet Homes \"]")
        #expect(
            problems(text) == [
                "plans[0].outcomes[0].objectives[0].actions[0].responsible[1]: unknown organisation \"Barnet Homes \""
            ])
    }

    @Test func everyProblemIsListedNotJustTheFirst() {
        let text = Self.valid
            .replacingOccurrences(of: "slug: test-plan", with: "slug: Test Plan")
            .replacingOccurrences(of: "ends: 2023-03-31", with: "ends: 2018-02-30")
            .replacingOccurrences(of: "[Homelessness Strategic Plan]", with: "[Housing Board]")
            .replacingOccurrences(
                of: "monitoring: [Housing Board]", with: "monitoring: [Housing Board]\n                progress: 140\n                rag: red")
        #expect(
            problems(text) == [
                "plans[0].slug: \"Test Plan\" must be lower-case letters, digits and hyphens",
                "plans[0].ends: \"2018-02-30\" is not a date written yyyy-mm-dd",
                "plans[0].outcomes[0].objectives[0].actions[0].monitoring[0]: unknown board \"Housing Board\"",
                "plans[0].outcomes[0].objectives[0].actions[0].progress: 140 must be a percentage from 0 to 100",
                "plans[0].outcomes[0].objectives[0].actions[0].rag_reason: a red rating needs a reason",
            ])
    }

    @Test func aDueDateBeforeTheStartIsRefused() {
        let text = Self.valid.replacingOccurrences(
            of: "monitoring: [Homelessness Strategic Plan]",
            with: "monitoring: [Homelessness Strategic Plan]\n                starts: 2020-05-01\n                due: 2020-04-30")
        #expect(problems(text) == ["plans[0].outcomes[0].objectives[0].actions[0].due: 2020-04-30 is before the action starts (2020-05-01)"])
    }

    @Test func aMissingFieldAndAWrongValueAreNamedByPath() {
        #expect(problems(Self.valid.replacingOccurrences(of: "    title: Test plan\n", with: "")) == ["plans[0].title: is missing"])
        let badStatus = problems(Self.valid.replacingOccurrences(of: "status: active", with: "status: live"))
        #expect(badStatus.count == 1)
        #expect(badStatus.first?.hasPrefix("plans[0].status: ") == true)
    }

    @Test func aFieldTheFormatDoesNotHaveIsRefusedByPath() {
        // Misspelt: "monitored" for "monitoring".
        #expect(
            problems(Self.valid.replacingOccurrences(of: "monitoring: [Homelessness", with: "monitored: [Homelessness")) == [
                "plans[0].outcomes[0].objectives[0].actions[0].monitored: is not a field here"
            ])
        // An unquoted comma in a flow mapping splits a label, and the rest becomes an empty field.
        #expect(
            problems(Self.valid.replacingOccurrences(of: "{name: Barnet Homes, kind: housing}", with: "{name: Barnet Homes, 2018, kind: housing}"))
                == ["organisations[0].2018: is empty or not a field here: leave it out"])
        // Quoted, the comma is the label's own.
        #expect(problems(Self.valid.replacingOccurrences(of: "title: Test plan", with: "title: \"Test plan, 2019 to 2023\"")).isEmpty)
    }

    @Test func brokenYAMLIsReportedNotCrashedOn() {
        let result = problems("format: [unclosed")
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix("not valid YAML") == true)
    }

    @Test func recommendationsMustNameRealActions() {
        let text =
            Self.valid + """

                recommendations:
                  - source: ofsted
                    number: 1
                    text: Improve practice.
                    answered_by: [test-plan/1.1.1, test-plan/9.9.9]
                """
        #expect(problems(text) == ["recommendations[0].answered_by[1]: no action \"test-plan/9.9.9\"; write plan-slug/ref"])
    }

    @Test func aliasesMayNotNameTwoOrganisations() {
        let text = Self.valid.replacingOccurrences(of: "aliases: [Family Services]", with: "aliases: [Barnet Homes]")
        #expect(
            problems(text) == [
                "organisations[1].aliases[0]: \"Barnet Homes\" names another organisation already",
                "plans[0].outcomes[0].objectives[0].actions[0].responsible[1]: unknown organisation \"Family Services\"",
            ])
    }
}

extension PlanFileProblemTests {
    static let withIndicator =
        valid + """

            areas:
              - {name: Barnet, kind: borough}
              - {name: England, kind: comparator}
            indicators:
              - code: neet
                name: Young people not in education, employment or training
                definition: Percentage of 16 and 17 year olds.
                unit: percentage
                polarity: low-is-good
                period_type: financial-year
                kind: population
                actions: [test-plan/1.1.1]
                values:
                  - {area: Barnet, period: FY2017-18, value: 1.8}
                  - {area: England, period: FY2017-18, value: 2.8}
            """

    @Test func aValidIndicatorHasNoProblems() throws {
        let file = try PlanFileCoder.read(Self.withIndicator).get()
        #expect(file.indicators?.first?.values?.count == 2)
    }

    @Test func impossibleValuesAndUnknownPartsAreNamedByPath() {
        let text = Self.withIndicator
            .replacingOccurrences(of: "{area: Barnet, period: FY2017-18, value: 1.8}", with: "{area: Barnet, period: FY2017-19, value: 140}")
            .replacingOccurrences(of: "{area: England, period: FY2017-18, value: 2.8}", with: "{area: Wales, period: FY2017-18, value: 2.8}")
            .replacingOccurrences(of: "actions: [test-plan/1.1.1]", with: "actions: [test-plan/1.1.9]")
        #expect(
            problems(text) == [
                "indicators[0].actions[0]: no action \"test-plan/1.1.9\"; write plan-slug/ref",
                "indicators[0].values[0].period: \"FY2017-19\" is not a financial year (write it like FY2023-24)",
                "indicators[0].values[0].value: 140 is not a percentage from 0 to 100",
                "indicators[0].values[1].area: unknown area \"Wales\"",
            ])
    }

    @Test func anIndicatorCodeMayNotBeTheNameOfAMeasuresPage() {
        let text = Self.withIndicator.replacingOccurrences(of: "  - code: neet", with: "  - code: upload")
        #expect(problems(text) == ["indicators[0].code: \"upload\" is the name of a Measures page; choose another code"])
    }

    @Test func aKeyFigureNamesAnIndicatorOfTheFile() {
        func withFigure(_ code: String) -> String {
            Self.withIndicator.replacingOccurrences(
                of: "  - name: Safe and Secure\n",
                with:
                    "  - name: Safe and Secure\n        key_figures:\n          - {value: 1.8%, label: Not in education or training, indicator: \(code)}\n"
            )
        }
        #expect(problems(withFigure("neet")).isEmpty)
        #expect(problems(withFigure("neat")) == ["plans[0].outcomes[0].key_figures[0].indicator: no indicator \"neat\" in this file"])
    }
}

@Suite("Hostile plan files")
struct HostilePlanFileTests {
    /// Anchors whose aliases repeat each level nine times: a few hundred bytes that name 9^8 organisations.
    static let billionLaughs: String = {
        var lines = ["format: waymark-plan/1", "a0: &a0 {name: x, kind: housing}"]
        for level in 1...8 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]") }
        lines.append("organisations: *a8")
        lines.append("plans: []")
        return lines.joined(separator: "\n")
    }()

    @Test("A file of aliases that multiply (a 'billion laughs') is refused at once: aliases are shared, never expanded")
    func billionLaughs() {
        let started = ContinuousClock.now
        guard case .failure(let problems) = PlanFileCoder.read(Self.billionLaughs) else {
            Issue.record("the file was read")
            return
        }
        // The organisations are lists of lists, not organisations: refused at the first, with its path.
        #expect(problems.problems.map(\.description) == ["organisations[0]: should be a mapping of Mapping"])
        #expect(ContinuousClock.now - started < .seconds(2))
    }
}
