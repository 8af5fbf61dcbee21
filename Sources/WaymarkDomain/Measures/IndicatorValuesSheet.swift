/// The table of indicator values that people download and upload (CSV or Excel) and partner systems send as JSON:
/// one row per indicator, area and period. A borough row may also carry its period's target and turn-the-curve
/// commentary, so a downloaded file holds everything the indicator's page shows and uploads back unchanged.
public enum IndicatorValuesSheet {
    public enum Column: String, CaseIterable, Sendable {
        case indicator, area, period, value, count, denominator, lower, upper, status, source, target
        case targetOrigin = "target_origin"
        case story = "story_behind_the_curve"
        case partners
        case whatWorks = "what_works"
        case actionPlan = "action_plan"

        /// What goes in the column, for the template's guidance sheet.
        public var guidance: String {
            switch self {
            case .indicator: "Required. The indicator's code, as on its page (for example free-school-meals-primary)."
            case .area: "Required. The borough, a ward or locality hub, or a comparator such as England or London, named as on the Measures page."
            case .period:
                "Required. The period, written as the indicator's period type asks: FY2023-24, AY2023-24, 2023, 2023-Q2, 2023-05, R12-2023-05 or 2023-03-31."
            case .value: "Required, unless the row only sets the borough's target. A number; decimals with a point (12.5); no % sign."
            case .count: "Optional. The number of children counted (the numerator): a whole number."
            case .denominator: "Optional. The number the count is out of; above 0 and not below the count."
            case .lower: "Optional. The lower end of the published 95% confidence interval; give both ends or neither."
            case .upper: "Optional. The upper end of the published 95% confidence interval."
            case .status: "Optional. provisional or final. Empty keeps a stored value's status; a new value is provisional."
            case .source: "Optional. Where the figure comes from. Empty on a new or changed value records who uploaded it."
            case .target: "Optional, borough rows only. The target for the period."
            case .targetOrigin: "With a target: plan, national or local."
            case .story:
                "Borough rows only. The story behind the curve. Required, with the action plan, when a new or changed value is red against its target and the period has no commentary yet."
            case .partners: "Borough rows only. Partners with a role to play."
            case .whatWorks: "Borough rows only. What works to turn the curve."
            case .actionPlan: "Borough rows only. The action plan."
            }
        }

        var isNumber: Bool { [.value, .count, .denominator, .lower, .upper, .target].contains(self) }
    }

    /// Which columns hold numbers (written as number cells in a workbook).
    public static let numberColumns: Set<String> = Set(Column.allCases.filter(\.isNumber).map(\.rawValue))

    /// Where a record came from: a row of a file (numbered as the spreadsheet shows it) or an item of a JSON list.
    public enum Location: Hashable, Sendable {
        case row(Int)
        case item(Int)
    }

    /// One problem, with where it is and why: `row 14, column "value": "12,5" is not a number`.
    public struct Mistake: Sendable, Equatable, CustomStringConvertible {
        public var location: Location
        public var column: String?
        public var message: String

        public init(_ location: Location, column: String? = nil, _ message: String) {
            self.location = location
            self.column = column
            self.message = message
        }

        public var description: String {
            switch (location, column) {
            case (.row(let row), let column?): "row \(row), column \"\(column)\": \(message)"
            case (.row(let row), nil): "row \(row): \(message)"
            case (.item(let item), let column?): "values[\(item)].\(column): \(message)"
            case (.item(let item), nil): "values[\(item)]: \(message)"
            }
        }
    }

    /// A record's fields by column, before any checking.
    public struct Record: Sendable, Equatable {
        public var location: Location
        public var fields: [Column: String]

        public init(location: Location, fields: [Column: String]) {
            self.location = location
            self.fields = fields
        }
    }

    /// The records of a table whose first non-blank row names the columns. Blank rows are skipped (their numbers are
    /// kept, so messages match what the spreadsheet shows).
    public static func records(rows: [(number: Int, cells: [String])]) -> (records: [Record], mistakes: [Mistake]) {
        let filled = rows.filter { !$0.cells.allSatisfy { $0.trimmingWhitespace.isEmpty } }
        guard let header = filled.first else { return ([], [Mistake(.row(1), "the file is empty; download the template for the columns it needs")]) }
        var mistakes: [Mistake] = []
        var columns: [Int: Column] = [:]
        for (index, name) in header.cells.enumerated() {
            let trimmed = String(name.trimmingWhitespace)
            if trimmed.isEmpty { continue }
            guard let column = Column(rawValue: trimmed.lowercased()) else {
                mistakes.append(
                    Mistake(
                        .row(header.number), column: trimmed,
                        "not a column of this table; the columns are \(Column.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            if columns.values.contains(column) {
                mistakes.append(Mistake(.row(header.number), column: trimmed, "is named twice"))
            }
            columns[index] = column
        }
        for required in [Column.indicator, .area, .period, .value] where !columns.values.contains(required) {
            mistakes.append(
                Mistake(
                    .row(header.number), "the column \"\(required.rawValue)\" is missing; the first row must name the columns (download the template)"
                ))
        }
        guard mistakes.isEmpty else { return ([], mistakes) }
        let records = filled.dropFirst().map { row in
            var fields: [Column: String] = [:]
            for (index, cell) in row.cells.enumerated() {
                if let column = columns[index] {
                    fields[column] = String(cell.trimmingWhitespace)
                } else if !cell.trimmingWhitespace.isEmpty {
                    mistakes.append(Mistake(.row(row.number), "\"\(cell)\" is in a column with no name in the first row"))
                }
            }
            return Record(location: .row(row.number), fields: fields)
        }
        if records.isEmpty { mistakes.append(Mistake(.row(header.number), "the file has no rows of values under its first row")) }
        return (records, mistakes)
    }
}

extension IndicatorValuesUpload.Stored {
    /// The stored values as the sheet's rows, the column names first: by indicator, area (in `areaOrder`) and period.
    /// Each borough row carries its period's target and commentary; a target for a period with no borough value yet
    /// gets a row of its own with the value left empty. Uploading these rows changes nothing.
    public func sheetRows(
        definitions: [String: IndicatorValuesUpload.Definition], areas: [String: PlanFile.Area.Kind],
        areaOrder: [String]
    ) -> [[String]] {
        typealias Column = IndicatorValuesSheet.Column
        let rank = Dictionary(areaOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        guard let borough = areas.first(where: { $0.value == .borough })?.key else { return [Column.allCases.map(\.rawValue)] }
        var keys = Array(values.keys)
        for periodKey in targets.keys {
            let key = IndicatorValuesUpload.ValueKey(indicator: periodKey.indicator, area: borough, period: periodKey.period)
            if values[key] == nil { keys.append(key) }
        }
        func order(_ key: IndicatorValuesUpload.ValueKey) -> (String, Int, String, String) {
            let ends = definitions[key.indicator].flatMap { ReportingPeriod(key.period, type: $0.periodType) }?.ends.description ?? key.period
            return (key.indicator, rank[key.area] ?? Int.max, ends, key.period)
        }
        let number = { (value: Double?) in value.map(IndicatorUnit.format) ?? "" }
        return [Column.allCases.map(\.rawValue)]
            + keys.sorted { order($0) < order($1) }.map { key in
                let periodKey = IndicatorValuesUpload.PeriodKey(indicator: key.indicator, period: key.period)
                let value = values[key]
                let target = key.area == borough ? targets[periodKey] : nil
                let commentary = key.area == borough ? commentaries[periodKey] : nil
                return Column.allCases.map { column in
                    switch column {
                    case .indicator: key.indicator
                    case .area: key.area
                    case .period: key.period
                    case .value: number(value?.value)
                    case .count: number(value?.count)
                    case .denominator: number(value?.denominator)
                    case .lower: number(value?.lower)
                    case .upper: number(value?.upper)
                    case .status: value?.status.rawValue ?? ""
                    case .source: value?.source ?? ""
                    case .target: number(target?.value)
                    case .targetOrigin: target?.origin.rawValue ?? ""
                    case .story: commentary?.story ?? ""
                    case .partners: commentary?.partners ?? ""
                    case .whatWorks: commentary?.whatWorks ?? ""
                    case .actionPlan: commentary?.actionPlan ?? ""
                    }
                }
            }
    }
}
