import Foundation
import Testing
import WaymarkDomain

/// Hand-worked examples for the plan's rules: what is overdue, what needs an update, who may update,
/// how a set of actions is summed up, and the filters.
@Suite struct PlanRulesTests {
    static let barnetHomes = ActionRecord.Party(id: "org-bh", name: "Barnet Homes")
    static let familyServices = ActionRecord.Party(id: "org-fs", name: "Barnet Council – Family Services")
    static let homelessnessPlan = ActionRecord.Party(id: "board-h", name: "Homelessness Strategic Plan")

    static func action(
        ref: String = "2.2.2", due: String? = nil, status: ActionStatus = .onTrack, progress: Int = 0, rag: RAG? = nil,
        lastUpdate: String? = nil, lead: String? = nil, responsible: [ActionRecord.Party] = [barnetHomes, familyServices]
    ) -> ActionRecord {
        ActionRecord(
            id: ref, planSlug: "cypp", planTitle: "CYPP", outcomeRef: "2", outcomeName: "Safe and Secure",
            principles: [.bestInterests], objectiveRef: "2.2",
            objectiveTitle: "Help children to live in safe and supportive families and communities",
            ref: ref, title: "Develop and deliver a new Youth Homelessness Strategy", lead: lead, due: due.flatMap { ISODay($0) },
            status: status, progress: progress, rag: rag, responsible: responsible, monitoring: [homelessnessPlan],
            lastUpdate: lastUpdate.flatMap { ISODay($0) })
    }

    let today = ISODay("2026-11-22")!

    @Test func anOpenActionPastItsDueDayIsOverdueButNotOnTheDayItself() {
        #expect(Self.action(due: "2026-11-21").isOverdue(on: today))
        #expect(!Self.action(due: "2026-11-22").isOverdue(on: today))
        #expect(!Self.action(due: "2026-11-21", status: .complete).isOverdue(on: today))
        #expect(!Self.action(due: "2026-11-21", status: .cancelled).isOverdue(on: today))
        #expect(!Self.action(due: nil).isOverdue(on: today))
    }

    @Test func dueSoonMeansWithinTwentyEightDays() {
        // 22 November + 28 days = 20 December.
        #expect(Self.action(due: "2026-12-20").isDueSoon(on: today))
        #expect(!Self.action(due: "2026-12-21").isDueSoon(on: today))
        #expect(!Self.action(due: "2026-11-21").isDueSoon(on: today), "overdue is not 'due soon'")
    }

    @Test func anActionNeedsAnUpdateAfterThirtyDaysWithoutOne() {
        // 23 October to 22 November is 30 days.
        #expect(Self.action(lastUpdate: "2026-10-23").needsUpdate(on: today))
        #expect(!Self.action(lastUpdate: "2026-10-24").needsUpdate(on: today))
        #expect(Self.action(lastUpdate: nil).needsUpdate(on: today))
        #expect(!Self.action(status: .complete, lastUpdate: nil).needsUpdate(on: today))
    }

    @Test func daysBetweenDatesCrossMonthsYearsAndLeapDays() {
        #expect(ISODay("2024-02-28")!.days(until: ISODay("2024-03-01")!) == 2)
        #expect(ISODay("2023-02-28")!.days(until: ISODay("2023-03-01")!) == 1)
        #expect(ISODay("2025-12-31")!.days(until: ISODay("2026-01-01")!) == 1)
        #expect(ISODay("2026-11-22")!.days(until: ISODay("2026-10-23")!) == -30)
        #expect(ISODay("2023-02-29") == nil)
        #expect(ISODay("2024-02-29")?.description == "2024-02-29")
    }

    @Test func aDayIsReadOnlyFromTenCharactersWrittenYearMonthDay() {
        for refused in [
            "", "2024-2-29", "2024-02-29 ", "2024/02/29", "2024-00-10", "2024-13-01", "2024-04-31", "2O24-01-01", "20240-1-01", "2024-02-2x",
        ] {
            #expect(ISODay(refused) == nil, "\(refused)")
        }
        #expect(ISODay("1900-02-29") == nil)
        #expect(ISODay("2000-02-29") == ISODay(year: 2000, month: 2, day: 29))
        #expect(ISODay("0001-01-01") == ISODay(year: 1, month: 1, day: 1))
        // From part of a longer text, as readers slice dates out of timestamps.
        #expect(ISODay("2026-03-31T09:00:00Z".prefix(10)) == ISODay(year: 2026, month: 3, day: 31))
        #expect(ISODay(Substring("x2026-03-31").dropFirst()) == ISODay(year: 2026, month: 3, day: 31))
        let bytes = Array("x2026-03-31|".utf8)
        #expect(ISODay(utf8: bytes[1..<11]) == ISODay(year: 2026, month: 3, day: 31))
        #expect(ISODay(utf8: bytes[1..<12]) == nil && ISODay(utf8: bytes[0..<0]) == nil)
    }

    @Test func aPartnerMayUpdateOnlyActionsItsOrganisationIsResponsibleFor() {
        let action = Self.action()
        #expect(ActionUpdateRule.mayUpdate(action, role: .partner, organisationID: "org-bh", displayName: "Pat"))
        #expect(!ActionUpdateRule.mayUpdate(action, role: .partner, organisationID: "org-police", displayName: "Pat"))
        #expect(!ActionUpdateRule.mayUpdate(action, role: .partner, organisationID: nil, displayName: "Pat"))
    }

    @Test func theNamedLeadMayUpdateEvenFromAnotherOrganisation() {
        let action = Self.action(lead: "Sam Lead")
        #expect(ActionUpdateRule.mayUpdate(action, role: .headOfService, organisationID: "org-x", displayName: "Sam Lead"))
        #expect(!ActionUpdateRule.mayUpdate(action, role: .headOfService, organisationID: "org-x", displayName: "Someone Else"))
    }

    @Test func administratorsMayUpdateAnythingAndReadOnlyRolesNothing() {
        let action = Self.action()
        #expect(ActionUpdateRule.mayUpdate(action, role: .systemAdmin, organisationID: nil, displayName: "Admin"))
        for role in [Role.qaAuditor, .boardMember, .readOnly] {
            #expect(!ActionUpdateRule.mayUpdate(action, role: role, organisationID: "org-bh", displayName: "X"), "\(role)")
        }
    }

    @Test func theSpreadCountsRAGsAndAveragesProgressLeavingOutCancelledActions() {
        let spread = RAGSpread([
            Self.action(ref: "a", progress: 50, rag: .red),
            Self.action(ref: "b", progress: 25, rag: .amber),
            Self.action(ref: "c", status: .complete, progress: 100, rag: .green),
            Self.action(ref: "d", progress: 0),
            Self.action(ref: "e", status: .cancelled, progress: 10),
        ])
        #expect(spread.red == 1 && spread.amber == 1 && spread.green == 1 && spread.notRated == 2)
        #expect(spread.total == 5 && spread.complete == 1)
        // (50 + 25 + 100 + 0) / 4 = 43.75, shown as 44.
        #expect(spread.averageProgress == 44)
        #expect(spread.overall == .red)
        #expect(RAGSpread([Self.action(rag: .green), Self.action()]).overall == .green)
        #expect(RAGSpread([Self.action()]).overall == nil)
        #expect(RAGSpread([]).averageProgress == nil)
    }

    @Test func filtersCombineAndWordsMatchAnywhereInAnyCase() {
        let action = Self.action(due: "2026-12-01", rag: .amber)
        #expect(ActionFilter().matches(action))
        #expect(ActionFilter(organisationID: "org-bh", boardID: "board-h", status: .onTrack).matches(action))
        #expect(!ActionFilter(organisationID: "org-police").matches(action))
        #expect(ActionFilter(rag: .rated(.amber)).matches(action))
        #expect(!ActionFilter(rag: .notRated).matches(action))
        #expect(ActionFilter(dueBy: ISODay("2026-12-01")).matches(action))
        #expect(!ActionFilter(dueBy: ISODay("2026-11-30")).matches(action))
        #expect(ActionFilter(principle: .bestInterests).matches(action))
        #expect(!ActionFilter(principle: .dignity).matches(action))
        #expect(ActionFilter(text: "youth HOMELESSNESS barnet homes").matches(action))
        #expect(!ActionFilter(text: "youth zone").matches(action))
        #expect(ActionFilter(text: "  ").isEmpty)
        #expect(!ActionFilter(status: .atRisk).isEmpty)
    }
}

@Suite struct ActionUpdateInputTests {
    func input(
        commentary: String = "Strategy drafted with young people.", status: String = "on-track", progress: String = "40",
        rag: String = "", ragReason: String = "", evidence: String = ""
    ) -> ActionUpdateInput {
        ActionUpdateInput(commentary: commentary, status: status, progress: progress, rag: rag, ragReason: ragReason, evidence: evidence)
    }

    @Test func aGoodUpdateIsAccepted() throws {
        let checked = try input(rag: "green", evidence: "https://example.org/minutes\n\n https://example.org/plan ").check().get()
        #expect(checked.status == .onTrack && checked.progress == 40 && checked.rag == .green)
        #expect(checked.evidenceLinks == ["https://example.org/minutes", "https://example.org/plan"])
        #expect(checked.ragReason == nil)
    }

    @Test func everyMistakeIsNamedByItsField() {
        guard
            case .failure(let mistakes) = input(commentary: "  ", status: "live", progress: "140", rag: "amber", evidence: "www.example.org").check()
        else {
            Issue.record("expected mistakes")
            return
        }
        #expect(mistakes.all.map(\.field) == ["commentary", "status", "progress", "ragReason", "evidence"])
    }

    @Test func completeMeansAHundredPerCent() {
        guard case .failure(let mistakes) = input(status: "complete", progress: "90").check() else {
            Issue.record("expected a mistake")
            return
        }
        #expect(mistakes.all == [.init(field: "progress", message: "A complete action is 100% complete")])
    }
}

@Suite struct ScrutinyInputTests {
    let today = ISODay("2026-11-22")!

    @Test func aMeetingTodayOrEarlierIsAccepted() throws {
        let checked = try ScrutinyInput(
            metOn: "2026-11-22", attendees: " Children in Care Council: 7 young people ", findings: "Asked for the local offer in plain English."
        )
        .check(today: today).get()
        #expect(checked.metOn == today && checked.attendees == "Children in Care Council: 7 young people")
    }

    @Test func aFutureOrMissingDayAndBlankFieldsAreRefused() {
        guard case .failure(let future) = ScrutinyInput(metOn: "2026-11-23", attendees: "x", findings: "y").check(today: today),
            case .failure(let blank) = ScrutinyInput(metOn: "23/11/2026", attendees: " ", findings: "").check(today: today)
        else {
            Issue.record("expected mistakes")
            return
        }
        #expect(future.all.map(\.message) == ["The meeting must be today or in the past"])
        #expect(blank.all.map(\.field) == ["metOn", "attendees", "findings"])
    }
}

@Suite struct ISODayArithmeticTests {
    @Test func aDayInWords() {
        #expect(ISODay(year: 2025, month: 4, day: 17).inWords == "Thursday 17 April 2025")
        #expect(ISODay(year: 2026, month: 11, day: 22).inWords == "Sunday 22 November 2026")
        #expect(ISODay(year: 2026, month: 12, day: 6).written == "6 December 2026")
    }

    @Test func readingADay() {
        #expect(ISODay("2024-02-29") == ISODay(year: 2024, month: 2, day: 29))
        #expect(ISODay(Substring("x2025-06-02").dropFirst()) == ISODay(year: 2025, month: 6, day: 2))
        for wrong in [
            "2023-02-29", "2025-13-01", "2025-00-10", "2025-06-31", "2025-6-02", "2025/06/02", "2025-06-02 ", "25-06-2025", "", "２０２５-06-02",
        ] {
            #expect(ISODay(wrong) == nil, "\(wrong)")
        }
    }

    @Test func daysMonthsAndWeekdays() {
        let day = ISODay(year: 2024, month: 2, day: 28)
        #expect(day.adding(days: 1) == ISODay(year: 2024, month: 2, day: 29)) // a leap year
        #expect(day.adding(days: 2) == ISODay(year: 2024, month: 3, day: 1))
        #expect(ISODay(year: 2025, month: 12, day: 31).adding(days: 1) == ISODay(year: 2026, month: 1, day: 1))
        #expect(ISODay(year: 2026, month: 1, day: 1).adding(days: -1) == ISODay(year: 2025, month: 12, day: 31))
        #expect(ISODay(year: 2025, month: 1, day: 31).adding(months: 1) == ISODay(year: 2025, month: 2, day: 28))
        #expect(ISODay(year: 2025, month: 11, day: 30).adding(months: 3) == ISODay(year: 2026, month: 2, day: 28))
        // 22 November 2026 is a Sunday; 1 January 2024 a Monday; 29 February 2024 a Thursday.
        #expect(ISODay(year: 2026, month: 11, day: 22).weekday == 7 && ISODay(year: 2026, month: 11, day: 22).isWeekend)
        #expect(ISODay(year: 2024, month: 1, day: 1).weekday == 1)
        #expect(ISODay(year: 2024, month: 2, day: 29).weekday == 4)
        for offset in -1000...1000 { #expect(day.adding(days: offset).days(until: day) == -offset) }
    }
}

@Suite struct WorkingDaysTests {
    let calendar = WorkingDays.englandAndWales

    @Test func weekendsAndBankHolidaysAreSkipped() {
        // Thursday 17 April 2025 + 1 working day: Good Friday, the weekend and Easter Monday are skipped.
        #expect(calendar.adding(1, to: ISODay(year: 2025, month: 4, day: 17)) == ISODay(year: 2025, month: 4, day: 22))
        // A Saturday counts from the Monday after.
        #expect(calendar.adding(0, to: ISODay(year: 2026, month: 11, day: 21)) == ISODay(year: 2026, month: 11, day: 23))
        // 45 working days from Monday 1 December 2025: Christmas, Boxing Day and New Year's Day skipped.
        #expect(calendar.adding(45, to: ISODay(year: 2025, month: 12, day: 1)) == ISODay(year: 2026, month: 2, day: 5))
        // Every holiday listed is a weekday (substitute days are).
        #expect(calendar.bankHolidays.allSatisfy { !$0.isWeekend })
    }

    @Test func theBundledFileCovers2015To2030() {
        let years = Dictionary(grouping: calendar.bankHolidays, by: \.year)
        #expect(Set(years.keys) == Set(2015...2030))
        // Eight a year; ten in 2022 (the jubilee moved the spring holiday and added one; the state funeral); nine in
        // 2023 (the coronation).
        #expect(years.mapValues(\.count) == Dictionary(uniqueKeysWithValues: (2015...2030).map { ($0, [2022: 10, 2023: 9][$0] ?? 8) }))
        for day in ["2015-12-28", "2016-12-27", "2017-01-02", "2020-05-08", "2022-09-19", "2023-05-08", "2028-01-03", "2030-04-19"] {
            #expect(calendar.bankHolidays.contains(ISODay(day)!), "\(day)")
        }
        #expect(!calendar.bankHolidays.contains(ISODay("2020-05-04")!)) // moved to VE day
    }

    @Test func aBankHolidayFileInGOVUKsFormat() throws {
        let file =
            #"{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "Boxing Day", "date": "2031-12-26", "notes": "", "bunting": true}]}, "scotland": {"division": "scotland", "events": []}}"#
        #expect(try BankHolidays.englandAndWales(from: Data(file.utf8)).bankHolidays == [ISODay(year: 2031, month: 12, day: 26)])
        let wrong = #"{"england-and-wales": {"events": [{"date": "2031-12-26"}, {"date": "26/12/2032"}]}}"#
        #expect(throws: BankHolidays.Problem(description: #"england-and-wales.events[1].date "26/12/2032": not a date written yyyy-mm-dd"#)) {
            try BankHolidays.englandAndWales(from: Data(wrong.utf8))
        }
        #expect(throws: BankHolidays.Problem.self) { try BankHolidays.englandAndWales(from: Data("[]".utf8)) }
    }

    @Test func countingTheWorkingDaysBetweenTwoDays() {
        // Due Thursday 17 April 2025, done Wednesday 23rd: Good Friday, the weekend and Easter Monday do not count.
        #expect(calendar.count(after: ISODay(year: 2025, month: 4, day: 17), through: ISODay(year: 2025, month: 4, day: 23)) == 2)
        #expect(calendar.count(after: ISODay(year: 2025, month: 4, day: 23), through: ISODay(year: 2025, month: 4, day: 17)) == -2)
        #expect(calendar.count(after: ISODay(year: 2025, month: 4, day: 17), through: ISODay(year: 2025, month: 4, day: 17)) == 0)
        // Due on a Friday, done the Saturday after: no working day late.
        #expect(calendar.count(after: ISODay(year: 2026, month: 11, day: 20), through: ISODay(year: 2026, month: 11, day: 21)) == 0)
    }

    /// Adding is worked out, not walked: it must agree with walking day by day, forwards and backwards, from every
    /// kind of day (weekdays, weekends, bank holidays and the days beside them) from 2015 to 2030.
    @Test func addingAgreesWithWalkingDayByDay() {
        func walked(_ count: Int, from day: ISODay) -> ISODay {
            let step = count < 0 ? -1 : 1
            var current = day
            while !calendar.isWorkingDay(current) { current = current.adding(days: step) }
            var left = abs(count)
            while left > 0 {
                current = current.adding(days: step)
                if calendar.isWorkingDay(current) { left -= 1 }
            }
            return current
        }
        let holidays = calendar.bankHolidays.flatMap { [$0.adding(days: -1), $0, $0.adding(days: 1)] }
        let days = holidays + stride(from: 0, to: 5_800, by: 13).map { ISODay(year: 2015, month: 1, day: 1).adding(days: $0) }
        for day in days {
            for count in [-45, -15, -10, -3, -1, 0, 1, 2, 3, 5, 10, 15, 20, 45, 130] {
                #expect(calendar.adding(count, to: day) == walked(count, from: day), "\(day) + \(count)")
            }
        }
        #expect(days.count > 700)
    }

    /// The count is worked out, not walked: it must agree with walking day by day, over weekends and every bank
    /// holiday from 2015 to 2030.
    @Test func countingAgreesWithWalkingDayByDay() {
        var checked = 0
        for startOffset in stride(from: 0, to: 5_800, by: 37) {
            let start = ISODay(year: 2015, month: 1, day: 1).adding(days: startOffset)
            for length in [0, 1, 2, 3, 6, 7, 8, 13, 45, 100, 367] {
                let end = start.adding(days: length)
                var walked = 0, day = start
                while day < end {
                    day = day.adding(days: 1)
                    if calendar.isWorkingDay(day) { walked += 1 }
                }
                #expect(calendar.count(after: start, through: end) == walked, "\(start) to \(end)")
                #expect(calendar.count(after: end, through: start) == -walked)
                checked += 1
            }
        }
        #expect(checked > 1_500)
    }

    @Test func countingBackwards() {
        // Tuesday 22 April 2025 − 1 working day: Easter Monday, the weekend and Good Friday are skipped.
        #expect(calendar.adding(-1, to: ISODay(year: 2025, month: 4, day: 22)) == ISODay(year: 2025, month: 4, day: 17))
        // A Sunday counts from the Friday before: Sunday 23 November 2026 − 1 is Thursday 20th.
        #expect(calendar.adding(-1, to: ISODay(year: 2026, month: 11, day: 22)) == ISODay(year: 2026, month: 11, day: 19))
    }
}

@Suite("Evidence links")
struct EvidenceLinkTests {
    @Test(
        "Only real https addresses are taken as evidence; anything that could end a link's markup is refused",
        arguments: [
            ("https://e.example/report.pdf", true), ("https://barnet.gov.uk/plan?year=2026&part=2#actions", true), ("HTTPS://E.EXAMPLE", true),
            ("https://e.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", false),
            ("http://e.example", false), ("javascript:alert(1)", false), ("https://", false), ("https:///path", false),
            ("https://e.example/a b", false), ("https://e.example/<script>", false), ("https://e.example/'x", false), ("https://e.example\\x", false),
            ("ftp://e.example", false), ("e.example", false),
        ])
    func webAddresses(link: String, taken: Bool) {
        #expect(ActionUpdateInput.isWebAddress(link) == taken)
    }
}

@Suite struct PlanStandingTests {
    static let starts = ISODay(year: 2019, month: 4, day: 1), ends = ISODay(year: 2023, month: 3, day: 31)

    @Test func anActivePlanIsInForceOnlyWithinItsDates() {
        func standing(_ today: ISODay) -> PlanStanding { PlanStanding(status: .active, starts: Self.starts, ends: Self.ends, on: today) }
        #expect(standing(ISODay(year: 2019, month: 4, day: 1)) == .inForce)
        #expect(standing(ISODay(year: 2023, month: 3, day: 31)) == .inForce)
        #expect(standing(ISODay(year: 2023, month: 4, day: 1)) == .ended(Self.ends))
        #expect(standing(ISODay(year: 2026, month: 12, day: 7)).displayName == "Ended 31 March 2023")
        #expect(standing(ISODay(year: 2019, month: 3, day: 31)).displayName == "Starts 1 April 2019")
    }

    @Test func draftsAndArchivedPlansStaySoWhateverTheDay() {
        #expect(PlanStanding(status: .draft, starts: Self.starts, ends: Self.ends, on: ISODay(year: 2020, month: 1, day: 1)) == .draft)
        #expect(PlanStanding(status: .archived, starts: nil, ends: nil, on: ISODay(year: 2020, month: 1, day: 1)).displayName == "Archived")
        #expect(PlanStanding(status: .active, starts: nil, ends: nil, on: ISODay(year: 2020, month: 1, day: 1)) == .inForce)
    }
}
