import Foundation
import Testing
import WaymarkDomain

@testable import WaymarkReturns

/// The demo children: the same seed gives the same children; their journeys are in order, on working days, in the
/// borough's rough proportions; and they read back through the same readers as real returns.
@Suite struct DemoReturnsTests {
    let demo = DemoReturns(children: 3_000, seed: 42, year: 2026)

    @Test func theSameSeedGivesTheSameChildren() {
        let again = DemoReturns(children: 3_000, seed: 42, year: 2026)
        #expect(again.census.children == demo.census.children)
        #expect(again.ssda903.rows == demo.ssda903.rows)
        #expect(DemoReturns(children: 3_000, seed: 43, year: 2026).census.children != demo.census.children)
    }

    @Test func journeysAreInOrderAndOnWorkingDays() throws {
        let calendar = WorkingDays.englandAndWales
        let yearEnd = ISODay(year: 2026, month: 3, day: 31)
        for child in demo.census.children {
            let birth = try #require(child.birthDate.flatMap { ISODay($0) })
            for episode in child.episodes {
                let referral = try #require(ISODay(episode.referralDate))
                #expect(calendar.isWorkingDay(referral) && referral > birth && referral <= yearEnd)
                for assessment in episode.assessments {
                    let start = try #require(ISODay(assessment.start))
                    #expect(start >= referral && calendar.isWorkingDay(start))
                    if let authorised = assessment.authorised.flatMap({ ISODay($0) }) { #expect(authorised > start && authorised <= yearEnd) }
                }
                for enquiry in episode.section47s {
                    let start = try #require(ISODay(enquiry.start))
                    #expect(enquiry.initialConferenceTarget == calendar.adding(15, to: start).description)
                    if let conference = enquiry.dateOfInitialCPC.flatMap({ ISODay($0) }) { #expect(conference > start) }
                }
                for plan in episode.protectionPlans {
                    #expect(plan.reviews == plan.reviews.sorted() && plan.reviews.allSatisfy { $0 > plan.start })
                }
                if let closure = episode.closureDate { #expect(closure >= episode.referralDate) }
            }
        }
        for row in demo.ssda903.rows[.episodes] ?? [] {
            #expect(row.date(.decom).map(calendar.isWorkingDay) == true)
            if let end = row.date(.dec) { #expect(end > row.date(.decom)!) }
        }
    }

    @Test func theProportionsAreTheBoroughs() {
        let episodes = demo.census.children.flatMap(\.episodes)
        let share = { (count: Int) in Double(count) / Double(episodes.count) }
        // A quarter of referrals end with no further action; those closed before the year began are not in the census,
        // so fewer than a quarter of the census's episodes are.
        #expect((0.10...0.25).contains(share(episodes.filter { $0.referralNFA == "true" }.count)))
        #expect((0.05...0.14).contains(share(episodes.filter { !$0.section47s.isEmpty }.count)))
        let lookedAfter = Set((demo.ssda903.rows[.episodes] ?? []).map(\.childID)).count
        #expect((0.03...0.09).contains(Double(lookedAfter) / 3_000))
        #expect((0.015...0.045).contains(Double(demo.ssda903.rows[.oc3]?.count ?? 0) / 3_000))
        // About one assessment in seven is authorised after 45 working days.
        let late = episodes.flatMap(\.assessments).filter { assessment in
            assessment.authorised.flatMap { ISODay($0) }.map { $0 > WorkingDays.englandAndWales.adding(45, to: ISODay(assessment.start)!) } ?? false
        }.count
        #expect((0.05...0.25).contains(Double(late) / Double(episodes.flatMap(\.assessments).count)))
    }

    @Test func theReturnsReadBackWithoutProblems() {
        let census = CINCensusReader.read(CINCensusWriter.data(demo.census), fileName: "demo.xml")
        #expect(census.problems.isEmpty)
        #expect(census.children.count == demo.census.children.count)
    }
}

@Suite struct LargeCensusTests {
    @Test func aCensusOfMoreThanTenMegabytesReadsWhole() {
        // Foundation's parser, given more than about 10 MB at once, fails at the very end; the reader streams instead.
        let demo = DemoReturns(children: 15_000, seed: 3, year: 2026)
        let data = CINCensusWriter.data(demo.census)
        #expect(data.count > 10_500_000)
        let census = CINCensusReader.read(data, fileName: "large.xml")
        #expect(census.problems.isEmpty)
        #expect(census.children.count == demo.census.children.count)
    }
}

@Suite struct FieldsJSONTests {
    @Test func fieldsWriteInKeyOrderAndReadBack() {
        let fields = ["REVIEW": "27/09/2015", "CHILD": "9\"07", "NOTE": "line\none\ttab\\ \u{01}"]
        let text = FieldsJSON.encode(fields)
        #expect(text == #"{"CHILD":"9\"07","NOTE":"line\none\ttab\\ \u0001","REVIEW":"27/09/2015"}"#)
        #expect(FieldsJSON.decode(text) == fields)
        #expect(FieldsJSON.encode([:]) == "{}")
    }

    @Test func fieldsReadFromPartOfALongerText() {
        let fields = ["A": "é\u{1F}x", "B": "", "C": "plain"]
        let lists = Array(("x\u{1F}" + FieldsJSON.encode(fields) + "\u{1F}y").utf8)
        #expect(FieldsJSON.decode(utf8: lists[2..<(lists.count - 2)]) == fields)
        // Not an object of strings: what was read before the fault.
        #expect(FieldsJSON.decode(#"{"A":"1","B":2}"#) == ["A": "1"])
        #expect(FieldsJSON.decode(#"{"A":"unended"#) == [:])
    }
}
