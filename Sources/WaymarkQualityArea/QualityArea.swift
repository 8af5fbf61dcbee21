import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkWeb

/// Quality assurance: case audits and their moderation. So far, the case file audit's instrument (what it asks), and
/// measuring how far auditors agree from a table of moderated grades (the page and `waymark quality agreement`).
package enum QualityArea: WaymarkArea {
    package static let area = Area.quality

    package static func routes(_ app: Application) throws {
        let viewQuality = Access.permission(.viewQuality)
        app.on(.GET, .quality(.home), access: viewQuality, use: AgreementController.home)
        app.on(.GET, .quality(.instrument), access: viewQuality, use: AgreementController.instrument)
        app.on(.GET, .quality(.agreement), access: viewQuality, use: AgreementController.show)
        app.on(
            .POST, .quality(.agreement), access: viewQuality, body: .collect(maxSize: AgreementController.largestUpload),
            use: AgreementController.check)
    }

    package static var commands: [String: any AnyAsyncCommand] { ["quality": QualityCommand()] }
}
