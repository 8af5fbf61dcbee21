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

@Suite("Checking returns through the browser", .serialized)
struct ReturnValidationTests {
    static let path = "/children/returns/validate"

    @Test(
        "A head of service checks the D2I fake CIN census and an SSDA903 set, sees the rules broken child by child, downloads the issues, and nothing is imported",
        arguments: TestDatabase.available)
    func check(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let head = try await app.signIn(as: .headOfService)
            let cin = try Data(contentsOf: ReturnImportTests.fixtures.appendingPathComponent("d2i-cin-fake/fake_CIN_data.xml"))
            let checked = try await ReturnUploadTests.upload(
                app, as: head, kind: "cin", year: "2026", files: [("fake_CIN_data.xml", cin)], to: Self.path)
            #expect(checked.status == .ok)
            let page = checked.body.string
            #expect(page.contains("CIN census 2025/26: what the rules found"))
            // GenderCurrent 0, 1, 2 and 9 are not 2025/26's codes: every one of the 332 children breaks 4180.
            #expect(page.contains("<td>4180</td><td>Error</td><td>332</td><td>332</td>"))
            #expect(page.contains("Child RND000215205141"))
            #expect(page.contains("ChildIdentifiers row 0 (Sex): 4180 Sex must be provided and equal M, F, or U (ERROR)"))
            #expect(try await Child.query(on: app.db).count() == 0)

            let csv = try await ReturnUploadTests.upload(
                app, as: head, kind: "cin", year: "2026", files: [("fake_CIN_data.xml", cin)], to: Self.path,
                fields: [("output", "csv")])
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            #expect(csv.headers.first(name: .contentDisposition) == "attachment; filename=\"cin-2025_26-issues.csv\"")
            #expect(csv.body.string.hasPrefix("child_id,table,row_id,rule_code\n"))
            #expect(csv.body.string.contains("RND000215205141,ChildIdentifiers,0,4180\n"))

            let ssda903 = try await ReturnUploadTests.upload(
                app, as: head, kind: "903", year: "2026", files: try ReturnImportTests.fake903(), to: Self.path)
            #expect(ssda903.status == .ok)
            #expect(ssda903.body.string.contains("SSDA903 2025/26: what the rules found"))
            #expect(ssda903.body.string.contains("Rules that did not run, and why"))

            // A file that cannot be read is said first, as an error, before what the rules found; with nothing
            // readable, nothing was checked (it said "No rule found anything").
            let png = try await ReturnUploadTests.upload(
                app, as: head, kind: "903", year: "2026", files: [("photo.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]))], to: Self.path)
            let refused = png.body.string
            #expect(refused.contains("What could not be read: the return was checked without it"))
            #expect(refused.contains("Nothing was checked"))
            #expect(!refused.contains("No rule found anything"))
            let said = try #require(refused.range(of: "photo.png"))
            #expect(said.lowerBound < (refused.range(of: "Nothing was checked")?.lowerBound ?? refused.startIndex))
            #expect(try await Child.query(on: app.db).count() == 0)

            // Each check is in the audit trail: what was checked, never whose records.
            let audited = try await AuditEvent.query(on: app.db).filter(\.$action == "validate").all()
            #expect(audited.count == 4)
            #expect(audited.allSatisfy { !($0.detail ?? "").contains("RND") && ($0.detail ?? "").contains("nothing imported") })
        }
    }

    @Test(
        "Given last year's SSDA903 too, the rules that compare the two years run: a child recorded as a girl this year was a boy last year",
        arguments: TestDatabase.available)
    func lastYear(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let head = try await app.signIn(as: .headOfService)
            let thisYear = try ReturnImportTests.fake903()
            // Last year's header: the same children, the first (566910, a girl: 2) recorded as a boy (1).
            let header = String(decoding: try #require(thisYear.first { $0.name == "header.csv" }).data, as: UTF8.self)
            var lines = header.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(first[0] == "566910" && first[1] == "2")
            first[1] = "1"
            lines[1] = first.joined(separator: ",")
            let checked = try await ReturnUploadTests.upload(
                app, as: head, kind: "903", year: "2026", files: thisYear,
                lastYear: [("header.csv", Data(lines.joined(separator: "\n").utf8))], to: Self.path)
            #expect(checked.status == .ok)
            let page = checked.body.string
            #expect(page.contains("<td>202</td><td>Error</td><td>1</td><td>1</td>"))
            // The rules that need last year's other tables say so, in the order of their codes; none says last year's
            // return was not given.
            #expect(page.contains("needs last year's placed_for_adoption table, which last year's return does not have: 559, 560, 561, 584"))
            #expect(!page.contains("which was not given"))
            let csv = try await ReturnUploadTests.upload(
                app, as: head, kind: "903", year: "2026", files: thisYear,
                lastYear: [("header.csv", Data(lines.joined(separator: "\n").utf8))], to: Self.path,
                fields: [("output", "csv")])
            #expect(csv.body.string.contains("\n566910,header,0,202\n"))

            let cin = try Data(contentsOf: ReturnImportTests.fixtures.appendingPathComponent("d2i-cin-fake/fake_CIN_data.xml"))
            let refused = try await ReturnUploadTests.upload(
                app, as: head, kind: "cin", year: "2026", files: [("fake_CIN_data.xml", cin)],
                lastYear: [("header.csv", Data(header.utf8))], to: Self.path)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("is for the SSDA903 only"))
        }
    }

    @Test(
        "A form with no files or a year without rules is shown again with what to put right; a team manager may not check returns",
        arguments: TestDatabase.available)
    func mistakes(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let head = try await app.signIn(as: .headOfService)
            let empty = try await ReturnUploadTests.upload(app, as: head, kind: "cin", year: "2025", files: [], to: Self.path)
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Choose the return&#39;s files") || empty.body.string.contains("Choose the return's files"))
            #expect(empty.body.string.contains("Choose a year Waymark has the CIN census rules for: 2025/26"))
            // Files with only their headers: nothing was checked, said first, never "no rule found anything".
            let headers = try await ReturnUploadTests.upload(
                app, as: head, kind: "903", year: "2026",
                files: [("header.csv", Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n".utf8))], to: Self.path)
            #expect(headers.status == .unprocessableEntity)
            #expect(headers.body.string.contains("<h3 id=\"no-rows-title\">Nothing was checked</h3><p>The return holds no rows"))
            #expect(!headers.body.string.contains("No rule found anything"))
            let manager = try await app.signIn(as: .teamManager)
            #expect(try await ReturnUploadTests.upload(app, as: manager, kind: "cin", year: "2026", files: [], to: Self.path).status == .forbidden)
        }
    }
}
