import Testing
import WaymarkDomain

@testable import WaymarkTimescales

/// Impossible orderings, each found with the child and why, and records in order left alone.
@Suite struct DataQualityTests {
    static func record(_ kind: JourneyKind, _ key: String, starts: String?, ends: String? = nil, _ fields: [String: String] = [:]) -> JourneyRecord {
        JourneyRecord(
            childLocalID: "C1", kind: kind, naturalKey: key, starts: starts.flatMap { ISODay($0) }, ends: ends.flatMap { ISODay($0) },
            fields: fields, sourceFile: "test", sourceLine: 1)
    }

    @Test func eachImpossibleOrderingIsFoundWithWhy() {
        let journey = ChildJourney(
            localID: "C1", dateOfBirth: ISODay("2015-06-01"),
            records: [
                Self.record(.cinProtectionPlan, "P1", starts: "2026-01-10", ends: "2026-01-05"),
                Self.record(.cinSection47, "S1", starts: "2025-11-25", ["DateOfInitialCPC": "2025-11-20"]),
                Self.record(.cinProtectionReview, "R1", starts: "2025-12-01"), // before the plan's (impossible) start
                Self.record(.ssda903(.episodes), "E0", starts: "2015-05-20", ends: "2015-07-01"), // before birth
                Self.record(.ssda903(.episodes), "E1", starts: "2025-01-01"), // still open…
                Self.record(.ssda903(.episodes), "E2", starts: "2025-03-01", ends: "2025-04-01"), // …when this began
                Self.record(.cinEpisode, "R-none", starts: nil, ends: "2025-02-01"),
            ])
        #expect(
            DataQuality.issues(in: [journey]).map { "\($0.check.rawValue): \($0.why)" } == [
                "care-before-birth: Looked after from 20 May 2015, before the date of birth 1 June 2015",
                "no-start-day: Referral to children's social care R-none has no start day (it ends on 1 February 2025)",
                "overlapping-care: Episode from 1 March 2025 starts before the episode from 1 January 2025 has ended",
                "conference-before-enquiry: Initial conference on 20 November 2025, before the section 47 enquiry it followed started on 25 November 2025",
                "review-without-plan: Review conference on 1 December 2025, when no child protection plan was open",
                "ends-before-it-starts: Child protection plan from 10 January 2026 ends on 5 January 2026",
            ])
    }

    @Test func aJourneyInOrderHasNoIssues() {
        let journey = ChildJourney(
            localID: "C2", dateOfBirth: ISODay("2015-06-01"),
            records: [
                Self.record(.cinSection47, "S1", starts: "2025-11-20", ends: "2025-11-25", ["DateOfInitialCPC": "2025-11-25"]),
                Self.record(.cinProtectionPlan, "P1", starts: "2025-11-25", ends: "2026-05-01"),
                Self.record(.cinProtectionReview, "R1", starts: "2026-02-20"),
                // One episode ending the day the next begins is one period of care, not an overlap.
                Self.record(.ssda903(.episodes), "E1", starts: "2025-01-01", ends: "2025-03-01"),
                Self.record(.ssda903(.episodes), "E2", starts: "2025-03-01"),
            ])
        #expect(DataQuality.issues(in: [journey]).isEmpty)
    }
}
