/// The measures area's addresses.
public enum MeasuresURL: Hashable, Sendable {
    case home
    case indicator(code: String)
    case values(code: String, format: TableFormat)
    case upload
    case template(format: TableFormat)

    var parts: [PathPart] {
        switch self {
        case .home: [.fixed("measures")]
        case .indicator(let code): [.fixed("measures"), .parameter("indicatorCode", code)]
        case .values(let code, let format): [.fixed("measures"), .parameter("indicatorCode", code), .fixed("values.\(format.rawValue)")]
        case .upload: [.fixed("measures"), .fixed("upload")]
        case .template(let format): [.fixed("measures"), .fixed("template.\(format.rawValue)")]
        }
    }
}

/// The file formats a table is downloaded and uploaded in.
public enum TableFormat: String, CaseIterable, Sendable {
    case csv, xlsx

    public var displayName: String {
        switch self {
        case .csv: "CSV"
        case .xlsx: "Excel"
        }
    }

    public var mediaType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}
