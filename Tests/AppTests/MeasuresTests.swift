import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("Measures", .serialized)
struct MeasuresTests {
    @Test("The Family Friendly Index shows the nine measures with their indicators, comparators and judgements", arguments: TestDatabase.available)
    func dashboard(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let partner = try await app.signIn(as: .partner)
            try await app.testing().test(.GET, "/measures", headers: partner.headers) { res in
                #expect(res.status == .ok)
                let body = res.body.string
                #expect(body.contains("1. There are low figures of crime involving children and young people"))
                #expect(body.contains("9. There is a strong social care service that builds resilience"))
                // Low income families: 13.5% against England 16.8% and London 18.8%; lower is better.
                #expect(body.contains("Children living in low income families"))
                #expect(body.contains("England 16.8%: "))
                #expect(body.contains("London 18.8%: "))
                // Free school meals: 16.7% against 14.5% for England, shown without a judgement (no polarity).
                #expect(body.contains("England 14.5%: "))
                #expect(body.contains("Not judged"))
                // Pupils at good or outstanding schools: 94% against the plan's 100% is red.
                #expect(body.contains("Target 100%"))
                // Every indicator at a glance, with the count of judgements in its sentence.
                #expect(body.contains("Every indicator at a glance"))
                #expect(body.contains("falls short") || body.contains("fall short"))
            }
            // The other way round: the outcome and the action show their indicators.
            try await app.testing().test(.GET, "/plans/cypp-2019-2023/outcomes/1", headers: partner.headers) { res in
                #expect(res.body.string.contains("<a href=\"/measures/low-income-families\">Children living in low income families</a>"))
                // The "What we know" figure links to the indicator that tracks it.
                #expect(
                    res.body.string.contains(
                        "<td><a href=\"/measures/low-income-families\">Young people living in low income families (compared to 18.8% in London)</a></td>"
                    ))
            }
            // Bars by ward: the three wards the key facts name, highest first.
            try await app.testing().test(.GET, "/measures/population-aged-0-19-share", headers: partner.headers) { res in
                #expect(res.body.string.contains("Of 3 wards, Golders Green is highest at 32% and Burnt Oak lowest at 29%."))
            }
            try await app.testing().test(.GET, "/plans/cypp-2019-2023/actions/4.1.1", headers: partner.headers) { res in
                #expect(res.body.string.contains("<a href=\"/measures/good-outstanding-school-places\">"))
            }
            try await app.testing().test(.GET, "/measures/low-income-families", headers: partner.headers) { res in
                let body = res.body.string
                #expect(body.contains("Data for the chart: Children living in low income families"))
                #expect(body.contains("Barnet was 13.5% in 2016. England: 16.8% in 2016. London: 18.8% in 2016."))
                #expect(body.contains("Outcome: Family and Belonging"))
                #expect(body.contains("Outcome: Family and Belonging"))
                // A partner reads but does not enter values.
                #expect(!body.contains("Save value"))
            }
        }
    }

    @Test("A red value asks for commentary, then is saved with it; bad input changes nothing", arguments: TestDatabase.available)
    func redValueNeedsCommentary(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let manager = try await app.signIn(as: .teamManager)
            let path = "/measures/neet-16-17"
            func post(_ fields: [(String, String)]) async throws -> TestingHTTPResponse {
                var response: TestingHTTPResponse?
                try await app.testing().test(
                    .POST, path, headers: HTTPHeaders.form().merging(manager.headers),
                    body: formBody([("csrfToken", manager.csrfToken)] + fields)
                ) { response = $0 }
                return response!
            }
            let bad = try await post([("period", "2018-13"), ("value", "12,5"), ("target", "2")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("&quot;12,5&quot; is not a number") || bad.body.string.contains("\"12,5\" is not a number"))
            let red = try await post([("period", "2018"), ("value", "3.5"), ("target", "2"), ("targetOrigin", "local")])
            #expect(red.status == .unprocessableEntity)
            #expect(red.body.string.contains("This value is red against its target"))
            #expect(try await IndicatorValue.query(on: app.db).filter(\.$period == "2018").count() == 0)

            let saved = try await post([
                ("period", "2018"), ("value", "3.5"), ("target", "2"), ("targetOrigin", "local"),
                ("story", "More young people left college part-way through the year."),
                ("actionPlan", "Youth Service follow-up within two weeks of leaving."),
            ])
            #expect(saved.status == .seeOther)
            try await app.testing().test(.GET, path, headers: manager.headers) { res in
                let body = res.body.string
                #expect(body.contains("More young people left college part-way through the year."))
                #expect(body.contains("tag tag--red\">Red"))
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordType == "indicator").count() == 1)
        }
    }
}

@Suite("Forecast on the chart")
struct ForecastChartTests {
    @Test(
        "The demo carries each indicator on to today as demonstration figures, marked wherever they show, once",
        arguments: TestDatabase.available)
    func demonstrationFigures(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let madeOn = ISODay(year: 2026, month: 12, day: 7)
            let added = try #require(try await DemoIndicatorLoading.load(madeOn: madeOn, by: .commandLine, on: app.db))
            #expect(added > 100)
            #expect(try await DemoIndicatorLoading.load(madeOn: madeOn, by: .commandLine, on: app.db) == nil)
            let leader = try await app.signIn(as: .leadership)
            try await app.testing().test(.GET, "/measures", headers: leader.headers) { res in
                #expect(res.body.string.contains("Demonstration figures from 2018"))
            }
            // NEET: 1.8% for 2017 from the plan, then 2018 to 2025 made up, with the notice beside the chart.
            try await app.testing().test(.GET, "/measures/neet-16-17", headers: leader.headers) { res in
                let body = res.body.string
                #expect(body.contains("<strong>Demonstration figures. </strong>The figures from 2018 on are made up by the demo"))
                #expect(body.contains("<th scope=\"row\">2017</th>") && body.contains("<th scope=\"row\">2025</th>"))
                #expect(body.contains("Forecast (straight line)"))
            }
        }
    }

    @Test("Five years of values give a dashed forecast for the next two", arguments: TestDatabase.available)
    func forecast(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            _ = try await app.loadBarnetPlan()
            let manager = try await app.signIn(as: .teamManager)
            // NEET has 1.8% for 2017; add 2014–2016 and 2018 (2.0, 1.9, 1.8 … 1.7): five points.
            for (period, value) in [("2014", "2.0"), ("2015", "1.9"), ("2016", "1.8"), ("2018", "1.7")] {
                try await app.testing().test(
                    .POST, "/measures/neet-16-17", headers: HTTPHeaders.form().merging(manager.headers),
                    body: formBody([("csrfToken", manager.csrfToken), ("period", period), ("value", value)])
                ) { res in
                    #expect(res.status == .seeOther)
                }
            }
            try await app.testing().test(.GET, "/measures/neet-16-17", headers: manager.headers) { res in
                let body = res.body.string
                #expect(body.contains("Forecast (straight line)"))
                // 2.0, 1.9, 1.8, 1.8, 1.7: mean 1.84, slope −0.07, so 1.63 for 2019 and 1.56 for 2020: both 1.6%.
                #expect(body.contains("<th scope=\"row\">2019</th>"))
                #expect(body.contains("<th scope=\"row\">2020</th>"))
                #expect(body.components(separatedBy: "<td>1.6%</td>").count - 1 == 2)
            }
        }
    }
}
