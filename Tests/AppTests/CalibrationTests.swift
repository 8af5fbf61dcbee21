import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkQualityArea
@testable import WaymarkStore

@Suite("Calibration: a vignette issued, graded by each auditor alone, the agreed grades recorded, each auditor's distance private", .serialized)
struct CalibrationFlowTests {
    typealias Send = AuditInstrumentVersionTests

    /// Every grade of the default instrument: `grades` for the first domains in order, `fill` for the rest and overall.
    static func grades(_ given: [Int], fill: Int, prefix: String = "") -> [(String, String)] {
        let ids = AuditInstruments.caseFileAudit.domains.map(\.id) + ["overall"]
        return ids.enumerated().map { index, id in (Calibration.field(id, prefix: prefix), String(index < given.count ? given[index] : fill)) }
    }

    @Test("Issued, graded, agreed and compared; every refusal leaves nothing changed", arguments: TestDatabase.available)
    func flow(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let lead = try await app.signIn(as: .qaLead)
            let (first, second, late) = (
                try await app.signIn(as: .qaAuditor), try await app.signIn(as: .qaAuditor), try await app.signIn(as: .qaAuditor)
            )
            let instrument = try await CaseAuditTests.publishedDefault(app)
            let due = ISODay.today.adding(days: 7)
            let dueFields = [("closes-on-day", String(due.day)), ("closes-on-month", String(due.month)), ("closes-on-year", String(due.year))]

            // A form with mistakes: refused, each named, nothing kept.
            var res = try await Send.post(app, "/quality/calibration", as: lead, [("title", ""), ("vignette", "Child A is 9.")] + dueFields)
            #expect(res.status == .unprocessableEntity && res.body.string.contains("Enter the vignette"))
            #expect(res.body.string.contains("Choose a published instrument to grade it with"))
            #expect(try await CalibrationExercise.query(on: app.db).count() == 0)
            res = try await Send.post(
                app, "/quality/calibration", as: lead,
                [
                    ("title", "A child in need, six months on"), ("vignette", "Child A is 9.\n\nThe plan has no dates."),
                    ("instrument", instrument.uuidString),
                ]
                    + dueFields)
            #expect(res.status == .seeOther)
            let exercise = try #require(try await CalibrationExercise.query(on: app.db).first())
            let path = "/quality/calibration/\(try exercise.requireID().uuidString)"
            #expect(exercise.instrument == AuditInstruments.caseFileAuditText)

            // The first auditor forgets the overall grade: refused, nothing kept; then grades it: good everywhere but
            // planning inadequate. Once only.
            var page = try await Send.get(app, path, as: first)
            #expect(page.body.string.contains("<p>Child A is 9.</p>") && page.body.string.contains("<p>The plan has no dates.</p>"))
            res = try await Send.post(app, path, as: first, Array(Self.grades([1, 3], fill: 1).dropLast()))
            #expect(res.status == .unprocessableEntity && res.body.string.contains("Choose an overall grade"))
            #expect(try await CalibrationGrade.query(on: app.db).count() == 0)
            res = try await Send.post(app, path, as: first, Self.grades([1, 3], fill: 1))
            #expect(res.status == .seeOther && Send.location(res).hasSuffix("?notice=vignette-graded"))
            #expect(try await Send.post(app, path, as: first, Self.grades([2], fill: 2)).status == .conflict)
            #expect(try await CalibrationGrade.query(on: app.db).count() == 7)
            // The second auditor grades requires improvement everywhere.
            #expect(try await Send.post(app, path, as: second, Self.grades([], fill: 2)).status == .seeOther)

            // Each auditor sees only their own grades; the QA lead sees the spread, with no names.
            page = try await Send.get(app, path, as: first)
            #expect(page.body.string.contains("Your grades are in") && !page.body.string.contains("How the auditors graded it"))
            #expect(page.body.string.contains("Quality of planning: Inadequate"))
            page = try await Send.get(app, path, as: lead)
            let body = page.body.string
            #expect(body.contains("2 people have graded it") && body.contains("Record the agreed grades"))
            #expect(!body.contains(first.username) && !body.contains("Test Quality assurance auditor"))
            // Quality of planning: one inadequate, one requires improvement.
            #expect(
                body.contains(
                    "Quality of planning</th><td class=\"numeric\">0</td><td class=\"numeric\">0</td><td class=\"numeric\">1</td><td class=\"numeric\">1</td>"
                ))

            // The agreed grades: requires improvement everywhere, planning inadequate. Once only; then nobody grades it.
            res = try await Send.post(app, "\(path)/agreed", as: lead, Array(Self.grades([2, 3], fill: 2, prefix: "agreed-").dropFirst()))
            #expect(res.status == .unprocessableEntity && res.body.string.contains("Choose a grade for quality of assessment"))
            #expect(try await CalibrationStore.agreedGrades(of: exercise.requireID(), on: app.db) == nil)
            res = try await Send.post(app, "\(path)/agreed", as: lead, Self.grades([2, 3], fill: 2, prefix: "agreed-"))
            #expect(res.status == .seeOther && Send.location(res).hasSuffix("?notice=vignette-agreed"))
            #expect(try await Send.post(app, "\(path)/agreed", as: lead, Self.grades([1], fill: 1, prefix: "agreed-")).status == .conflict)
            #expect(try await Send.post(app, path, as: late, Self.grades([], fill: 2)).status == .conflict)

            // The first auditor: planning the same, the other six a grade more generous: 1 of 7 the same, 7 of 7 within one,
            // on average (6 × −1 + 0) / 7 = −0.86, written 0.9 of a grade more generously.
            page = try await Send.get(app, path, as: first)
            #expect(
                page.body.string.contains(
                    "You gave the agreed grade for 1 of 7, and were within one grade for 7 of 7. On average you graded 0.9 of a grade more generously than the team agreed."
                ))
            #expect(page.body.string.contains("<td>1 grade more generous</td>"))
            // The second: planning a grade more generous, the rest the same.
            page = try await Send.get(app, path, as: second)
            #expect(page.body.string.contains("You gave the agreed grade for 6 of 7, and were within one grade for 7 of 7."))
            page = try await Send.get(app, path, as: late)
            #expect(page.body.string.contains("You did not grade this vignette before it closed."))
            // The lists: the first auditor's shows where theirs stands; the lead's how many graded.
            #expect(try await Send.get(app, "/quality/calibration", as: first).body.string.contains("Agreed: see how far you were"))
            #expect(try await Send.get(app, "/quality/calibration", as: lead).body.string.contains("<td class=\"numeric\">2</td>"))

            let trail = try await AuditEvent.query(on: app.db).filter(\.$recordType == "calibration").sort(\.$occurredAt).all()
            #expect(
                trail.map { "\($0.action) \($0.detail ?? "")" } == [
                    "create A child in need, six months on", "update graded", "update graded", "update grades agreed",
                ])
        }
    }

    @Test("A vignette past its last day takes no grades", arguments: [TestDatabase.sqlite])
    func closed(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let auditor = try await app.signIn(as: .qaAuditor)
            let id = try await CalibrationStore.issue(
                title: "Closed", vignette: "Child C.", instrument: AuditInstruments.caseFileAuditText, closesOn: ISODay.today.adding(days: -1),
                by: "Quinn Lead", actor: .system, on: app.db)
            let path = "/quality/calibration/\(id.uuidString)"
            #expect(try await Send.get(app, path, as: auditor).body.string.contains("You did not grade this vignette before it closed."))
            #expect(try await Send.post(app, path, as: auditor, Self.grades([], fill: 1)).status == .conflict)
            #expect(try await CalibrationGrade.query(on: app.db).count() == 0)
        }
    }
}
