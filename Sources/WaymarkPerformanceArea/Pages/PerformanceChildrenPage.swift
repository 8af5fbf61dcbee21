import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The children behind one Performance Matters figure: each with the day that put them in the period, whether they
/// meet the measure, and why (the rule and the dates). Those that do not meet it come first.
public enum PerformanceChildrenPage {
    public struct Row: Sendable, Equatable {
        public var childID: String, localID: String, name: String?, day: String, meets: Bool, why: String
        public init(childID: String, localID: String, name: String?, day: String, meets: Bool, why: String) {
            self.childID = childID
            self.localID = localID
            self.name = name
            self.day = day
            self.meets = meets
            self.why = why
        }
    }

    public struct Model: Sendable {
        public var measureTitle: String, definition: String, period: String, periodInWords: String
        /// "68.2% (15 of 22)", or a count.
        public var figure: String
        public var rows: [Row]
        /// Children counted in the figure whom this person may not open: counted, not listed.
        public var outsideScope: Int
        public var seesNames: Bool
        /// What a row that meets the measure is called, and one that does not: "On time" and "Not on time".
        public var meetsLabel: String, missesLabel: String
        public init(
            measureTitle: String, definition: String, period: String, periodInWords: String, figure: String, rows: [Row],
            outsideScope: Int, seesNames: Bool, meetsLabel: String, missesLabel: String
        ) {
            self.measureTitle = measureTitle
            self.definition = definition
            self.period = period
            self.periodInWords = periodInWords
            self.figure = figure
            self.rows = rows
            self.outsideScope = outsideScope
            self.seesNames = seesNames
            self.meetsLabel = meetsLabel
            self.missesLabel = missesLabel
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        func header(_ text: String) -> Node<HTML.TableRowContext> { .th(.attribute(named: "scope", value: "col"), .text(text)) }
        let missing = model.rows.filter { !$0.meets }, meeting = model.rows.filter(\.meets)
        return Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"),
                    .a(.href(SiteURL.performance(.report(.init(period: model.period))).path), .text("Performance Matters: \(model.periodInWords)"))),
                .h1(.text("\(model.measureTitle): \(model.periodInWords)")),
                .p(.class("lead"), .text("\(model.figure). \(model.definition)")),
                .if(
                    model.outsideScope > 0,
                    .p(
                        .text(
                            "\(model.outsideScope) more \(model.outsideScope == 1 ? "child is" : "children are") counted in the figure "
                                + "but held by teams outside your record access, so they are not listed."))),
                .if(model.rows.isEmpty, .p(.text("No child you may open is counted in this figure."))),
                .forEach([(model.missesLabel, missing), (model.meetsLabel, meeting)].filter { !$0.1.isEmpty }) { label, rows in
                    .section(
                        .h2(.text("\(label): \(rows.count)")),
                        .div(
                            .class("table-wrap"),
                            .table(
                                .caption(.text("\(model.measureTitle), \(model.periodInWords): \(label.lowercased())")),
                                .thead(.tr(header("Child"), .if(model.seesNames, header("Name")), header("Day"), header("Why it counts"))),
                                .tbody(
                                    .forEach(rows) { row in
                                        .tr(
                                            .td(.a(.href(SiteURL.children(.show(id: row.childID)).path), .text(row.localID))),
                                            .if(model.seesNames, .td(.text(row.name ?? "–"))),
                                            .td(.text(row.day)), .td(.text(row.why)))
                                    })
                            ))
                    )
                }
            ))
    }
}
