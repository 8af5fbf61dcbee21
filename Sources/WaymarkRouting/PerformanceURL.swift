import WaymarkDomain
import WaymarkTimescales

/// The performance area's addresses.
public enum PerformanceURL: Hashable, Sendable {
    /// Performance Matters, the area's first page.
    case report(PeriodQuery = .init())
    case reportPDF(PeriodQuery = .init())
    case measure(String, PeriodQuery = .init())
    case commentary
    case annexA(AnnexAQuery = .init())
    case annexAWorkbook(AnnexAQuery = .init())
    case dataQuality

    var parts: [PathPart] {
        switch self {
        case .report: [.fixed("performance")]
        case .reportPDF: [.fixed("performance"), .fixed("report.pdf")]
        case .measure(let measure, _): [.fixed("performance"), .fixed("measures"), .parameter("measure", measure)]
        case .commentary: [.fixed("performance"), .fixed("commentary")]
        case .annexA: [.fixed("performance"), .fixed("annex-a")]
        case .annexAWorkbook: [.fixed("performance"), .fixed("annex-a.xlsx")]
        case .dataQuality: [.fixed("performance"), .fixed("data-quality")]
        }
    }

    var query: [QueryItem] {
        switch self {
        case .report(let query), .reportPDF(let query), .measure(_, let query): query.items
        case .annexA(let query), .annexAWorkbook(let query): query.items
        case .commentary, .dataQuality: []
        }
    }
}

/// `?period=2026-11`: the month of Performance Matters asked for; absent, the latest. Kept as written: a period the
/// report cannot show is refused with why, not read as the latest.
public struct PeriodQuery: URLQuery {
    public var period: String?

    public init(period: String? = nil) { self.period = period }

    public init(reading value: (String) -> String?) { period = value("period") }

    public var items: [QueryItem] { period.map { [QueryItem("period", $0)] } ?? [] }
}

/// `?on=…&headers=…`: the day Ofsted's lists are drawn on (absent or unreadable, today) and the version of their
/// headers (absent, the one in force on that day).
public struct AnnexAQuery: URLQuery {
    public var on: ISODay?
    public var headers: AnnexA.Version?

    public init(on: ISODay? = nil, headers: AnnexA.Version? = nil) { (self.on, self.headers) = (on, headers) }

    public init(reading value: (String) -> String?) {
        self.init(on: ISODay(DateField.read("on", from: value)), headers: value("headers").flatMap(AnnexA.Version.init(rawValue:)))
    }

    public var items: [QueryItem] {
        (on.map { [QueryItem("on", $0.description)] } ?? []) + (headers.map { [QueryItem("headers", $0.rawValue)] } ?? [])
    }
}
