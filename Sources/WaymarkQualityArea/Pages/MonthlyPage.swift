import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// What the quality area's monthly pages share (the QA report, the self-evaluation pack, the partnership's summary):
/// the month chooser with its PDF link, and the printed page the PDF is made from.
enum MonthlyPage {
    /// A GET form choosing one of `months` (value `2026-11`, label "November 2026"), then the link to the month's PDF.
    static func chooser(
        months: [(value: String, label: String)], selected: ReportMonth, action: SiteURL, pdf: SiteURL, pdfLabel: String
    ) -> Node<HTML.BodyContext> {
        .group(
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "method", value: "get"), .attribute(named: "action", value: action.path), .class("filters"),
                    .attribute(named: "aria-label", value: "Choose the month"),
                    Form.select(
                        "month", label: "Month", choices: months.map { .init(value: $0.value, label: $0.label) }, selected: selected.description,
                        errors: FormErrors()),
                    .div(.class("actions"), Form.submit("Show")),
                ]),
            .p(.a(.href(pdf.path), .text(pdfLabel))))
    }

    /// The page headless chromium prints: A4, the title, when it was generated, then `body`.
    static func forPrint(title: String, generatedOn: String, stylesheet: String, _ body: Node<HTML.BodyContext>) -> String {
        HTML(
            .lang(.english),
            .head(
                .title(title), .meta(.charset(.utf8)), Layout.printPolicy, .raw("<style>\(stylesheet)@page { size: A4; margin: 16mm 14mm; }</style>")),
            .body(.main(.class("page"), .h1(.text(title)), .p(.class("meta"), .text("Generated \(generatedOn) from Waymark")), body))
        ).render()
    }
}
