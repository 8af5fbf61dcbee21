import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain
import WaymarkReturns

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("Children's pages", .serialized)
struct ChildrenTests {
    /// Two children from a small SSDA903 return; A1 is looked after and allocated to a worker in the MASH Team.
    static func setUp(_ app: Application) async throws -> (a1: UUID, worker: SignedInUser, team: UUID) {
        let read = SSDA903CSVReader.read(files: [
            ("header.csv", Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,2,27/03/2012,WBRI,,,\nB2,1,02/05/2010,WIRI,,,\n".utf8)),
            (
                "episodes.csv",
                Data(
                    """
                    CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
                    A1,01/02/2025,S,C2,N1,U1,PR1,,,,,,
                    B2,01/02/2024,S,V2,N2,U1,PR1,01/03/2024,E13,,,,

                    """.utf8)
            ),
        ])
        _ = try await ReturnLoading.load(
            ReturnJourneys(read), kind: "ssda903", year: 2025, files: ["header.csv", "episodes.csv"],
            problems: read.problems, by: .commandLine, on: app.db)
        let team = try await Team.query(on: app.db).filter(\.$name == "MASH Team").first()!
        let worker = try await app.signIn(as: .practitioner)
        let a1 = try await Child.query(on: app.db).filter(\.$localID == "A1").first()!.requireID()
        let allocation = ChildAllocation()
        allocation.childID = a1
        allocation.teamID = try team.requireID()
        allocation.workerID = worker.id
        allocation.starts = "2025-02-01"
        try await allocation.create(on: app.db)
        return (a1, worker, try team.requireID())
    }

    static func status(_ app: Application, _ user: SignedInUser, _ path: String) async throws -> HTTPResponseStatus {
        var status = HTTPResponseStatus.internalServerError
        try await app.testing().test(.GET, path, headers: user.headers) { status = $0.status }
        return status
    }

    @Test(
        "A child's page shows who they are, where they are now and the chronology with its sources, and the view is audited",
        arguments: TestDatabase.available)
    func childPage(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let (a1, _, _) = try await Self.setUp(app)
            let leader = try await app.signIn(as: .leadership)
            // Found by identifier through a posted form: nothing searched for goes into a URL.
            try await app.testing().test(
                .POST, "/children", headers: HTTPHeaders.form().merging(leader.headers),
                body: formBody([("csrfToken", leader.csrfToken), ("q", "A1")])
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<a href=\"/children/\(a1.uuidString)\">A1</a>"))
            }
            try await app.testing().test(.GET, "/children/\(a1.uuidString)", headers: leader.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("Looked after"))
                // The chronology in words: the legal status by its meaning, dates written out, the source a click away.
                #expect(body.contains("Looked after: full care order"))
                #expect(body.contains("<summary>Source</summary>episodes.csv, line 2"))
                #expect(body.contains("27 March 2012 (aged "))
                #expect(!body.contains("LS C2"))
            }
            let views = try await AuditEvent.query(on: app.db).filter(\.$action == "view").all()
            #expect(views.map(\.recordID) == ["A1"] && views.map(\.recordType) == ["child"])
        }
    }

    @Test(
        "A child's page shows the validation issues of the records each return last held for them, and only theirs",
        arguments: TestDatabase.available)
    func validationIssues(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            // 2025/26: A1's episode ended on 10 January 2025, before it began on 1 February (rule 356); B2's record is right.
            // B2 is in no census.
            let files = [
                ("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,F,27/03/2012,WBRI,UN1,,\nB2,M,02/05/2010,WIRI,A123456789012,,\n"),
                (
                    "episodes.csv",
                    """
                    CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
                    A1,01/02/2025,S,C2,N1,U1,PR1,10/01/2025,E13,,AB1 2CD,EF3 4GH,
                    B2,01/02/2024,S,V2,N2,U1,PR1,01/03/2024,E13,,AB1 2CD,EF3 4GH,

                    """
                ),
            ].map { ($0.0, Data($0.1.utf8)) }
            _ = try await ReturnLoading.load(.ssda903(files, year: 2026), by: .commandLine, on: app.db)
            // The census of the same year: A1's referral was closed with no reason given (rule 8805).
            let census = """
                <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate>
                </CollectionDetails></Header><Children><Child><ChildIdentifiers><LAchildID>A1</LAchildID><UPNunknown>UN1</UPNunknown>
                <PersonBirthDate>2012-03-27</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
                <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
                <CINdetails><CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
                <CINclosureDate>2025-06-30</CINclosureDate><ReferralNFA>false</ReferralNFA></CINdetails></Child></Children></Message>
                """
            _ = try await ReturnLoading.load(.cin((name: "census.xml", data: Data(census.utf8))), by: .commandLine, on: app.db)
            let leader = try await app.signIn(as: .leadership)
            func page(_ localID: String) async throws -> String {
                let id = try await Child.query(on: app.db).filter(\.$localID == localID).first()!.requireID()
                var body = ""
                try await app.testing().test(.GET, "/children/\(id.uuidString)", headers: leader.headers) { body = $0.body.string }
                return body
            }
            let a1 = try await page("A1")
            #expect(a1.contains("<h2>Validation issues</h2>"))
            // Besides 356, A1 is of school age (13) with UN1 for her UPN (209). Her mother status is blank, but as her
            // only episode ended (by its date ceased) before the year, it is not asked of her (165).
            #expect(a1.contains("<caption>SSDA903 2025/26: 2 errors</caption>"))
            #expect(!a1.contains("<td>165</td>"))
            #expect(a1.contains("<td>209</td><td>Error</td><td>Looked-after return header</td><td>UPN, DOB</td>"))
            #expect(a1.contains("<td>356</td><td>Error</td><td>Looked-after episode (DECOM 01/02/2025)</td><td>DECOM, DEC</td>"))
            // Besides 8805, A1 is of school age (13) with UN1 for her UPN (8770Q).
            #expect(a1.contains("<caption>CIN census 2025/26: 1 error and 1 query</caption>"))
            #expect(a1.contains("<td>8770Q</td><td>Query</td><td>Child in need census entry</td>"))
            #expect(a1.contains("<td>8805</td><td>Error</td><td>Referral to children's social care (CINreferralDate 2025-05-01)</td>"))
            let b2 = try await page("B2")
            #expect(b2.contains("SSDA903 2025/26: no issues."))
            #expect(!b2.contains("CIN census 2025/26"))
        }
    }

    @Test("Who may open a child's page follows their caseload, team or service area; partners see no child", arguments: TestDatabase.available)
    func recordScope(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let (a1, worker, team) = try await Self.setUp(app)
            let path = "/children/\(a1.uuidString)"
            #expect(try await Self.status(app, worker, path) == .ok)
            #expect(try await Self.status(app, try await app.signIn(as: .practitioner), path) == .notFound)

            let manager = try await app.signIn(as: .teamManager)
            let user = try await User.find(manager.id, on: app.db)!
            user.$team.id = team
            try await user.save(on: app.db)
            #expect(try await Self.status(app, manager, path) == .ok)
            #expect(try await Self.status(app, try await app.signIn(as: .teamManager), path) == .notFound)
            #expect(try await Self.status(app, try await app.signIn(as: .qaAuditor), path) == .ok)
            #expect(try await Self.status(app, try await app.signIn(as: .partner), path) == .forbidden)
            #expect(try await Self.status(app, try await app.signIn(as: .boardMember), "/children") == .forbidden)
            // Only the views that were allowed are in the audit trail.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "view").count() == 3)
        }
    }
}

@Suite("Importing returns through the browser", .serialized)
struct ReturnUploadTests {
    /// Posts the form as a browser does: to the import page, or to another (`path`) with its own fields besides.
    static func upload(
        _ app: Application, as user: SignedInUser, kind: String, year: String, files: [(name: String, data: Data)],
        lastYear: [(name: String, data: Data)] = [], to path: String = "/children/returns",
        fields: [(String, String)] = [], headers extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        let boundary = "----waymark-returns-boundary"
        var body = ByteBuffer()
        for (name, value) in [("csrfToken", user.csrfToken), ("kind", kind), ("year", year)] + fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for (field, file) in files.map({ ("files[]", $0) }) + lastYear.map({ ("lastYearFiles[]", $0) }) {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n")
            body.writeBytes(file.data)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = user.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        for (name, value) in extra where name.lowercased() != "cookie" { headers.replaceOrAdd(name: name, value: value) }
        var response: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: body) { response = $0 }
        return response!
    }

    @Test("A head of service imports the fake SSDA903 set and then a CIN census; a refused file changes nothing", arguments: TestDatabase.available)
    func upload(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let head = try await app.signIn(as: .headOfService)
            let files = try ReturnImportTests.fake903()
            let imported = try await Self.upload(app, as: head, kind: "903", year: "2018", files: files)
            #expect(imported.status == .ok)
            #expect(imported.body.string.contains("children: 2676 added"))
            #expect(try await Child.query(on: app.db).count() == 2_676)

            let cin = try Data(contentsOf: ReturnImportTests.fixtures.appendingPathComponent("d2i-cin-fake/CIN_Census_2026.xml"))
            let census = try await Self.upload(app, as: head, kind: "cin", year: "", files: [("CIN_Census_2026.xml", cin)])
            #expect(census.status == .ok)
            #expect(census.body.string.contains("PersonBirthDate")) // the stray text, listed

            let utf16 = Data([0xFF, 0xFE]) + "CHILD,SEX\n".data(using: .utf16LittleEndian)!
            let refused = try await Self.upload(app, as: head, kind: "903", year: "2019", files: [("header.csv", utf16)])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Nothing was imported"))
            // A file Waymark cannot read is named, and the upload refused: it said "Imported." and named nothing.
            let photo = try await Self.upload(app, as: head, kind: "903", year: "2019", files: [("photo.png", Data([0x89, 0x50, 0x4E, 0x47]))])
            #expect(photo.status == .unprocessableEntity)
            #expect(photo.body.string.contains("photo.png: is not a CSV file"))
            #expect(try await Child.query(on: app.db).count() == 2_676 + 2)
            // A team manager may not import.
            let manager = try await app.signIn(as: .teamManager)
            #expect(try await Self.upload(app, as: manager, kind: "903", year: "2018", files: files).status == .forbidden)
        }
    }
}
