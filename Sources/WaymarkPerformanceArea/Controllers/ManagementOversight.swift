import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkTimescales
import WaymarkWeb

/// Performance Matters' management oversight: the share of people supervised within their cadence and of open cases
/// discussed within their interval, as at the end of the period and of each month of the trend (or today, for a
/// period not yet ended). Worked out from the supervision recorded in Waymark (`OversightStore`).
enum ManagementOversight {
    static func measures(
        _ report: PerformanceReport, trendIndices: [Int], withheld: (Int) -> Bool, app: Application, on db: any Database
    ) async throws -> [PerformanceMattersPage.Measure] {
        let today = ISODay.today
        let asAt = min(report.period.through, today)
        let days = [asAt] + trendIndices.map { min(report.figures.periods[$0].through, today) }
        let supervision = try await OversightStore.supervision(on: days, db: db)
        let discussions = try await OversightStore.caseDiscussions(on: days, intervals: app.settings.caseDiscussions, db: db)
        func measure(_ id: String, _ title: String, _ definition: String, _ shares: [OversightStore.Share]) -> PerformanceMattersPage.Measure {
            let now = shares[0]
            func percentage(_ share: OversightStore.Share) -> Double? {
                share.counted == 0 ? nil : (Double(share.within) * 1_000 / Double(share.counted)).rounded() / 10
            }
            let figure: PerformanceMattersPage.Figure =
                withheld(now.counted)
                ? PerformanceMattersController.withheldFigure
                : percentage(now).map {
                    .init(value: String(format: "%.1f%%", $0), ofCounted: "\(Counted.number(now.within)) of \(Counted.number(now.counted))")
                }
                    ?? .init(value: "–", ofCounted: "none counted")
            return PerformanceMattersPage.Measure(
                id: id, title: title, definition: definition, betterWhen: "Higher", figure: figure, rate: nil,
                trend: shares.dropFirst().map { withheld($0.counted) ? nil : percentage($0) }, childrenURL: nil, isShare: true)
        }
        let intervals = app.settings.caseDiscussions
        return [
            measure(
                "supervised-within-cadence", "People supervised within their cadence",
                "Of the people with a supervision agreement in force at the end of the period, the share whose last session was within their "
                    + "cadence (newly qualified social workers weekly, then fortnightly, then monthly; everyone else monthly).", supervision),
            measure(
                "cases-discussed-within-interval", "Open cases discussed in supervision within their interval",
                "Of the children allocated at the end of the period on a child protection plan, in need or looked after, the share whose case "
                    + "was discussed in supervision within \(intervals.protectionPlanDays / 7) weeks (on a plan) or "
                    + "\(intervals.inNeedDays / 7) weeks (in need or looked after) since allocation or the last discussion.", discussions),
        ]
    }
}
