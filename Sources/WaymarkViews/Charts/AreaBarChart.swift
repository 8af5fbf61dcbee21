import Plot

/// One period's values across the borough's wards or locality hubs as horizontal bars, highest first, with the
/// borough's own value as a reference line. Like every chart, it comes with a sentence saying what it shows and
/// its data table; the same data gives the same bytes.
public struct AreaBarChart: Sendable {
    public struct Bar: Sendable, Equatable {
        public var area: String
        public var value: Double
        public init(area: String, value: Double) {
            self.area = area
            self.value = value
        }
    }

    public var title: String
    /// What the bars are, in the plural ("wards", "locality hubs").
    public var areaKind: String
    public var bars: [Bar]
    /// The borough's value for the same period, drawn as a line across the bars.
    public var reference: Bar?
    public var format: @Sendable (Double) -> String

    public init(title: String, areaKind: String, bars: [Bar], reference: Bar?, format: @escaping @Sendable (Double) -> String) {
        self.title = title
        self.areaKind = areaKind
        // Highest first; equal values by name, so the order never depends on how they were read.
        self.bars = bars.sorted { ($1.value, $0.area) < ($0.value, $1.area) }
        self.reference = reference
        self.format = format
    }

    static let width = 640.0, left = 170.0, right = 64.0, top = 28.0, rowHeight = 26.0, bottom = 28.0

    public func render(id: String) -> Node<HTML.BodyContext> {
        .element(named: "figure", nodes: [
            .class("chart"),
            .element(named: "figcaption", nodes: [.id("\(id)-title"), .text(title)]),
            .p(.id("\(id)-summary"), .class("chart__summary"), .text(summary)),
            svg(id: id),
            .div(.class("table-wrap"), .table(
                .caption(.text("Data for the chart: \(title)")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Area")), .th(.attribute(named: "scope", value: "col"), .text("Value")))),
                .tbody(
                    .forEach(bars) { bar in .tr(.th(.attribute(named: "scope", value: "row"), .text(bar.area)), .td(.text(format(bar.value)))) },
                    .unwrap(reference) { reference in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text("\(reference.area) (whole borough)")), .td(.text(format(reference.value))))
                    }
                )
            )),
        ])
    }

    /// Which area is highest and lowest, and where the borough as a whole stands.
    public var summary: String {
        guard let highest = bars.first, let lowest = bars.last else { return "\(title): no values yet." }
        var sentence = bars.count == 1
            ? "Only \(highest.area) has a value: \(format(highest.value))."
            : "Of \(bars.count) \(areaKind), \(highest.area) is highest at \(format(highest.value)) and \(lowest.area) lowest at \(format(lowest.value))."
        if let reference {
            let above = bars.filter { $0.value > reference.value }.count
            sentence += " \(reference.area) as a whole is \(format(reference.value)); \(above) of the \(bars.count) \(above == 1 ? "is" : "are") above it."
        }
        return sentence
    }

    func svg(id: String) -> Node<HTML.BodyContext> {
        let (low, high, step) = niceScale(bars.map(\.value) + (reference.map { [$0.value] } ?? []))
        let plotWidth = Self.width - Self.left - Self.right
        let height = Self.top + Self.rowHeight * Double(bars.count) + Self.bottom
        func x(_ value: Double) -> Double { Self.left + plotWidth * (value - low) / (high - low) }
        var nodes: [Node<HTML.BodyContext>] = [
            .attribute(named: "viewBox", value: "0 0 \(n(Self.width)) \(n(height))"),
            .attribute(named: "role", value: "img"),
            .attribute(named: "aria-labelledby", value: "\(id)-title \(id)-summary"),
            .class("chart__svg"),
        ]
        var tick = low
        while tick <= high + step / 1000 {
            nodes.append(rule(x: x(tick), from: Self.top - 4, to: height - Self.bottom, className: "chart__grid"))
            nodes.append(label(format(tick), x: x(tick), y: height - Self.bottom + 16, anchor: "middle"))
            tick += step
        }
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Self.rowHeight * Double(index)
            nodes.append(label(bar.area, x: Self.left - 8, y: y + 17, anchor: "end"))
            nodes.append(.selfClosedElement(named: "rect", attributes: [
                .attribute(named: "x", value: n(x(min(0, bar.value)))), .attribute(named: "y", value: n(y + 5)),
                .attribute(named: "width", value: n(abs(x(bar.value) - x(0)))), .attribute(named: "height", value: n(Self.rowHeight - 10)),
                .class("chart__bar"),
            ]))
            nodes.append(label(format(bar.value), x: x(max(0, bar.value)) + 6, y: y + 17, anchor: "start"))
        }
        if let reference {
            nodes.append(rule(x: x(reference.value), from: Self.top - 4, to: height - Self.bottom, className: "chart__reference"))
            nodes.append(label("\(reference.area) \(format(reference.value))", x: x(reference.value), y: Self.top - 10, anchor: "middle"))
        }
        return .element(named: "svg", nodes: nodes)
    }

    private func rule(x: Double, from y1: Double, to y2: Double, className: String) -> Node<HTML.BodyContext> {
        .selfClosedElement(named: "line", attributes: [
            .attribute(named: "x1", value: n(x)), .attribute(named: "y1", value: n(y1)),
            .attribute(named: "x2", value: n(x)), .attribute(named: "y2", value: n(y2)), .class(className),
        ])
    }

    private func label(_ content: String, x: Double, y: Double, anchor: String) -> Node<HTML.BodyContext> {
        .element(named: "text", nodes: [
            .attribute(named: "x", value: n(x)), .attribute(named: "y", value: n(y)),
            .attribute(named: "text-anchor", value: anchor), .class("chart__label"), .text(content),
        ])
    }
}
