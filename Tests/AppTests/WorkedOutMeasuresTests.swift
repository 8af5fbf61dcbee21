import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkApp
@testable import WaymarkMeasuresArea
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("Measures worked out from the records", .serialized)
struct WorkedOutMeasuresTests {
    /// Many people open the index at once after a night's import: the values are made once, and every request gets
    /// them; a new day or import (another key) makes them again; values that could not be made are not kept.
    @Test func valuesAreMadeOnceHoweverManyAskAtOnce() async throws {
        let kept = WorkedOutValuesKept()
        let make: @Sendable () async throws -> WorkedOutValues = {
            try await Task.sleep(for: .milliseconds(200))
            return WorkedOutValues(byCode: ["assessments": []])
        }
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<5 { group.addTask { try await kept.values(for: "7 December", make: make).byCode.count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers == [1, 1, 1, 1, 1])
        #expect(await kept.made == 1)
        _ = try await kept.values(for: "7 December", make: make)
        #expect(await kept.made == 1)
        struct Broken: Error {}
        await #expect(throws: Broken.self) { try await kept.values(for: "8 December") { throw Broken() } }
        _ = try await kept.values(for: "8 December", make: make)
        #expect(await kept.made == 3)
    }

    /// Twelve children referred from 1 April 2025 (the year's first day, so the records cover the year) to 12 June,
    /// each assessed: nine within ten days of the referral (well inside 45 working days), three five months after it
    /// (well outside). The 2025-26 figure is 9 of 12: 75%. A thirteenth child, referred in June 2023 and still open, is
    /// in the census too: the census does not cover 2023-24, so no figure is worked out for that year.
    static func census() -> Data {
        let children = (1...13).map { number in
            let referred = number == 13 ? ISODay(year: 2023, month: 6, day: 1) : ISODay(year: 2025, month: 4 + (number - 1) / 4, day: number)
            let authorised = number <= 9 ? referred.adding(days: 10) : referred.adding(months: 5)
            return """
                <Child><ChildIdentifiers><LAchildID>W\(number)</LAchildID><UPNunknown>UN1</UPNunknown>
                <PersonBirthDate>2014-05-0\(number % 9 + 1)</PersonBirthDate><Sex>\(number % 2 == 0 ? "F" : "M")</Sex></ChildIdentifiers>
                <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
                <CINdetails><CINreferralDate>\(referred)</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
                <ReferralNFA>false</ReferralNFA>
                <Assessments><AssessmentActualStartDate>\(referred)</AssessmentActualStartDate>
                <AssessmentAuthorisationDate>\(authorised)</AssessmentAuthorisationDate></Assessments></CINdetails></Child>
                """
        }
        return Data(
            """
            <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate>
            </CollectionDetails></Header><Children>\(children.joined())</Children></Message>
            """.utf8)
    }

    @Test(
        "An indicator whose code is a Performance Matters measure shows the figures worked out from the records, with the children behind them",
        arguments: TestDatabase.available)
    func assessments(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let leader = try await app.signIn(as: .leadership), partner = try await app.signIn(as: .partner)
            // Before any records, the indicator says how its figures will come.
            try await app.testing().test(.GET, "/measures/assessments", headers: leader.headers) { res in
                #expect(res.body.string.contains("No records cover a whole period yet"))
            }
            _ = try await ReturnLoading.load(.cin((name: "census.xml", data: Self.census())), by: .commandLine, on: app.db)

            try await app.testing().test(.GET, "/measures/assessments", headers: leader.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("<h2 id=\"worked-out\">Worked out from the children's records</h2>"))
                // The whole year the records cover, linked to its children; the year under way has none yet.
                #expect(
                    body.contains(
                        "<th scope=\"row\">1 April 2025 to 31 March 2026</th><td><a href=\"/performance/measures/assessments?period=2025-04-01..2026-03-31\">75% (9 of 12)</a></td>"
                    ))
                #expect(body.contains("(so far)</th><td>None counted</td>"))
                // The months from the first referral to the last whole month with records: April to June 2025.
                #expect(body.contains("<th scope=\"row\">June 2025</th>") && body.contains("<th scope=\"row\">April 2025</th>"))
                #expect(!body.contains("<th scope=\"row\">March 2025</th>"))
                #expect(!body.contains("1 April 2023 to 31 March 2024") && !body.contains("1 April 2024 to 31 March 2025"))
                // The chart takes the year as Barnet's value beside England's.
                #expect(body.contains("Barnet was 75% in FY2025-26."))
            }
            // The children behind the year: the same 12 on Performance Matters.
            try await app.testing().test(.GET, "/performance/measures/assessments?period=2025-04-01..2026-03-31", headers: leader.headers) { res in
                #expect(res.body.string.contains("75.0% (9 of 12)."))
            }
            // On the index, the latest value with where it came from.
            try await app.testing().test(.GET, "/measures", headers: partner.headers) { res in
                let body = res.body.string
                #expect(body.contains("<span class=\"tag tag--none\">Worked out from the children's records</span>"))
                #expect(body.contains("<strong>75%</strong><div class=\"hint\">FY2025-26</div>"))
            }
            // A partner, who may not see the children: the year (12 counted) but no link, and no month of fewer than 10.
            try await app.testing().test(.GET, "/measures/assessments", headers: partner.headers) { res in
                let body = res.body.string
                #expect(body.contains("<th scope=\"row\">1 April 2025 to 31 March 2026</th><td>75% (9 of 12)</td>"))
                #expect(body.contains("<th scope=\"row\">April 2025</th><td>Not shown: fewer than 10 counted</td>"))
                #expect(!body.contains("/performance/measures/"))
            }
        }
    }
}
