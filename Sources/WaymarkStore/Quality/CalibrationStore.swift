import FluentKit
import Foundation
import WaymarkDomain

/// Calibration exercises: issued by a QA lead, graded once by each auditor until they close or the grades are agreed,
/// and the agreed grades recorded once. One auditor's grades are read back only for that auditor; others read the
/// grades together, without whose they are.
package enum CalibrationStore {
    package static func issue(
        title: String, vignette: String, instrument: String, closesOn: ISODay, by person: String, actor: AuditTrail.Actor, at now: Date = Date(),
        on db: any Database
    ) async throws -> UUID {
        try await db.transaction { db in
            let exercise = CalibrationExercise()
            (exercise.title, exercise.vignette, exercise.instrument) = (title, vignette, instrument)
            (exercise.closesOn, exercise.createdBy, exercise.createdAt) = (closesOn.description, person, now)
            try await exercise.create(on: db)
            let id = try exercise.requireID()
            try await AuditTrail.record(.create, recordType: .calibration, recordID: id.uuidString, detail: title, by: actor, on: db, at: now)
            return id
        }
    }

    /// Every exercise, newest first.
    package static func exercises(on db: any Database) async throws -> [CalibrationExercise] {
        try await CalibrationExercise.query(on: db).sort(\.$createdAt, .descending).all()
    }

    package static func exercise(_ id: UUID, on db: any Database) async throws -> CalibrationExercise? {
        try await CalibrationExercise.find(id, on: db)
    }

    /// One auditor's grades on an exercise (empty until they grade it).
    package static func grades(of exerciseID: UUID, by graderID: UUID, on db: any Database) async throws -> [String: Int] {
        let rows = try await CalibrationGrade.query(on: db).filter(\.$exerciseID == exerciseID).filter(\.$graderID == graderID).all()
        return Dictionary(rows.map { ($0.domain, $0.grade) }, uniquingKeysWith: { first, _ in first })
    }

    /// The grades agreed, once recorded.
    package static func agreedGrades(of exerciseID: UUID, on db: any Database) async throws -> [String: Int]? {
        let rows = try await CalibrationGrade.query(on: db).filter(\.$exerciseID == exerciseID).filter(\.$graderID == nil).all()
        return rows.isEmpty ? nil : Dictionary(rows.map { ($0.domain, $0.grade) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every auditor's grades on an exercise, each auditor's a dictionary, in no order and with no names.
    package static func everyonesGrades(of exerciseID: UUID, on db: any Database) async throws -> [[String: Int]] {
        let rows = try await CalibrationGrade.query(on: db).filter(\.$exerciseID == exerciseID).filter(\.$graderID != nil).all()
        return Dictionary(grouping: rows, by: { $0.graderID! }).values.map { grades in
            Dictionary(grades.map { ($0.domain, $0.grade) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// How many auditors have graded each exercise, by exercise; and which the person has graded.
    package static func graded(on db: any Database, by graderID: UUID) async throws -> (counts: [UUID: Int], mine: Set<UUID>) {
        let rows = try await CalibrationGrade.query(on: db).filter(\.$graderID != nil).field(\.$exerciseID).field(\.$graderID).all()
        var graders: [UUID: Set<UUID>] = [:]
        for row in rows { graders[row.exerciseID, default: []].insert(row.graderID!) }
        return (graders.mapValues(\.count), Set(graders.filter { $0.value.contains(graderID) }.keys))
    }

    /// Keeps an auditor's grades. Refused, nothing kept, once they have graded it, once it has closed, or once the
    /// grades are agreed (the answer is out).
    package static func grade(
        _ exerciseID: UUID, grades: [String: Int], by grader: UUID, today: ISODay, actor: AuditTrail.Actor, at now: Date = Date(), on db: any Database
    ) async throws {
        try await db.transaction { db in
            guard let exercise = try await CalibrationExercise.find(exerciseID, on: db) else {
                throw CaseAuditStore.Refused(message: "This vignette is no longer kept.")
            }
            guard exercise.agreedAt == nil else {
                throw CaseAuditStore.Refused(message: "The grades for this vignette have been agreed: it is closed.")
            }
            guard today.description <= exercise.closesOn else {
                throw CaseAuditStore.Refused(message: "This vignette closed on \(ISODay.written(exercise.closesOn)).")
            }
            guard try await CalibrationGrade.query(on: db).filter(\.$exerciseID == exerciseID).filter(\.$graderID == grader).count() == 0 else {
                throw CaseAuditStore.Refused(message: "You have graded this vignette already.")
            }
            try await keep(grades, exerciseID, grader: grader, at: now, on: db)
            try await AuditTrail.record(
                .update, recordType: .calibration, recordID: exerciseID.uuidString, detail: "graded", by: actor, on: db, at: now)
        }
    }

    /// Records the grades the team agreed, once.
    package static func agree(
        _ exerciseID: UUID, grades: [String: Int], by person: String, actor: AuditTrail.Actor, at now: Date = Date(), on db: any Database
    ) async throws {
        try await db.transaction { db in
            guard let exercise = try await CalibrationExercise.find(exerciseID, on: db) else {
                throw CaseAuditStore.Refused(message: "This vignette is no longer kept.")
            }
            guard exercise.agreedAt == nil else { throw CaseAuditStore.Refused(message: "The grades for this vignette have been agreed already.") }
            try await keep(grades, exerciseID, grader: nil, at: now, on: db)
            (exercise.agreedBy, exercise.agreedAt) = (person, now)
            try await exercise.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .calibration, recordID: exerciseID.uuidString, detail: "grades agreed", by: actor, on: db, at: now)
        }
    }

    private static func keep(_ grades: [String: Int], _ exerciseID: UUID, grader: UUID?, at now: Date, on db: any Database) async throws {
        for (domain, grade) in grades.sorted(by: { $0.key < $1.key }) {
            let row = CalibrationGrade()
            (row.exerciseID, row.graderID, row.domain, row.grade, row.givenAt) = (exerciseID, grader, domain, grade, now)
            try await row.create(on: db)
        }
    }
}
