import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// A board paper generated from the plan: overall RAG, what changed in the period, the actions at risk or off
/// track with their commentary, and the key figures. Laid out for print (A4, no navigation) as well as screen.
public enum BoardReportPage {
    public struct Change: Sendable {
        public var day: String, action: ActionRecord, author: String, status: ActionStatus, rag: RAG?, progress: Int, commentary: String
        public init(day: String, action: ActionRecord, author: String, status: ActionStatus, rag: RAG?, progress: Int, commentary: String) {
            self.day = day
            self.action = action
            self.author = author
            self.status = status
            self.rag = rag
            self.progress = progress
            self.commentary = commentary
        }
    }

    public struct OutcomeLine: Sendable {
        public var name: String, spread: RAGSpread, figures: [OutcomePage.Figure]
        public init(name: String, spread: RAGSpread, figures: [OutcomePage.Figure]) {
            self.name = name
            self.spread = spread
            self.figures = figures
        }
    }

    public struct Model: Sendable {
        public var planSlug: String, planTitle: String, scope: String, from: String, to: String, generatedOn: String
        public var outcomes: [OutcomeLine], actions: [ActionRecord], changes: [Change]
        public var outcomeChoices: [Form.Choice], boardChoices: [Form.Choice], selectedOutcome: String, selectedBoard: String
        public var errors: FormErrors
        /// The scope and period of the PDF: those of the page, once checked.
        public var pdf: BoardReportQuery
        public init(
            planSlug: String, planTitle: String, scope: String, from: String, to: String, generatedOn: String, outcomes: [OutcomeLine],
            actions: [ActionRecord], changes: [Change], outcomeChoices: [Form.Choice], boardChoices: [Form.Choice],
            selectedOutcome: String, selectedBoard: String, errors: FormErrors, pdf: BoardReportQuery
        ) {
            self.planSlug = planSlug
            self.planTitle = planTitle
            self.scope = scope
            self.from = from
            self.to = to
            self.generatedOn = generatedOn
            self.outcomes = outcomes
            self.actions = actions
            self.changes = changes
            self.outcomeChoices = outcomeChoices
            self.boardChoices = boardChoices
            self.selectedOutcome = selectedOutcome
            self.selectedBoard = selectedBoard
            self.errors = errors
            self.pdf = pdf
        }
    }

    /// The report inside the site's layout, with the form to choose its scope and period.
    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.plan(.overview(slug: model.planSlug)).path), .text(model.planTitle))),
                Form.errorSummary(model.errors),
                .element(
                    named: "form",
                    nodes: [
                        .attribute(named: "method", value: "get"),
                        .attribute(named: "action", value: SiteURL.plan(.report(slug: model.planSlug)).path),
                        .class("filters"),
                        .attribute(named: "aria-label", value: "Choose the report"),
                        Form.select(
                            "outcome", label: "Outcome", choices: model.outcomeChoices, selected: model.selectedOutcome, errors: model.errors,
                            includeBlank: "The whole plan"),
                        Form.select(
                            "board", label: "Board", choices: model.boardChoices, selected: model.selectedBoard, errors: model.errors,
                            includeBlank: "Every board"),
                        Form.dateInput("from", legend: "Period from", value: model.from, errors: model.errors),
                        Form.dateInput("to", legend: "Period to", value: model.to, errors: model.errors),
                        .div(
                            .class("actions"), Form.submit("Make report"),
                            .a(
                                .class("button button--secondary"), .href(SiteURL.plan(.reportPDF(slug: model.planSlug, model.pdf)).path),
                                .text("Download PDF"))),
                    ]),
                body(model)
            ))
    }

    /// The report alone, as a standalone document with its styles inline, for printing to PDF.
    public static func renderForPrint(_ model: Model, stylesheet: String) -> String {
        let document = HTML(
            .lang(.english),
            .head(
                .title("\(model.planTitle): board report"), .meta(.charset(.utf8)), Layout.printPolicy,
                .raw("<style>\(stylesheet)\(printCSS)</style>")),
            .body(.main(.class("page board-report"), body(model)))
        )
        return document.render()
    }

    static let printCSS = "@page { size: A4; margin: 18mm 16mm; } .board-report h1 { font-size: 20pt; } .board-report { max-width: none; }"

    static func body(_ model: Model) -> Node<HTML.BodyContext> {
        let spread = RAGSpread(model.actions)
        let concern = model.actions.filter(\.isOfConcern)
        return .article(
            .class("board-report"),
            .header(
                .p(.class("caption"), .text("Board report · \(model.scope)")),
                .h1(.text(model.planTitle)),
                .p(
                    .class("meta"),
                    .text("Period \(ISODay.written(model.from)) to \(ISODay.written(model.to)) · generated \(model.generatedOn) from Waymark"))
            ),
            .h2(.text("1. Overall position")),
            .p(
                .text("Overall RAG: "), RAGTag.of(spread.overall),
                .text(
                    " \(spread.total) actions: \(PlanComponents.spreadText(spread)); \(spread.complete) complete; average progress \(PlanComponents.progress(spread.averageProgress))."
                )),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("Actions by outcome and RAG")),
                    .thead(
                        .tr(
                            .th(.text("Outcome")), .th(.text("Red")), .th(.text("Amber")), .th(.text("Green")), .th(.text("Not rated")),
                            .th(.text("Overall")), .th(.text("Average progress")))),
                    .tbody(
                        .forEach(model.outcomes) { line in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(line.name)), .td(.text("\(line.spread.red)")),
                                .td(.text("\(line.spread.amber)")),
                                .td(.text("\(line.spread.green)")), .td(.text("\(line.spread.notRated)")), .td(RAGTag.of(line.spread.overall)),
                                .td(.text(PlanComponents.progress(line.spread.averageProgress))))
                        })
                )),
            .h2(.text("2. What changed in the period")),
            model.changes.isEmpty
                ? .p(.text("No updates were recorded between \(model.from) and \(model.to)."))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("\(model.changes.count) \(model.changes.count == 1 ? "update" : "updates") recorded, newest first")),
                        .thead(
                            .tr(
                                .th(.text("Date")), .th(.text("Action")), .th(.text("By")), .th(.text("RAG")), .th(.text("Status")),
                                .th(.text("Commentary")))),
                        .tbody(
                            .forEach(model.changes) { change in
                                .tr(
                                    .td(.text(change.day)), .td(.text("\(change.action.ref) \(change.action.title)")), .td(.text(change.author)),
                                    .td(RAGTag.of(change.rag)), .td(.text("\(change.status.displayName), \(change.progress)%")),
                                    .td(.text(change.commentary)))
                            })
                    )),
            .h2(.text("3. Actions at risk or off track")),
            concern.isEmpty
                ? .p(.text("No action is red, amber, at risk or off track."))
                : .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("\(concern.count) actions needing the board's attention")),
                        .thead(.tr(.th(.text("Action")), .th(.text("Responsible")), .th(.text("RAG and reason")), .th(.text("Latest commentary")))),
                        .tbody(
                            .forEach(concern) { action in
                                .tr(
                                    .td(.text("\(action.ref) \(action.title)")), .td(.text(action.responsible.map(\.name).joined(separator: "; "))),
                                    .td(RAGTag.of(action.rag), .text(" \(action.status.displayName). \(action.ragReason ?? "")")),
                                    .td(.text(action.latestCommentary ?? "No update yet")))
                            })
                    )),
            .h2(.text("4. Key figures")),
            .forEach(model.outcomes.filter { !$0.figures.isEmpty }) { line in
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("What we know: \(line.name)")),
                        .thead(.tr(.th(.text("Figure")), .th(.text("What it measures")), .th(.text("Source")))),
                        .tbody(
                            .forEach(line.figures) {
                                .tr(
                                    .td(.text($0.value)), .td(.text($0.label)),
                                    .td(.text([$0.source, $0.date].compactMap { $0 }.joined(separator: ", "))))
                            })
                    ))
            }
        )
    }
}
