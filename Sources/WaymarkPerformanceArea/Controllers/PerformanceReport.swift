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
    var worked: FiguresFromRecords

    var figures: PerformanceFigures { worked.figures }
    var ids: [String: UUID] { worked.ids }
    var records: Int { worked.journeys.reduce(0) { $0 + $1.records.count } }

    /// - Parameters:
    ///   - asked: the period as a link writes it; nil or empty for the latest month with records.
    ///   - withTrend: also the 12 months to it (the children behind one figure need only the period itself).
    ///   - databases: handles with connections of their own, to read the records side by side (`Application.sideBySide`).
    init(
        period asked: String?, withTrend: Bool = true, app: Application, today: ISODay = .today,
        on databases: [any Database]
    ) async throws {
        if let asked, !asked.isEmpty {
            guard let period = PerformancePeriod(asked), period.from <= today else { throw UnknownPeriod(asked: asked) }
            self.period = period
        } else {
            self.period = try await FiguresFromRecords.latestMonth(today: today, on: databases[0])
        }
        var periods = withTrend ? PerformancePeriod.months(endingWith: period.through, count: 12) : []
        if !periods.contains(period) { periods.append(period) }
        index = periods.firstIndex(of: period)!
        worked = try await FiguresFromRecords(periods: periods, today: min(period.through, today), app: app, on: databases)
    }

    /// A period asked for that Waymark cannot show: one it cannot read, or one that has not begun.
    struct UnknownPeriod: Error, CustomStringConvertible {
        var asked: String
        var description: String {
            "The period \"\(asked)\" is not one Waymark can show: choose a month up to this one, or write a period like 2025-04-01..2026-03-31."
        }
    }
}
