import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkStore
@testable import WaymarkWeb

/// A practitioner's account finds the children the case system allocates to them as soon as either is added: by
/// their staff identifier where the extract gives one, else by name; and their caseload page says which.
@Suite("Accounts linked to the case system's workers", .serialized)
struct WorkerLinkTests {
    /// Sam Mensah (staff identifier S7) holds 1001; Ruth Cohen (no identifier) holds 1002.
    static let extract: [(name: String, data: Data)] = [
        ("ssd_person.csv", Data("pers_person_id,pers_forename,pers_surname\n1001,Amara,Okafor\n1002,Theo,Smith\n".utf8)),
        ("ssd_professionals.csv", Data("prof_professional_id,prof_staff_id,prof_professional_name\nP7,S7,Sam Mensah\nP8,,Ruth Cohen\n".utf8)),
        (
            "ssd_involvements.csv",
            Data(
                """
                invo_involvements_id,invo_professional_id,invo_professional_team,invo_person_id,invo_involvement_start_date,invo_involvement_end_date
                I1,P7,Duty & Assessment Team 1,1001,2025-07-21,
                I2,P8,Duty & Assessment Team 1,1002,2025-08-01,

                """.utf8)
        ),
    ]

    static func add(_ app: Application, _ username: String, name: String, staffID: String?) async throws -> User {
        try await Accounts.create(
            .init(username: username, displayName: name, role: .practitioner, staffID: staffID), password: "correct horse battery staple",
            by: .commandLine, app: app, on: app.db)
    }

    static func caseloads(_ app: Application, _ user: User) async throws -> String {
        let session = try await app.newSession(for: user)
        var body = ""
        try await app.testing().test(.GET, "/children/caseloads", headers: session.headers) { res in
            #expect(res.status == .ok)
            body = res.body.string
        }
        return body
    }

    @Test("An account added after the extract has its children at once, by staff identifier or else by name", arguments: TestDatabase.available)
    func accountAfterExtract(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await ReturnLoading.load(.caseSystem(Self.extract), by: .commandLine, on: app.db)
            // The case system calls him Sam; his account says Samuel: the identifier finds his child.
            let samuel = try await Self.add(app, "samuel", name: "Samuel Mensah", staffID: "S7")
            let ruth = try await Self.add(app, "ruth", name: "Ruth Cohen", staffID: nil)
            let allocations = try await ChildAllocation.query(on: app.db).all()
            #expect(Set(allocations.map(\.workerID)) == [samuel.id, ruth.id])
            #expect(allocations.first { $0.workerStaffID == "S7" }?.workerID == samuel.id)
            let samuels = try await Self.caseloads(app, samuel)
            #expect(samuels.contains("The 1 child allocated to you now.") && samuels.contains("1001") && !samuels.contains("1002"))
            #expect(samuels.contains("Found by your staff identifier in the case system, S7."))
            let ruths = try await Self.caseloads(app, ruth)
            #expect(ruths.contains("1002") && ruths.contains("Found by your full name as the case system writes it, Ruth Cohen."))
            // The creation says so in the audit trail.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$detail == "role practitioner; linked to 1 allocations").count() == 2)
            // Another account may not take S7; importing again keeps the links.
            let taken = try await Accounts.check(
                .init(username: "other", displayName: "Other", role: "practitioner", staffID: "S7"), existing: nil, on: app.db)
            #expect(taken.valid == nil && taken.errors["staffID"] != nil)
            _ = try await ReturnLoading.load(.caseSystem(Self.extract), by: .commandLine, on: app.db)
            #expect(Set(try await ChildAllocation.query(on: app.db).all().map(\.workerID)) == [samuel.id, ruth.id])
        }
    }

    @Test("An account without a match says how children are found; giving it the identifier links them", arguments: TestDatabase.available)
    func identifierAddedLater(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await ReturnLoading.load(.caseSystem(Self.extract), by: .commandLine, on: app.db)
            let samuel = try await Self.add(app, "samuel", name: "Samuel Mensah", staffID: nil)
            #expect(try await Self.caseloads(app, samuel).contains("None is allocated to you in the case system"))
            samuel.staffID = "S7"
            try await UserStore.save(samuel, changes: ["staff identifier changed"], by: .commandLine, on: app.db)
            #expect(try await ChildAllocation.query(on: app.db).filter(\.$workerStaffID == "S7").first()?.workerID == samuel.id)
            #expect(try await Self.caseloads(app, samuel).contains("1001"))
        }
    }
}
