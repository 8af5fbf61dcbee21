import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
import WaymarkDomain
import WaymarkSpreadsheet
import ZIPFoundation

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

/// The findings of the outside security test, each closed and held here (see docs/security.md).
@Suite("Security findings, each closed", .serialized)
struct SecurityTests {
    static func nested(root: String, element: String, depth: Int) -> Data {
        Data(("<\(root)>" + String(repeating: "<\(element)>", count: depth) + String(repeating: "</\(element)>", count: depth) + "</\(root)>").utf8)
    }

    @Test(
        "XML nested 100,000 deep is refused on the import, check and measures pages, and the server answers after", arguments: TestDatabase.available)
    func deepXMLThroughThePages(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let head = try await app.signIn(as: .headOfService)
            let children = try await Child.query(on: app.db).count()
            let deep903 = Self.nested(root: "EXPSSDA903", element: "CHILD", depth: 100_000)
            let deepCensus = Self.nested(root: "Message", element: "Child", depth: 100_000)

            let imported = try await ReturnUploadTests.upload(app, as: head, kind: "903", year: "2026", files: [("deep.xml", deep903)])
            #expect(imported.status == .unprocessableEntity)
            #expect(imported.body.string.contains("nested more than 64 deep"))
            let census = try await ReturnUploadTests.upload(app, as: head, kind: "cin", year: "", files: [("deep.xml", deepCensus)])
            #expect(census.status == .unprocessableEntity)
            #expect(census.body.string.contains("nested more than 64 deep"))
            #expect(try await Child.query(on: app.db).count() == children)

            for (kind, file) in [("903", deep903), ("cin", deepCensus)] {
                let checked = try await ReturnUploadTests.upload(
                    app, as: head, kind: kind, year: "2026", files: [("deep.xml", file)],
                    to: "/children/returns/validate")
                #expect(checked.body.string.contains("nested more than 64 deep"))
            }

            let deepWorkbook = try HostileFiles.workbook(part: "xl/workbook.xml", Self.nested(root: "workbook", element: "a", depth: 100_000))
            let manager = try await app.signIn(as: .teamManager)
            let measures = try await IndicatorTransferTests.upload(app, as: manager, fileName: "deep.xlsx", data: deepWorkbook)
            #expect(measures.status == .unprocessableEntity)
            #expect(measures.body.string.contains("nested more than 64 deep"))

            try await app.testing().test(.GET, "/livez") { #expect($0.status == .ok) }
        }
    }

    @Test("A sign-in posted with 100,000 fields, or a small body of 15,000, is refused before it is parsed", arguments: TestDatabase.available)
    func manyFieldsAreRefusedQuickly(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let token = "chosen-by-the-sender"
            var headers = HTTPHeaders.form(cookie: "\(CSRF.plainCookieName)=\(token)")
            headers.add(name: .host, value: "127.0.0.1:8080")
            for fields in [100_000, 15_000] {
                let body = ByteBuffer(string: "csrfToken=\(token)&" + Array(repeating: "a=", count: fields).joined(separator: "&"))
                let started = ContinuousClock.now
                try await app.testing().test(.POST, "/sign-in", headers: headers, body: body) { res in
                    #expect(res.status == .payloadTooLarge)
                }
                // Parsed, 10,000 repeats took 1.4 s and 40,000 took 29 s; refused unread, it is a matter of milliseconds.
                #expect(ContinuousClock.now - started < .seconds(5))
            }
            let user = try await app.signIn(as: .practitioner)
            try await app.testing().test(.GET, "/", headers: user.headers) { #expect($0.status == .ok) }
            // An ordinary form is read as before.
            let body = formBody([("csrfToken", token), ("username", "nobody"), ("password", "wrong password here")])
            try await app.testing().test(.POST, "/sign-in", headers: headers, body: body) { #expect($0.status == .unauthorized) }
        }
    }

    @Test("A large upload is read only from someone allowed to upload, from Waymark's own page", arguments: TestDatabase.available)
    func largeBodiesOnlyAfterAccess(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let large = ByteBuffer(repeating: UInt8(ascii: "x"), count: 2_000_000)
            var anonymous = HTTPHeaders()
            anonymous.contentType = .formData
            try await app.testing().test(.POST, "/children/returns", headers: anonymous, body: large) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/sign-in")
            }
            let practitioner = try await app.signIn(as: .practitioner)
            try await app.testing().test(.POST, "/children/returns", headers: practitioner.headers.merging(anonymous), body: large) { res in
                #expect(res.status == .forbidden)
            }
            let head = try await app.signIn(as: .headOfService)
            for (name, value) in [("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site")] {
                var headers = head.headers.merging(anonymous)
                headers.add(name: .host, value: "127.0.0.1:8080")
                headers.add(name: name, value: value)
                try await app.testing().test(.POST, "/children/returns", headers: headers, body: large) { res in
                    #expect(res.status == .forbidden)
                }
            }
            // From Waymark's own page the file is read (and, being no return, refused for what it is).
            var own = head.headers
            own.add(name: .host, value: "127.0.0.1:8080")
            own.add(name: .origin, value: "http://127.0.0.1:8080")
            own.add(name: "Sec-Fetch-Site", value: "same-origin")
            let response = try await ReturnUploadTests.upload(
                app, as: head, kind: "903", year: "2026", files: [("x.csv", Data("x\n".utf8))],
                headers: own)
            #expect(response.status == .unprocessableEntity)
        }
    }

    @Test(
        "An SSDA903 file uploaded as ../../escape/header.csv is kept as header.csv, and exports only inside the folder",
        arguments: TestDatabase.available)
    func uploadedPathsStayInTheirFolder(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let head = try await app.signIn(as: .headOfService)
            let header = try #require(try ReturnImportTests.fake903().first { $0.name == "header.csv" })
            let imported = try await ReturnUploadTests.upload(
                app, as: head, kind: "903", year: "2018",
                files: [("../../escape/header.csv", header.data)])
            #expect(imported.status == .ok)
            let kept = try await JourneyEvent.query(on: app.db).filter(\.$kind == "ssda903.header").all().map(\.sourceFile)
            #expect(!kept.isEmpty && Set(kept) == ["header.csv"])

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-export-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let files = try await ReturnExport.ssda903(year: 2018, on: app.db)
            try ReturnExport.write(files, into: folder)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["header.csv"])

            // A name kept before this fix is refused whole: nothing is written, even the files before it.
            let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-export-\(UUID().uuidString)").path
            for name in ["../header.csv", "a/header.csv", ".."] {
                #expect(throws: ReturnExport.OutsideTheFolder.self) {
                    try ReturnExport.write([("episodes.csv", Data("x".utf8)), (name, Data("x".utf8))], into: elsewhere)
                }
            }
            #expect(!FileManager.default.fileExists(atPath: elsewhere))
        }
    }

    @Test("Every CSV Waymark writes neutralises formulas: indicator values and validation issues", arguments: TestDatabase.available)
    func csvExportsNeutraliseFormulas(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let manager = try await app.signIn(as: .teamManager)
            let code = "neet-16-17"
            let formula = "=HYPERLINK(\"https://evil.example\",\"click\")"
            try await app.testing().test(
                .POST, "/measures/\(code)", headers: HTTPHeaders.form().merging(manager.headers),
                body: formBody([
                    ("csrfToken", manager.csrfToken), ("period", "2018"), ("value", "1.7"),
                    ("story", formula), ("partners", "@SUM(A1)"), ("whatWorks", "+1+1"),
                    ("actionPlan", "-1+cmd"),
                ])
            ) { res in
                #expect(res.status == .seeOther)
            }
            let csv = String(decoding: try await IndicatorTransferTests.download(app, as: manager, "/measures/\(code)/values.csv"), as: UTF8.self)
            #expect(csv.contains("'=HYPERLINK") && csv.contains("'@SUM(A1)") && csv.contains("'+1+1") && csv.contains("'-1+cmd"))
            #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"))

            let head = try await app.signIn(as: .headOfService)
            let header = Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n=1+1,1,01/01/2015,WBRI,A123456789012,,\n".utf8)
            let checked = try await ReturnUploadTests.upload(
                app, as: head, kind: "903", year: "2026", files: [("header.csv", header)],
                to: "/children/returns/validate", fields: [("output", "csv")])
            #expect(checked.status == .ok)
            #expect(checked.body.string.contains("'=1+1,"))
            #expect(!checked.body.string.contains("\n=1+1,"))
        }
    }

    @Test("Searching children by name is in the audit trail: its kind and count, never what was typed", arguments: TestDatabase.available)
    func childSearchIsAudited(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let director = try await app.signIn(as: .leadership)
            try await app.testing().test(
                .POST, "/children", headers: HTTPHeaders.form().merging(director.headers),
                body: formBody([("csrfToken", director.csrfToken), ("q", "Zebedee")])
            ) { res in
                #expect(res.status == .ok)
            }
            let searches = try await AuditEvent.query(on: app.db).filter(\.$action == "search").all()
            #expect(searches.count == 1)
            #expect(searches.first?.recordType == "child")
            #expect(searches.first?.detail == "by name, child ID or UPN: 0 children listed")
            #expect(searches.first?.detail?.contains("Zebedee") == false)
        }
    }
}

extension SecurityTests {
    @Test("Security headers on error pages and the API too, and nothing kept by a cache", arguments: TestDatabase.available)
    func headersEverywhere(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let user = try await app.signIn(as: .readOnly)
            for (path, status) in [
                ("/no-such-page", HTTPStatus.notFound), ("/api/v1/openapi.json", .ok), ("/api/v1/plans/nope", .notFound),
                ("/admin/users", .forbidden), ("/", .ok),
            ] {
                try await app.testing().test(.GET, path, headers: user.headers) { res in
                    #expect(res.status == status, "\(path)")
                    #expect(res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true, "\(path)")
                    #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                    #expect(res.headers.first(name: .cacheControl) == "no-store", "\(path)")
                    #expect(res.headers.first(name: "Strict-Transport-Security") == nil, "HSTS only over HTTPS")
                }
            }
        }
    }

    @Test("A session ends 12 hours after it began however busy, and its idle time is kept to the second", arguments: TestDatabase.available)
    func sessionLifetime(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let user = try await app.signIn(as: .readOnly)
            let session = try #require(try await UserSession.query(on: app.db).filter(\.$tokenHash == SessionStore.hash(user.sessionToken)).first())
            session.lastSeenAt = Date().addingTimeInterval(-2)
            try await session.save(on: app.db)
            try await app.testing().test(.GET, "/", headers: user.headers) { #expect($0.status == .ok) }
            let seen = try #require(try await UserSession.find(session.id, on: app.db)).lastSeenAt
            #expect(abs(seen.timeIntervalSinceNow) < 1.5)

            try await (app.db as! any SQLDatabase).update(UserSession.schema).set(
                "created_at", to: SQLBind(Date().addingTimeInterval(-12 * 3_600 - 5))
            )
            .where("id", .equal, SQLBind(session.id!)).run()
            try await app.testing().test(.GET, "/", headers: user.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/sign-in?expired=1")
            }
        }
    }
}

extension SecurityTests {
    @Test(
        "A value of 1e300 is stored, and every measures page that shows it still opens (turning it into a whole number trapped)",
        arguments: TestDatabase.available)
    func hugeValues(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let manager = try await app.signIn(as: .teamManager)
            try await app.testing().test(
                .POST, "/measures/children-looked-after", headers: HTTPHeaders.form().merging(manager.headers),
                body: formBody([
                    ("csrfToken", manager.csrfToken), ("period", "2020-03-31"), ("value", "1e300"), ("story", "A mistake."),
                    ("partners", "None."), ("whatWorks", "Checking."), ("actionPlan", "Correct it."),
                ])
            ) { res in
                #expect(
                    res.status == .seeOther, "\(res.body.string.components(separatedBy: "There is a problem").dropFirst().first?.prefix(300) ?? "")")
            }
            for path in ["/measures", "/measures/children-looked-after", "/plans/cypp-2019-2023"] {
                try await app.testing().test(.GET, path, headers: manager.headers) { #expect($0.status == .ok, "\(path)") }
            }
        }
    }
}

/// Hostile files made for the tests.
enum HostileFiles {
    /// A ZIP (as a workbook is) holding the one part, deflated.
    static func workbook(part path: String, _ bytes: Data) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
        return archive.data!
    }
}

@Suite("Printing to PDF is bounded")
struct PrintingTests {
    /// A stand-in for Chromium that records how many copies of it run at once, takes `seconds`, and writes a PDF.
    static func fakeChromium(in folder: URL, seconds: String) throws -> String {
        let script = folder.appendingPathComponent("fake-chromium")
        try """
        #!/bin/bash
        for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; esac; done
        dir='\(folder.path)'
        ( flock 9; n=$(( $(cat "$dir/now") + 1 )); echo $n > "$dir/now"; [ $n -gt $(cat "$dir/most") ] && echo $n > "$dir/most" ) 9>"$dir/lock"
        sleep \(seconds)
        printf '%%PDF-1.4\\n' > "$out"
        ( flock 9; echo $(( $(cat "$dir/now") - 1 )) > "$dir/now" ) 9>"$dir/lock"
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        for name in ["now", "most"] { try "0\n".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return script.path
    }

    /// A folder of the test's own, removed after it.
    static func inFolder(_ test: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await test(folder)
    }

    @Test("Fourteen prints at once: two run at a time, eight wait their turn, four are asked to try again")
    func boundedPrinting() async throws {
        try await Self.inFolder { folder in
            let chromium = try Self.fakeChromium(in: folder, seconds: "0.3")
            let slots = PrintSlots(running: 2, waiting: 8)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 1...14 {
                    group.addTask { (try? await PDFPrinter.print(html: "<p>x</p>", chromium: chromium, slots: slots)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 10)
            let most = try String(contentsOf: folder.appendingPathComponent("most"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(most == "2")
            // Every slot is given back: the next print goes ahead at once.
            #expect(try await PDFPrinter.print(html: "<p>x</p>", chromium: chromium, slots: slots).starts(with: Data("%PDF".utf8)))
        }
    }

    @Test("A print that hangs is stopped at its time limit, and its slot is given back")
    func hangingPrint() async throws {
        try await Self.inFolder { folder in
            let hanging = try Self.fakeChromium(in: folder, seconds: "60")
            let slots = PrintSlots(running: 1, waiting: 0)
            let started = ContinuousClock.now
            await #expect(throws: Abort.self) { try await PDFPrinter.print(html: "<p>x</p>", chromium: hanging, timeout: .seconds(1), slots: slots) }
            #expect(ContinuousClock.now - started < .seconds(20))
            let quick = try Self.fakeChromium(in: folder, seconds: "0")
            #expect(try await PDFPrinter.print(html: "<p>x</p>", chromium: quick, slots: slots).starts(with: Data("%PDF".utf8)))
        }
    }
}
