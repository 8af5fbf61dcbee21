import Plot

/// A line chart drawn on the server as SVG: the borough's series, its comparators, the target and a forecast,
/// over the same periods. It always comes with its data table and a sentence saying what it shows, so that it
/// reads without sight of the picture (WCAG 1.1.1). The same data gives the same bytes.
public struct LineChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public enum Style: String, Sendable { case main, comparator, target, forecast }
        public var name: String
        public var style: Style
        /// One value (or nil: no value) per period, in the chart's period order.
        public var values: [Double?]

        public init(name: String, style: Style, values: [Double?]) {
            self.name = name
            self.style = style
            self.values = values
        }
    }

    public var title: String
    public var periods: [String]
    public var series: [Series]
    /// How values are written in the table and labels ("16.7%").
    public var format: @Sendable (Double) -> String

    public init(title: String, periods: [String], series: [Series], format: @escaping @Sendable (Double) -> String) {
        self.title = title
        self.periods = periods
        self.series = series
        self.format = format
    }

    public static func == (lhs: LineChart, rhs: LineChart) -> Bool {
        lhs.title == rhs.title && lhs.periods == rhs.periods && lhs.series == rhs.series
    }

    package static let width = 640.0, height = 280.0
    package static let left = 56.0, right = 44.0, top = 16.0, bottom = 40.0

    /// The figure: the SVG, a key, the sentence and the data table.
    public func render(id: String) -> Node<HTML.BodyContext> {
        .element(
            named: "figure",
            nodes: [
                .class("chart"),
                .element(named: "figcaption", nodes: [.id("\(id)-title"), .text(title)]),
                .p(.id("\(id)-summary"), .class("chart__summary"), .text(summary)),
                svg(id: id),
                .ul(
                    .class("chart__key"),
                    .forEach(series.indices) { index in
                        .li(
                            .span(.class("chart__swatch \(seriesClass(index))"), .attribute(named: "aria-hidden", value: "true")),
                            .text(series[index].name))
                    }),
                table,
            ])
    }

    /// One plain sentence: where the main series started and ended, and the latest comparator and target.
    public var summary: String {
        guard let main = series.first(where: { $0.style == .main }) else { return "\(title): no values yet." }
        let known = zip(periods, main.values).compactMap { period, value in value.map { (period, $0) } }
        guard let first = known.first, let last = known.last else { return "\(title): no values yet." }
        var sentence =
            known.count == 1
            ? "\(main.name) was \(format(last.1)) in \(last.0)."
            : "\(main.name) went from \(format(first.1)) in \(first.0) to \(format(last.1)) in \(last.0)."
        for other in series where other.style == .comparator || other.style == .target {
            if let index = periods.firstIndex(of: last.0), index < other.values.count, let value = other.values[index] {
                sentence += " \(other.name): \(format(value)) in \(last.0)."
            }
        }
        return sentence
    }

    package var table: Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .caption(.text("Data for the chart: \(title)")),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text("Period")),
                        .forEach(series) { .th(.attribute(named: "scope", value: "col"), .text($0.name)) })),
                .tbody(
                    .forEach(periods.indices) { index in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(periods[index])),
                            .forEach(series) { series in
                                .td(.text(index < series.values.count ? series.values[index].map(format) ?? "–" : "–"))
                            })
                    })
            ))
    }

    /// The y-axis: from 0 (or the lowest value, if below 0) to a round number above the highest value.
    package var scale: (min: Double, max: Double, step: Double) { niceScale(series.flatMap { $0.values.compactMap { $0 } }) }

    package func svg(id: String) -> Node<HTML.BodyContext> {
        let (low, high, step) = scale
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Double {
            periods.count <= 1 ? Self.left + plotWidth / 2 : Self.left + plotWidth * Double(index) / Double(periods.count - 1)
        }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - (value - low) / (high - low)) }

        var nodes: [Node<HTML.BodyContext>] = [
            .attribute(named: "viewBox", value: "0 0 \(n(Self.width)) \(n(Self.height))"),
            .attribute(named: "role", value: "img"),
            .attribute(named: "aria-labelledby", value: "\(id)-title \(id)-summary"),
            .class("chart__svg"),
        ]
        var tick = low
        while tick <= high + step / 1000 {
            nodes.append(SVG.line(Self.left, y(tick), Self.width - Self.right, y(tick), className: "chart__grid"))
            nodes.append(SVG.text(format(tick), x: Self.left - 6, y: y(tick) + 4, anchor: "end"))
            tick += step
        }
        let labelEvery = max(1, Int((Double(periods.count) / 8).rounded(.up)))
        for (index, period) in periods.enumerated() where index % labelEvery == 0 || index == periods.count - 1 {
            nodes.append(SVG.text(period, x: x(index), y: Self.height - Self.bottom + 18, anchor: "middle"))
        }
        for (seriesIndex, series) in self.series.enumerated() {
            // A line through each run of consecutive values; a lone value is a dot.
            var run: [(Double, Double)] = []
            func flush() {
                if run.count > 1 {
                    nodes.append(
                        .selfClosedElement(
                            named: "polyline",
                            attributes: [
                                .attribute(named: "points", value: run.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")),
                                .class("chart__line \(seriesClass(seriesIndex))"),
                            ]))
                }
                run = []
            }
            for (index, value) in series.values.enumerated() {
                guard let value else { flush(); continue }
                run.append((x(index), y(value)))
                if series.style != .target {
                    nodes.append(
                        .selfClosedElement(
                            named: "circle",
                            attributes: [
                                .attribute(named: "cx", value: n(x(index))), .attribute(named: "cy", value: n(y(value))),
                                .attribute(named: "r", value: series.style == .main ? "4" : "3"),
                                .class("chart__dot \(seriesClass(seriesIndex))"),
                            ]))
                }
            }
            flush()
        }
        return .element(named: "svg", nodes: nodes)
    }

    /// The style and the position among series of its style, so that two comparators look different.
    func seriesClass(_ index: Int) -> String {
        let style = series[index].style
        let rank = series[..<index].filter { $0.style == style }.count + 1
        return "chart--\(style.rawValue) chart--\(style.rawValue)-\(rank)"
    }
}

/// A coordinate with at most one decimal place, the same on every machine.
package func n(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    guard abs(tenths) < 1e15 else { return String(value) } // past any chart's size, and past what an Int holds
    let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
    let sign = tenths < 0 && whole == 0 ? "-" : ""
    return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
}

/// An axis for these values: from 0 (or the lowest value, if below 0) to a round number at or above the highest,
/// in about four round steps (1, 2, 2.5 or 5 times a power of ten).
package func niceScale(_ values: [Double]) -> (min: Double, max: Double, step: Double) {
    let low = min(0, values.min() ?? 0)
    let high = max(values.max() ?? 1, low + 1)
    let rough = (high - low) / 4
    let magnitude = powerOfTen(atMost: rough)
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
    return (low, (high / step).rounded(.up) * step, step)
}

/// The largest power of ten not above `value` (value > 0): 1 for 4.2, 10 for 42, 0.1 for 0.42.
private func powerOfTen(atMost value: Double) -> Double {
    var result = 1.0
    while result > value { result /= 10 }
    while result * 10 <= value { result *= 10 }
    return result
}
