import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkUI
import WaymarkWeb

/// The indicators that show whether children's lives are getting better: their values, comparators and targets,
/// entered, uploaded, downloaded and received from partner systems.
package enum MeasuresArea: WaymarkArea {
    package static let area = Area.measures

    package static func routes(_ app: Application) throws {
        app.workedOutValues = WorkedOutValuesKept()
        app.on(.GET, .measures(.home), access: .permission(.viewMeasures), use: MeasuresController.dashboard)
        app.on(.GET, .measures(.indicator(code: "")), access: .permission(.viewMeasures), use: MeasuresController.show)
        app.on(.POST, .measures(.indicator(code: "")), access: .permission(.enterMeasures), use: MeasuresController.addValue)
        app.on(.GET, .measures(.upload), access: .permission(.enterMeasures), use: IndicatorTransferController.uploadPage)
        app.on(
            .POST, .measures(.upload), access: .permission(.enterMeasures), body: .collect(maxSize: IndicatorTransferController.largestUpload),
            use: IndicatorTransferController.upload)
        for format in TableFormat.allCases {
            app.on(.GET, .measures(.template(format: format)), access: .permission(.viewMeasures), use: IndicatorTransferController.template(format))
            app.on(
                .GET, .measures(.values(code: "", format: format)), access: .permission(.viewMeasures),
                use: IndicatorTransferController.download(format))
        }

        // Partner systems send indicator values with their token.
        app.on(.POST, .api(.indicatorValues(code: "")), access: .partnerSystem, use: IndicatorAPIController.receive)
    }

    package static var commands: [String: any AnyAsyncCommand] { [:] }

    package static func today(_ req: Request) async throws -> HomeSection? { try await TodayController.today(req) }
}
