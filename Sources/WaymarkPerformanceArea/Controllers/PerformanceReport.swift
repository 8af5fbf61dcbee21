import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkTimescales
import WaymarkWeb

/// The figures for the period asked for, with the 12 months to it.
struct PerformanceReport {
    var period: PerformancePeriod
    /// The period's place among the figures' periods (the trend's 12 months come first).
    var index: Int
    var figures: PerformanceFigures
    var ids: [String: UUID]
    /// The records the figures were worked out from.
    var journeys: [ChildJourney]
    /// For the benchmark: the seconds spent reading the records and working out the figures.
    var readSeconds: Double, workSeconds: Double

    var records: Int { journeys.reduce(0) { $0 + $1.records.count } }

    /// - Parameters:
    ///   - asked: the period as a link writes it; nil or empty for the latest month with records.
    ///   - withTrend: also the 12 months to it (the children behind one figure need only the period itself).
    ///   - databases: handles with connections of their own, to read the records side by side (`Application.sideBySide`).
    init(
        period asked: String?, withTrend: Bool = true, app: Application, today: ISODay = .today,
        on databases: [any Database]
    ) async throws {
        let started = Date()
        if let asked, !asked.isEmpty {
            guard let period = PerformancePeriod(asked), period.from <= today else { throw UnknownPeriod(asked: asked) }
            self.period = period
        } else {
            self.period = try await Self.latestMonth(today: today, on: databases[0])
        }
        var periods = withTrend ? PerformancePeriod.months(endingWith: period.through, count: 12) : []
        if !periods.contains(period) { periods.append(period) }
        index = periods.firstIndex(of: period)!
        let (ids, journeys) = try await JourneyReading.journeys(
            kinds: PerformanceCalculator.kinds, withFields: PerformanceCalculator.kindsWithFields,
            earliest: PerformanceCalculator.earliestStarts(for: periods), on: databases)
        readSeconds = Date().timeIntervalSince(started)
        let working = Date()
        let calculator = PerformanceCalculator(engine: app.timescaleEngine), through = min(period.through, today)
        figures = try await app.calculate { [periods] in calculator.figures(journeys, periods: periods, today: through) }
        workSeconds = Date().timeIntervalSince(working)
        self.ids = ids
        self.journeys = journeys
    }

    /// The last whole month, or the month of the latest contact or referral when they stop before it (as the
    /// demo's do). Contacts and referrals arrive every working day; other records can be dated ahead.
    static func latestMonth(today: ISODay, on db: any Database) async throws -> PerformancePeriod {
        let lastWhole = PerformancePeriod.month(of: today).from.adding(days: -1)
        let latest = try await JourneyReading.latestStart(of: [.caseSystem(.contacts), .cinEpisode], onOrBefore: lastWhole, on: db)
        return PerformancePeriod.month(of: latest ?? lastWhole)
    }

    /// A period asked for that Waymark cannot show: one it cannot read, or one that has not begun.
    struct UnknownPeriod: Error, CustomStringConvertible {
        var asked: String
        var description: String {
            "The period \"\(asked)\" is not one Waymark can show: choose a month up to this one, or write a period like 2025-04-01..2026-03-31."
        }
    }
}
