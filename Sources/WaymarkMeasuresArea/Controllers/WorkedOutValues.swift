import Fluent
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkTimescales
import WaymarkWeb

/// An indicator whose code is a Performance Matters measure's (`assessments`, `re-referrals`…) has the borough's own
/// figures worked out from the children's records, as Performance Matters works them out, so that no one types them:
/// each whole period of the indicator's type that the records cover, the period under way, and the last 12 months.
struct WorkedOutValues: Sendable {
    struct Figure: Sendable {
        enum Span: Sendable { case whole(ReportingPeriod), underWay, month }
        var span: Span
        var period: PerformancePeriod
        var figure: PerformanceFigure
    }

    /// By indicator code, in the order an indicator's page lists them: the period under way, then the whole periods
    /// and the months, each newest first.
    var byCode: [String: [Figure]]

    /// The measure an indicator's code names, when its values can be worked out in the indicator's unit: a share as a
    /// percentage, a number of things as a count.
    static func measure(of indicator: Indicator) -> PerformanceMeasure? {
        guard let measure = PerformanceMeasure(rawValue: indicator.code) else { return nil }
        switch (measure.shape, indicator.unit) {
        case (.share, .percentage), (.count, .count): return measure
        default: return nil
        }
    }

    /// The value an indicator shows for a figure, in its unit; nil when nothing was counted.
    static func value(_ figure: PerformanceFigure, of measure: PerformanceMeasure) -> Double? {
        measure.shape == .share ? figure.percentage : figure.counted == 0 ? nil : Double(figure.counted)
    }

    /// The figures of every indicator whose code is a measure's, as the records stand on `today`: all of them at once,
    /// whichever page asks, and kept for the day until the next import (or a change to the indicators), so neither the
    /// dashboard nor an indicator's page reads every child's records each time it is opened.
    static func work(today: ISODay, req: Request) async throws -> WorkedOutValues {
        let wanted = try await MeasuresStore.indicatorsByCode(on: req.db).filter { measure(of: $0) != nil }
        guard !wanted.isEmpty else { return WorkedOutValues(byCode: [:]) }
        let indicators = wanted.map { "\($0.code) \($0.periodType.rawValue) \($0.unit.rawValue)" }.sorted()
        let key = "\(today)|\(try await JourneyReading.importsStamp(on: req.db))|\(indicators)"
        return try await req.application.workedOutValues.values(for: key) { try await make(wanted, today: today, req: req) }
    }

    /// Reads every child's records once and works out every period of every indicator given.
    private static func make(_ wanted: [Indicator], today: ISODay, req: Request) async throws -> WorkedOutValues {
        guard let first = try await JourneyReading.countedFrom(on: req.db) else {
            return WorkedOutValues(byCode: Dictionary(uniqueKeysWithValues: wanted.map { ($0.code, []) }))
        }
        let lastMonth = try await FiguresFromRecords.latestMonth(today: today, on: req.db)
        let months = PerformancePeriod.months(endingWith: lastMonth.through, count: 12).filter { $0.from >= first }
        var spans: [String: [(Figure.Span, PerformancePeriod)]] = [:]
        for indicator in wanted {
            let covered = ReportingPeriod.covered(type: indicator.periodType, from: first, before: today)
            // Whole periods: the latest ten at most, as the chart shows them.
            spans[indicator.code] =
                (covered.underWay.map { [(.underWay, PerformancePeriod(from: $0.starts, through: today))] } ?? [])
                + covered.whole.suffix(10).reversed().map { (.whole($0), PerformancePeriod(from: $0.starts, through: $0.ends)) }
                + months.reversed().map { (.month, $0) }
        }
        let periods = Array(Set(spans.values.flatMap { $0.map(\.1) })).sorted()
        let worked = try await FiguresFromRecords(periods: periods, today: today, app: req.application, on: req.application.sideBySide(req.db))
        let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        let values = WorkedOutValues(
            byCode: Dictionary(
                uniqueKeysWithValues: spans.map { code, list in
                    let measure = PerformanceMeasure(rawValue: code)!
                    return (code, list.map { Figure(span: $0, period: $1, figure: worked.figures.figure(measure, period: index[$1]!)) })
                }))
        return values
    }
}

/// The worked-out values last made, with what they were made from (the day, the imports, the indicators). Requests
/// that ask while they are being made wait for them: the first request after a night's import is made once, however
/// many people open the index or their home page at nine.
actor WorkedOutValuesKept {
    private var kept: (key: String, values: Task<WorkedOutValues, any Error>)?
    /// How many times values were made: for the tests.
    private(set) var made = 0

    /// The values for `key`: those kept, those being made by another request, or made now by `make`. Values that
    /// could not be made are not kept.
    func values(for key: String, make: @escaping @Sendable () async throws -> WorkedOutValues) async throws -> WorkedOutValues {
        if let kept, kept.key == key { return try await kept.values.value }
        made += 1
        let making = Task.detached { try await make() }
        kept = (key, making)
        do {
            return try await making.value
        } catch {
            if kept?.key == key { kept = nil }
            throw error
        }
    }
}

extension Application {
    private struct WorkedOutValuesKey: StorageKey { typealias Value = WorkedOutValuesKept }

    /// Made at start-up (`MeasuresArea.routes`), before any request can ask for it.
    var workedOutValues: WorkedOutValuesKept {
        get { storage[WorkedOutValuesKey.self]! }
        set { storage[WorkedOutValuesKey.self] = newValue }
    }
}
