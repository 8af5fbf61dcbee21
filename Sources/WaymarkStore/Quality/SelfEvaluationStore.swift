import FluentKit
import Foundation
import WaymarkDomain

/// The self-evaluation pack: its narratives, a month at a time, and the counts it reads beside the monthly QA report's.
package enum SelfEvaluationStore {
    package static func narrative(for month: ReportMonth, on db: any Database) async throws -> SelfEvaluationNarrative? {
        try await SelfEvaluationNarrative.query(on: db).filter(\.$month == month.description).first()
    }

    /// Writes (or rewrites) a month's narratives, with its line in the audit trail.
    package static func save(
        _ narratives: [String: String], for month: ReportMonth, by person: String, actor: AuditTrail.Actor, on db: any Database
    ) async throws {
        try await db.transaction { db in
            let narrative = try await narrative(for: month, on: db) ?? SelfEvaluationNarrative()
            narrative.month = month.description
            narrative.whatWeKnow = narratives["what-we-know"] ?? ""
            narrative.howWeKnow = narratives["how-we-know"] ?? ""
            narrative.whatWeDo = narratives["what-we-do"] ?? ""
            (narrative.writtenBy, narrative.writtenAt) = (person, Date())
            try await narrative.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .selfEvaluation, recordID: month.description, detail: "narrative saved", by: actor, on: db)
        }
    }

    /// Over the 12 months to a month's end: programmes drawn, vignettes whose grades were agreed, and learning actions
    /// added that serve an improvement plan action.
    package static func counts(to month: ReportMonth, on db: any Database) async throws -> (programmes: Int, calibrations: Int, linkedToPlan: Int) {
        let (start, end) = (month.adding(-11).first, month.last)
        let programmes = try await AuditProgramme.query(on: db).filter(\.$drawnOn >= start.description).filter(\.$drawnOn <= end.description).count()
        let calibrations = try await CalibrationExercise.query(on: db).filter(\.$agreedAt >= start.start).filter(\.$agreedAt < end.nextDay.start)
            .count()
        let linked = try await LearningAction.query(on: db).filter(\.$createdAt >= start.start).filter(\.$createdAt < end.nextDay.start)
            .filter(\.$planActionID != nil).count()
        return (programmes, calibrations, linked)
    }
}
