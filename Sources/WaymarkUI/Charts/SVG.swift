import Plot

/// The SVG shapes every chart draws, with coordinates written by `n(_:)` so the same chart gives the same bytes.
package enum SVG {
    package static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) -> Node<HTML.BodyContext> {
        .selfClosedElement(
            named: "line",
            attributes: [
                .attribute(named: "x1", value: n(x1)), .attribute(named: "y1", value: n(y1)),
                .attribute(named: "x2", value: n(x2)), .attribute(named: "y2", value: n(y2)), .class(className),
            ])
    }

    package static func text(_ content: String, x: Double, y: Double, anchor: String) -> Node<HTML.BodyContext> {
        .element(
            named: "text",
            nodes: [
                .attribute(named: "x", value: n(x)), .attribute(named: "y", value: n(y)),
                .attribute(named: "text-anchor", value: anchor), .class("chart__label"), .text(content),
            ])
    }

    package static func rect(x: Double, y: Double, width: Double, height: Double, className: String) -> Node<HTML.BodyContext> {
        .selfClosedElement(
            named: "rect",
            attributes: [
                .attribute(named: "x", value: n(x)), .attribute(named: "y", value: n(y)),
                .attribute(named: "width", value: n(width)), .attribute(named: "height", value: n(height)), .class(className),
            ])
    }
}
