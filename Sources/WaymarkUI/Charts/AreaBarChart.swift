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

    package static let width = 640.0, left = 170.0, right = 64.0, top = 28.0, rowHeight = 26.0, bottom = 28.0

    public func render(id: String) -> Node<HTML.BodyContext> {
        .element(
            named: "figure",
            nodes: [
                .class("chart"),
                .element(named: "figcaption", nodes: [.id("\(id)-title"), .text(title)]),
                .p(.id("\(id)-summary"), .class("chart__summary"), .text(summary)),
                svg(id: id),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("Data for the chart: \(title)")),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text("Area")),
                                .th(.attribute(named: "scope", value: "col"), .text("Value")))),
                        .tbody(
                            .forEach(bars) { bar in .tr(.th(.attribute(named: "scope", value: "row"), .text(bar.area)), .td(.text(format(bar.value))))
                            },
                            .unwrap(reference) { reference in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text("\(reference.area) (whole borough)")),
                                    .td(.text(format(reference.value))))
                            }
                        )
                    )),
            ])
    }

    /// Which area is highest and lowest, and where the borough as a whole stands.
    public var summary: String {
        guard let highest = bars.first, let lowest = bars.last else { return "\(title): no values yet." }
        var sentence =
            bars.count == 1
            ? "Only \(highest.area) has a value: \(format(highest.value))."
            : "Of \(bars.count) \(areaKind), \(highest.area) is highest at \(format(highest.value)) and \(lowest.area) lowest at \(format(lowest.value))."
        if let reference {
            let above = bars.filter { $0.value > reference.value }.count
            sentence +=
                " \(reference.area) as a whole is \(format(reference.value)); \(above) of the \(bars.count) \(above == 1 ? "is" : "are") above it."
        }
        return sentence
    }

    package func svg(id: String) -> Node<HTML.BodyContext> {
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
            nodes.append(SVG.line(x(tick), Self.top - 4, x(tick), height - Self.bottom, className: "chart__grid"))
            nodes.append(SVG.text(format(tick), x: x(tick), y: height - Self.bottom + 16, anchor: "middle"))
            tick += step
        }
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Self.rowHeight * Double(index)
            nodes.append(SVG.text(bar.area, x: Self.left - 8, y: y + 17, anchor: "end"))
            nodes.append(
                SVG.rect(x: x(min(0, bar.value)), y: y + 5, width: abs(x(bar.value) - x(0)), height: Self.rowHeight - 10, className: "chart__bar"))
            nodes.append(SVG.text(format(bar.value), x: x(max(0, bar.value)) + 6, y: y + 17, anchor: "start"))
        }
        if let reference {
            nodes.append(SVG.line(x(reference.value), Self.top - 4, x(reference.value), height - Self.bottom, className: "chart__reference"))
            nodes.append(SVG.text("\(reference.area) \(format(reference.value))", x: x(reference.value), y: Self.top - 10, anchor: "middle"))
        }
        return .element(named: "svg", nodes: nodes)
    }
}
