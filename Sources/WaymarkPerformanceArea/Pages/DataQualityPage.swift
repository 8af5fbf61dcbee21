import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Journeys that cannot be as recorded, check by check: how many, how the measures count them, and each child's
/// record with what is wrong, for someone to correct in the case system.
public enum DataQualityPage {
    public struct Row: Sendable {
        public var childID: String, localID: String, name: String?, day: String, why: String
        public init(childID: String, localID: String, name: String?, day: String, why: String) {
            self.childID = childID
            self.localID = localID
            self.name = name
            self.day = day
            self.why = why
        }
    }

    public struct Check: Sendable {
        public var id: String, title: String, inTheMeasures: String, count: Int, rows: [Row]
        public init(id: String, title: String, inTheMeasures: String, count: Int, rows: [Row]) {
            self.id = id
            self.title = title
            self.inTheMeasures = inTheMeasures
            self.count = count
            self.rows = rows
        }
    }

    public struct Model: Sendable {
        public var checks: [Check]
        /// Issues of children outside the reader's record access: counted, not listed.
        public var outsideScope: Int
        public var seesNames: Bool
        public init(checks: [Check], outsideScope: Int, seesNames: Bool) {
            self.checks = checks
            self.outsideScope = outsideScope
            self.seesNames = seesNames
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let total = model.checks.map(\.count).reduce(0, +)
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.performance(.report()).path), .text("Performance"))),
                .h1(.text("Data quality: journeys that cannot be as recorded")),
                .p(
                    .class("lead"),
                    .text(
                        total == 0
                            ? "No record is out of order."
                            : "\(total) \(total == 1 ? "record is" : "records are") out of order or missing a day. Each is counted in the measures as the table says; "
                                + "correct it in the case system and import again.")),
                .if(
                    model.outsideScope > 0,
                    .p(
                        .text(
                            "\(model.outsideScope) more \(model.outsideScope == 1 ? "is" : "are") in the records of children "
                                + "outside your record access, so \(model.outsideScope == 1 ? "it is" : "they are") counted but not listed."))),
                summary(model),
                .forEach(model.checks.filter { !$0.rows.isEmpty }) { section($0, seesNames: model.seesNames) }
            ))
    }

    static func header(_ text: String) -> Node<HTML.TableRowContext> { .th(.attribute(named: "scope", value: "col"), .text(text)) }

    static func summary(_ model: Model) -> Node<HTML.BodyContext> {
        let rows: [Node<HTML.TableContext>] = model.checks.map { check in
            .tr(
                .th(
                    .attribute(named: "scope", value: "row"), check.rows.isEmpty ? .text(check.title) : .a(.href("#\(check.id)"), .text(check.title))),
                .td(.class("number"), .text(String(check.count))), .td(.text(check.inTheMeasures)))
        }
        return .div(
            .class("table-wrap"),
            .table(
                .caption(.text("Checks, how many records each found, and how the measures count them")),
                .thead(.tr(header("Check"), header("Records"), header("In the measures"))),
                .tbody(.group(rows))
            ))
    }

    static func section(_ check: Check, seesNames: Bool) -> Node<HTML.BodyContext> {
        let rows: [Node<HTML.TableContext>] = check.rows.map { row in
            .tr(
                .td(.a(.href(SiteURL.children(.show(id: row.childID)).path), .text(row.localID))), .if(seesNames, .td(.text(row.name ?? "–"))),
                .td(.text(row.day)), .td(.text(row.why)))
        }
        return .section(
            .id(check.id),
            .h2(.text("\(check.title): \(check.rows.count)")),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text(check.title)),
                    .thead(.tr(header("Child"), .if(seesNames, header("Name")), header("Day"), header("What is wrong"))),
                    .tbody(.group(rows))
                ))
        )
    }
}
