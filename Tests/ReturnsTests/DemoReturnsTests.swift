import Foundation
import Testing
import WaymarkDomain

@testable import WaymarkReturns

/// The demo children: the same seed and last day give the same children; their journeys are in order, on working
/// days, in the borough's rough proportions, and end by the last day; a collection year's returns hold only that
/// year's activity; and they read back through the same readers as real returns.
@Suite struct DemoReturnsTests {
    static let lastDay = ISODay(year: 2026, month: 12, day: 6)
    let demo = DemoReturns(children: 3_000, seed: 42, through: Self.lastDay)

    @Test func theSameSeedAndDayGiveTheSameChildren() {
        let again = DemoReturns(children: 3_000, seed: 42, through: Self.lastDay)
        #expect(again.census.children == demo.census.children)
        #expect(again.ssda903.rows == demo.ssda903.rows)
        #expect(DemoReturns(children: 3_000, seed: 43, through: Self.lastDay).census.children != demo.census.children)
        // Made a day later, the children's lives are laid out again to the new last day.
        #expect(DemoReturns(children: 3_000, seed: 42, through: Self.lastDay.adding(days: 1)).census.children != demo.census.children)
    }

    @Test func collectionYearsAreNamedByTheYearTheyEnd() {
        #expect(DemoReturns.collectionYear(holding: ISODay(year: 2026, month: 12, day: 6)) == 2027)
        #expect(DemoReturns.collectionYear(holding: ISODay(year: 2026, month: 4, day: 1)) == 2027)
        #expect(DemoReturns.collectionYear(holding: ISODay(year: 2026, month: 3, day: 31)) == 2026)
        #expect(DemoReturns.latestCompleteYear(on: ISODay(year: 2026, month: 12, day: 6)) == 2026)
        #expect(DemoReturns.latestCompleteYear(on: ISODay(year: 2026, month: 3, day: 31)) == 2026)
        #expect(DemoReturns.latestCompleteYear(on: ISODay(year: 2026, month: 3, day: 30)) == 2025)
    }

    /// The 2025/26 returns of a demo made in December 2026 hold what was going on between 1 April 2025 and 31 March
    /// 2026, and nothing later: no end, authorisation, conference or review after the year, none before it.
    @Test func aCollectionYearHoldsOnlyItsOwnActivity() throws {
        let (ssda903, census) = demo.collection(2026)
        let starts = "2025-04-01", ends = "2026-03-31"
        #expect(census.header.referenceDate == ends && census.header.year == "2026")
        #expect(!census.children.isEmpty && census.children.count < demo.census.children.count)
        for episode in census.children.flatMap(\.episodes) {
            #expect(episode.referralDate <= ends && (episode.closureDate.map { $0 >= starts && $0 <= ends } ?? true))
            for assessment in episode.assessments {
                #expect(assessment.authorised.map { $0 >= starts && $0 <= ends } ?? assessment.factors.isEmpty)
            }
            for plan in episode.protectionPlans {
                #expect(plan.end.map { $0 >= starts && $0 <= ends } ?? true)
                #expect(plan.reviews.allSatisfy { $0 >= starts && $0 <= ends })
            }
            #expect(episode.section47s.allSatisfy { $0.dateOfInitialCPC.map { $0 >= starts && $0 <= ends } ?? true })
        }
        let yearEnd = ISODay(ends)!
        for row in ssda903.rows[.episodes] ?? [] {
            #expect(row.date(.decom)! <= yearEnd && (row.date(.dec).map { $0 <= yearEnd && $0 >= ISODay(starts)! } ?? true))
        }
        #expect((ssda903.rows[.reviews] ?? []).allSatisfy { $0.date(.review)! <= yearEnd })
        #expect(!(ssda903.rows[.oc2] ?? []).isEmpty && !(ssda903.rows[.oc3] ?? []).isEmpty)
        // Every child in the return has its header row; a child only in later years' has none.
        let headers = Set((ssda903.rows[.header] ?? []).map(\.childID))
        #expect(Set((ssda903.rows[.episodes] ?? []).map(\.childID)).isSubset(of: headers))
        #expect(headers.count < Set((demo.ssda903.rows[.header] ?? []).map(\.childID)).count)
    }

    @Test func journeysAreInOrderAndOnWorkingDays() throws {
        let calendar = WorkingDays.englandAndWales
        let lastDay = Self.lastDay
        for child in demo.census.children {
            let birth = try #require(child.birthDate.flatMap { ISODay($0) })
            for episode in child.episodes {
                let referral = try #require(ISODay(episode.referralDate))
                #expect(calendar.isWorkingDay(referral) && referral > birth && referral <= lastDay)
                for assessment in episode.assessments {
                    let start = try #require(ISODay(assessment.start))
                    #expect(start >= referral && calendar.isWorkingDay(start))
                    if let authorised = assessment.authorised.flatMap({ ISODay($0) }) { #expect(authorised > start && authorised <= lastDay) }
                }
                for enquiry in episode.section47s {
                    let start = try #require(ISODay(enquiry.start))
                    #expect(enquiry.initialConferenceTarget == calendar.adding(15, to: start).description)
                    if let conference = enquiry.dateOfInitialCPC.flatMap({ ISODay($0) }) { #expect(conference > start) }
                }
                for plan in episode.protectionPlans {
                    #expect(plan.reviews == plan.reviews.sorted() && plan.reviews.allSatisfy { $0 > plan.start })
                }
                if let closure = episode.closureDate { #expect(closure >= episode.referralDate && closure <= lastDay.description) }
            }
        }
        for row in demo.ssda903.rows[.episodes] ?? [] {
            #expect(row.date(.decom).map(calendar.isWorkingDay) == true)
            #expect(row.date(.decom)! <= lastDay)
            if let end = row.date(.dec) { #expect(end > row.date(.decom)! && end <= lastDay) }
        }
    }

    @Test func theProportionsAreTheBoroughs() {
        let episodes = demo.census.children.flatMap(\.episodes)
        let share = { (count: Int) in Double(count) / Double(episodes.count) }
        // A quarter of referrals end with no further action.
        #expect((0.2...0.3).contains(share(episodes.filter { $0.referralNFA == "true" }.count)))
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
        let demo = DemoReturns(children: 15_000, seed: 3, through: ISODay(year: 2026, month: 3, day: 31))
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
