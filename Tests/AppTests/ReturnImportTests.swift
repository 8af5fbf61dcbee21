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

@Suite("Statutory returns into the store", .serialized)
struct ReturnImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ReturnsTests/Fixtures")

    static func fake903(including extra: Set<String> = []) throws -> [(name: String, data: Data)] {
        let folder = fixtures.appendingPathComponent("d2i-903-fake")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".csv") && ($0 != "placed_for_adoption_errors.csv" || extra.contains($0)) }.sorted()
            .map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    static func load(_ read: SSDA903Return, files: [String], on app: Application) async throws -> ReturnLoading.Summary {
        try await ReturnLoading.load(
            ReturnJourneys(read), kind: "ssda903", year: 2018, files: files, problems: read.problems,
            by: .commandLine, on: app.db)
    }

    @Test("The fake SSDA903 return imports whole; importing it again changes nothing", arguments: TestDatabase.available)
    func importTwice(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let files = try Self.fake903()
            let read = SSDA903CSVReader.read(files: files)
            let first = try await Self.load(read, files: files.map(\.name), on: app)
            // 2,675 children in the header, and CHILD10, who appears only in the social worker and DoLo tables.
            #expect(first.childrenAdded == 2_676)
            #expect(first.recordsAdded == 25_945 && first.leftOut == 0)
            #expect(try await JourneyEvent.query(on: app.db).filter(\.$kind == "ssda903.episodes").count() == 5_050)
            #expect(try await JourneyEvent.query(on: app.db).filter(\.$kind == "ssda903.reviews").count() == 12_582)
            let child = try #require(try await Child.query(on: app.db).filter(\.$localID == "566910").first())
            #expect(child.dateOfBirth == "2008-03-27" && child.sex == "F" && child.ethnicity == "WROM")

            let second = try await Self.load(read, files: files.map(\.name), on: app)
            #expect(!second.changedAnything)
            #expect(second.childrenUnchanged == 2_676 && second.recordsUnchanged == 25_945)
            #expect(try await Child.query(on: app.db).count() == 2_676)
            #expect(try await ReturnImport.query(on: app.db).count() == 1)
            // Both imports are in the audit trail.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordType == "return").count() == 2)
        }
    }

    @Test("The fake SSDA903 return exported from the store is the same files, byte for byte", arguments: TestDatabase.available)
    func roundTrip(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let files = try Self.fake903()
            let read = SSDA903CSVReader.read(files: files)
            _ = try await ReturnLoading.load(
                ReturnJourneys(read), kind: "ssda903", year: 2018, files: files.map(\.name), problems: read.problems,
                layout: read.layoutsJSON, by: .commandLine, on: app.db)
            let exported = try await ReturnExport.ssda903(year: 2018, on: app.db)
            #expect(exported.map(\.name).sorted() == files.map(\.name).sorted())
            for file in files {
                #expect(exported.first { $0.name == file.name }?.data == file.data, "\(file.name) differs after the round trip")
            }
            // Importing the export changes nothing.
            let again = SSDA903CSVReader.read(files: exported)
            #expect(!(try await Self.load(again, files: exported.map(\.name), on: app)).changedAnything)
            // Another year has nothing.
            #expect(try await ReturnExport.ssda903(year: 2019, on: app.db).isEmpty)
        }
    }

    @Test("The fake CIN census exported from the store is the same file, byte for byte", arguments: TestDatabase.available)
    func cinRoundTrip(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("d2i-cin-fake/fake_CIN_data.xml"))
            let census = CINCensusReader.read(data, fileName: "fake_CIN_data.xml")
            let layout = CINCensus.Layout(header: census.header, indent: CINCensusWriter.indent(of: data))
            let summary = try await ReturnLoading.load(
                ReturnJourneys(census, fileName: "fake_CIN_data.xml"), kind: "cin", year: 2022,
                files: ["fake_CIN_data.xml"], problems: census.problems,
                layout: String(decoding: try JSONEncoder().encode(layout), as: UTF8.self), by: .commandLine, on: app.db)
            #expect(summary.childrenAdded == 332)
            let exported = try #require(try await ReturnExport.cin(year: 2022, on: app.db))
            #expect(String(decoding: exported, as: UTF8.self) == String(decoding: data, as: UTF8.self))
        }
    }

    @Test("A return with a refused file imports nothing at all", arguments: TestDatabase.available)
    func atomic(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let files = try Self.fake903(including: ["placed_for_adoption_errors.csv"])
            let read = SSDA903CSVReader.read(files: files)
            await #expect(throws: ReturnLoading.Refused.self) { try await Self.load(read, files: files.map(\.name), on: app) }
            #expect(try await Child.query(on: app.db).count() == 0)
            #expect(try await JourneyEvent.query(on: app.db).count() == 0)
            #expect(try await ReturnImport.query(on: app.db).count() == 0)
        }
    }

    @Test("A child's returns merge by local id, and next year's return updates the episode it repeats", arguments: TestDatabase.available)
    func mergeAcrossReturnsAndYears(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,2,27/03/2012,WBRI,,,\n"
            let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            let thisYear = SSDA903CSVReader.read(files: [
                ("header.csv", Data(header.utf8)),
                ("episodes.csv", Data((episodes + "A1,01/02/2025,S,C2,N1,U1,PR1,,,,,,\n").utf8)),
            ])
            _ = try await Self.load(thisYear, files: ["header.csv", "episodes.csv"], on: app)
            // Next year the same episode ends, and a new one starts.
            let nextYear = SSDA903CSVReader.read(files: [
                ("header.csv", Data(header.utf8)),
                ("episodes.csv", Data((episodes + "A1,01/02/2025,S,C2,N1,U1,PR1,03/06/2025,P1,CARPL,,,\nA1,03/06/2025,P,C2,N1,U4,PR1,,,,,,\n").utf8)),
            ])
            let summary = try await Self.load(nextYear, files: ["header.csv", "episodes.csv"], on: app)
            #expect(summary.recordsAdded == 1 && summary.recordsUpdated == 1 && summary.recordsUnchanged == 1)
            // The CIN census names the same child: one record, with the census's disabilities added.
            let census = CINCensusReader.read(
                Data(
                    """
                    <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year></CollectionDetails></Header><Children><Child>
                    <ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2012-03-27</PersonBirthDate><Sex>2</Sex></ChildIdentifiers>
                    <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>HEAR</Disability></Disabilities></ChildCharacteristics>
                    <CINdetails><CINreferralDate>2024-11-04</CINreferralDate><ReferralSource>3A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
                    <ReferralNFA>false</ReferralNFA></CINdetails></Child></Children></Message>
                    """.utf8), fileName: "cin.xml")
            let cin = try await ReturnLoading.load(
                ReturnJourneys(census, fileName: "cin.xml"), kind: "cin", year: 2026, files: ["cin.xml"],
                problems: census.problems, by: .commandLine, on: app.db)
            #expect(cin.childrenUpdated == 1 && cin.childrenAdded == 0)
            let child = try #require(try await Child.query(on: app.db).first())
            #expect(try await Child.query(on: app.db).count() == 1)
            #expect(child.disabilities == "HEAR" && child.dateOfBirth == "2012-03-27")
            let kinds = try await JourneyEvent.query(on: app.db).filter(\.$childID == child.requireID()).all().map(\.kind)
            #expect(
                Dictionary(grouping: kinds, by: { $0 }).mapValues(\.count)
                    == ["ssda903.header": 1, "ssda903.episodes": 2, "cin.child": 1, "cin.episode": 1])
        }
    }
}
