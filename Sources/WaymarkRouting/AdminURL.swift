import Foundation
import WaymarkDomain

/// The admin area's addresses.
public enum AdminURL: Hashable, Sendable {
    case users
    case newUser
    case user(id: String)
    case disableUser(id: String)
    case organisations
    case teams
    case serviceAreas
    case apiTokens
    case revokeAPIToken(id: String)
    case auditTrail(AuditTrailQuery = .init())

    var parts: [PathPart] {
        switch self {
        case .users: [.fixed("admin"), .fixed("users")]
        case .newUser: [.fixed("admin"), .fixed("users"), .fixed("new")]
        case .user(let id): [.fixed("admin"), .fixed("users"), .parameter("userID", id)]
        case .disableUser(let id): [.fixed("admin"), .fixed("users"), .parameter("userID", id), .fixed("disable")]
        case .organisations: [.fixed("admin"), .fixed("organisations")]
        case .teams: [.fixed("admin"), .fixed("teams")]
        case .serviceAreas: [.fixed("admin"), .fixed("service-areas")]
        case .apiTokens: [.fixed("admin"), .fixed("api-tokens")]
        case .revokeAPIToken(let id): [.fixed("admin"), .fixed("api-tokens"), .parameter("tokenID", id), .fixed("revoke")]
        case .auditTrail: [.fixed("admin"), .fixed("audit")]
        }
    }

    var query: [QueryItem] {
        if case .auditTrail(let query) = self { query.items } else { [] }
    }
}

/// The audit trail's search, as typed (the page checks the dates), and the page of results.
public struct AuditTrailQuery: URLQuery {
    public var username = ""
    public var recordType = ""
    public var recordID = ""
    public var from = ""
    public var to = ""
    /// From 1.
    public var page = 1

    public init(username: String = "", recordType: String = "", recordID: String = "", from: String = "", to: String = "", page: Int = 1) {
        (self.username, self.recordType, self.recordID, self.from, self.to, self.page) = (username, recordType, recordID, from, to, page)
    }

    public init(reading value: (String) -> String?) {
        func text(_ name: String) -> String { (value(name) ?? "").trimmingCharacters(in: .whitespaces) }
        username = text("username").lowercased()
        recordType = text("recordType")
        recordID = text("recordID")
        from = DateField.read("from", from: value)
        to = DateField.read("to", from: value)
        page = max(1, value("page").flatMap { Int($0) } ?? 1)
    }

    public var items: [QueryItem] {
        var items: [QueryItem] = []
        items.append("username", username)
        items.append("recordType", recordType)
        items.append("recordID", recordID)
        items.append("from", from)
        items.append("to", to)
        if page > 1 { items.append(QueryItem("page", String(page))) }
        return items
    }
}
