import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// Performance Matters: every measure worked out from the children's journeys for a month (or any period) with its
/// 12-month trend, each section's commentary, the PDF, and the children behind each figure.
enum PerformanceMattersController {
    @Sendable static func report(req: Request) async throws -> Response {
        let report = try await PerformanceReport(req)
        let model = try await model(report, req: req)
        return .html(
            PerformanceMattersPage.render(
                model,
                context: req.pageContext(
                    "Performance Matters: \(report.period.inWords)", area: .performance,
                    notice: Notice.from(req)?.message)))
    }

    @Sendable static func pdf(req: Request) async throws -> Response {
        let report = try await PerformanceReport(req)
        let pdf = try await PDFPrinter.print(
            html: PerformanceMattersPage.renderForPrint(try await model(report, req: req), stylesheet: Stylesheet.css),
            chromium: req.application.settings.chromium)
        try await req.audit(.export, recordType: .performanceReport, recordID: report.period.description, detail: "Performance Matters PDF")
        return .attachment(pdf, named: "performance-matters-\(report.period).pdf", type: "application/pdf")
    }

    /// The children behind one figure, within the person's record access; the rest are counted, not listed.
    @Sendable static func children(req: Request) async throws -> Response {
        guard let measure = PerformanceMeasure(rawValue: try req.parameters.require("measure")) else { throw Abort(.notFound) }
        let user = try req.requireSignedIn().user
        let report = try await PerformanceReport(req, withTrend: false)
        let entries = report.figures.entries(measure, period: report.index)
        let names = ChildRecordScope.seesNames(user.role)
        let open = try await ChildAccess(for: user).openable(Set(entries.map(\.childLocalID)), ids: report.ids, withNames: names, on: req.db)
        let listed = entries.filter { open[$0.childLocalID] != nil }
        let rows = listed.compactMap { entry in
            open[entry.childLocalID].map { child in
                PerformanceChildrenPage.Row(
                    childID: child.id.uuidString, localID: entry.childLocalID, name: child.name, day: entry.day.written,
                    meets: entry.meets, why: entry.why)
            }
        }
        try await req.audit(
            .view, recordType: .performanceReport, recordID: report.period.description,
            detail: "children behind \(measure.rawValue): \(rows.count) listed")
        let labels = labels(measure)
        let model = PerformanceChildrenPage.Model(
            measureTitle: measure.title, definition: measure.definition, period: report.period.description, periodInWords: report.period.inWords,
            figure: figure(report.figures.figure(measure, period: report.index), measure).inWords, rows: rows,
            outsideScope: entries.count - listed.count,
            seesNames: names, meetsLabel: labels.meets, missesLabel: labels.misses)
        return .html(PerformanceChildrenPage.render(model, context: req.pageContext(measure.title, area: .performance)))
    }

    struct CommentaryForm: Content {
        var section: String
        var period: String
    }

    @Sendable static func saveCommentary(req: Request) async throws -> Response {
        let form = try req.content.decode(CommentaryForm.self)
        guard let section = PerformanceSection(rawValue: form.section), let period = PerformancePeriod(form.period) else { throw Abort(.badRequest) }
        func text(_ field: String) -> String {
            String(
                ((try? req.content.get(String.self, at: "\(section.rawValue)-\(field)")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    .prefix(4_000))
        }
        let (goingWell, toImprove, actions) = (text("going-well"), text("to-improve"), text("actions"))
        let user = try req.requireSignedIn().user
        try await PerformanceStore.saveCommentary(
            section: section.rawValue, period: period.description, goingWell: goingWell, toImprove: toImprove, actions: actions,
            writtenBy: user.displayName, by: req.auditActor, on: req.db)
        return req.redirect(
            to: .performance(.report(.init(period: period.description))), notice: .commentarySaved, fragment: section.rawValue)
    }

    // MARK: Working out

    static func model(_ report: PerformanceReport, req: Request) async throws -> PerformanceMattersPage.Model {
        let user = try req.requireSignedIn().user
        let commentary = try await PerformanceStore.commentary(period: report.period.description, on: req.db)
        let seesChildren = user.role.permissions.contains(.viewChildren)
        let comparators = try await PerformanceComparators.load(on: req.db)
        let population = req.application.settings.childPopulation
        let trendIndices = report.figures.periods.indices.filter { report.figures.periods[$0].isCalendarMonth }.suffix(12)
        let oversight = try await ManagementOversight.measures(
            report, trendIndices: Array(trendIndices), withheld: { !seesChildren && SmallNumbers.withheld(counted: $0) }, app: req.application,
            on: req.db)
        let sections = PerformanceSection.allCases.map { section in
            PerformanceMattersPage.Section(
                id: section.rawValue, title: section.title,
                measures: section == .managementOversight
                    ? oversight
                    : section.measures.map { measure in
                        let figure = report.figures.figure(measure, period: report.index)
                        // A figure from a handful of children is withheld from anyone who may not see them (board members).
                        func withheld(_ figure: PerformanceFigure) -> Bool { !seesChildren && SmallNumbers.withheld(counted: figure.counted) }
                        return PerformanceMattersPage.Measure(
                            id: measure.rawValue, title: measure.title, definition: measure.definition, betterWhen: betterWhen(measure),
                            figure: withheld(figure) ? Self.withheldFigure : self.figure(figure, measure).cells,
                            comparisons: withheld(figure) ? [] : comparators.comparisons(figure, of: measure),
                            rate: measure.shape == .count && !withheld(figure)
                                ? population.map { String(format: "%.1f", Double(figure.counted) * 10_000 / Double($0)) } : nil,
                            trend: trendIndices.map { index in
                                let month = report.figures.figure(measure, period: index)
                                guard !withheld(month) else { return nil }
                                return measure.shape == .count ? Double(month.counted) : month.percentage.map { ($0 * 10).rounded() / 10 }
                            },
                            childrenURL: seesChildren && figure.counted > 0
                                ? SiteURL.performance(.measure(measure.rawValue, .init(period: report.period.description))).path : nil,
                            isShare: measure.shape == .share)
                    },
                commentary: commentary[section.rawValue].map {
                    .init(
                        goingWell: $0.goingWell, toImprove: $0.toImprove, actions: $0.actions,
                        byline: "Written by \($0.writtenBy) on \(ISODay($0.writtenAt).inWords)")
                } ?? .init(goingWell: "", toImprove: "", actions: "", byline: nil))
        }
        let choices = Self.periodChoices(today: .today)
        return PerformanceMattersPage.Model(
            period: report.period.description, periodInWords: report.period.inWords, asAt: report.figures.today.inWords,
            trendPeriods: trendIndices.map { report.figures.periods[$0].shortName }, sections: sections,
            choices: choices.contains { $0.0 == report.period.description }
                ? choices : [(report.period.description, report.period.inWords)] + choices,
            population: population.map { $0.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))) },
            canComment: user.role.permissions.contains(.enterMeasures),
            linksToAnnexA: user.role.permissions.contains(.importReturns),
            dataQualityIssues: seesChildren ? DataQuality.issues(in: report.worked.journeys).count : nil, generatedOn: ISODay.today.inWords)
    }

    static let withheldFigure = PerformanceMattersPage.Figure(
        value: "Not shown", ofCounted: "fewer than \(SmallNumbers.fewestShared) counted")

    /// A figure for the table, and in words for the children's page: "68.2%" of "15 of 22"; or a count.
    static func figure(_ figure: PerformanceFigure, _ measure: PerformanceMeasure) -> (cells: PerformanceMattersPage.Figure, inWords: String) {
        let counted = Counted.number(figure.counted), meeting = Counted.number(figure.meeting)
        guard measure.shape == .share else { return (.init(value: counted, ofCounted: ""), "\(counted) in the period") }
        guard let percentage = figure.percentage else { return (.init(value: "–", ofCounted: "none counted"), "None counted in the period") }
        let value = String(format: "%.1f%%", percentage)
        return (.init(value: value, ofCounted: "\(meeting) of \(counted)"), "\(value) (\(meeting) of \(counted))")
    }

    /// The periods offered: the last 12 months and the financial year so far, then each of the last 36 months.
    static func periodChoices(today: ISODay) -> [(String, String)] {
        let months = PerformancePeriod.months(endingWith: today, count: 36)
        let twelve = PerformancePeriod(from: months[months.count - 12].from, through: today)
        let yearStart = ISODay(year: today.month >= 4 ? today.year : today.year - 1, month: 4, day: 1)
        let yearSoFar = PerformancePeriod(from: yearStart, through: today)
        return [
            (twelve.description, "The 12 months to \(today.written)"),
            (yearSoFar.description, "\(yearStart.year)/\(String(yearStart.year + 1).suffix(2)) so far, to \(today.written)"),
        ] + months.reversed().map { ($0.description, $0.inWords) }
    }

    static func betterWhen(_ measure: PerformanceMeasure) -> String {
        switch measure.polarity {
        case .highIsGood: "Higher"
        case .lowIsGood: "Lower"
        case .noJudgement: "No judgement"
        }
    }

    /// What the children's page calls those who meet the measure and those who do not.
    static func labels(_ measure: PerformanceMeasure) -> (meets: String, misses: String) {
        if measure.rule != nil { return ("On time", "Not on time") }
        switch measure {
        case .contacts, .referrals: return ("Counted", "Not counted")
        case .reReferrals: return ("Re-referrals", "First referrals in 12 months")
        case .protectionPlansTwoYears: return ("Lasted 2 years or more", "Less than 2 years")
        case .secondProtectionPlans: return ("Second or later plans", "First plans")
        case .placementMoves: return ("3 or more placements", "Fewer than 3 placements")
        case .longTermStability: return ("Same placement 2 years or more", "Less than 2 years in this placement")
        case .careLeaversInTouch: return ("In touch", "Not in touch")
        case .careLeaversAccommodation: return ("Suitable accommodation", "Not recorded as suitable")
        case .careLeaversEET: return ("In education, employment or training", "Not in education, employment or training")
        case .pathwayPlans: return ("Up to date", "Not up to date")
        default: return ("Within the timescale", "Outside the timescale")
        }
    }
}

extension PerformanceReport {
    /// The period asked for (`?period=`); one it cannot show is a 400 with why.
    init(_ req: Request, withTrend: Bool = true) async throws {
        do {
            try await self.init(
                period: req.query(PeriodQuery.self).period, withTrend: withTrend, app: req.application,
                on: req.application.sideBySide(req.db))
        } catch let unknown as UnknownPeriod {
            throw Abort(.badRequest, reason: unknown.description)
        }
    }
}
