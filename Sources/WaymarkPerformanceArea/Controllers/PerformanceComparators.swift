import Fluent
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// Comparators for Performance Matters: each comparator's latest published value for a measure, from the Measures
/// indicator whose code is the measure's code (`assessments`, `re-referrals`…). Those who enter measures keep them
/// up to date there, as for any indicator; Performance Matters only reads them.
struct PerformanceComparators {
    struct Values {
        var unit: IndicatorUnit
        var published: [PerformanceComparison.Published]
    }

    var byMeasure: [PerformanceMeasure: Values]

    static func load(on db: any Database) async throws -> PerformanceComparators {
        let data = try await MeasuresData.load(indicatorCodes: PerformanceMeasure.allCases.map(\.rawValue), on: db)
        let comparators = data.comparators
        var byMeasure: [PerformanceMeasure: Values] = [:]
        for indicator in data.indicators {
            guard let measure = PerformanceMeasure(rawValue: indicator.code) else { continue }
            let published = comparators.compactMap { area in
                data.points(indicator, area: area).last.map {
                    PerformanceComparison.Published(area: area.name, period: $0.period.text, estimate: $0.estimate)
                }
            }
            byMeasure[measure] = Values(unit: indicator.unit, published: published)
        }
        return PerformanceComparators(byMeasure: byMeasure)
    }

    /// The figure beside each comparator, for the page.
    func comparisons(_ figure: PerformanceFigure, of measure: PerformanceMeasure) -> [PerformanceMattersPage.Comparison] {
        guard let values = byMeasure[measure] else { return [] }
        let format = values.unit.text
        return PerformanceComparison.compare(figure, of: measure, with: values.published).map {
            .init(
                area: $0.published.area, period: $0.published.period, value: format($0.published.estimate.value), judgement: $0.judgement.displayName)
        }
    }
}
