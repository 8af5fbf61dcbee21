import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkUI
import WaymarkWeb

/// Supervision and management oversight (under Quality in the navigation): agreements with their cadence, sessions
/// with a reflective record, private wellbeing notes and the children discussed (each on the child's chronology), and
/// compliance against the cadence and each child's case discussion interval.
package enum SupervisionArea: WaymarkArea {
    package static let area = Area.quality

    package static func routes(_ app: Application) throws {
        let view = Access.permission(.viewQuality), supervise = Access.permission(.supervise)
        app.on(.GET, .supervision(.home), access: view, use: SupervisionController.home)
        app.on(.GET, .supervision(.newAgreement), access: supervise, use: AgreementController.new)
        app.on(.POST, .supervision(.agreements), access: supervise, use: AgreementController.create)
        app.on(.GET, .supervision(.agreement(id: "")), access: view, use: AgreementController.show)
        app.on(.GET, .supervision(.newSession(agreementID: "")), access: supervise, use: SessionController.new)
        app.on(.POST, .supervision(.sessions(agreementID: "")), access: supervise, use: SessionController.create)
        app.on(.GET, .supervision(.session(id: "")), access: view, use: SessionController.show)
    }

    package static var commands: [String: any AnyAsyncCommand] { [:] }

    package static func today(_ req: Request) async throws -> HomeSection? { try await TodayController.today(req) }

    package static func loadDemo(madeOn: ISODay, seed: UInt64, app: Application) async throws -> [String] {
        try await SupervisionDemo.load(madeOn: madeOn, seed: seed, app: app)
    }
}
