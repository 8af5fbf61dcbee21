/// The quality area's addresses.
public enum QualityURL: Hashable, Sendable {
    case home
    /// Measuring how far auditors agree, from a table of moderated grades.
    case agreement
    /// Audit instruments: every version, published and draft, and starting a draft (`POST`); one version, what it asks
    /// and (a draft) saving it; its file; publishing or discarding a draft.
    case instruments
    case instrument(id: String)
    case instrumentFile(id: String)
    case publishInstrument(id: String)
    case discardInstrument(id: String)
    /// Calibration: the vignettes (and issuing one, `POST`), a form to issue one, one vignette (and grading it, `POST`),
    /// and its agreed grades recorded.
    case calibration
    case newCalibration
    case calibrationExercise(id: String)
    case agreeCalibration(id: String)
    /// Audit programmes: each with the children it drew and who audits them; setting one up.
    case programmes
    case newProgramme
    case programme(id: String)
    /// A programme's grades, first and second auditor's, without names: the table the agreement page reads.
    case programmeGrades(id: String, xlsx: Bool)
    /// The audits assigned to the person signed in.
    case myAudits
    /// One child's audit: the form with the evidence beside it, or what was found once submitted.
    case audit(id: String)
    /// A second auditor's grades for an audit, and a QA lead's decision where the two differ.
    case moderation(auditID: String)
    case adjudication(auditID: String)
    /// Another council's moderator (the triple lock): a QA lead assigning one, and deciding where they differ.
    case assignExternal(auditID: String)
    case externalAdjudication(auditID: String)
    /// An external moderator's own audits to grade, pseudonymised, and one of them (by its external moderation's id).
    case externalModerations
    case externalModeration(id: String)
    /// The child's worker or team manager replying to a submitted audit.
    case reply(auditID: String)
    /// Learning actions: added from an audit, a person's own and those to verify, one action, closing and verifying it.
    case addAction(auditID: String)
    /// A safeguarding concern raised from an audit, and what the child's managers did about it.
    case raiseConcern(auditID: String)
    case concern(id: String)
    case actions
    case action(id: String)
    case closeAction(id: String)
    case verifyAction(id: String)
    /// The partnership's summary of case audits for a month (nil: the last whole month), small numbers hidden, and its PDF.
    case summary(month: String? = nil)
    case summaryPDF(month: String? = nil)
    /// The self-evaluation pack for a month (nil: the last whole month), its narrative saved (`POST`), and its PDF.
    case selfEvaluation(month: String? = nil)
    case selfEvaluationPDF(month: String? = nil)
    /// The monthly QA report for heads of service, for a month (`2026-11`; nil: the last whole month), and its PDF.
    case report(month: String? = nil)
    case reportPDF(month: String? = nil)

    var parts: [PathPart] {
        switch self {
        case .home: [.fixed("quality")]
        case .agreement: [.fixed("quality"), .fixed("agreement")]
        case .instruments: [.fixed("quality"), .fixed("instruments")]
        case .instrument(let id): [.fixed("quality"), .fixed("instruments"), .parameter("instrumentID", id)]
        case .instrumentFile(let id): [.fixed("quality"), .fixed("instruments"), .parameter("instrumentID", id), .fixed("instrument.yaml")]
        case .publishInstrument(let id): [.fixed("quality"), .fixed("instruments"), .parameter("instrumentID", id), .fixed("publish")]
        case .discardInstrument(let id): [.fixed("quality"), .fixed("instruments"), .parameter("instrumentID", id), .fixed("discard")]
        case .calibration: [.fixed("quality"), .fixed("calibration")]
        case .newCalibration: [.fixed("quality"), .fixed("calibration"), .fixed("new")]
        case .calibrationExercise(let id): [.fixed("quality"), .fixed("calibration"), .parameter("exerciseID", id)]
        case .agreeCalibration(let id): [.fixed("quality"), .fixed("calibration"), .parameter("exerciseID", id), .fixed("agreed")]
        case .programmes: [.fixed("quality"), .fixed("programmes")]
        case .newProgramme: [.fixed("quality"), .fixed("programmes"), .fixed("new")]
        case .programme(let id): [.fixed("quality"), .fixed("programmes"), .parameter("programmeID", id)]
        case .programmeGrades(let id, let xlsx):
            [.fixed("quality"), .fixed("programmes"), .parameter("programmeID", id), .fixed(xlsx ? "grades.xlsx" : "grades.csv")]
        case .myAudits: [.fixed("quality"), .fixed("audits")]
        case .audit(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id)]
        case .moderation(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id), .fixed("moderation")]
        case .adjudication(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id), .fixed("adjudication")]
        case .reply(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id), .fixed("reply")]
        case .assignExternal(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id), .fixed("external-moderator")]
        case .externalAdjudication(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id), .fixed("external-adjudication")]
        case .externalModerations: [.fixed("quality"), .fixed("external")]
        case .externalModeration(let id): [.fixed("quality"), .fixed("external"), .parameter("externalID", id)]
        case .addAction(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id), .fixed("actions")]
        case .raiseConcern(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id), .fixed("concerns")]
        case .concern(let id): [.fixed("quality"), .fixed("concerns"), .parameter("concernID", id)]
        case .actions: [.fixed("quality"), .fixed("actions")]
        case .action(let id): [.fixed("quality"), .fixed("actions"), .parameter("actionID", id)]
        case .closeAction(let id): [.fixed("quality"), .fixed("actions"), .parameter("actionID", id), .fixed("close")]
        case .verifyAction(let id): [.fixed("quality"), .fixed("actions"), .parameter("actionID", id), .fixed("verify")]
        case .summary: [.fixed("quality"), .fixed("summary")]
        case .summaryPDF: [.fixed("quality"), .fixed("summary.pdf")]
        case .selfEvaluation: [.fixed("quality"), .fixed("self-evaluation")]
        case .selfEvaluationPDF: [.fixed("quality"), .fixed("self-evaluation.pdf")]
        case .report: [.fixed("quality"), .fixed("report")]
        case .reportPDF: [.fixed("quality"), .fixed("report.pdf")]
        }
    }

    var query: [QueryItem] {
        switch self {
        case .report(let month?), .reportPDF(let month?), .selfEvaluation(let month?), .selfEvaluationPDF(let month?), .summary(let month?),
            .summaryPDF(let month?):
            [QueryItem("month", month)]
        default: []
        }
    }
}
