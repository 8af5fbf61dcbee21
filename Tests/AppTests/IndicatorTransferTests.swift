import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain
import WaymarkSpreadsheet

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("Indicator values as files", .serialized)
struct IndicatorTransferTests {
    /// Posts a file to an upload page (the indicator values', unless another) as a browser does: multipart/form-data
    /// with the CSRF token.
    static func upload(
        _ app: Application, as user: SignedInUser, fileName: String, data: Data, to path: String = "/measures/upload"
    ) async throws -> TestingHTTPResponse {
        let boundary = "----waymark-test-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n\(user.csrfToken)\r\n")
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = user.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var response: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: body) { response = $0 }
        return response!
    }

    static func download(_ app: Application, as user: SignedInUser, _ path: String) async throws -> Data {
        var data = Data()
        try await app.testing().test(.GET, path, headers: user.headers) { res in
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=") == true)
            data = Data(buffer: res.body)
        }
        return data
    }

    /// Every stored value, target and commentary, as the values table, for comparing before and after.
    static func everything(_ app: Application) async throws -> [[String]] {
        let codes = Set(try await Indicator.query(on: app.db).all().map(\.code))
        return try await IndicatorValuesStore.snapshot(codes: codes, on: app.db).table()
    }

    @Test("An indicator downloaded as CSV or Excel uploads back with no change", arguments: TestDatabase.available)
    func roundTrip(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let manager = try await app.signIn(as: .teamManager)
            let before = try await Self.everything(app)
            // This indicator's borough value is red against its target with no commentary: unchanged, it is accepted.
            for (format, code) in [("csv", "good-outstanding-school-places"), ("xlsx", "low-income-families")] {
                let file = try await Self.download(app, as: manager, "/measures/\(code)/values.\(format)")
                let response = try await Self.upload(app, as: manager, fileName: "\(code)-values.\(format)", data: file)
                #expect(response.status == .ok)
                #expect(response.body.string.contains("0 values added, 0 changed,"))
            }
            #expect(try await Self.everything(app) == before)
            // Downloads are in the audit trail; an upload that changed nothing writes no change line.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "export").count() == 2)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "import").filter(\.$recordType == "indicator").count() == 0)
            let csv = String(
                decoding: try await Self.download(app, as: manager, "/measures/good-outstanding-school-places/values.csv"), as: UTF8.self)
            #expect(
                csv.hasPrefix(
                    "indicator,area,period,value,count,denominator,lower,upper,status,source,target,target_origin,story_behind_the_curve,partners,what_works,action_plan\r\n"
                ))
            #expect(
                csv.contains(
                    "good-outstanding-school-places,Barnet,2018-08-31,94,,,,,final,Children and Young People's Plan 2019–2023,100,plan,,,,\r\n"))
        }
    }

    @Test("No file chosen says so, without naming a file that was never given", arguments: TestDatabase.available)
    func noFile(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let manager = try await app.signIn(as: .teamManager)
            let response = try await Self.upload(app, as: manager, fileName: "", data: Data())
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Nothing was uploaded or changed") && !response.body.string.contains("The upload was not uploaded"))
            #expect(response.body.string.contains("no file was chosen; choose a CSV or Excel file"))
        }
    }

    @Test("A file with any wrong row changes nothing and lists each mistake by row and column", arguments: TestDatabase.available)
    func badRowsChangeNothing(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let manager = try await app.signIn(as: .teamManager)
            let before = try await Self.everything(app)
            let file = CSVFile.data([
                ["indicator", "area", "period", "value"],
                ["neet-16-17", "Barnet", "2018", "2.1"], // right, but not saved because of the rows below
                ["neet-16-17", "Barnet", "2019", "12,5"],
                ["neet-16-17", "England", "2019", "140"],
                ["neet-16-17", "Barnet", "2019-13", "2"],
            ])
            let response = try await Self.upload(app, as: manager, fileName: "neet.csv", data: file)
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            #expect(body.contains("neet.csv was not uploaded; nothing was changed"))
            #expect(
                body.contains("row 3, column &quot;value&quot;: &quot;12,5&quot; is not a number")
                    || body.contains("row 3, column \"value\": \"12,5\" is not a number"))
            #expect(body.contains("row 4, column") && body.contains("140 is not a percentage from 0 to 100"))
            #expect(body.contains("is not a calendar year that exists"))
            #expect(try await Self.everything(app) == before)

            // Not a table at all: a UTF-16 file is refused with how to save it.
            let utf16 = try await Self.upload(
                app, as: manager, fileName: "values.csv", data: Data([0xFF, 0xFE]) + "indicator\n".data(using: .utf16LittleEndian)!)
            #expect(utf16.status == .unprocessableEntity)
            #expect(utf16.body.string.contains("Save it as"))
        }
    }

    @Test("An upload adds and changes values, needs commentary for a new red value, and is audited per indicator", arguments: TestDatabase.available)
    func uploadChanges(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let manager = try await app.signIn(as: .teamManager)
            // NEET, low is good: 3.5% against a 2% target is red.
            let header = ["indicator", "area", "period", "value", "target", "target_origin", "story_behind_the_curve", "action_plan"]
            let red = CSVFile.data([
                header, ["neet-16-17", "Barnet", "2018", "3.5", "2", "local", "", ""], ["neet-16-17", "England", "2018", "2.6", "", "", "", ""],
            ])
            let refused = try await Self.upload(
                app, as: manager, fileName: "neet.xlsx",
                data: try Workbook(sheets: [
                    .init(name: "Values", rows: try CSVFile.rows(of: red).map { $0.cells.map(Workbook.Cell.text) })
                ]).data())
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("row 2, column") && refused.body.string.contains("3.5 is red against the target of 2"))

            let withCommentary = CSVFile.data([
                header, ["neet-16-17", "Barnet", "2018", "3.5", "2", "local", "More left college early.", "Follow-up within two weeks."],
                ["neet-16-17", "England", "2018", "2.6", "", "", "", ""], ["neet-16-17", "England", "2017", "2.7", "", "", "", ""],
            ])
            let accepted = try await Self.upload(app, as: manager, fileName: "neet.csv", data: withCommentary)
            #expect(accepted.status == .ok)
            #expect(accepted.body.string.contains("2 values added, 1 changed, 0 unchanged; 1 target and 1 commentary saved"))
            let stored = try await IndicatorValuesStore.snapshot(codes: ["neet-16-17"], on: app.db).stored
            #expect(
                stored.values[.init(indicator: "neet-16-17", area: "Barnet", period: "2018")]?.source == "Uploaded by Test Team manager from neet.csv"
            )
            #expect(stored.commentaries[.init(indicator: "neet-16-17", period: "2018")]?.story == "More left college early.")
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "import").filter(\.$recordType == "indicator").all()
            #expect(audit.map(\.recordID) == ["neet-16-17"])
            // The same file again changes nothing.
            let again = try await Self.upload(app, as: manager, fileName: "neet.csv", data: withCommentary)
            #expect(again.body.string.contains("0 values added, 0 changed, 3 unchanged"))
        }
    }

    @Test("The templates: a CSV header row, and a workbook whose first sheet has the columns and whose other sheets guide")
    func templates() async throws {
        try await withApp(on: .sqlite) { app in
            _ = try await app.loadBarnetPlan()
            let reader = try await app.signIn(as: .readOnly)
            let csv = try await Self.download(app, as: reader, "/measures/template.csv")
            #expect(try CSVFile.rows(of: csv).map(\.cells) == [IndicatorValuesSheet.Column.allCases.map(\.rawValue)])
            let xlsx = try await Self.download(app, as: reader, "/measures/template.xlsx")
            #expect(try WorkbookReader.firstSheet(of: xlsx).map(\.cells) == [IndicatorValuesSheet.Column.allCases.map(\.rawValue)])
        }
    }
}
