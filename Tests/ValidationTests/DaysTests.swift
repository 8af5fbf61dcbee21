import Testing

@testable import WaymarkValidation

@Suite struct DaysTests {
    @Test func daysAreReadAsTheReturnsWriteThem() {
        #expect(Days.ddmmyyyy("31/03/2026") == Days.number(year: 2026, month: 3, day: 31))
        #expect(Days.ddmmyyyy("1/4/2025") == Days.number(year: 2025, month: 4, day: 1))
        #expect(Days.ddmmyyyy("") == Days.blank)
        #expect(Days.ddmmyyyy("31/02/2026") == Days.invalid)
        // Forms some case systems export: no day to the rules, and reported for their column, not row by row.
        #expect(Days.ddmmyyyy("2026-03-31") == Days.misformatted && Days.ddmmyyyy("31/03/26") == Days.misformatted)
        #expect(!Days.isDay(Days.misformatted))
        #expect(Days.ddmmyyyy("2026-02-31") == Days.invalid && Days.ddmmyyyy("31/3/2") == Days.invalid)
        #expect(Days.number(year: 1970, month: 1, day: 1) == 0)
        #expect(Days.civil(Days.number(year: 2024, month: 2, day: 29)) == (2024, 2, 29))
    }

    @Test func ageCountsFromTheBirthdayItself() {
        let born = Days.number(year: 2010, month: 3, day: 31)
        #expect(Days.age(born: born, on: Days.number(year: 2026, month: 3, day: 30)) == 15)
        #expect(Days.age(born: born, on: Days.number(year: 2026, month: 3, day: 31)) == 16)
        // Born on 29 February: 18 on 1 March in a year without one.
        let leap = Days.number(year: 2008, month: 2, day: 29)
        #expect(Days.age(born: leap, on: Days.number(year: 2026, month: 2, day: 28)) == 17)
        #expect(Days.age(born: leap, on: Days.number(year: 2026, month: 3, day: 1)) == 18)
        #expect(Days.birthday(18, born: leap) == Days.number(year: 2026, month: 3, day: 1))
    }

    @Test func collectionYearsAreNamedByTheYearTheyEnd() {
        let year = CollectionYear(endYear: 2026)
        #expect(year.description == "2025/26")
        #expect(year.start == Days.number(year: 2025, month: 4, day: 1))
        #expect(year.end == Days.number(year: 2026, month: 3, day: 31))
    }
}
