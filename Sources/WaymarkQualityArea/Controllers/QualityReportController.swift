import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// The monthly QA report, on the page and as a PDF; the last whole month unless another is asked for.
enum QualityReportController {
    @Sendable static func show(req: Request) async throws -> Response {
        let model = try await model(req, month: month(req))
        return .html(QualityReportPage.render(model, context: req.pageContext(model.title, area: .quality)))
    }

    @Sendable static func pdf(req: Request) async throws -> Response {
        let model = try await model(req, month: month(req))
        let pdf = try await PDFPrinter.print(
            html: QualityReportPage.renderForPrint(model, stylesheet: Stylesheet.css), chromium: req.application.settings.chromium)
        try await req.audit(.export, recordType: .qualityReport, recordID: model.report.month.description, detail: "QA report PDF")
        return .attachment(pdf, named: "quality-assurance-\(model.report.month).pdf", type: "application/pdf")
    }

    /// The 24 months a report can be for, this one first.
    static var months: [ReportMonth] { (0..<24).map { ReportMonth(ISODay.today).adding(-$0) } }

    /// The month asked for (`?month=2026-11`, or `asked`), one of the 24; none asked: the last whole month.
    static func month(_ req: Request, asked: String? = nil) throws -> ReportMonth {
        guard let asked = asked ?? (try? req.query.get(String.self, at: "month")), !asked.isEmpty else { return months[1] }
        guard let chosen = ReportMonth(asked), months.contains(chosen) else {
            throw Abort(.badRequest, reason: "There is no report for \"\(asked)\": choose one of the 24 months to this one, written like 2026-11.")
        }
        return chosen
    }

    /// The report's figures for a month, with the audits they are worked from and the instrument that names them.
    static func report(
        _ req: Request, month: ReportMonth
    ) async throws -> (report: QualityReport, audits: [QualityReport.Audit], instrument: AuditInstrument, items: [String: String]) {
        let today = ISODay.today
        let (instrument, items) = try await terms(on: req.db)
        let audits = try await QualityReportData.audits(to: month, on: req.db)
        let actions = try await QualityReportData.actions(to: month, on: req.db)
        let report = try await req.application.calculate {
            QualityReport(
                audits, month: month, domains: instrument.domains.map { ($0.id, $0.title) }, scaleSize: instrument.scale.grades.count,
                actions: actions, today: today)
        }
        return (report, audits, instrument, items)
    }

    static func model(_ req: Request, month: ReportMonth) async throws -> QualityReportPage.Model {
        let today = ISODay.today
        let current = ReportMonth(today)
        let (report, audits, instrument, items) = try await report(req, month: month)
        // The audited children's timescales beside their grades, as each audit kept them when submitted.
        let kept = try await QualityReportData.timescalesKept(to: month, on: req.db).compactMap { row in
            TimescaleRule(rawValue: row.rule).map {
                AuditTimeliness.Kept(audit: row.audit, kind: $0.timelinessKind, due: row.due, onTime: row.onTime)
            }
        }
        let done = audits.filter { $0.submitted.map { month.adding(-11).first <= $0 && $0 <= month.last } ?? false }
        let timeliness = AuditTimeliness(done, kept: kept, scale: instrument.scale.grades)
        // Auditors' names, their bias and their agreement are for those who run the programme.
        let user = try req.requireSignedIn().user
        let manages = user.role.permissions.contains(.manageAuditProgrammes)
        let auditors = manages ? AuditorBias(try await QualityReportData.settledGrades(to: month, on: req.db)) : nil
        let titles = Dictionary(uniqueKeysWithValues: instrument.domains.map { ($0.id, $0.title) } + [(CaseAuditGrade.overall, "Overall")])
        let gradedAgain = try await QualityReportData.gradedAgain(to: month, on: req.db).map { graded in
            var titled = graded
            titled.domain = titles[graded.domain] ?? graded.domain
            if !manages { titled.auditor = "" }
            return titled
        }
        // 2,000 resamples for each row's interval: off the threads that answer requests.
        let agreement = try await req.application.calculate {
            ModerationAgreement(
                gradedAgain, scaleSize: instrument.scale.grades.count, domainOrder: instrument.domains.map(\.title) + ["Overall"])
        }
        // Supervision at each of the 12 months' ends (today for the month not yet ended).
        let ends = (0..<12).map { month.adding(-$0) }.reversed().map { (month: $0, day: min($0.last, today)) }
        let supervised = try await OversightStore.supervision(on: ends.map(\.day), db: req.db)
        let discussed = try await OversightStore.caseDiscussions(on: ends.map(\.day), intervals: req.application.settings.caseDiscussions, db: req.db)
        func share(_ share: OversightStore.Share) -> String {
            share.counted == 0
                ? "none counted" : "\(share.within) of \(share.counted) (\(Int((Double(share.within) * 100 / Double(share.counted)).rounded()))%)"
        }
        let oversight =
            supervised.allSatisfy({ $0.counted == 0 }) && discussed.allSatisfy({ $0.within == 0 })
            ? []
            : zip(ends, zip(supervised, discussed)).map { end, shares in
                QualityReportPage.Oversight(month: end.month.inWords, supervised: share(shares.0), discussed: share(shares.1))
            }
        return QualityReportPage.Model(
            report: report, scale: instrument.scale.grades,
            items: items,
            months: months.map { ($0.description, $0 == current ? "\($0.inWords) (so far)" : $0.inWords) },
            generatedOn: DateFormats.dateTime(Date()),
            auditors: auditors, agreement: agreement, timeliness: timeliness, oversight: oversight)
    }

    /// The report names domains as the latest published instrument does, in its order, and items by their words in
    /// any published version (the newer wording where they differ); before any is published, as the default does.
    static func terms(on db: any Database) async throws -> (instrument: AuditInstrument, items: [String: String]) {
        let published = try await AuditInstrumentStore.published(on: db).sorted {
            ($0.publishedAt ?? .distantPast) < ($1.publishedAt ?? .distantPast)
        }
        .map { try AuditInstruments.kept($0.text) }
        let items = (published.isEmpty ? [AuditInstruments.caseFileAudit] : published).flatMap(\.domains).flatMap(\.items)
        return (published.last ?? AuditInstruments.caseFileAudit, Dictionary(items.map { ($0.id, $0.text) }, uniquingKeysWith: { _, newer in newer }))
    }
}
