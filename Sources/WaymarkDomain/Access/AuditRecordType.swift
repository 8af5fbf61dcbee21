/// The kind of record an audit line is about. Each area adds a constant for the records it audits and lists it
/// in `known`, which is what the audit search offers (rather than scanning the whole trail for the kinds used).
public struct AuditRecordType: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let user: AuditRecordType = "user"
    public static let organisation: AuditRecordType = "organisation"
    public static let serviceArea: AuditRecordType = "service-area"
    public static let team: AuditRecordType = "team"
    public static let indicator: AuditRecordType = "indicator"
    public static let plan: AuditRecordType = "plan"
    public static let planAction: AuditRecordType = "plan-action"
    public static let apiToken: AuditRecordType = "api-token"
    public static let child: AuditRecordType = "child"
    /// A statutory return (SSDA903, CIN census) imported or exported.
    public static let childReturn: AuditRecordType = "return"
    /// Performance Matters for a period: its PDF, its commentary, and the children behind a figure.
    public static let performanceReport: AuditRecordType = "performance-report"

    /// Ofsted's Annex A lists for a day: checked on the page, or downloaded as a workbook.
    public static let annexA: AuditRecordType = "annex-a"
    /// The children drawn for case audits: which, and the seed they were drawn with.
    public static let auditSample: AuditRecordType = "audit-sample"
    /// An audit instrument's version: a draft started, saved, published or discarded.
    public static let auditInstrument: AuditRecordType = "audit-instrument"
    /// An audit programme set up, with the children it drew.
    public static let auditProgramme: AuditRecordType = "audit-programme"
    /// One child's case audit: its evidence read, and the audit submitted (the record is the child's local identifier).
    public static let caseAudit: AuditRecordType = "case-audit"
    /// A learning action from an audit: closed and verified.
    public static let learningAction: AuditRecordType = "learning-action"
    /// A calibration vignette: issued, graded by an auditor, its agreed grades recorded.
    public static let calibration: AuditRecordType = "calibration"
    /// The monthly QA report's PDF.
    public static let qualityReport: AuditRecordType = "quality-report"
    /// The self-evaluation pack for a month: its narrative written, its PDF.
    public static let selfEvaluation: AuditRecordType = "self-evaluation"
    /// A supervision agreement set up, and a supervision session recorded or read (the record is the agreement).
    public static let supervision: AuditRecordType = "supervision"

    public static let known: [AuditRecordType] = [
        .annexA, .apiToken, .auditInstrument, .auditProgramme, .auditSample, .calibration, .caseAudit, .child, .indicator, .learningAction,
        .organisation,
        .performanceReport, .plan,
        .planAction,
        .childReturn, .selfEvaluation, .serviceArea, .supervision,
        .team, .user,
    ]
    .sorted { $0.rawValue < $1.rawValue }
}
