import WaymarkDomain
import WaymarkRouting
import WaymarkUI

public enum UsersPage {
    public struct Row: Sendable {
        public var id: String
        public var username: String
        public var displayName: String
        public var role: Role
        public var placement: String
        public var isDisabled: Bool
        public var lastSignIn: String?
        /// The last day the account works, written, and whether it has passed.
        public var lastDay: String?, hasEnded: Bool
        public init(
            id: String, username: String, displayName: String, role: Role, placement: String, isDisabled: Bool, lastSignIn: String?,
            lastDay: String? = nil, hasEnded: Bool = false
        ) {
            (self.lastDay, self.hasEnded) = (lastDay, hasEnded)
            self.id = id
            self.username = username
            self.displayName = displayName
            self.role = role
            self.placement = placement
            self.isDisabled = isDisabled
            self.lastSignIn = lastSignIn
        }
    }

    public static func render(rows: [Row], context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text("Users")),
                AdminMenu.render(current: .admin(.users)),
                .div(.class("actions"), .a(.class("button"), .href(SiteURL.admin(.newUser).path), .text("Add a user"))),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("\(rows.count) users")),
                        .thead(
                            .tr(
                                .th(.text("Name")), .th(.text("Username")), .th(.text("Role")), .th(.text("Organisation, team or service area")),
                                .th(.text("Status")), .th(.text("Last signed in (UTC)")))),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .td(.a(.href(SiteURL.admin(.user(id: row.id)).path), .text(row.displayName))),
                                    .td(.text(row.username)),
                                    .td(.text(row.role.displayName)),
                                    .td(.text(row.placement)),
                                    .td(status(row)),
                                    .td(.text(row.lastSignIn ?? "Never"))
                                )
                            })
                    ))
            ))
    }

    static func status(_ row: Row) -> Node<HTML.BodyContext> {
        if row.isDisabled { return .span(.class("tag tag--red"), .text("Disabled")) }
        guard let last = row.lastDay else { return .span(.class("tag"), .text("Active")) }
        return row.hasEnded
            ? .span(.class("tag tag--red"), .text("Ended (last day \(last))")) : .span(.class("tag"), .text("Active until \(last)"))
    }
}

/// Links between the admin pages, shown at the top of each.
enum AdminMenu {
    static func render(current: SiteURL) -> Node<HTML.BodyContext> {
        let items: [(SiteURL, String)] = [
            (.admin(.users), "Users"), (.admin(.organisations), "Organisations"), (.admin(.serviceAreas), "Service areas"),
            (.admin(.teams), "Teams"), (.admin(.apiTokens), "API tokens"), (.admin(.auditTrail()), "Audit trail"),
        ]
        return .nav(
            .attribute(named: "aria-label", value: "Admin"),
            .ul(
                .class("actions"),
                .forEach(items) { url, label in
                    .li(.a(.href(url.path), .if(url == current, .attribute(named: "aria-current", value: "page")), .text(label)))
                })
        )
    }
}
