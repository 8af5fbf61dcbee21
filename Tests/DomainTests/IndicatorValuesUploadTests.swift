import Testing
import WaymarkDomain

/// The values table: reading its columns, checking every row (with the row and column of each mistake), the
/// commentary rule for red values, and the round trip from what is stored to the table and back.
@Suite struct IndicatorValuesUploadTests {
    typealias Upload = IndicatorValuesUpload
    static let header = [
        "indicator", "area", "period", "value", "count", "denominator", "target", "target_origin", "story_behind_the_curve", "action_plan",
    ]

    static let definitions: [String: Upload.Definition] = [
        "fsm": .init(unit: .percentage, periodType: .financialYear, polarity: .lowIsGood),
        "ks2": .init(unit: .percentage, periodType: .academicYear, polarity: .highIsGood),
    ]
    static let areas: [String: PlanFile.Area.Kind] = ["Barnet": .borough, "England": .comparator, "London": .comparator]

    static func upload(_ stored: Upload.Stored = .init()) -> Upload {
        Upload(definitions: definitions, areas: areas, stored: stored, defaultSource: "Uploaded by Tess Manager")
    }

    /// Records from rows written as the spreadsheet shows them, the header on row 1.
    static func records(_ rows: [[String]], header: [String] = header) -> [IndicatorValuesSheet.Record] {
        let table = [(number: 1, cells: header)] + rows.enumerated().map { (number: $0.offset + 2, cells: $0.element) }
        let read = IndicatorValuesSheet.records(rows: table)
        #expect(read.mistakes.isEmpty)
        return read.records
    }

    static func mistakes(_ outcome: Upload.Outcome) -> [String] {
        guard case .mistakes(let mistakes) = outcome else { return [] }
        return mistakes.map(\.description)
    }

    static func changes(_ outcome: Upload.Outcome) -> Upload.Changes? {
        guard case .changes(let changes) = outcome else { return nil }
        return changes
    }

    @Test func theColumnsAreNamedInTheFirstRow() {
        let missing = IndicatorValuesSheet.records(rows: [(1, ["indicator", "area", "valeu", "period"]), (2, ["fsm", "Barnet", "1", "FY2022-23"])])
        #expect(
            missing.mistakes.map(\.description) == [
                "row 1, column \"valeu\": not a column of this table; the columns are indicator, area, period, value, count, denominator, lower, upper, status, source, target, target_origin, story_behind_the_curve, partners, what_works, action_plan",
                "row 1: the column \"value\" is missing; the first row must name the columns (download the template)",
            ])
        // Blank rows are skipped but keep their numbers; headings may differ in case and spacing.
        let read = IndicatorValuesSheet.records(rows: [
            (1, [""]), (2, ["Indicator ", "AREA", "period", "value"]), (3, ["", ""]), (4, ["fsm", "Barnet", "FY2022-23", " 16.7 "]),
        ])
        #expect(read.mistakes.isEmpty)
        #expect(read.records == [.init(location: .row(4), fields: [.indicator: "fsm", .area: "Barnet", .period: "FY2022-23", .value: "16.7"])])
        #expect(
            IndicatorValuesSheet.records(rows: [(1, ["indicator", "area", "period", "value"])]).mistakes.map(\.description)
                == ["row 1: the file has no rows of values under its first row"])
    }

    @Test func everyMistakeIsReportedWithItsRowAndColumn() {
        let rows =
            Array(repeating: ["fsm", "Barnet", "FY2010-11", "10"], count: 12).enumerated().map { index, row in
                [row[0], row[1], "FY\(2000 + index)-\(String(format: "%02d", index + 1))", row[3]]
            } + [
                ["fsm", "Barnet", "FY2022-23", "12,5"], // row 14: the issue's own example
                ["fsm", "Barnet", "FY2021-22", "140"], // a percentage of 140
                ["fsm", "England", "FY2023-25", "14.5"], // a period that does not exist
                ["fsm", "Barnett", "FY2022-23", "14.5"], // an area that does not exist
                ["nope", "Barnet", "FY2022-23", "1"], // an indicator that does not exist
                ["fsm", "London", "FY2022-23", "3", "-2", "10"], // a negative count
                ["fsm", "London", "FY2021-22", "3", "12", "10"], // more counted than the denominator
                ["fsm", "England", "FY2021-22", "3", "", "", "5", "plan"], // a target on a comparator's row
                ["fsm", "Barnet", "FY2020-21", "", "", "", "", "", "", ""], // no value
                ["fsm", "Barnet", "FY2001-02", "11"], // the same value as row 3
                ["ks2", "Barnet", "AY2022-23", "60", "", "", "65", "ambitious"],
            ]
        #expect(
            Self.mistakes(Self.upload().check(Self.records(rows))) == [
                "row 14, column \"value\": \"12,5\" is not a number; write decimals with a point, like 12.5",
                "row 15, column \"value\": 140 is not a percentage from 0 to 100",
                "row 16, column \"period\": \"FY2023-25\" is not a financial year that exists (write it like FY2023-24)",
                "row 17, column \"area\": there is no area \"Barnett\"; the areas are Barnet, England, London",
                "row 18, column \"indicator\": there is no indicator \"nope\"; the codes are on each indicator's page",
                "row 19, column \"count\": -2 is not a whole number of 0 or more",
                "row 20, column \"count\": 12 out of 10 is not possible",
                "row 21, column \"target\": targets belong on the borough's rows, not England's",
                "row 22, column \"value\": is empty; every row needs a value (a borough row may instead give only a target)",
                "row 23: Barnet's FY2001-02 value of fsm is also on row 3",
                "row 24, column \"target_origin\": \"ambitious\" is not plan, national or local",
            ])
    }

    @Test func demonstrationFiguresAreTheDemosOwnAndNeverUploaded() {
        let header = ["indicator", "area", "period", "value", "status"]
        let rows = [["fsm", "Barnet", "FY2022-23", "12", "demonstration"], ["fsm", "Barnet", "FY2023-24", "12", "final"]]
        #expect(
            Self.mistakes(Self.upload().check(Self.records(rows, header: header))) == [
                "row 2, column \"status\": \"demonstration\" is not a status; write provisional or final"
            ])
    }

    @Test func aNewRedValueNeedsCommentaryUnlessThePeriodHasSome() {
        // Free school meals: low is good, target 15%. 16.7% misses by 1.7, more than 5% of 15 (0.75): red.
        let stored = Upload.Stored(targets: [.init(indicator: "fsm", period: "FY2022-23"): .init(value: 15, origin: .plan)])
        let red = [["fsm", "Barnet", "FY2022-23", "16.7"]]
        #expect(
            Self.mistakes(Self.upload(stored).check(Self.records(red))) == [
                "row 2, column \"story_behind_the_curve\": 16.7 is red against the target of 15; write the story behind the curve and the action plan for FY2022-23"
            ])
        // With commentary in the row, it is accepted and the commentary saved.
        let withCommentary = [["fsm", "Barnet", "FY2022-23", "16.7", "", "", "", "", "Cost of living", "Auto-enrolment"]]
        let changes = Self.changes(Self.upload(stored).check(Self.records(withCommentary)))
        #expect(changes?.commentaries[.init(indicator: "fsm", period: "FY2022-23")] == .init(story: "Cost of living", actionPlan: "Auto-enrolment"))
        #expect(changes?.added == 1)
        // The same value for London, or a green value (14.9), needs none; nor does the borough once the period has commentary.
        #expect(
            Self.changes(Self.upload(stored).check(Self.records([["fsm", "London", "FY2022-23", "16.7"], ["fsm", "Barnet", "FY2022-23", "14.9"]])))
                != nil)
        var commented = stored
        commented.commentaries[.init(indicator: "fsm", period: "FY2022-23")] = .init(story: "s", actionPlan: "a")
        #expect(Self.changes(Self.upload(commented).check(Self.records(red))) != nil)
        // Polarity inverted: 16.7 against 15 is green when high is good (key stage 2), so no commentary is asked for.
        let ks2 = Upload.Stored(targets: [.init(indicator: "ks2", period: "AY2022-23"): .init(value: 15, origin: .local)])
        #expect(Self.changes(Self.upload(ks2).check(Self.records([["ks2", "Barnet", "AY2022-23", "16.7"]]))) != nil)
        // A target given in the row counts: 12 against a row target of 60 (high is good) is red.
        #expect(Self.mistakes(Self.upload().check(Self.records([["ks2", "Barnet", "AY2023-24", "12", "", "", "60", "plan"]]))).count == 1)
    }

    @Test func anUnchangedRedValueNeedsNoCommentary() {
        let key = Upload.ValueKey(indicator: "fsm", area: "Barnet", period: "FY2022-23")
        let stored = Upload.Stored(
            values: [key: .init(value: 16.7, status: .final, source: "DfE")],
            targets: [.init(indicator: "fsm", period: "FY2022-23"): .init(value: 15, origin: .plan)])
        let changes = Self.changes(Self.upload(stored).check(Self.records([["fsm", "Barnet", "FY2022-23", "16.7"]])))
        // An empty status keeps the stored one and an empty source leaves it alone: nothing changes.
        #expect(changes?.isEmpty == true)
        #expect(changes?.summary == "0 values added, 0 changed, 1 unchanged")
        // A changed value with no source is recorded as uploaded by the person, and keeps its status.
        let changed = Self.changes(Self.upload(stored).check(Self.records([["fsm", "Barnet", "FY2022-23", "14"]])))
        #expect(changed?.values[key] == .init(value: 14, status: .final, source: "Uploaded by Tess Manager"))
        #expect(changed?.summary == "0 values added, 1 changed, 0 unchanged")
    }

    @Test func whatIsStoredMakesATableThatUploadsBackWithNoChange() {
        let stored = Upload.Stored(
            values: [
                .init(indicator: "fsm", area: "England", period: "FY2022-23"): .init(value: 14.5, status: .final, source: "DfE, \"Schools, pupils\""),
                .init(indicator: "fsm", area: "Barnet", period: "FY2022-23"): .init(
                    value: 16.7, count: 4_410, denominator: 26_407, lower: 16.3, upper: 17.2, status: .final),
                .init(indicator: "fsm", area: "Barnet", period: "FY2021-22"): .init(value: 15.1, status: .provisional, source: "Local"),
            ],
            targets: [
                .init(indicator: "fsm", period: "FY2022-23"): .init(value: 15, origin: .plan),
                .init(indicator: "fsm", period: "FY2023-24"): .init(value: 14, origin: .plan),
            ],
            commentaries: [
                .init(indicator: "fsm", period: "FY2022-23"): .init(
                    story: "Cost of living", partners: "Schools", whatWorks: "", actionPlan: "Auto-enrolment")
            ])
        let table = stored.sheetRows(definitions: Self.definitions, areas: Self.areas, areaOrder: ["Barnet", "England", "London"])
        #expect(
            table.map { Array($0.prefix(4)) + [$0[10]] } == [
                ["indicator", "area", "period", "value", "target"],
                ["fsm", "Barnet", "FY2021-22", "15.1", ""],
                ["fsm", "Barnet", "FY2022-23", "16.7", "15"],
                ["fsm", "Barnet", "FY2023-24", "", "14"],
                ["fsm", "England", "FY2022-23", "14.5", ""],
            ])
        let read = IndicatorValuesSheet.records(rows: table.enumerated().map { (number: $0.offset + 1, cells: $0.element) })
        #expect(read.mistakes.isEmpty)
        let changes = Self.changes(Self.upload(stored).check(read.records))
        #expect(changes?.isEmpty == true)
        #expect(changes?.summary == "0 values added, 0 changed, 3 unchanged")
    }
}
