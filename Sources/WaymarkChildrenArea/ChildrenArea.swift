import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkUI
import WaymarkWeb

/// Every child's journey: the returns and case-system extracts it is read from, the caseloads, the daily and weekly
/// trackers with their statutory timescales, a child's page, and the DfE's checks on a return.
package enum ChildrenArea: WaymarkArea {
    package static let area = Area.children

    package static func routes(_ app: Application) throws {
        let viewChildren = Access.permission(.viewChildren)
        app.on(.GET, .children(.home), access: viewChildren, use: ChildrenController.index)
        app.on(.POST, .children(.home), access: viewChildren, use: ChildrenController.search)
        app.on(.GET, .children(.show(id: "")), access: viewChildren, use: ChildrenController.show)
        app.on(.GET, .children(.caseloads), access: viewChildren, use: CaseloadsController.overview)
        app.on(.GET, .children(.caseload(teamID: "")), access: viewChildren, use: CaseloadsController.team)
        app.on(.GET, .children(.tracker(teamID: "")), access: viewChildren, use: TrackerController.show)
        app.on(.GET, .children(.weeklyTracker(serviceAreaID: "")), access: viewChildren, use: TrackerController.weekly)
        app.on(.GET, .children(.returns), access: .permission(.importReturns), use: ReturnUploadController.show)
        app.on(
            .POST, .children(.returns), access: .permission(.importReturns), body: .collect(maxSize: ReturnUploadController.largestUpload),
            use: ReturnUploadController.upload)
        // Checking a return needs what importing one does: the files hold every child's record.
        app.on(.GET, .children(.validateReturn), access: .permission(.importReturns), use: ReturnValidationController.show)
        app.on(
            .POST, .children(.validateReturn), access: .permission(.importReturns), body: .collect(maxSize: ReturnUploadController.largestUpload),
            use: ReturnValidationController.check)
    }

    package static var commands: [String: any AnyAsyncCommand] {
        ["import": ImportCommand(), "export": ExportCommand(), "validate": ValidateCommand()]
    }

    package static func today(_ req: Request) async throws -> HomeSection? { try await TodayController.today(req) }
}
