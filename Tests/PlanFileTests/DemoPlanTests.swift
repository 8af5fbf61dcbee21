import Foundation
import Testing
import WaymarkDomain

@testable import WaymarkPlanFile

/// The demo's plan in force: the 2023–2027 summary's outcomes and objectives with two actions each, in a file the
/// plan reader accepts, and a year of updates that look like a partnership's.
@Suite struct DemoPlanTests {
    static let madeOn = ISODay(year: 2026, month: 12, day: 7)

    static func barnet() throws -> PlanFile {
        try PlanFileCoder.read(try String(contentsOf: BundledPlans.barnet, encoding: .utf8)).get()
    }

    @Test func thePlanIsTheSummarysInForceAndReadsBackWithoutProblems() throws {
        let barnet = try Self.barnet()
        let file = try #require(DemoPlan.file(from: barnet, madeOn: Self.madeOn))
        let plan = try #require(file.plans.first)
        #expect(plan.starts == "2023-04-01" && plan.ends == "2027-03-31" && plan.status == .active)
        #expect(plan.title.contains("2023–2027") && plan.title.contains("demonstration"))
        let summary = try #require(barnet.plans.first { $0.slug == DemoPlan.summarySlug })
        #expect(plan.outcomes.map(\.name) == summary.outcomes.map(\.name))
        #expect(plan.outcomes.flatMap(\.objectives).map(\.title) == summary.outcomes.flatMap(\.objectives).map(\.title))
        #expect(plan.outcomes.flatMap(\.objectives).allSatisfy { $0.actions?.count == 2 })
        // Every organisation and board it names is in the file, and it writes and reads back the same.
        #expect(file.problems().isEmpty)
        #expect(try PlanFileCoder.read(try PlanFileCoder.write(file)).get() == file)
        // Made in May 2027, the plan in force runs to March 2028.
        #expect(DemoPlan.file(from: barnet, madeOn: ISODay(year: 2027, month: 5, day: 1))?.plans.first?.ends == "2028-03-31")
    }

    @Test func aYearOfUpdatesWithTheirRAG() throws {
        let file = try #require(DemoPlan.file(from: try Self.barnet(), madeOn: Self.madeOn))
        let updates = DemoPlan.updates(of: file, madeOn: Self.madeOn)
        #expect(updates == DemoPlan.updates(of: file, madeOn: Self.madeOn))
        let lastDay = Self.madeOn.adding(days: -1), yearAgo = lastDay.adding(months: -12).adding(days: -12)
        let actions = file.plans.flatMap(\.outcomes).flatMap(\.objectives).flatMap { $0.actions ?? [] }
        for action in actions {
            for update in updates[action.ref!] ?? [] {
                // Monthly over the last year; an action completed before then keeps its completing update.
                #expect(update.day <= lastDay && (update.day >= yearAgo || update.status == .complete) && update.day >= ISODay(action.starts!)!)
                #expect((update.rag == .green) == (update.ragReason == nil))
            }
        }
        let latest = updates.values.compactMap(\.last)
        #expect(latest.count > 30 && updates.values.map(\.count).reduce(0, +) > 200)
        #expect(latest.contains { $0.status == .complete } && latest.contains { $0.status == .atRisk } && latest.contains { $0.status == .offTrack })
        #expect(latest.contains { $0.rag == .red } && latest.contains { $0.rag == .amber })
        // Some open actions have had no update for over a month: what the reminders chase.
        #expect(latest.contains { $0.status != .complete && $0.day < lastDay.adding(days: -30) })
    }
}
