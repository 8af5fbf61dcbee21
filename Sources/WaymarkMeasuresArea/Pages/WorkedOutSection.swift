import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// An indicator's own figures as Performance Matters works them out from the children's records: each whole period,
/// the one under way and the last 12 months, each linked to the children behind it for those who may see them.
public struct WorkedOutSection: Sendable {
    public struct Row: Sendable {
        public var period: String
        /// "85.6% (214 of 250)", "None counted", or why it is not shown.
        public var figure: String
        public var childrenHref: String?
        public init(period: String, figure: String, childrenHref: String?) {
            (self.period, self.figure, self.childrenHref) = (period, figure, childrenHref)
        }
    }

    public var measureTitle: String
    public var reportHref: String?
    public var rows: [Row]
    public init(measureTitle: String, reportHref: String?, rows: [Row]) {
        (self.measureTitle, self.reportHref, self.rows) = (measureTitle, reportHref, rows)
    }

    func render() -> Node<HTML.BodyContext> {
        .section(
            .h2(.id("worked-out"), .text("Worked out from the children's records")),
            .p(
                .text(
                    "The borough's own figures are worked out from the children's records as they stand today, as Performance Matters works out \"\(measureTitle)\": no one types them. "
                        + "A figure entered or published for a period stands beside it in the chart."),
                .unwrap(reportHref) { .group(.text(" "), .a(.href($0), .text("Open Performance Matters")), .text(".")) }),
            .if(
                rows.isEmpty,
                .p(.text("No records cover a whole period yet: the figures appear once the children's records have been imported.")),
                else: .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("\(measureTitle): the borough's figures by period")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Period")),
                                .th(.attribute(named: "scope", value: "col"), .text("Figure")))),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(row.period)),
                                    .td(.unwrap(row.childrenHref, { .a(.href($0), .text(row.figure)) }, else: .text(row.figure))))
                            })))))
    }
}
