import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkQualityArea
@testable import WaymarkStore

@Suite("Audit instruments kept in Waymark: drafted, checked whole, published, never changed after", .serialized)
struct AuditInstrumentVersionTests {
    static func location(_ res: TestingHTTPResponse) -> String { res.headers.first(name: .location) ?? "" }

    static func post(_ app: Application, _ path: String, as user: SignedInUser, _ fields: [(String, String)] = []) async throws -> TestingHTTPResponse
    {
        try await post(app, path, as: user, body: formBody([("csrfToken", user.csrfToken)] + fields))
    }

    static func post(_ app: Application, _ path: String, as user: SignedInUser, body: ByteBuffer) async throws -> TestingHTTPResponse {
        var response: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: HTTPHeaders.form().merging(user.headers), body: body) { res in response = res }
        return try #require(response)
    }

    static func get(_ app: Application, _ path: String, as user: SignedInUser) async throws -> TestingHTTPResponse {
        var response: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: user.headers) { res in response = res }
        return try #require(response)
    }

    /// The id a redirect to a version's page names.
    static func versionID(_ res: TestingHTTPResponse) throws -> UUID {
        let location = location(res)
        #expect(res.status == .seeOther && location.hasPrefix("/quality/instruments/"))
        return try #require(UUID(uuidString: String(location.dropFirst("/quality/instruments/".count).prefix(36))))
    }

    @Test(
        "A QA lead starts a draft from the default, edits it (a file with mistakes refused whole, nothing saved), publishes it; it never changes after, and the next version must be numbered above it",
        arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let lead = try await app.signIn(as: .qaLead)
            let auditor = try await app.signIn(as: .qaAuditor)
            // Before any is kept: the default Waymark ships, to start from; no programme can be set up yet.
            var page = try await Self.get(app, "/quality/instruments", as: lead)
            #expect(page.body.string.contains("The default Waymark ships") && page.body.string.contains("Start a draft from the default"))
            #expect(try await Self.get(app, "/quality/instruments", as: auditor).body.string.contains("Start a draft") == false)
            page = try await Self.get(app, "/quality/programmes/new", as: lead)
            #expect(page.body.string.contains("No audit instrument is published yet"))

            let first = try Self.versionID(try await Self.post(app, "/quality/instruments", as: lead, [("from", "default")]))
            var kept = try #require(try await AuditInstrumentStore.version(first, on: app.db))
            #expect(kept.state == .draft && kept.version == 1 && kept.text == AuditInstruments.caseFileAuditText)
            page = try await Self.get(app, "/quality/instruments/\(first)", as: lead)
            #expect(
                page.body.string.contains("What it changes from the default Waymark ships") && page.body.string.contains("Nothing an auditor sees."))

            // A file with mistakes: refused whole, each mistake with its path, the file as typed kept on the page, nothing saved.
            let broken = AuditInstruments.caseFileAuditText
                .replacingOccurrences(of: "title: Quality of assessment", with: "title: \"\"")
                .replacingOccurrences(of: "acceptable: Requires improvement to be good", with: "acceptable: Fine")
            var res = try await Self.post(app, "/quality/instruments/\(first)", as: lead, [("text", broken)])
            #expect(res.status == .unprocessableEntity)
            #expect(
                res.body.string.contains("scale.acceptable: &quot;Fine&quot; is not one of the grades")
                    || res.body.string.contains("scale.acceptable: \"Fine\""))
            #expect(res.body.string.contains("domains[0].title: is empty") && res.body.string.contains("acceptable: Fine"))
            res = try await Self.post(app, "/quality/instruments/\(first)", as: lead, [("text", "format: [")])
            #expect(res.status == .unprocessableEntity && res.body.string.contains("The draft was not saved"))
            kept = try #require(try await AuditInstrumentStore.version(first, on: app.db))
            #expect(kept.text == AuditInstruments.caseFileAuditText)

            // A sound edit is saved, and the page says what it changes.
            let edited = AuditInstruments.caseFileAuditText.replacingOccurrences(
                of: "  - What difference has our work made to the child's daily life?",
                with: "  - What difference has our work made to the child's daily life?\n  - What would the child say about our help?")
            res = try await Self.post(app, "/quality/instruments/\(first)", as: lead, [("text", edited)])
            #expect(res.status == .seeOther && Self.location(res).hasSuffix("?notice=instrument-draft-saved"))
            page = try await Self.get(app, "/quality/instruments/\(first)", as: lead)
            #expect(page.body.string.contains("The questions asked first are changed."))

            // Published: it never changes, and is never thrown away.
            res = try await Self.post(app, "/quality/instruments/\(first)/publish", as: lead)
            #expect(res.status == .seeOther && Self.location(res).hasSuffix("?notice=instrument-published"))
            kept = try #require(try await AuditInstrumentStore.version(first, on: app.db))
            #expect(kept.state == .published && kept.publishedBy == "Test \(Role.qaLead.displayName)" && kept.text == edited)
            res = try await Self.post(app, "/quality/instruments/\(first)", as: lead, [("text", AuditInstruments.caseFileAuditText)])
            #expect(res.status == .conflict)
            #expect(try await Self.post(app, "/quality/instruments/\(first)/discard", as: lead).status == .conflict)
            #expect(try await Self.post(app, "/quality/instruments/\(first)/publish", as: lead).status == .conflict)
            #expect(try #require(try await AuditInstrumentStore.version(first, on: app.db)).text == edited)
            // Auditors read it; only those who manage audits change it.
            page = try await Self.get(app, "/quality/instruments/\(first)", as: auditor)
            #expect(page.status == .ok && page.body.string.contains("What would the child say about our help?"))
            #expect(!page.body.string.contains("Start version 2"))
            #expect(try await Self.post(app, "/quality/instruments", as: auditor, [("from", first.uuidString)]).status == .forbidden)

            // The next version starts from it, numbered 2; numbered 1 again, it is refused and nothing is saved.
            #expect(try await Self.get(app, "/quality/instruments/\(first)", as: lead).body.string.contains("Start version 2"))
            let second = try Self.versionID(try await Self.post(app, "/quality/instruments", as: lead, [("from", first.uuidString)]))
            let draft = try #require(try await AuditInstrumentStore.version(second, on: app.db))
            #expect(draft.version == 2 && draft.state == .draft && draft.text == AuditInstrument.text(edited, withVersion: 2))
            res = try await Self.post(app, "/quality/instruments/\(second)", as: lead, [("text", edited)])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("version: Version 1 of Case file audit is published already: give this one another number."))
            #expect(try #require(try await AuditInstrumentStore.version(second, on: app.db)).version == 2)

            // Its file, as written, to keep or check elsewhere.
            page = try await Self.get(app, "/quality/instruments/\(first)/instrument.yaml", as: auditor)
            #expect(page.headers.first(name: .contentDisposition) == "attachment; filename=\"case-file-audit-version-1.yaml\"")
            #expect(page.body.string == edited)

            // A draft thrown away is gone; the published version stays.
            res = try await Self.post(app, "/quality/instruments/\(second)/discard", as: lead)
            #expect(res.status == .seeOther && Self.location(res).hasSuffix("/quality/instruments?notice=instrument-draft-discarded"))
            #expect(try await AuditInstrumentStore.versions(on: app.db).map(\.version) == [1])

            let trail = try await AuditEvent.query(on: app.db).filter(\.$recordType == "audit-instrument").sort(\.$occurredAt).all()
            #expect(
                trail.map { "\($0.action) \($0.detail ?? "")" } == [
                    "create draft of Case file audit, version 1", "update draft of Case file audit, version 1 saved",
                    "update Case file audit, version 1 published", "create draft of Case file audit, version 2",
                    "delete draft of Case file audit, version 2 discarded",
                ])
        }
    }

    @Test("A programme audits with the published version chosen, and keeps its text; one not published is refused", arguments: TestDatabase.available)
    func programmeChoosesAVersion(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            try await CaseAuditTests.loadChildren(app)
            let lead = try await app.signIn(as: .qaLead)
            _ = try await app.signIn(as: .qaAuditor)
            let first = try await CaseAuditTests.publishedDefault(app)
            let second = try await AuditInstrumentStore.startDraft(
                name: "Case file audit", version: 2, text: try #require(AuditInstrument.text(AuditInstruments.caseFileAuditText, withVersion: 2)),
                by: "Quinn Lead", actor: .system, on: app.db)
            // A draft is not offered, and not taken.
            var page = try await Self.get(app, "/quality/programmes/new", as: lead)
            #expect(page.body.string.contains("Case file audit, version 1 (published") && !page.body.string.contains("version 2"))
            var res = try await Self.post(
                app, "/quality/programmes", as: lead, body: CaseAuditTests.programmeForm(lead.csrfToken, instrument: second))
            #expect(res.status == .unprocessableEntity && res.body.string.contains("Choose a published instrument for the audits to use"))
            #expect(try await AuditProgramme.query(on: app.db).count() == 0)

            try await AuditInstrumentStore.publish(second, by: "Quinn Lead", actor: .system, on: app.db)
            page = try await Self.get(app, "/quality/programmes/new", as: lead)
            let body = page.body.string
            let (newest, older) = (try #require(body.range(of: "version 2 (published")), try #require(body.range(of: "version 1 (published")))
            #expect(newest.lowerBound < older.lowerBound, "the newest version is offered first, and chosen unless another is")
            res = try await Self.post(app, "/quality/programmes", as: lead, body: CaseAuditTests.programmeForm(lead.csrfToken, instrument: first))
            #expect(res.status == .seeOther)
            let programme = try #require(try await AuditProgramme.query(on: app.db).first())
            let kept = try #require(try await AuditInstrumentStore.version(first, on: app.db))
            #expect(programme.instrumentVersion == 1 && programme.instrument == kept.text)
        }
    }
}
