import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Many indicators at once: for each, the borough's latest value as a bar, its target as a line and its comparators
/// as marks (a bullet chart, after Stephen Few). Each row's scale runs from 0 to twice its first comparator's value
/// (England's, else its target), so that mark sits in the middle and a bar says better or worse at a glance, whatever
/// the unit: 158 admissions and 1.8% not in education are not both full bars. The bar is green when the borough is
/// better than that comparator, red when worse. The figure is a table, one row per indicator with every figure and
/// judgement in words, so the drawing in each row adds nothing a screen reader misses.
public struct BulletChart: Sendable {
    public var title: String
    public var rows: [IndicatorRow]

    public init(title: String, rows: [IndicatorRow]) {
        self.title = title
        self.rows = rows.filter { $0.assessment.latest != nil }
    }

    /// The comparators any row has, in the order the rows give them (England before London).
    var comparators: [String] {
        var names: [String] = []
        for row in rows {
            for comparison in row.assessment.comparisons where !names.contains(comparison.comparator) { names.append(comparison.comparator) }
        }
        return names
    }

    public var summary: String {
        guard !rows.isEmpty else { return "\(title): no indicator has a value yet." }
        let judgements = rows.map(\.assessment.target)
        let green = judgements.filter { $0 == .rated(.green) }.count, amber = judgements.filter { $0 == .rated(.amber) }.count
        let red = judgements.filter { $0 == .rated(.red) }.count
        return "Each row shows an indicator's latest value as a bar, with its target as a line and its comparators as marks, on a scale "
            + "that puts England's value (or the target) in the middle: green when better than England, red when worse. "
            + "Of \(rows.count) indicators with a value, \(green) \(green == 1 ? "meets" : "meet") or \(green == 1 ? "beats its" : "beat their") target, "
            + "\(amber) \(amber == 1 ? "is" : "are") close to it, \(red) \(red == 1 ? "falls" : "fall") short and \(rows.count - green - amber - red) \(rows.count - green - amber - red == 1 ? "has" : "have") no target to judge against."
    }

    public func render(id: String) -> Node<HTML.BodyContext> {
        let comparators = self.comparators
        return .element(
            named: "figure",
            nodes: [
                .class("chart bullet"),
                .element(named: "figcaption", nodes: [.id("\(id)-title"), .text(title)]),
                .p(.id("\(id)-summary"), .class("chart__summary"), .text(summary)),
                .ul(
                    .class("chart__key"),
                    .li(
                        .span(.class("bullet__swatch bullet__swatch--bar bullet__swatch--better"), .attribute(named: "aria-hidden", value: "true")),
                        .text("Latest value, better than England")),
                    .li(
                        .span(.class("bullet__swatch bullet__swatch--bar bullet__swatch--worse"), .attribute(named: "aria-hidden", value: "true")),
                        .text("worse")),
                    .li(
                        .span(.class("bullet__swatch bullet__swatch--bar"), .attribute(named: "aria-hidden", value: "true")),
                        .text("similar or not compared")),
                    .li(.span(.class("bullet__swatch bullet__swatch--target"), .attribute(named: "aria-hidden", value: "true")), .text("Target")),
                    .forEach(comparators.prefix(Self.markShapes.count).enumerated().map { $0 }) { index, name in
                        .li(
                            .span(
                                .class("bullet__swatch bullet__swatch--\(Self.markShapes[index])"), .attribute(named: "aria-hidden", value: "true")),
                            .text(name))
                    }),
                .div(
                    .class("table-wrap"),
                    .table(
                        .attribute(named: "aria-labelledby", value: "\(id)-title"),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Indicator")),
                                .th(.attribute(named: "scope", value: "col"), .text("Latest")),
                                .th(.attribute(named: "scope", value: "col"), .text("Target")),
                                .forEach(comparators) { .th(.attribute(named: "scope", value: "col"), .text($0)) },
                                .th(.attribute(named: "scope", value: "col"), .text("Chart"))
                            )),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .th(
                                        .attribute(named: "scope", value: "row"),
                                        .a(.href(SiteURL.measures(.indicator(code: row.code)).path), .text(row.name))),
                                    .td(.text(row.assessment.latest.map { "\(row.format($0.estimate.value)) (\($0.period.inWords))" } ?? "–")),
                                    .td(.text(row.assessment.targetValue.map(row.format) ?? "–")),
                                    .forEach(comparators) { name in
                                        .td(.text(row.assessment.comparisons.first { $0.comparator == name }?.value.map(row.format) ?? "–"))
                                    },
                                    .td(.class("bullet__cell"), bullet(row, comparators: comparators))
                                )
                            })
                    )),
            ])
    }

    static let width = 200.0, height = 24.0, pad = 6.0
    static let markShapes = ["diamond", "circle", "square"]

    func bullet(_ row: IndicatorRow, comparators: [String]) -> Node<HTML.BodyContext> {
        guard let value = row.assessment.latest?.estimate.value else { return .empty }
        let others = row.assessment.comparisons.compactMap(\.value) + (row.assessment.targetValue.map { [$0] } ?? [])
        // From 0 to twice the reference (the first comparator, else the target), so the reference sits in the
        // middle; wider only when a figure is beyond it. Without either, to a round number above the largest figure.
        let reference = row.assessment.comparisons.first?.value ?? row.assessment.targetValue
        let (low, high): (Double, Double) =
            if let reference, reference > 0, ([value] + others).allSatisfy({ $0 >= 0 }) {
                (0, max(2 * reference, ([value] + others).max()! * 1.05))
            } else {
                {
                    let scale = niceScale([value] + others); return (scale.0, scale.1)
                }()
            }
        let judgement = row.assessment.comparisons.first?.judgement
        let barClass =
            judgement == .better ? "bullet__bar bullet__bar--better" : judgement == .worse ? "bullet__bar bullet__bar--worse" : "bullet__bar"
        func x(_ value: Double) -> Double { Self.pad + (Self.width - 2 * Self.pad) * (value - low) / (high - low) }
        var nodes: [Node<HTML.BodyContext>] = [
            .attribute(named: "viewBox", value: "0 0 \(n(Self.width)) \(n(Self.height))"),
            .attribute(named: "aria-hidden", value: "true"),
            .attribute(named: "focusable", value: "false"),
            .class("bullet__svg"),
            SVG.rect(x: x(low), y: 8, width: x(high) - x(low), height: 8, className: "bullet__track"),
            SVG.rect(x: x(min(0, value)), y: 6, width: abs(x(value) - x(max(low, 0))), height: 12, className: barClass),
        ]
        if let target = row.assessment.targetValue {
            nodes.append(SVG.line(x(target), 2, x(target), 22, className: "bullet__target"))
        }
        for (index, name) in comparators.prefix(Self.markShapes.count).enumerated() {
            guard let comparison = row.assessment.comparisons.first(where: { $0.comparator == name }), let value = comparison.value else { continue }
            nodes.append(mark(Self.markShapes[index], x: x(value), y: 12))
        }
        return .element(named: "svg", nodes: nodes)
    }

    /// A comparator's mark: a different shape for each, so they differ without colour.
    private func mark(_ shape: String, x: Double, y: Double) -> Node<HTML.BodyContext> {
        switch shape {
        case "diamond":
            .selfClosedElement(
                named: "polygon",
                attributes: [
                    .attribute(named: "points", value: "\(n(x)),\(n(y - 6)) \(n(x + 6)),\(n(y)) \(n(x)),\(n(y + 6)) \(n(x - 6)),\(n(y))"),
                    .class("bullet__mark bullet__mark--diamond"),
                ])
        case "circle":
            .selfClosedElement(
                named: "circle",
                attributes: [
                    .attribute(named: "cx", value: n(x)), .attribute(named: "cy", value: n(y)), .attribute(named: "r", value: "5"),
                    .class("bullet__mark bullet__mark--circle"),
                ])
        default:
            SVG.rect(x: x - 4.5, y: y - 4.5, width: 9, height: 9, className: "bullet__mark bullet__mark--square")
        }
    }
}
