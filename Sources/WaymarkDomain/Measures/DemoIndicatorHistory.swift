/// The demo's history for an indicator the plan gives one value of: each following period up to the last one ended
/// before the demo is made, for each area with a value in the latest period given, drifting a little each period
/// (up to 3% either way, slightly more often the better way), so that charts, trends and forecasts have something to draw. The
/// values are stored as demonstration figures (`ValueStatus.demonstration`) and shown as such wherever they appear.
public enum DemoIndicatorHistory {
    public struct Value: Sendable, Equatable {
        public var area: String, period: String, value: Double
    }

    /// - Parameters: the indicator's latest values by area, its period type, unit and polarity, the day the demo is made.
    public static func values(
        latest: [(area: String, period: String, value: Double)], type: PeriodType, unit: IndicatorUnit, polarity: Polarity,
        madeOn: ISODay, seed: UInt64
    ) -> [Value] {
        guard let newest = latest.compactMap({ ReportingPeriod($0.period, type: type) }).max() else { return [] }
        var periods: [ReportingPeriod] = []
        var period = newest.next
        // At most ten years (or periods) on: older seed values are not carried further.
        while period.ends < madeOn, periods.count < 10 {
            periods.append(period)
            period = period.next
        }
        let better = polarity == .highIsGood ? 1.0 : polarity == .lowIsGood ? -1.0 : 0
        var random = SeededRandom(seed: seed)
        return latest.filter { $0.period == newest.text }.sorted { $0.area < $1.area }.flatMap { area -> [Value] in
            var value = area.value
            let whole = value == value.rounded()
            return periods.map { period in
                value *= 1 + 0.005 * better + Double.random(in: -0.03...0.03, using: &random)
                // A share drifts within its bounds, never onto them.
                if unit == .percentage { value = min(99.5, max(0.5, value)) }
                let shown = whole ? value.rounded() : (value * 10).rounded() / 10
                return Value(area: area.area, period: period.text, value: shown)
            }
        }
    }
}
