import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkTimescales

/// Performance Matters' measures worked out from the children's records for the periods asked for: read and worked out
/// the one way for every area that shows them (Performance Matters; an indicator whose code is a measure's).
package struct FiguresFromRecords: Sendable {
    package var figures: PerformanceFigures
    /// Each child's id by local identifier, for links to the children behind a figure.
    package var ids: [String: UUID]
    /// The records the figures were worked out from.
    package var journeys: [ChildJourney]
    /// For the benchmark: the seconds spent reading the records and working out the figures.
    package var readSeconds: Double, workSeconds: Double

    /// - Parameters:
    ///   - today: the day the figures are worked out as at: nothing after it counts.
    ///   - databases: handles with connections of their own, to read the records side by side (`Application.sideBySide`).
    package init(periods: [PerformancePeriod], today: ISODay, app: Application, on databases: [any Database]) async throws {
        let started = Date()
        (ids, journeys) = try await JourneyReading.journeys(
            kinds: PerformanceCalculator.kinds, withFields: PerformanceCalculator.kindsWithFields,
            earliest: PerformanceCalculator.earliestStarts(for: periods), on: databases)
        readSeconds = Date().timeIntervalSince(started)
        let working = Date()
        let calculator = PerformanceCalculator(engine: app.timescaleEngine)
        figures = try await app.calculate { [journeys] in calculator.figures(journeys, periods: periods, today: today) }
        workSeconds = Date().timeIntervalSince(working)
    }

    /// The last whole month, or the month of the latest contact or referral when they stop before it (as the
    /// demo's do). Contacts and referrals arrive every working day; other records can be dated ahead.
    package static func latestMonth(today: ISODay, on db: any Database) async throws -> PerformancePeriod {
        let lastWhole = PerformancePeriod.month(of: today).from.adding(days: -1)
        let latest = try await JourneyReading.latestStart(of: [.caseSystem(.contacts), .cinEpisode], onOrBefore: lastWhole, on: db)
        return PerformancePeriod.month(of: latest ?? lastWhole)
    }
}
