import Foundation

/// A page's query parameters, typed: links are built from `items` and a request is read with `init(reading:)`, so
/// both use the same names. A value that cannot be read is read as absent (the page shows its default).
public protocol URLQuery: Hashable, Sendable {
    /// Reads the query from a lookup of one parameter's text by name.
    init(reading value: (String) -> String?)
    /// The parameters to put in a link, leaving out those at their default.
    var items: [QueryItem] { get }
}

/// One `name=value` in a query.
public struct QueryItem: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Values keep only unreserved characters (RFC 3986), so `&`, `=`, `+` and `#` cannot change the query.
    var encoded: String {
        "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "")"
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

extension Array where Element == QueryItem {
    /// Leaves out a text parameter that is empty.
    mutating func append(_ name: String, _ value: String) {
        if !value.isEmpty { append(QueryItem(name, value)) }
    }
}
