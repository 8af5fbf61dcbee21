import FluentKit
import Foundation

/// A calibration exercise: an anonymised vignette every auditor grades with one published instrument, and, once the
/// QA lead records them, the grades the team agreed.
package final class CalibrationExercise: Model, @unchecked Sendable {
    package static let schema = "calibration_exercises"

    @ID(key: .id) package var id: UUID?
    @Field(key: "title") package var title: String
    /// The made-up case, as the QA lead wrote it.
    @Field(key: "vignette") package var vignette: String
    /// The instrument version graded with, kept whole as a programme keeps it.
    @Field(key: "instrument") package var instrument: String
    /// yyyy-mm-dd: the last day auditors grade it.
    @Field(key: "closes_on") package var closesOn: String
    @Field(key: "created_by") package var createdBy: String
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "agreed_by") package var agreedBy: String?
    @OptionalField(key: "agreed_at") package var agreedAt: Date?

    package init() {}
}

/// One grade on a vignette: an auditor's own (`grader` them), or one of the agreed grades (`grader` nil).
package final class CalibrationGrade: Model, @unchecked Sendable {
    package static let schema = "calibration_grades"

    @ID(key: .id) package var id: UUID?
    @Field(key: "exercise_id") package var exerciseID: UUID
    @OptionalField(key: "grader_id") package var graderID: UUID?
    /// A domain's id, or `overall`.
    @Field(key: "domain") package var domain: String
    @Field(key: "grade") package var grade: Int
    @Field(key: "given_at") package var givenAt: Date

    package init() {}
}
