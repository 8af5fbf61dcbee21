import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkQualityArea
@testable import WaymarkStore

@Suite("The self-evaluation pack: the records under Ofsted's three questions, and the narrative leaders write", .serialized)
struct SelfEvaluationFlowTests {
    typealias Send = AuditInstrumentVersionTests

    @Test(
        "Figures worked by hand from one audit; a narrative too long refused, nothing saved; saved, it is read by all",
        arguments: TestDatabase.available)
    func pack(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            try await CaseAuditTests.loadChildren(app)
            // One audit submitted today, requires improvement overall, with its planning contingency partly met.
            let submitted = try await CaseAuditTests.submittedAudit(app)
            let month = ReportMonth(ISODay.today).description
            let path = "/quality/self-evaluation?month=\(month)"
            var page = try await Send.get(app, path, as: submitted.auditor)
            var body = page.body.string
            #expect(page.status == .ok)
            // 0 of 1 good or better: Wilson's upper bound z² / (1 + z²) = 3.8416 / 4.8416 = 79%.
            #expect(body.contains("1 audit done in the 12 months; good or better overall: 0 of 1 (0%, 95% interval 0% to 79%)."))
            #expect(body.contains("Direction of travel: good or better in the first three months none done; in the last three 0 of 1"))
            #expect(
                body.contains("Audits most often found missing: &quot;There is a contingency plan")
                    || body.contains("Audits most often found missing: \"There is a contingency plan"))
            #expect(body.contains("1 audit programme drew seeded, stratified random samples of children"))
            #expect(body.contains("0 of the 1 audits were graded again by a second auditor"))
            #expect(body.contains("1 learning action added from audits") == false && body.contains("0 learning actions added from audits"))
            #expect(body.contains("Not written yet.") && !body.contains("Save the narrative"), "an auditor reads it; leaders write it")

            // The QA lead writes it: a narrative too long is refused and nothing is saved; then it is saved.
            let fields = [
                ("month", month), ("what-we-know", "Most audits find practice that requires improvement.\n\nPlanning is weakest."),
                ("how-we-know", String(repeating: "x", count: 10_001)), ("what-we-do", "Contingency planning training for every team."),
            ]
            var res = try await Send.post(app, "/quality/self-evaluation", as: submitted.lead, fields)
            #expect(res.status == .unprocessableEntity && res.body.string.contains("must be 10000 characters or fewer"))
            #expect(res.body.string.contains("Planning is weakest."), "what was typed is kept on the page")
            #expect(try await SelfEvaluationNarrative.query(on: app.db).count() == 0)
            res = try await Send.post(
                app, "/quality/self-evaluation", as: submitted.lead,
                fields.map { $0.0 == "how-we-know" ? ($0.0, "Monthly audits, double-locked.") : $0 })
            #expect(res.status == .seeOther && Send.location(res) == "/quality/self-evaluation?month=\(month)&notice=self-evaluation-saved")
            page = try await Send.get(app, path, as: submitted.auditor)
            body = page.body.string
            #expect(body.contains("<p>Most audits find practice that requires improvement.</p>") && body.contains("<p>Planning is weakest.</p>"))
            #expect(body.contains("The narrative was last written by Test Quality assurance lead on"))
            // A month not offered is refused.
            #expect(try await Send.post(app, "/quality/self-evaluation", as: submitted.lead, [("month", "1999-01")]).status == .badRequest)
            let trail = try await AuditEvent.query(on: app.db).filter(\.$recordType == "self-evaluation").all()
            #expect(trail.map(\.detail) == ["narrative saved"] && trail.map(\.recordID) == [month])
        }
    }
}
