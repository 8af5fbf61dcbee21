import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// The data-quality page: every record the measures read that cannot be as recorded, check by check, listed for the
/// children in the reader's record scope and counted for the rest. Reading it is audited.
enum DataQualityController {
    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (ids, journeys) = try await JourneyReading.journeys(
            kinds: PerformanceCalculator.kinds, withFields: PerformanceCalculator.kindsWithFields,
            on: req.application.sideBySide(req.db))
        let issues = DataQuality.issues(in: journeys)
        let names = ChildRecordScope.seesNames(user.role)
        let open = try await ChildAccess(for: user).openable(Set(issues.map(\.childLocalID)), ids: ids, withNames: names, on: req.db)
        let listed = issues.filter { open[$0.childLocalID] != nil }
        let checks = DataQualityIssue.Check.allCases.map { check in
            DataQualityPage.Check(
                id: check.rawValue, title: check.title, inTheMeasures: check.inTheMeasures, count: issues.filter { $0.check == check }.count,
                rows: listed.filter { $0.check == check }.compactMap { issue in
                    open[issue.childLocalID].map { child in
                        DataQualityPage.Row(
                            childID: child.id.uuidString, localID: issue.childLocalID, name: child.name,
                            day: issue.day?.written ?? "–", why: issue.why)
                    }
                })
        }
        try await req.audit(
            .view, recordType: .performanceReport, recordID: "data-quality", detail: "data quality: \(listed.count) of \(issues.count) listed")
        let model = DataQualityPage.Model(checks: checks, outsideScope: issues.count - listed.count, seesNames: names)
        return .html(DataQualityPage.render(model, context: req.pageContext("Data quality", area: .performance)))
    }
}
