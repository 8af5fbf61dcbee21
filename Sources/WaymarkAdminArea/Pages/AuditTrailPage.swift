import Foundation
import WaymarkRouting
import WaymarkUI

/// Search the audit trail: who did what to which record, when and from where.
public enum AuditTrailPage {
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
        /// The search as typed, and the page of results shown.
        public var query: AuditTrailQuery
        public var errors: FormErrors
        public var rows: [Row]
        public var total: Int
        public var pageSize: Int
        public var recordTypes: [String]
        public init(query: AuditTrailQuery, errors: FormErrors, rows: [Row], total: Int, pageSize: Int, recordTypes: [String]) {
            self.query = query
            self.errors = errors
            self.rows = rows
            self.total = total
            self.pageSize = pageSize
            self.recordTypes = recordTypes
        }
    }

    public static func render(_ model: Model, context: PageContext, showAdminMenu: Bool) -> String {
        let f = model.query
        let first = model.total == 0 ? 0 : (model.query.page - 1) * model.pageSize + 1
        let last = min(model.total, model.query.page * model.pageSize)
        return Layout.render(
            context,
            main: .group(
                .h1(.text("Audit trail")),
                .if(showAdminMenu, AdminMenu.render(current: .admin(.auditTrail()))),
                .p(
                    .class("lead"),
                    .text("Every sign-in, every change, every view of a child's record and every export. Records are never changed or removed.")),
                Form.errorSummary(model.errors),
                .element(
                    named: "form",
                    nodes: [
                        .attribute(named: "method", value: "get"),
                        .attribute(named: "action", value: SiteURL.admin(.auditTrail()).path),
                        .class("filters"),
                        .attribute(named: "aria-label", value: "Filter the audit trail"),
                        Form.textField("username", label: "Username", value: f.username, errors: model.errors, autocomplete: "off"),
                        Form.select(
                            "recordType", label: "Record type", choices: model.recordTypes.map { Form.Choice(value: $0, label: $0) },
                            selected: f.recordType, errors: model.errors, includeBlank: "Any"),
                        Form.textField("recordID", label: "Record id", value: f.recordID, errors: model.errors, autocomplete: "off"),
                        Form.dateInput("from", legend: "From", value: f.from, errors: model.errors),
                        Form.dateInput("to", legend: "To", value: f.to, errors: model.errors),
                        .div(.class("actions"), Form.submit("Search"), .a(.href(SiteURL.admin(.auditTrail()).path), .text("Clear filters"))),
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
        var next = model.query
        next.page += 1
        return SiteURL.admin(.auditTrail(next)).path
    }
}
