import Foundation
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// What the Measures pages make of the indicators' data: a row, a line chart, a chart by area.
extension MeasuresData {
    func row(for indicator: Indicator) -> IndicatorRow {
        let borough = self.borough.map { points(indicator, area: $0) } ?? []
        let comparators = self.comparators
            .filter { area in (values[indicator.id!] ?? []).contains { $0.areaID == area.id } }
            .map { (name: $0.name, points: points(indicator, area: $0)) }
        let targets = Dictionary((self.targets[indicator.id!] ?? []).map { ($0.period, $0.value) }, uniquingKeysWith: { first, _ in first })
        return IndicatorRow(
            code: indicator.code, name: indicator.name, unit: indicator.unit, polarity: indicator.polarity,
            assessment: IndicatorAssessment(polarity: indicator.polarity, borough: borough, comparators: comparators, targets: targets),
            format: indicator.unit.text,
            demonstrationFrom: (values[indicator.id!] ?? []).filter { $0.status == .demonstration }
                .compactMap { ReportingPeriod($0.period, type: indicator.periodType) }.min()?.inWords,
            workedOut: (values[indicator.id!] ?? []).contains(where: \.workedOut))
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
                all = all.map { series in
                    .init(name: series.name, style: series.style, values: series.values + Array(repeating: nil, count: future.count))
                }
                all.append(.init(name: "Forecast (straight line)", style: .forecast, values: forecast))
            }
        }
        return LineChart(title: indicator.name, periods: allPeriods.map(\.text), series: all, format: indicator.unit.text)
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
            return AreaBarChart(
                title: "\(indicator.name) by \(singular), \(latest.text)", areaKind: plural, bars: bars, reference: reference,
                format: indicator.unit.text)
        }
    }
}
