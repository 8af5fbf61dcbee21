import FluentKit

/// Every migration, in the one order they run: the folder numbers. A new area's tables come in a new folder, added
/// at the end.
package enum StoreMigrations {
    package static let all: [any Migration] = [
        CreateAccounts(),
        CreateAuditEvents(),
        CreatePlans(),
        CreateMeasures(),
        CreateAPITokens(),
        AddKeyFigureIndicators(),
        CreateChildren(),
        AddCaseSystemDetails(),
        CreatePerformanceCommentary(),
        CreateKeptClocks(),
        IndexRecordsByChild(),
        ThrottleSignIns(),
        AddStaffIdentifiers(),
        CreateCaseAudits(),
        CreateSupervision(),
        AddReaudits(),
        LinkLearningActionsToPlans(),
        AddTripleLock(),
        CreateAuditInstrumentVersions(),
        CreateCalibration(),
        CreateSelfEvaluations(),
        AddAuditTimescales(),
    ]
}
