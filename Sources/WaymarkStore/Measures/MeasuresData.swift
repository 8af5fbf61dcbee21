import FluentKit
import Foundation
import SQLKit
import WaymarkDomain

/// Every indicator with its values, comparators and targets, read in four queries (the Measures area makes its pages of
/// it; Performance Matters its comparators).
/// Values are many (years × areas × indicators), so they are read with SQL into plain rows rather than Fluent models.
package struct MeasuresData {
    package struct ValueRow: Decodable, Sendable {
        package var indicatorID: UUID, areaID: UUID, period: String, value: Double
        package var count: Double?, denominator: Double?, lower: Double?, upper: Double?
        package var status: ValueStatus
        /// Worked out from the children's records when the page was made, never stored (the Measures area's
        /// `WorkedOutValues`).
        package var workedOut = false
        package enum CodingKeys: String, CodingKey {
            case period, value, count, denominator, lower, upper, status
            case indicatorID = "indicator_id", areaID = "area_id"
        }

        package init(
            indicatorID: UUID, areaID: UUID, period: String, value: Double, count: Double? = nil, denominator: Double? = nil,
            status: ValueStatus, workedOut: Bool = false
        ) {
            (self.indicatorID, self.areaID, self.period, self.value) = (indicatorID, areaID, period, value)
            (self.count, self.denominator, self.status, self.workedOut) = (count, denominator, status, workedOut)
        }
    }

    package var indicators: [Indicator]
    package var areas: [ReportingArea]
    package var values: [UUID: [ValueRow]]
    package var targets: [UUID: [IndicatorTarget]]

    package var borough: ReportingArea? { areas.first { $0.kind == .borough } }
    /// England first, then London, then any other comparator by name: the national benchmark leads.
    package var comparators: [ReportingArea] {
        func order(_ name: String) -> (Int, String) { (name == "England" ? 0 : name == "London" ? 1 : 2, name) }
        return areas.filter { $0.kind == .comparator }.sorted { order($0.name) < order($1.name) }
    }

    /// Every indicator, or only the one with this code (an indicator's page needs no other's values).
    package static func load(indicatorCode: String? = nil, on db: any Database) async throws -> MeasuresData {
        try await load(indicatorCodes: indicatorCode.map { [$0] }, on: db)
    }

    /// Every indicator, or only those with these codes.
    package static func load(indicatorCodes: [String]?, on db: any Database) async throws -> MeasuresData {
        var indicatorQuery = Indicator.query(on: db).sort(\.$familyFriendlyMeasure).sort(\.$name)
        if let indicatorCodes { indicatorQuery = indicatorQuery.filter(\.$code ~~ indicatorCodes) }
        let indicators = try await indicatorQuery.all()
        let ids = indicators.compactMap(\.id)
        guard !ids.isEmpty else { return MeasuresData(indicators: [], areas: [], values: [:], targets: [:]) }
        let values = try await (db as! any SQLDatabase).select()
            .columns("indicator_id", "area_id", "period", "value", "count", "denominator", "lower", "upper", "status")
            .from(IndicatorValue.schema).where("indicator_id", .in, ids).all(decoding: ValueRow.self)
        return MeasuresData(
            indicators: indicators,
            areas: try await ReportingArea.query(on: db).sort(\.$name).all(),
            values: Dictionary(grouping: values, by: \.indicatorID),
            targets: Dictionary(grouping: try await IndicatorTarget.query(on: db).filter(\.$indicatorID ~~ ids).all(), by: \.indicatorID))
    }

    package func points(_ indicator: Indicator, area: ReportingArea) -> [IndicatorAssessment.Point] {
        (values[indicator.id!] ?? []).filter { $0.areaID == area.id }.compactMap { value in
            ReportingPeriod(value.period, type: indicator.periodType).map { period in
                var estimate = Estimate(value.value, lower: value.lower, upper: value.upper)
                // A percentage with its count and denominator but no published interval gets the Wilson interval.
                if estimate.lower == nil, indicator.unit == .percentage, let count = value.count, let denominator = value.denominator,
                    let interval = wilsonInterval(count: count, denominator: denominator)
                {
                    (estimate.lower, estimate.upper) = (interval.lowerBound, interval.upperBound)
                }
                return IndicatorAssessment.Point(period: period, estimate: estimate)
            }
        }.sorted { $0.period < $1.period }
    }
}
