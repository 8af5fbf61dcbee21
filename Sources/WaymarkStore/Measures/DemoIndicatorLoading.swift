import FluentKit
import Foundation
import WaymarkDomain

/// The demo's indicator histories (`DemoIndicatorHistory`): each indicator's values carried on from the latest the
/// plan gives to the last period ended before the demo is made, stored as demonstration figures in one transaction
/// with one audit line. Only into a database that has none.
package enum DemoIndicatorLoading {
    /// How many values it added; nil when there were demonstration figures already.
    package static func load(madeOn: ISODay, by actor: AuditTrail.Actor, on db: any Database) async throws -> Int? {
        guard try await IndicatorValue.query(on: db).filter(\.$status == .demonstration).count() == 0 else { return nil }
        let data = try await MeasuresData.load(on: db)
        let areaNames = Dictionary(uniqueKeysWithValues: data.areas.compactMap { area in area.id.map { ($0, area.name) } })
        let areaIDs = Dictionary(data.areas.compactMap { area in area.id.map { (area.name, $0) } }, uniquingKeysWith: { first, _ in first })
        var added: [IndicatorValue] = []
        for (index, indicator) in data.indicators.enumerated() {
            guard let id = indicator.id else { continue }
            let values = data.values[id] ?? []
            let held = Set(values.map { "\($0.areaID)|\($0.period)" })
            let history = DemoIndicatorHistory.values(
                latest: values.compactMap { value in areaNames[value.areaID].map { ($0, value.period, value.value) } },
                type: indicator.periodType, unit: indicator.unit, polarity: indicator.polarity, madeOn: madeOn, seed: UInt64(index + 1))
            for value in history {
                guard let area = areaIDs[value.area], !held.contains("\(area)|\(value.period)"),
                    let period = ReportingPeriod(value.period, type: indicator.periodType)
                else { continue }
                let model = IndicatorValue()
                model.indicatorID = id
                model.areaID = area
                model.period = value.period
                model.periodEnd = period.ends.description
                model.value = value.value
                model.status = .demonstration
                model.source = "Made up for the demonstration"
                added.append(model)
            }
        }
        guard !added.isEmpty else { return 0 }
        try await db.transaction { [added] db in
            for value in added { try await value.create(on: db) }
            try await AuditTrail.record(
                .create, recordType: .indicator, detail: "demonstration figures: \(added.count) values", by: actor, on: db)
        }
        return added.count
    }
}
