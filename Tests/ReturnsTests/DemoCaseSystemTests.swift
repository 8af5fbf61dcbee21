import Foundation
import Testing
import WaymarkDomain

@testable import WaymarkReturns

/// The demo's case-system extract: the same seed gives the same rows; it reads back whole through the extract's
/// reader; and it agrees with the returns (contacts before referrals, visits within plans, one allocation at a time).
@Suite struct DemoCaseSystemTests {
    static let teams = DemoCaseSystem.Teams(
        assessment: ["Duty 1", "Duty 2"], intervention: ["Planning 1"], inCare: "In Care",
        leavingCare: "Leaving Care", earlyHelp: ["Hub East", "Hub West"])
    let demo = DemoReturns(children: 2_000, seed: 7, through: ISODay(year: 2026, month: 12, day: 6))
    var extract: DemoCaseSystem { DemoCaseSystem(demo, teams: Self.teams, seed: 7) }

    @Test func theSameSeedGivesTheSameExtractAndItReadsBackWhole() {
        let first = extract
        #expect(first.rows == DemoCaseSystem(demo, teams: Self.teams, seed: 7).rows)
        let read = ReadReturn.caseSystem(first.files)
        #expect(read.problems.isEmpty)
        #expect(read.journeys.children.count == demo.names.count)
        let stored = read.journeys.records.count
        let written = first.rows.filter { $0.key != .person && $0.key != .professionals }.values.map(\.count).reduce(0, +)
        #expect(stored == written)
        // Every table has rows.
        #expect(Set(first.rows.keys) == Set(SSDTable.allCases))
    }

    @Test func theExtractAgreesWithTheReturns() throws {
        let rows = extract.rows
        let calendar = WorkingDays.englandAndWales
        // The extract gives each child the sex the returns give (no source's details overwrite another's on import).
        let people = Dictionary(rows[.person]!.map { ($0["pers_person_id"]!, $0) }, uniquingKeysWith: { first, _ in first })
        for child in demo.census.children { #expect(people[child.laChildID]?["pers_sex"] == child.sex) }
        for header in demo.ssda903.rows[.header] ?? [] { #expect(people[header.childID]?["pers_sex"] == header[.sex]) }
        // Each referral has a contact on its day or the working day before, and each contact one MASH decision on or after it.
        for child in demo.census.children {
            for episode in child.episodes {
                let referral = try #require(ISODay(episode.referralDate))
                #expect(
                    rows[.contacts]!.contains {
                        $0["cont_person_id"] == child.laChildID
                            && [referral, calendar.adding(-1, to: referral)].map(\.description).contains($0["cont_contact_date"]!)
                    })
            }
        }
        // Each section 47 enquiry has its strategy discussion on its first day or the working day before.
        for child in demo.census.children {
            for enquiry in child.episodes.flatMap(\.section47s) {
                let starts = try #require(ISODay(enquiry.start))
                #expect(
                    rows[.strategyDiscussions]!.contains {
                        $0["stra_person_id"] == child.laChildID
                            && [starts, calendar.adding(-1, to: starts)].map(\.description).contains($0["stra_discussion_date"]!)
                    })
            }
        }
        #expect(rows[.mashDecisions]!.count == rows[.contacts]!.count)
        #expect(rows[.mashDecisions]!.allSatisfy { $0["mash_decision_date"]! >= $0["mash_contact_date"]! })
        // Child protection visits fall within their plan.
        let plans = Dictionary(
            grouping: demo.census.children.flatMap { child in child.episodes.flatMap(\.protectionPlans).map { (child.laChildID, $0) } },
            by: \.0)
        for visit in rows[.cpVisits]! {
            let child = visit["cppv_person_id"]!, day = visit["cppv_cp_visit_date"]!
            #expect(plans[child]?.contains { $0.1.start <= day && ($0.1.end ?? "9999") >= day } == true)
        }
        // One allocation at a time: each child's involvements follow one another.
        for (_, involvements) in Dictionary(grouping: rows[.involvements]!, by: { $0["invo_person_id"]! }) {
            let sorted = involvements.sorted { $0["invo_involvement_start_date"]! < $1["invo_involvement_start_date"]! }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where !earlier["invo_involvement_end_date"]!.isEmpty {
                #expect(earlier["invo_involvement_end_date"]! < later["invo_involvement_start_date"]!)
            }
        }
        // Every allocated worker is one of the demo's professionals, in the team named.
        let professionals = Dictionary(uniqueKeysWithValues: rows[.professionals]!.map { ($0["prof_professional_id"]!, $0) })
        #expect(
            rows[.involvements]!.allSatisfy {
                professionals[$0["invo_professional_id"]!]?["prof_professional_department"] == $0["invo_professional_team"]
            })
    }
}
