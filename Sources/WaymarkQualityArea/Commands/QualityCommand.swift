import Foundation
import Vapor
import WaymarkDomain
import WaymarkSpreadsheet
import WaymarkWeb

/// `waymark quality agreement FILE [--json]`, `waymark quality instrument check FILE`, `waymark quality sample …`
struct QualityCommand: AsyncCommandGroup {
    var help: String { "Quality assurance: case audits and their moderation." }
    var commands: [String: any AnyAsyncCommand] { ["agreement": AgreementCommand(), "instrument": InstrumentCommand(), "sample": SampleCommand()] }
}

/// `waymark quality instrument check FILE`: an audit instrument a QA lead wrote, checked whole. Opens no database.
struct InstrumentCommand: AsyncCommandGroup {
    var help: String { "Audit instruments (data files): check one." }
    var commands: [String: any AnyAsyncCommand] { ["check": CheckInstrument()] }
}

struct CheckInstrument: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "An audit instrument (YAML, waymark-audit-instrument/1); the default is Instruments/case-file-audit.yaml.")
        var file: String
        init() {}
    }

    var help: String { "Check an audit instrument file: every problem with its path, or what it holds." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw CommandFailure("There is no file \(signature.file).") }
        switch AuditInstruments.read(data) {
        case .failure(let problems):
            throw CommandFailure(
                "\(signature.file) has \(problems.problems.count == 1 ? "a problem" : "\(problems.problems.count) problems"):\n\(problems)")
        case .success(let instrument):
            let items = instrument.domains.reduce(0) { $0 + $1.items.count }
            context.console.print(
                "\(instrument.name), version \(instrument.version): \(instrument.domains.count) domains, \(items) items, graded \(instrument.gradeScale.inWords)."
            )
        }
    }
}

/// How far auditors agree, from a table of moderated grades (CSV or Excel): the same figures as the agreement page.
/// Opens no database.
struct AgreementCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A CSV or Excel file: a column of audit references, then a column of grades for each grader in order.")
        var file: String
        @Flag(name: "json", help: "Write the figures as JSON (full precision) rather than as a table.")
        var json: Bool
        @Option(name: "seed", help: "The bootstrap's seed (default 1): the same seed gives the same intervals.")
        var seed: UInt64?
        init() {}
    }

    var help: String { "Measure how far auditors agree, from a table of moderated grades (nothing is stored)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandFailure("There is no file \(signature.file).")
        }
        let rows: [SheetRow]
        do {
            rows = try TableFile.rows(of: data, limits: context.application.settings.readLimits)
        } catch {
            throw CommandFailure("\(signature.file): \(error.message)")
        }
        let table: ModerationGrades.Table
        switch ModerationGrades.read(rows.map { ($0.number, $0.cells) }, scale: .ofsted) {
        case .failure(let problems):
            throw CommandFailure("\(signature.file) was not read:\n" + problems.all.map(\.description).joined(separator: "\n"))
        case .success(let read):
            table = read
        }
        let report = AgreementReport(table, scale: .ofsted, seed: signature.seed ?? 1)
        if signature.json {
            context.console.print(String(decoding: try AgreementJSON.encode(report), as: UTF8.self))
        } else {
            for line in AgreementText.lines(report) { context.console.print(line) }
        }
    }
}

/// The report as JSON, every figure at full precision (for checking against other tools).
enum AgreementJSON {
    struct Figure: Encodable {
        var measure: String, value: Double?, lower: Double?, upper: Double?
    }
    struct Domain: Encodable {
        var domain: String, pairs: Int, tooFewToJudge: Bool, exact: Double?, headline: Figure
    }
    struct Body: Encodable {
        var audits: Int, pairs: Int, tooFewToJudge: Bool, headline: String, prevalence: Double, figures: [Figure], byDomain: [Domain]
    }

    static func figure(_ figure: AgreementReport.Figure) -> Figure {
        Figure(measure: figure.measure.rawValue, value: figure.value, lower: figure.interval?.lowerBound, upper: figure.interval?.upperBound)
    }

    static func encode(_ report: AgreementReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(
            Body(
                audits: report.audits, pairs: report.pairs, tooFewToJudge: report.isTooFewToJudge, headline: report.headline.rawValue,
                prevalence: report.prevalence,
                figures: report.figures.map(figure),
                byDomain: report.byDomain.map {
                    Domain(domain: $0.domain, pairs: $0.pairs, tooFewToJudge: $0.isTooFewToJudge, exact: $0.exact, headline: figure($0.headline))
                }))
    }
}

/// The report as a plain table for a terminal.
enum AgreementText {
    static func lines(_ report: AgreementReport) -> [String] {
        func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }
        var lines = ["\(report.pairs) of \(report.audits) audits graded twice or more."]
        if report.isTooFewToJudge { lines.append("Too few to judge: fewer than \(GradeAgreement.fewestPairs) audits graded twice.") }
        lines.append("")
        for figure in report.figures {
            let interval = figure.interval.map { "\(number($0.lowerBound)) to \(number($0.upperBound))" } ?? "–"
            let lead = figure.measure == report.headline ? "  (the headline)" : ""
            lines.append(
                figure.measure.title.padding(toLength: 36, withPad: " ", startingAt: 0)
                    + number(figure.value).padding(toLength: 8, withPad: " ", startingAt: 0)
                    + "95% interval " + interval + lead)
        }
        if !report.byDomain.isEmpty { lines += ["", "Domain by domain:"] }
        for domain in report.byDomain {
            let interval = domain.headline.interval.map { "\(number($0.lowerBound)) to \(number($0.upperBound))" } ?? "–"
            lines.append(
                "  \(domain.domain): \(domain.pairs) graded twice\(domain.isTooFewToJudge ? " (too few to judge)" : ""); "
                    + "\(domain.headline.measure.title) \(number(domain.headline.value)), 95% interval \(interval)")
        }
        return lines
    }
}
