import Foundation

/// The DfE's rules for one return and year: each code with its message, exactly as published (the TSV files beside
/// this code, one `code<TAB>message` line a rule). A rule Waymark implements runs for a year only when the year's
/// listing has its code, and reports the year's own message.
public struct RuleListing: Sendable {
    public enum Return: String, Sendable {
        case ssda903 = "903_rules_lac"
        case cin = "cin_rules_"
    }

    public let year: CollectionYear
    /// Messages by code, in the listing's order.
    public let messages: [String: String]
    public let codes: [String]

    /// The years each return has rules for.
    public static func years(_ kind: Return) -> [CollectionYear] {
        switch kind {
        case .ssda903: [2025, 2026, 2027].map(CollectionYear.init(endYear:))
        case .cin: [CollectionYear(endYear: 2026)]
        }
    }

    /// The year ending in `endYear` when Waymark has this return's rules for it.
    public static func year(_ kind: Return, endingIn endYear: Int?) -> CollectionYear? {
        years(kind).first { $0.endYear == endYear }
    }

    /// The listing for a year, or nil when the DfE has published none that Waymark holds.
    public init?(_ kind: Return, year: CollectionYear) {
        guard let listing = Self.held[kind.rawValue + year.fileSuffix] else { return nil }
        self = listing
    }

    /// Every listing Waymark holds, read once: a child's page checks their records with one on every view.
    private static let held: [String: RuleListing] = {
        var held: [String: RuleListing] = [:]
        for kind in [Return.ssda903, .cin] {
            for year in years(kind) { held[kind.rawValue + year.fileSuffix] = RuleListing(reading: kind, year: year) }
        }
        return held
    }()

    private init?(reading kind: Return, year: CollectionYear) {
        guard let url = Bundle.module.url(forResource: kind.rawValue + year.fileSuffix, withExtension: "tsv", subdirectory: "Rules"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        var messages: [String: String] = [:], codes: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let code = String(parts[0]).trimmingCharacters(in: .whitespaces)
            if messages[code] == nil { codes.append(code) }
            messages[code] = String(parts[1]).trimmingCharacters(in: .whitespaces)
        }
        self.year = year
        self.messages = messages
        self.codes = codes
    }
}

/// An error must be put right before the return is accepted; a query must be checked and, where the data are right,
/// explained. The DfE marks a query with a `Q` after its code (or "(QUERY)" in its message).
public enum Severity: String, Sendable, Codable {
    case error, query

    public init(code: String, message: String) {
        self = code.hasSuffix("Q") || message.hasSuffix("(QUERY)") ? .query : .error
    }

    /// As a page shows it: "Error" or "Query".
    public var displayName: String { self == .error ? "Error" : "Query" }
}
