import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain
import WaymarkSpreadsheet

@testable import WaymarkApp
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("Quality: how far auditors agree, from an uploaded table of grades")
struct QualityTests {
    /// 24 audits: 18 given the same grade twice, 6 not; 27 of the 48 grades "Requires improvement to be good" (56%).
    static let table: String = {
        var lines = ["Audit,Auditor,Second auditor"]
        for n in 1...24 {
            let first = n <= 14 ? "RI" : n <= 20 ? "Good" : "Inadequate"
            let second = n % 4 == 0 ? (first == "Good" ? "RI" : "Good") : first
            lines.append("QA-\(n),\(first),\(second)")
        }
        return lines.joined(separator: "\n")
    }()

    @Test("A QA auditor uploads grades and sees each measure with its interval; nothing is stored")
    func measured() async throws {
        try await withApp(on: .sqlite) { app in
            let auditor = try await app.signIn(as: .qaAuditor)
            let before = try await AuditEvent.query(on: app.db).count()
            let res = try await IndicatorTransferTests.upload(
                app, as: auditor, fileName: "moderation.csv", data: Data(Self.table.utf8), to: "/quality/agreement")
            #expect(res.status == .ok)
            let page = res.body.string
            #expect(page.contains("How far they agree, in moderation.csv"))
            #expect(page.contains("24 audits were graded twice or more. The first two grades were the same for 75% of them."))
            // No grade holds over 60% of grades, so kappa leads.
            #expect(page.contains("Cohen's kappa (quadratic weights) is"))
            #expect(page.contains("Gwet's AC2 (ordinal weights)"))
            #expect(!page.contains("Krippendorff"), "alpha is shown only where more than two people graded")
            #expect(try await AuditEvent.query(on: app.db).count() == before, "reading a table of grades stores nothing")
        }
    }

    @Test("A table with mistakes is refused, each mistake by row and column")
    func refused() async throws {
        try await withApp(on: .sqlite) { app in
            let auditor = try await app.signIn(as: .qaAuditor)
            let res = try await IndicatorTransferTests.upload(
                app, as: auditor, fileName: "moderation.csv", data: Data("Audit,Auditor,Moderator\nQA-1,Good,Good\nQA-2,Goood,Good\n".utf8),
                to: "/quality/agreement")
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("moderation.csv was not measured"))
            #expect(res.body.string.contains("Row 3, column B (Auditor): \"Goood\" is not a grade"))
        }
    }

    @Test("Those without the quality permission may not use it")
    func refusedToOthers() async throws {
        try await withApp(on: .sqlite) { app in
            // Practitioners see the audits of their own children; partners see no quality work at all.
            let partner = try await app.signIn(as: .partner)
            let res = try await IndicatorTransferTests.upload(
                app, as: partner, fileName: "moderation.csv", data: Data(Self.table.utf8), to: "/quality/agreement")
            #expect(res.status == .forbidden)
        }
    }
}
