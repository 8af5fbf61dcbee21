import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Ofsted's Annex A for a chosen day: how many rows each of the eleven lists holds, the checks run on them (each
/// problem with its list, row, column, value and why), and the workbook to download.
public enum AnnexAPage {
    public struct ListSummary: Sendable {
        public var number: Int, title: String, rows: Int
        public init(number: Int, title: String, rows: Int) {
            self.number = number
            self.title = title
            self.rows = rows
        }
    }

    public struct Problem: Sendable {
        public var list: Int, row: Int, child: String, column: String, value: String, why: String
        /// The child's record, to correct what the problem comes from.
        public var childID: String?
        public init(list: Int, row: Int, child: String, childID: String? = nil, column: String, value: String, why: String) {
            self.list = list
            self.row = row
            self.child = child
            self.childID = childID
            self.column = column
            self.value = value
            self.why = why
        }
    }

    public struct Model: Sendable {
        /// The day (yyyy-mm-dd and in words) and the six months the lists cover, in words.
        public var day: String, dayInWords: String, window: String
        /// The header version chosen ("sex" or "gender") and the choices.
        public var version: String, versions: [(value: String, label: String)]
        public var lists: [ListSummary]
        public var problems: [Problem]
        /// Said when the reader's record access covers only part of the borough.
        public var scopeNote: String?
        public var workbookURL: String
        public init(
            day: String, dayInWords: String, window: String, version: String, versions: [(value: String, label: String)], lists: [ListSummary],
            problems: [Problem], scopeNote: String?, workbookURL: String
        ) {
            self.day = day
            self.dayInWords = dayInWords
            self.window = window
            self.version = version
            self.versions = versions
            self.lists = lists
            self.problems = problems
            self.scopeNote = scopeNote
            self.workbookURL = workbookURL
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.performance(.report()).path), .text("Performance"))),
                .h1(.text("Ofsted Annex A: \(model.dayInWords)")),
                .p(
                    .class("lead"),
                    .text(
                        "The eleven lists an inspection asks for, covering \(model.window), worked out from the children's records. "
                            + "Each list is checked against itself and the others before you download it.")),
                .unwrap(model.scopeNote) { .p(.text($0)) },
                .element(
                    named: "form",
                    nodes: [
                        .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteURL.performance(.annexA()).path),
                        .class("filters"), .attribute(named: "aria-label", value: "Choose the day and the headers"),
                        Form.dateInput(
                            "on", legend: "As at", value: model.day, errors: FormErrors(),
                            hint: "The lists cover the six months up to and including this day. For example, 31 3 2026"),
                        Form.select(
                            "headers", label: "Column headers", choices: model.versions.map { Form.Choice(value: $0.value, label: $0.label) },
                            selected: model.version, errors: FormErrors()),
                        .div(.class("actions"), Form.submit("Check")),
                    ]),
                checks(model),
                .p(.a(.class("button"), .href(model.workbookURL), .text("Download the Annex A workbook (Excel)"))),
                listsTable(model)
            ))
    }

    static func header(_ text: String) -> Node<HTML.TableRowContext> { .th(.attribute(named: "scope", value: "col"), .text(text)) }

    static func checks(_ model: Model) -> Node<HTML.BodyContext> {
        guard !model.problems.isEmpty else {
            return .section(
                .h2(.text("Checks: no problems found")),
                .p(.text("Every row agrees with itself and with the other lists.")))
        }
        let rows: [Node<HTML.TableContext>] = model.problems.map { problem in
            .tr(
                .td(.class("number"), .text(String(problem.list))), .td(.class("number"), .text(String(problem.row))),
                .td(problem.childID.map { .a(.href(SiteURL.children(.show(id: $0)).path), .text(problem.child)) } ?? .text(problem.child)),
                .td(.text(problem.column)), .td(.text(problem.value)), .td(.text(problem.why)))
        }
        return .section(
            .h2(.text("Checks: \(model.problems.count) \(model.problems.count == 1 ? "problem" : "problems") to look at")),
            .p(
                .text(
                    "The workbook can still be downloaded, but Ofsted will read these rows side by side: correct the records they come from "
                        + "(each is in the child's chronology) and check again.")),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("Problems found in the lists, by list and row")),
                    .thead(.tr(header("List"), header("Row"), header("Child"), header("Column"), header("Value"), header("Why"))),
                    .tbody(.group(rows))
                ))
        )
    }

    static func listsTable(_ model: Model) -> Node<HTML.BodyContext> {
        let rows: [Node<HTML.TableContext>] = model.lists.map { list in
            .tr(
                .td(.class("number"), .text(String(list.number))), .th(.attribute(named: "scope", value: "row"), .text(list.title)),
                .td(.class("number"), .text(String(list.rows))))
        }
        return .section(
            .h2(.text("The lists")),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("Rows in each list, \(model.window)")),
                    .thead(.tr(header("List"), header("What it lists"), header("Rows"))),
                    .tbody(.group(rows))
                )),
            .p(.class("hint"), .text("List 11 (adopters) has its headers only: Waymark holds no records of adopters."))
        )
    }
}
