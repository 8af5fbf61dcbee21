import Fluent
import Foundation
import SQLKit
import WaymarkDomain
import WaymarkStore
import WaymarkUI
import WaymarkViews

/// Every indicator with its values, comparators and targets, read in four queries, and what the pages make of it.
/// Values are many (years × areas × indicators), so they are read with SQL into plain rows rather than Fluent models.
struct MeasuresData {
    struct ValueRow: Decodable {
        var indicatorID: UUID, areaID: UUID, period: String, value: Double
        var count: Double?, denominator: Double?, lower: Double?, upper: Double?
        enum CodingKeys: String, CodingKey {
            case period, value, count, denominator, lower, upper
            case indicatorID = "indicator_id", areaID = "area_id"
        }
    }

    var indicators: [Indicator]
    var areas: [ReportingArea]
    var values: [UUID: [ValueRow]]
    var targets: [UUID: [IndicatorTarget]]

    var borough: ReportingArea? { areas.first { $0.kind == .borough } }
    /// England first, then London, then any other comparator by name: the national benchmark leads.
    var comparators: [ReportingArea] {
        func order(_ name: String) -> (Int, String) { (name == "England" ? 0 : name == "London" ? 1 : 2, name) }
        return areas.filter { $0.kind == .comparator }.sorted { order($0.name) < order($1.name) }
    }

    /// Every indicator, or only the one with this code (an indicator's page needs no other's values).
    static func load(indicatorCode: String? = nil, on db: any Database) async throws -> MeasuresData {
        try await load(indicatorCodes: indicatorCode.map { [$0] }, on: db)
    }

    /// Every indicator, or only those with these codes.
    static func load(indicatorCodes: [String]?, on db: any Database) async throws -> MeasuresData {
        var indicatorQuery = Indicator.query(on: db).sort(\.$familyFriendlyMeasure).sort(\.$name)
        if let indicatorCodes { indicatorQuery = indicatorQuery.filter(\.$code ~~ indicatorCodes) }
        let indicators = try await indicatorQuery.all()
        let ids = indicators.compactMap(\.id)
        guard !ids.isEmpty else { return MeasuresData(indicators: [], areas: [], values: [:], targets: [:]) }
        let values = try await (db as! any SQLDatabase).select()
            .columns("indicator_id", "area_id", "period", "value", "count", "denominator", "lower", "upper")
            .from(IndicatorValue.schema).where("indicator_id", .in, ids).all(decoding: ValueRow.self)
        return MeasuresData(
            indicators: indicators,
            areas: try await ReportingArea.query(on: db).sort(\.$name).all(),
            values: Dictionary(grouping: values, by: \.indicatorID),
            targets: Dictionary(grouping: try await IndicatorTarget.query(on: db).filter(\.$indicatorID ~~ ids).all(), by: \.indicatorID))
    }

    func points(_ indicator: Indicator, area: ReportingArea) -> [IndicatorAssessment.Point] {
        (values[indicator.id!] ?? []).filter { $0.areaID == area.id }.compactMap { value in
            ReportingPeriod(value.period, type: indicator.periodType).map { period in
                var estimate = Estimate(value.value, lower: value.lower, upper: value.upper)
                // A percentage with its count and denominator but no published interval gets the Wilson interval.
                if estimate.lower == nil, indicator.unit == .percentage, let count = value.count, let denominator = value.denominator,
                   let interval = wilsonInterval(count: count, denominator: denominator) {
                    (estimate.lower, estimate.upper) = (interval.lowerBound, interval.upperBound)
                }
                return IndicatorAssessment.Point(period: period, estimate: estimate)
            }
        }.sorted { $0.period < $1.period }
    }

    func row(for indicator: Indicator) -> IndicatorRow {
        let borough = self.borough.map { points(indicator, area: $0) } ?? []
        let comparators = self.comparators
            .filter { area in (values[indicator.id!] ?? []).contains { $0.areaID == area.id } }
            .map { (name: $0.name, points: points(indicator, area: $0)) }
        let targets = Dictionary((self.targets[indicator.id!] ?? []).map { ($0.period, $0.value) }, uniquingKeysWith: { first, _ in first })
        return IndicatorRow(code: indicator.code, name: indicator.name, unit: indicator.unit, polarity: indicator.polarity,
                            assessment: IndicatorAssessment(polarity: indicator.polarity, borough: borough, comparators: comparators, targets: targets),
                            format: Self.formatter(indicator.unit))
    }

    func chart(for indicator: Indicator) -> LineChart {
        let own = values[indicator.id!] ?? []
        let periods = Set(own.map(\.period)).union((targets[indicator.id!] ?? []).map(\.period))
            .compactMap { ReportingPeriod($0, type: indicator.periodType) }.sorted()
        func series(_ area: ReportingArea, style: LineChart.Series.Style) -> LineChart.Series {
            let byPeriod = Dictionary(own.filter { $0.areaID == area.id }.map { ($0.period, $0.value) }, uniquingKeysWith: { first, _ in first })
            return .init(name: area.name, style: style, values: periods.map { byPeriod[$0.text] })
        }
        var all: [LineChart.Series] = []
        if let borough { all.append(series(borough, style: .main)) }
        for comparator in comparators where own.contains(where: { $0.areaID == comparator.id }) {
            all.append(series(comparator, style: .comparator))
        }
        let targetsByPeriod = Dictionary((targets[indicator.id!] ?? []).map { ($0.period, $0.value) }, uniquingKeysWith: { first, _ in first })
        if !targetsByPeriod.isEmpty { all.append(.init(name: "Target", style: .target, values: periods.map { targetsByPeriod[$0.text] })) }

        // The forecast carries the borough's line on for two periods after its latest value, joined to that value.
        var allPeriods = periods
        if let borough, let main = all.first, main.style == .main {
            let known = points(indicator, area: borough)
            if let last = known.last, let ahead = Forecast.linear(known.map(\.estimate.value), ahead: 2, unit: indicator.unit) {
                let future = [last.period.next, last.period.next.next].filter { !periods.contains($0) }
                allPeriods += future
                let lastIndex = periods.firstIndex(of: last.period)!
                var forecast = [Double?](repeating: nil, count: allPeriods.count)
                forecast[lastIndex] = last.estimate.value
                for (offset, period) in future.enumerated() { forecast[allPeriods.firstIndex(of: period)!] = ahead[offset] }
                all = all.map { series in .init(name: series.name, style: series.style, values: series.values + Array(repeating: nil, count: future.count)) }
                all.append(.init(name: "Forecast (straight line)", style: .forecast, values: forecast))
            }
        }
        return LineChart(title: indicator.name, periods: allPeriods.map(\.text), series: all, format: Self.formatter(indicator.unit))
    }

    /// For wards and for locality hubs, the latest period with values for any of them, as bars with the borough's
    /// value for that period as the reference.
    func areaCharts(for indicator: Indicator) -> [AreaBarChart] {
        let own = values[indicator.id!] ?? []
        let kinds: [(PlanFile.Area.Kind, String, String)] = [(.ward, "ward", "wards"), (.hub, "locality hub", "locality hubs")]
        return kinds.compactMap { kind, singular, plural in
            let areas = Dictionary(uniqueKeysWithValues: self.areas.filter { $0.kind == kind }.map { ($0.id!, $0.name) })
            let rows = own.filter { areas[$0.areaID] != nil }
            guard let latest = rows.compactMap({ ReportingPeriod($0.period, type: indicator.periodType) }).max() else { return nil }
            let bars = rows.filter { $0.period == latest.text }.map { AreaBarChart.Bar(area: areas[$0.areaID]!, value: $0.value) }
            let reference = borough.flatMap { borough in
                own.first { $0.areaID == borough.id && $0.period == latest.text }.map { AreaBarChart.Bar(area: borough.name, value: $0.value) }
            }
            return AreaBarChart(title: "\(indicator.name) by \(singular), \(latest.text)", areaKind: plural, bars: bars, reference: reference,
                                format: Self.formatter(indicator.unit))
        }
    }

    static func formatter(_ unit: IndicatorUnit) -> @Sendable (Double) -> String {
        { value in
            let text = value.wholeNumberText ?? String(format: "%.1f", value)
            return unit == .percentage ? "\(text)%" : text
        }
    }
}
