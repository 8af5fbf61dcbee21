import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("Partner systems' API tokens", .serialized)
struct APITokenTests {
    /// Issues a token through the admin page, as an administrator does, and reads it off the page.
    static func issue(_ app: Application, name: String, organisation: String, indicators: [String]) async throws -> String {
        let admin = try await app.signIn(as: .systemAdmin)
        let organisationID = try await Organisation.query(on: app.db).filter(\.$name == organisation).first()!.requireID()
        var token = ""
        try await app.testing().test(
            .POST, "/admin/api-tokens", headers: HTTPHeaders.form().merging(admin.headers),
            body: formBody(
                [("csrfToken", admin.csrfToken), ("name", name), ("organisationID", organisationID.uuidString)]
                    + indicators.map { ("indicators[]", $0) })
        ) { res in
            #expect(res.status == .ok)
            let body = res.body.string
            let start = try #require(body.range(of: "<code id=\"issued-token\">"))
            token = String(body[start.upperBound...].prefix { $0 != "<" })
        }
        return token
    }

    static func send(_ app: Application, token: String?, code: String, json: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let token { headers.bearerAuthorization = .init(token: token) }
        var response: TestingHTTPResponse?
        try await app.testing().test(.POST, "/api/v1/indicators/\(code)/values", headers: headers, body: ByteBuffer(string: json)) { response = $0 }
        return response!
    }

    @Test("A token sends values for its own indicators only; mistakes change nothing; a revoked token is refused", arguments: TestDatabase.available)
    func partnerSystemSendsValues(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let token = try await Self.issue(app, name: "Youth Service case system", organisation: "Barnet Homes", indicators: ["neet-16-17"])
            #expect(token.count >= 40)
            // Only a fingerprint is kept.
            #expect(try await APIToken.query(on: app.db).first()?.tokenHash == SessionStore.hash(token))

            let accepted = try await Self.send(
                app, token: token, code: "neet-16-17",
                json: #"{"values": [{"area": "Barnet", "period": "2019", "value": 2.1, "count": 120, "denominator": 5714, "status": null}]}"#)
            #expect(accepted.status == .ok)
            #expect(accepted.body.string.contains(#""added":1"#))
            let stored = try await IndicatorValuesStore.snapshot(codes: ["neet-16-17"], on: app.db).stored
            #expect(
                stored.values[.init(indicator: "neet-16-17", area: "Barnet", period: "2019")]
                    == .init(
                        value: 2.1, count: 120, denominator: 5714, status: .provisional, source: "Sent by Youth Service case system (Barnet Homes)"))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$recordType == "indicator").all()
            #expect(audit.map(\.username) == ["API token \"Youth Service case system\" (Barnet Homes)"])

            // Mistakes are listed by item and field, and nothing is saved.
            let refused = try await Self.send(
                app, token: token, code: "neet-16-17",
                json:
                    #"{"values": [{"area": "Barnet", "period": "2020", "value": 2}, {"area": "Barnet", "period": "2021", "value": "12,5", "colour": "red"}]}"#
            )
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"values[1].colour: not a field of a value"#))
            let again = try await Self.send(
                app, token: token, code: "neet-16-17",
                json: #"{"values": [{"area": "Barnet", "period": "2020", "value": 2}, {"area": "Barnet", "period": "2021", "value": "12,5"}]}"#)
            #expect(again.body.string.contains(#"values[1].value: \"12,5\" is not a number"#))
            #expect(try await IndicatorValuesStore.snapshot(codes: ["neet-16-17"], on: app.db).stored.values.count == stored.values.count)

            // A comparator's figures are the council's to enter, never a partner system's: refused, nothing saved.
            let comparator = try await Self.send(
                app, token: token, code: "neet-16-17",
                json: #"{"values": [{"area": "England", "period": "2019", "value": 2.4}]}"#)
            #expect(comparator.status == .unprocessableEntity)
            #expect(
                comparator.body.string.contains(
                    #"values[0].area: \"England\" is a comparator: a partner system sends only the borough's own figures"#))
            #expect(try await IndicatorValuesStore.snapshot(codes: ["neet-16-17"], on: app.db).stored.values.count == stored.values.count)

            // Another indicator, no token, a made-up token: refused.
            #expect(try await Self.send(app, token: token, code: "low-income-families", json: #"{"values": []}"#).status == .forbidden)
            #expect(try await Self.send(app, token: nil, code: "neet-16-17", json: #"{"values": []}"#).status == .unauthorized)
            #expect(try await Self.send(app, token: "made-up", code: "neet-16-17", json: #"{"values": []}"#).status == .unauthorized)

            // Revoked: refused from then on.
            let admin = try await app.signIn(as: .systemAdmin)
            let id = try await APIToken.query(on: app.db).first()!.requireID()
            try await app.testing().test(
                .POST, "/admin/api-tokens/\(id)/revoke", headers: HTTPHeaders.form().merging(admin.headers),
                body: formBody([("csrfToken", admin.csrfToken)])
            ) { res in
                #expect(res.status == .seeOther)
            }
            #expect(
                try await Self.send(app, token: token, code: "neet-16-17", json: #"{"values": [{"area": "Barnet", "period": "2019", "value": 2.1}]}"#)
                    .status == .unauthorized)
        }
    }

    @Test("Issuing a token needs a name, an organisation and at least one indicator")
    func issueFormMistakes() async throws {
        try await withApp(on: .sqlite) { app in
            _ = try await app.loadBarnetPlan()
            let admin = try await app.signIn(as: .systemAdmin)
            try await app.testing().test(
                .POST, "/admin/api-tokens", headers: HTTPHeaders.form().merging(admin.headers),
                body: formBody([("csrfToken", admin.csrfToken), ("name", " ")])
            ) { res in
                #expect(res.status == .unprocessableEntity)
                let body = res.body.string
                #expect(body.contains("Enter what the system is"))
                #expect(body.contains("Choose the organisation the token is for"))
                #expect(body.contains("Choose at least one indicator it may send values for"))
            }
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }
}
