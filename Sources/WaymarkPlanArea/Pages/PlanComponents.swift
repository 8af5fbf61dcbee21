import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Pieces the plan pages share: RAG and status tags, the RAG spread, the actions table.
public enum PlanComponents {
    public static func statusTag(_ status: ActionStatus) -> Node<HTML.BodyContext> {
        .span(.class("tag tag--status"), .text(status.displayName))
    }

    /// "2 red, 1 amber, 5 green, 3 not rated".
    public static func spreadText(_ spread: RAGSpread) -> String {
        "\(spread.red) red, \(spread.amber) amber, \(spread.green) green, \(spread.notRated) not rated"
    }

    /// A bar of the RAG spread for sighted readers, with the same counts as text beside it. Drawn as SVG with
    /// presentation attributes, as the content security policy allows no inline styles.
    public static func spread(_ spread: RAGSpread) -> Node<HTML.BodyContext> {
        guard spread.total > 0 else { return .text("No actions") }
        var x = 0
        let segments: [Node<HTML.BodyContext>] = [
            (spread.red, "#d4351c"), (spread.amber, "#f47738"), (spread.green, "#00703c"), (spread.notRated, "#b1b4b6"),
        ]
        .filter { $0.0 > 0 }
        .map { count, colour in
            defer { x += count }
            return .selfClosedElement(
                named: "rect",
                attributes: [
                    .attribute(named: "x", value: String(x)), .attribute(named: "y", value: "0"),
                    .attribute(named: "width", value: String(count)), .attribute(named: "height", value: "1"),
                    .attribute(named: "fill", value: colour),
                ])
        }
        return .div(
            .class("spread"),
            .element(
                named: "svg",
                nodes: [
                    .class("spread__bar"),
                    .attribute(named: "viewBox", value: "0 0 \(spread.total) 1"),
                    .attribute(named: "preserveAspectRatio", value: "none"),
                    .attribute(named: "aria-hidden", value: "true"),
                    .attribute(named: "focusable", value: "false"),
                ] + segments),
            .span(.class("spread__text"), .text(spreadText(spread)))
        )
    }

    public static func progress(_ value: Int?) -> String { value.map { "\($0)%" } ?? "–" }

    /// The table of actions used by the outcome, list, board and My actions pages.
    public static func actionsTable(_ actions: [ActionRecord], caption: String, showPlan: Bool = false, today: ISODay) -> Node<HTML.BodyContext> {
        guard !actions.isEmpty else { return .p(.class("empty"), .text("\(caption): none.")) }
        return .div(
            .class("table-wrap"),
            .table(
                .caption(.text(caption)),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text("Ref")),
                        .th(.attribute(named: "scope", value: "col"), .text("Action")),
                        .th(.attribute(named: "scope", value: "col"), .text("Responsible")),
                        .th(.attribute(named: "scope", value: "col"), .text("RAG")),
                        .th(.attribute(named: "scope", value: "col"), .text("Status")),
                        .th(.attribute(named: "scope", value: "col"), .text("Progress")),
                        .th(.attribute(named: "scope", value: "col"), .text("Due")),
                        .th(.attribute(named: "scope", value: "col"), .text("Last update"))
                    )),
                .tbody(
                    .forEach(actions) { action in
                        .tr(
                            .td(.text(action.ref)),
                            .td(
                                .a(.href(SiteURL.plan(.action(slug: action.planSlug, ref: action.ref)).path), .text(action.title)),
                                .if(showPlan, .div(.class("hint"), .text(action.planTitle)))
                            ),
                            .td(.text(action.responsible.map(\.name).joined(separator: "; "))),
                            .td(RAGTag.of(action.rag)),
                            .td(statusTag(action.status)),
                            .td(.text(progress(action.progress))),
                            .td(
                                .text(action.due?.written ?? "–"),
                                .if(action.isOverdue(on: today), .group(.text(" "), .span(.class("tag tag--red"), .text("Overdue"))))
                            ),
                            .td(.text(action.lastUpdate?.written ?? "Never"))
                        )
                    })
            ))
    }
}
