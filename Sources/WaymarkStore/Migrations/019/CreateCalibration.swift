import FluentKit
import SQLKit

/// Calibration: vignettes every auditor grades, and the grades the team agreed (`grader_id` null).
package struct CreateCalibration: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(CalibrationExercise.schema)
            .id()
            .field("title", .string, .required)
            .field("vignette", .string, .required)
            .field("instrument", .string, .required)
            .field("closes_on", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("agreed_by", .string)
            .field("agreed_at", .datetime)
            .create()
        try await database.schema(CalibrationGrade.schema)
            .id()
            .field("exercise_id", .uuid, .required, .references(CalibrationExercise.schema, .id, onDelete: .cascade))
            .field("grader_id", .uuid, .references(User.schema, .id))
            .field("domain", .string, .required)
            .field("grade", .int, .required)
            .field("given_at", .datetime, .required)
            .unique(on: "exercise_id", "grader_id", "domain")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "calibration_grades_exercise").on(CalibrationGrade.schema).column("exercise_id").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(CalibrationGrade.schema).delete()
        try await database.schema(CalibrationExercise.schema).delete()
    }
}
