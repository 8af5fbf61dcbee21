import Foundation
import WaymarkRouting
import WaymarkUI

/// Search the audit trail: who did what to which record, when and from where.
public enum AuditTrailPage {
    public struct Filters: Sendable, Equatable {
        public var username: String
        public var recordType: String
        public var recordID: String
        public var from: String
        public var to: String
        public init(username: String = "", recordType: String = "", recordID: String = "", from: String = "", to: String = "") {
            self.username = username
            self.recordType = recordType
            self.recordID = recordID
            self.from = from
            self.to = to
        }
    }

    public struct Row: Sendable {
        public var time: String
        public var username: String
        public var action: String
        public var recordType: String
        public var recordID: String
        public var ipAddress: String
        public var requestID: String
        public init(time: String, username: String, action: String, recordType: String, recordID: String, ipAddress: String, requestID: String) {
            self.time = time
            self.username = username
            self.action = action
            self.recordType = recordType
            self.recordID = recordID
            self.ipAddress = ipAddress
            self.requestID = requestID
        }
    }

    public struct Model: Sendable {
        public var filters: Filters
        public var errors: FormErrors
        public var rows: [Row]
        public var total: Int
        public var page: Int
        public var pageSize: Int
        public var recordTypes: [String]
        public init(filters: Filters, errors: FormErrors, rows: [Row], total: Int, page: Int, pageSize: Int, recordTypes: [String]) {
            self.filters = filters
            self.errors = errors
            self.rows = rows
            self.total = total
            self.page = page
            self.pageSize = pageSize
            self.recordTypes = recordTypes
        }
    }

    public static func render(_ model: Model, context: PageContext, showAdminMenu: Bool) -> String {
        let f = model.filters
        let first = model.total == 0 ? 0 : (model.page - 1) * model.pageSize + 1
        let last = min(model.total, model.page * model.pageSize)
        return Layout.render(
            context,
            main: .group(
                .h1(.text("Audit trail")),
                .if(showAdminMenu, AdminMenu.render(current: .auditTrail)),
                .p(
                    .class("lead"),
                    .text("Every sign-in, every change, every view of a child's record and every export. Records are never changed or removed.")),
                Form.errorSummary(model.errors),
                .element(
                    named: "form",
                    nodes: [
                        .attribute(named: "method", value: "get"),
                        .attribute(named: "action", value: SiteURL.auditTrail.path),
                        .class("filters"),
                        .attribute(named: "aria-label", value: "Filter the audit trail"),
                        Form.textField("username", label: "Username", value: f.username, errors: model.errors, autocomplete: "off"),
                        Form.select(
                            "recordType", label: "Record type", choices: model.recordTypes.map { Form.Choice(value: $0, label: $0) },
                            selected: f.recordType, errors: model.errors, includeBlank: "Any"),
                        Form.textField("recordID", label: "Record id", value: f.recordID, errors: model.errors, autocomplete: "off"),
                        Form.textField("from", label: "From (date)", value: f.from, errors: model.errors, type: .date),
                        Form.textField("to", label: "To (date)", value: f.to, errors: model.errors, type: .date),
                        .div(.class("actions"), Form.submit("Search"), .a(.href(SiteURL.auditTrail.path), .text("Clear filters"))),
                    ]),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text(model.total == 0 ? "No matching records" : "Records \(first) to \(last) of \(model.total), newest first")),
                        .thead(
                            .tr(
                                .th(.text("Time (UTC)")), .th(.text("User")), .th(.text("Action")), .th(.text("Record type")),
                                .th(.text("Record id")), .th(.text("IP address")), .th(.text("Request id")))),
                        .tbody(
                            .forEach(model.rows) { row in
                                .tr(
                                    .td(.text(row.time)), .td(.text(row.username)), .td(.text(row.action)), .td(.text(row.recordType)),
                                    .td(.text(row.recordID)), .td(.text(row.ipAddress)), .td(.text(row.requestID)))
                            })
                    )),
                .if(last < model.total, .p(.a(.href(nextPageLink(model)), .text("Next page"))))
            ))
    }

    private static func nextPageLink(_ model: Model) -> String {
        let f = model.filters
        let items =
            [("username", f.username), ("recordType", f.recordType), ("recordID", f.recordID), ("from", f.from), ("to", f.to)]
            .filter { !$0.1.isEmpty } + [("page", String(model.page + 1))]
        let query = items.map { "\($0.0)=\(percentEncode($0.1))" }.joined(separator: "&")
        return SiteURL.auditTrail.path + "?" + query
    }

    /// Query values keep only unreserved characters (RFC 3986), so `&`, `=` and `+` cannot change the query.
    private static func percentEncode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
