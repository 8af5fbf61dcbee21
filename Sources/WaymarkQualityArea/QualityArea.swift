import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkUI
import WaymarkWeb

/// Quality assurance: case audits and their moderation. Audit instruments (what an audit asks), versioned; audit
/// programmes, each drawing a seeded sample of children and assigning each to an auditor; each child's audit with the
/// evidence Waymark holds beside it; and measuring how far auditors agree from a table of moderated grades.
package enum QualityArea: WaymarkArea {
    package static let area = Area.quality

    package static func routes(_ app: Application) throws {
        let viewQuality = Access.permission(.viewQuality)
        app.on(.GET, .quality(.home), access: viewQuality, use: AgreementController.home)
        app.on(.GET, .quality(.agreement), access: viewQuality, use: AgreementController.show)
        app.on(
            .POST, .quality(.agreement), access: viewQuality, body: .collect(maxSize: AgreementController.largestUpload),
            use: AgreementController.check)
        let manage = Access.permission(.manageAuditProgrammes), conduct = Access.permission(.conductAudits)
        app.on(.GET, .quality(.instruments), access: viewQuality, use: InstrumentsController.index)
        app.on(.POST, .quality(.instruments), access: manage, use: InstrumentsController.start)
        app.on(.GET, .quality(.instrument(id: "")), access: viewQuality, use: InstrumentsController.show)
        app.on(
            .POST, .quality(.instrument(id: "")), access: manage, body: .collect(maxSize: InstrumentsController.largestBody),
            use: InstrumentsController.save)
        app.on(.GET, .quality(.instrumentFile(id: "")), access: viewQuality, use: InstrumentsController.file)
        app.on(.POST, .quality(.publishInstrument(id: "")), access: manage, use: InstrumentsController.publish)
        app.on(.POST, .quality(.discardInstrument(id: "")), access: manage, use: InstrumentsController.discard)
        app.on(.GET, .quality(.calibration), access: conduct, use: CalibrationController.list)
        app.on(.GET, .quality(.newCalibration), access: manage, use: CalibrationController.new)
        app.on(
            .POST, .quality(.calibration), access: manage, body: .collect(maxSize: CalibrationController.largestBody),
            use: CalibrationController.issue)
        app.on(.GET, .quality(.calibrationExercise(id: "")), access: conduct, use: CalibrationController.show)
        app.on(.POST, .quality(.calibrationExercise(id: "")), access: conduct, use: CalibrationController.grade)
        app.on(.POST, .quality(.agreeCalibration(id: "")), access: manage, use: CalibrationController.agree)
        let summary = Access.permission(.viewQualitySummary)
        app.on(.GET, .quality(.summary()), access: summary, use: QualitySummaryController.show)
        app.on(.GET, .quality(.summaryPDF()), access: summary, use: QualitySummaryController.pdf)
        app.on(.GET, .quality(.selfEvaluation()), access: viewQuality, use: SelfEvaluationController.show)
        app.on(.GET, .quality(.selfEvaluationPDF()), access: viewQuality, use: SelfEvaluationController.pdf)
        app.on(
            .POST, .quality(.selfEvaluation()), access: .permission(.writeSelfEvaluation), body: .collect(maxSize: "256kb"),
            use: SelfEvaluationController.save)
        app.on(.GET, .quality(.report()), access: viewQuality, use: QualityReportController.show)
        app.on(.GET, .quality(.reportPDF()), access: viewQuality, use: QualityReportController.pdf)
        app.on(.GET, .quality(.programmes), access: viewQuality, use: ProgrammesController.index)
        app.on(.GET, .quality(.newProgramme), access: manage, use: ProgrammesController.new)
        app.on(.POST, .quality(.programmes), access: manage, use: ProgrammesController.create)
        app.on(.GET, .quality(.programme(id: "")), access: viewQuality, use: ProgrammesController.show)
        app.on(.GET, .quality(.programmeGrades(id: "", xlsx: false)), access: viewQuality, use: GradesExportController.download(xlsx: false))
        app.on(.GET, .quality(.programmeGrades(id: "", xlsx: true)), access: viewQuality, use: GradesExportController.download(xlsx: true))
        app.on(.GET, .quality(.myAudits), access: conduct, use: CaseAuditController.mine)
        app.on(.GET, .quality(.audit(id: "")), access: viewQuality, use: CaseAuditController.show)
        app.on(.POST, .quality(.audit(id: "")), access: conduct, use: CaseAuditController.submit)
        app.on(.POST, .quality(.moderation(auditID: "")), access: conduct, use: ModerationController.moderate)
        app.on(.POST, .quality(.adjudication(auditID: "")), access: manage, use: ModerationController.adjudicate)
        app.on(.POST, .quality(.assignExternal(auditID: "")), access: manage, use: ExternalModerationController.assign)
        app.on(.POST, .quality(.externalAdjudication(auditID: "")), access: manage, use: ExternalModerationController.adjudicate)
        let moderateExternally = Access.permission(.moderateExternally)
        app.on(.GET, .quality(.externalModerations), access: moderateExternally, use: ExternalModerationController.list)
        app.on(.GET, .quality(.externalModeration(id: "")), access: moderateExternally, use: ExternalModerationController.show)
        app.on(.POST, .quality(.externalModeration(id: "")), access: moderateExternally, use: ExternalModerationController.grade)
        app.on(.POST, .quality(.reply(auditID: "")), access: .permission(.respondToAudits), use: ReplyController.reply)
        app.on(.POST, .quality(.addAction(auditID: "")), access: conduct, use: LearningActionController.add)
        app.on(.POST, .quality(.raiseConcern(auditID: "")), access: conduct, use: ConcernController.raise)
        app.on(.POST, .quality(.concern(id: "")), access: viewQuality, use: ConcernController.actOn)
        app.on(.GET, .quality(.actions), access: viewQuality, use: LearningActionController.list)
        app.on(.GET, .quality(.action(id: "")), access: viewQuality, use: LearningActionController.show)
        app.on(.POST, .quality(.closeAction(id: "")), access: viewQuality, use: LearningActionController.close)
        app.on(.POST, .quality(.verifyAction(id: "")), access: viewQuality, use: LearningActionController.verify)
        app.on(.GET, .api(.audits), access: viewQuality, use: QualityAPIController.audits)
        app.on(.GET, .api(.audit(id: "")), access: viewQuality, use: QualityAPIController.audit)
        app.on(.GET, .api(.learningActions), access: viewQuality, use: QualityAPIController.learningActions)
    }

    package static var commands: [String: any AnyAsyncCommand] { ["quality": QualityCommand()] }

    package static func today(_ req: Request) async throws -> HomeSection? { try await TodayController.today(req) }

    package static func loadDemo(madeOn: ISODay, seed: UInt64, app: Application) async throws -> [String] {
        try await QualityDemo.load(madeOn: madeOn, seed: seed, app: app)
    }
}
